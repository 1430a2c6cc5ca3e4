import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A set of output files written so that nobody ever sees a half-written one, or a folder
/// with some files new and some old: each file is written under a temporary name in its final
/// folder, and only when every file is complete are they renamed into place. Whatever is not
/// committed is removed, along with any folder this run created.
struct StagedFiles: ~Copyable {
  let folder: String
  private var staged: [(temporary: String, final: String)] = []
  private var createdFolders: [String] = []

  init(folder: String) { self.folder = folder }

  /// A temporary path in the output folder for a file that will become `name`; the caller
  /// (e.g. a C library) writes it.
  mutating func reserve(_ name: String) throws(PipelineError) -> String {
    try makeFolder()
    if staged.isEmpty { Self.sweepStale(in: folder) }
    let temporary = "\(folder)/.\(name).partial-\(getpid())"
    staged.append((temporary, "\(folder)/\(name)"))
    return temporary
  }

  /// Writes `bytes` under a temporary name for the file `name`.
  mutating func stage(_ name: String, bytes: [UInt8]) throws(PipelineError) {
    let temporary = try reserve(name)
    guard Self.createFile(temporary, bytes: bytes) else {
      throw PipelineError("cannot write \(temporary) (permission denied or disk full?)", hint: "choose a writable folder with --output")
    }
  }

  /// Writes `bytes` to a new file at `path` with plain system calls. (`FileManager.createFile`
  /// writes a second temporary file, waits for it to reach the disk and renames it: most of a
  /// millisecond per file, for a guarantee the staging already gives.)
  private static func createFile(_ path: String, bytes: [UInt8]) -> Bool {
    let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
    guard file >= 0 else { return false }
    var written = 0
    let complete = bytes.withUnsafeBytes { buffer in
      while written < buffer.count {
        let count = write(file, buffer.baseAddress! + written, buffer.count - written)
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { return false }
        written += count
      }
      return true
    }
    return close(file) == 0 && complete
  }

  /// Renames every staged file into place and returns the final paths: all of them, or none.
  /// Something other than a file where one goes (a folder) refuses the set before anything is
  /// replaced; a rename that fails midway puts back the files replaced so far, whose previous
  /// versions are kept under a second name (a hard link) until every file is in place.
  mutating func commit() throws(PipelineError) -> [String] {
    for file in staged where !FileManager.default.fileExists(atPath: file.temporary) {
      throw PipelineError("\(file.final) was not written")
    }
    for file in staged {
      var status = stat()
      let type = lstat(file.final, &status) == 0 ? status.st_mode & S_IFMT : S_IFREG
      guard type == S_IFREG || type == S_IFLNK else {
        throw PipelineError(
          "cannot replace \(file.final): it is \(type == S_IFDIR ? "a folder, not a file" : "not a regular file")",
          hint: "move it out of the way, or choose another folder with --output")
      }
    }
    var previous: [String?] = []
    defer { for case let backup? in previous { unlink(backup) } }
    for file in staged {
      let backup = "\(folder)/.\(file.final.dropFirst(folder.count + 1)).previous-\(getpid())"
      unlink(backup)
      guard link(file.final, backup) != 0 else {
        previous.append(backup)
        continue
      }
      let reason = errno
      if reason == ENOENT {
        previous.append(nil)
      } else if (try? FileManager.default.copyItem(atPath: file.final, toPath: backup)) != nil {
        previous.append(backup)  // a file system without hard links
      } else {
        throw PipelineError("cannot keep the previous \(file.final) while replacing it: \(String(cString: strerror(reason)))")
      }
    }
    for (index, file) in staged.enumerated() {
      guard rename(file.temporary, file.final) == 0 else {
        let reason = String(cString: strerror(errno))
        for (done, backup) in zip(staged[..<index], previous) {
          if let backup { rename(backup, done.final) } else { unlink(done.final) }
        }
        throw PipelineError("cannot replace \(file.final): \(reason)")
      }
    }
    let committed = staged.map(\.final)
    staged = []
    createdFolders = []
    return committed
  }

  /// Removes the files of our own naming (`.NAME.partial-PID`, `.NAME.previous-PID`) that a
  /// run killed midway left in `folder`: those whose process no longer exists. A run still
  /// writing into the same folder keeps its files.
  static func sweepStale(in folder: String) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for name in names where name.hasPrefix(".") {
      guard let pid = stalePID(name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
      unlink("\(folder)/\(name)")
    }
  }

  /// The process id in a name `.NAME.partial-PID` or `.NAME.previous-PID`, nil for any other name.
  static func stalePID(_ name: String) -> pid_t? {
    for marker in [".partial-", ".previous-"] {
      guard let range = name.range(of: marker, options: .backwards), range.lowerBound > name.index(after: name.startIndex) else { continue }
      let digits = name[range.upperBound...]
      guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let pid = pid_t(digits), pid > 0 else { continue }
      return pid
    }
    return nil
  }

  /// The names of the files staged so far, in order (`emissions.csv`, `workbook.xlsx` …).
  var stagedNames: [String] { staged.map { String($0.final.dropFirst(folder.count + 1)) } }

  /// Removes what was staged but not committed, and the folders this run created.
  func discard() {
    for file in staged { unlink(file.temporary) }
    for created in createdFolders.reversed() { rmdir(created) }
  }

  /// The folder holding `path` ("" for a relative single component). Plain string work:
  /// Foundation's `deletingLastPathComponent` traps on one-character paths (Swift 6.3.1, Linux).
  static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  private mutating func makeFolder() throws(PipelineError) {
    var missing: [String] = []
    var path = folder
    var isDirectory: ObjCBool = false
    while !path.isEmpty, path != "/", !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      missing.append(path)
      path = Self.parent(of: path)
    }
    if !path.isEmpty, path != "/", !isDirectory.boolValue {
      throw PipelineError("cannot create the output folder \(folder): \(path) is a file, not a folder", hint: "choose a writable folder with --output")
    }
    for created in missing.reversed() {
      guard mkdir(created, 0o755) == 0 || errno == EEXIST else {
        throw PipelineError(
          "cannot create the output folder \(folder): \(created): \(String(cString: strerror(errno)))", hint: "choose a writable folder with --output")
      }
      createdFolders.append(created)
    }
  }
}
