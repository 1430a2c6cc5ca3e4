import FuzzerDriver
import Glibc
import Importing

/// One libFuzzer run: any bytes, read as a yearbook table — as the pipeline reads it (telling
/// the kind by content), then as each kind, so that either reader sees tables of the other kind.
/// A thrown `ImportError` is a fine answer; a crash, a trap, a hang or a sanitizer report is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  do {
    switch try importer.importTable(bytes, file: "fuzz.csv") {
    case .energy(let table): describe(table.records, table.findings)
    case .products(let table): describe(table.records, table.findings)
    }
  } catch {
    // Not a table of either kind: a message is all there is, so the readers get their turn.
    _ = error.description
  }
  do {
    let table = try importer.importEnergyTable(bytes, file: "fuzz.csv")
    describe(table.records, table.findings)
  } catch {
    _ = error.description
  }
  do {
    let table = try importer.importProductsTable(bytes, file: "fuzz.csv")
    describe(table.records, table.findings)
  } catch {
    _ = error.description
  }
  return 0
}

/// Everything a reader shows of an import: what was read and what was noticed.
private func describe(_ records: [some Any], _ findings: [some CustomStringConvertible]) {
  _ = records.map { String(describing: $0) }
  _ = findings.map(\.description)
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
