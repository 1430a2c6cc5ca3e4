import CementModel
import Foundation
import Importing

/// The layout of an inputs folder (see `Inputs/README.md`):
///
///     yearbook/<province>/*.csv        energy-by-industry tables and the products table
///     methodologies/<name>.yaml        methodologies
///     published/<province>/<name>.yaml published tables to verify against
///     ceads/                           CEADs workbooks (optional; see ``CEADsSource``)
///
/// A folder of CEADs workbooks alone (`../shared/data/ceads`) is an inputs folder too: its
/// provinces are those of the workbooks, and methodologies are looked up in
/// `./Inputs/methodologies` when it has none of its own.
public struct InputFolder: Sendable {
  public let root: String
  /// The folder of CEADs workbooks: the one given, else the root when it holds them, else `<root>/ceads` when that does.
  public let ceadsFolder: String?

  public init(root: String, ceads: String? = nil) {
    self.root = root
    ceadsFolder = ceads ?? [root, root + "/ceads"].first(where: CEADsSource.isCEADsFolder)
  }

  /// Where methodologies are looked up by name: the inputs' own folder, then the bundled library
  /// (`./Inputs/methodologies` when there is one, then the copy built into the binary).
  public var methodologyFolders: [String] {
    let own = root + "/methodologies"
    return (own == Self.bundledMethodologies ? [own] : [own, Self.bundledMethodologies]) + [BuiltIn.methodologiesFolder]
  }

  static let bundledMethodologies = "Inputs/methodologies"

  public var yearbookFolder: String { root + "/yearbook" }

  /// The provinces with a yearbook folder, sorted.
  public func provinces() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: yearbookFolder)) ?? [])
      .filter { isDirectory(yearbookFolder + "/" + $0) && !$0.hasPrefix(".") }
      .sorted()
  }

  /// The province folder named `name` (case-insensitive), or the only one when `name` is nil.
  public func resolveProvince(_ name: String?) throws(PipelineError) -> String {
    let available = provinces()
    guard isDirectory(root) else {
      throw PipelineError("inputs folder '\(root)' does not exist", hint: "pass --inputs DIR, a folder laid out as Inputs/README.md describes")
    }
    if let name {
      if let match = available.first(where: { $0.lowercased() == name.lowercased() }) { return match }
      // A province of the CEADs workbooks; whether they hold it is known once they are read.
      if ceadsFolder != nil { return CEADsImporter.provinceID(name) }
      throw PipelineError(
        "no province '\(name)' in \(yearbookFolder)",
        hint: available.isEmpty ? "add a folder \(yearbookFolder)/\(name.lowercased())/ with its tables" : "available: \(available.joined(separator: ", "))")
    }
    guard available.count == 1 else {
      if available.isEmpty, let ceadsFolder {
        throw PipelineError(
          "the CEADs workbooks in \(ceadsFolder) hold many provinces: choose one with --province",
          hint: "for example --province liaoning; or account them all with `cement-accounts batch`")
      }
      throw PipelineError(
        available.isEmpty ? "no province folder in \(yearbookFolder)" : "several provinces in \(yearbookFolder): choose one with --province",
        hint: available.isEmpty ? "put each province's tables in \(yearbookFolder)/<province>/" : "available: \(available.joined(separator: ", "))")
    }
    return available[0]
  }

  /// The table files of a province, sorted by name.
  public func tableFiles(province: String) -> [String] {
    let folder = yearbookFolder + "/" + province
    return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { name in ["csv", "tsv", "txt"].contains(name.split(separator: ".").last.map { $0.lowercased() } ?? "") && !name.hasPrefix(".") }
      .sorted()
      .map { folder + "/" + $0 }
  }

  /// The path of a methodology given by name (`study-2025`) or as a path to a file.
  public func methodologyPath(_ nameOrPath: String) throws(PipelineError) -> String {
    if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
      guard FileManager.default.fileExists(atPath: nameOrPath) else { throw PipelineError("methodology file '\(nameOrPath)' does not exist") }
      return nameOrPath
    }
    let candidates = methodologyFolders.map { $0 + "/" + nameOrPath + ".yaml" }
    guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) || BuiltIn.text($0) != nil }) else {
      let known = Set(methodologyFolders.flatMap { folder in
        (((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []) + BuiltIn.names(in: folder))
          .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
      }).sorted()
      throw PipelineError(
        "no methodology '\(nameOrPath)' in \(methodologyFolders.dropLast().joined(separator: " or ")) or the built-in ones",
        hint: known.isEmpty ? "pass a path to a .yaml file" : "available: \(known.joined(separator: ", "))")
    }
    return path
  }

  /// The published-table descriptions of a province.
  public func publishedTables(province: String) -> [String] {
    let folder = root + "/published/" + province
    return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasSuffix(".yaml") }.sorted().map { folder + "/" + $0 }
  }

  private func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }
}

/// Reads a whole file, with a message naming it when that fails.
///
/// Through `FileHandle` rather than `FileManager.contents(atPath:)`: on Linux, Foundation
/// (Swift 6.3) leaks a 4 KiB buffer for every file whose size is 0, and an empty table is a
/// bad input the tests run, under AddressSanitizer too (LeakSanitizer then adds its report to
/// the one-line error).
func readBytes(_ path: String) throws(PipelineError) -> [UInt8] {
  if let text = BuiltIn.text(path) { return Array(text.utf8) }
  guard let handle = FileHandle(forReadingAtPath: path) else {
    throw PipelineError("\(path): cannot read the file (missing or not readable)")
  }
  defer { try? handle.close() }
  // A folder opens, then fails to read.
  guard let data = try? handle.readToEnd() ?? Data() else {
    throw PipelineError("\(path): cannot read the file (missing or not readable)")
  }
  return [UInt8](data)
}

/// Reads a UTF-8 text file.
@Sendable func readText(_ path: String) throws -> String {
  let bytes = try readBytes(path)
  guard let text = String(validating: bytes, as: UTF8.self) else { throw PipelineError("\(path): not valid UTF-8 text") }
  return text
}
