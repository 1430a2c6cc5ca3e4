import CementModel
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
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
    for folder in [root, yearbookFolder] { if let denied = Self.unlistable(folder) { throw denied } }
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

  /// A permission-denied error when `folder` exists but cannot be listed, nil otherwise: a
  /// folder of mode 000 lists as empty through `FileManager`, which would read as "no tables".
  public static func unlistable(_ folder: String) -> PipelineError? {
    var status = stat()
    guard stat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return nil }
    guard access(folder, R_OK | X_OK) != 0 else { return nil }
    return PipelineError(
      "\(folder): error: permission denied: the folder cannot be listed",
      hint: "make it readable (chmod a+rx \(folder)), or run as a user who may read it")
  }

  private func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }
}

/// The largest input file read (256 MiB): yearbook tables are kilobytes, the CEADs workbooks
/// some hundreds of kilobytes; anything this large is not an input, and is refused before it
/// is read into memory.
let maximumInputSize = 256 << 20

/// Reads a whole file, with a message naming it when that fails.
///
/// Only a regular file is opened: a named pipe (FIFO) would block the open until a writer
/// comes, and a device or socket may never end, so the path is checked with `stat` first and
/// opened without blocking. A file that cannot be read for want of permission says so.
/// Plain system calls rather than `FileHandle`: on Linux, Foundation (Swift 6.3) leaks a
/// 4 KiB buffer for every file whose size is 0, and an empty table is a bad input the tests
/// run, under AddressSanitizer too.
func readBytes(_ path: String) throws(PipelineError) -> [UInt8] {
  func failure(_ reason: Int32) -> PipelineError {
    switch reason {
    case EACCES, EPERM:
      PipelineError("\(path): error: permission denied: the file cannot be read", hint: "make the file readable (chmod a+r), or run as a user who may read it")
    case ENOENT, ENOTDIR: PipelineError("\(path): error: cannot read the file: it does not exist")
    default: PipelineError("\(path): error: cannot read the file: \(String(cString: strerror(reason)))")
    }
  }
  if let text = BuiltIn.text(path) { return Array(text.utf8) }
  var status = stat()
  guard stat(path, &status) == 0 else { throw failure(errno) }
  try requireRegularFile(path, status)
  // Root reads whatever the mode says; everyone else is told before the open.
  guard access(path, R_OK) == 0 else { throw failure(errno) }
  let file = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
  guard file >= 0 else { throw failure(errno) }
  defer { close(file) }
  guard fstat(file, &status) == 0 else { throw failure(errno) }
  try requireRegularFile(path, status)
  let size = Int(status.st_size)
  var bytes = [UInt8](repeating: 0, count: size)
  var total = 0
  while total < size {
    let count = bytes.withUnsafeMutableBytes { buffer in read(file, buffer.baseAddress! + total, size - total) }
    if count < 0 && errno == EINTR { continue }
    guard count >= 0 else { throw failure(errno) }
    if count == 0 { break }  // the file shrank while it was read
    total += count
  }
  return total == size ? bytes : Array(bytes[..<total])
}

/// Refuses anything but a regular file of at most ``maximumInputSize`` bytes.
private func requireRegularFile(_ path: String, _ status: stat) throws(PipelineError) {
  let type = status.st_mode & S_IFMT
  guard type == S_IFREG else {
    let kind: String
    switch type {
    case S_IFDIR: kind = "a folder"
    case S_IFIFO: kind = "a named pipe (FIFO)"
    case S_IFCHR: kind = "a character device"
    case S_IFBLK: kind = "a block device"
    case S_IFSOCK: kind = "a socket"
    default: kind = "not a regular file"
    }
    throw PipelineError("\(path): error: cannot read the file: it is \(kind), not a regular file", hint: "inputs are regular files; replace it with the table itself")
  }
  guard Int(status.st_size) <= maximumInputSize else {
    throw PipelineError(
      "\(path): error: the file is \(status.st_size) bytes, more than the \(maximumInputSize >> 20) MiB an input may have",
      hint: "yearbook tables and workbooks are a few megabytes at most; check that this is the right file")
  }
}

/// Reads a UTF-8 text file.
@Sendable func readText(_ path: String) throws -> String {
  let bytes = try readBytes(path)
  guard let text = String(validating: bytes, as: UTF8.self) else { throw PipelineError("\(path): not valid UTF-8 text") }
  return text
}
