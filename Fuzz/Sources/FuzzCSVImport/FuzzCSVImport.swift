import FuzzerDriver
import Glibc
import Importing

/// One libFuzzer run: any bytes, read as a yearbook table. A thrown `ImportError` is a fine
/// answer; a crash, a trap or a sanitizer report is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  do {
    switch try importer.importTable(bytes, file: "fuzz.csv") {
    case .energy(let table): _ = (table.records.count, table.findings.map(\.description))
    case .products(let table): _ = (table.records.count, table.findings.map(\.description))
    }
  } catch {
    _ = error.description
  }
  return 0
}

private let importer = YearbookImporter()

@main
enum FuzzCSVImport {
  static func main() {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, fuzz))
  }
}
