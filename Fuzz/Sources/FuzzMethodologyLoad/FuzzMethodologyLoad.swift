import FuzzerDriver
import Foundation
import Glibc
import Importing

/// One libFuzzer run: any bytes, read as a methodology file `fuzz.yaml` in the folder of the
/// bundled methodologies, so that `inherits:` reaches them (their texts are read once, at
/// start, from `Inputs/methodologies/` of the working directory); then the same bytes as a
/// published-table description. A thrown `MethodologyError` is a fine answer; a crash, a trap,
/// a hang (an alias bomb), a leak or a sanitizer report is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = String(decoding: data.map { UnsafeBufferPointer(start: $0, count: size) } ?? UnsafeBufferPointer(start: nil, count: 0), as: UTF8.self)
  let loader = MethodologyLoader { path in
    if path == fuzzPath { return text }
    guard let bundled = bundled[path] else { throw NotFound() }
    return bundled
  }
  do {
    let methodology = try loader.load(path: fuzzPath)
    _ = String(describing: methodology)
  } catch {
    _ = error.description
  }
  do {
    let table = try PublishedTableLoader { path in
      if path == fuzzPath { return text }
      // The table the description names: the bytes again, as CSV.
      return text
    }.load(path: fuzzPath)
    _ = String(describing: table)
  } catch {
    _ = error.description
  }
  return 0
}

private struct NotFound: Error {}

private let folder = "Inputs/methodologies"
private let fuzzPath = folder + "/fuzz.yaml"

/// The bundled methodologies by path, as the loader asks for them.
private let bundled: [String: String] = {
  var texts: [String: String] = [:]
  for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".yaml") {
    if let data = FileManager.default.contents(atPath: folder + "/" + name) { texts[folder + "/" + name] = String(decoding: data, as: UTF8.self) }
  }
  return texts
}()

@main
enum FuzzMethodologyLoad {
  static func main() {
    _ = bundled.count
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, fuzz))
  }
}
