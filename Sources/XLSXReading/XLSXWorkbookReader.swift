internal import Foundation

#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Darwin)
  internal import Darwin
#endif

/// An .xlsx workbook opened for reading: the list of its sheets, and each sheet's cells on
/// request.
///
/// Opening reads the file into memory and parses only the ZIP directory, `xl/workbook.xml`
/// and its relationships. A sheet is inflated and scanned when ``sheet(named:)`` asks for it;
/// the shared-string table is parsed once, when the first sheet that uses it is read.
///
/// The reader may be shared between threads (its one lazily filled cache is locked), and
/// the ``XLSXSheet`` values it returns are plain `Sendable` values. To read many workbooks
/// quickly, open one reader per workbook on each thread.
///
/// Values only: formulas give their cached results, and styles, number formats, merged
/// ranges, comments and charts are not read. Dates are the numbers Excel stores.
public final class XLSXWorkbookReader: @unchecked Sendable {
  /// The path the workbook was opened from, as given (or the name given with its bytes).
  public let path: String
  /// The names of the sheets, in workbook (tab) order, hidden ones included.
  public let sheetNames: [String]

  private let archive: ZIPArchive
  /// For each sheet, its part name, or why it cannot be read.
  private let sheetParts: [Result<String, ReadFailure>]
  private let sharedStringsPart: String?
  private let lock = NSLock()
  /// Guarded by `lock`.
  private var cachedSharedStrings: [String]?

  /// Opens the workbook at `path`.
  ///
  /// Throws when the file cannot be read, is not a ZIP archive (for example a CSV or an old
  /// .xls saved with the wrong extension), is password-protected (Excel then writes an
  /// OLE compound file, not a ZIP), is truncated, or has no readable `xl/workbook.xml`.
  public convenience init(path: String) throws(XLSXReadError) {
    let bytes: [UInt8]
    do throws(ReadFailure) {
      bytes = try Self.readFile(path)
    } catch {
      throw XLSXReadError(file: path, cell: error.cell, message: error.message, hint: error.hint)
    }
    try self.init(bytes: bytes, name: path)
  }

  /// Opens a workbook already in memory (a download, an upload, a fuzzer's input).
  ///
  /// - Parameters:
  ///   - bytes: The whole .xlsx file.
  ///   - name: What to call the workbook in errors, in place of a path; kept as ``path``.
  /// - Throws: As ``init(path:)`` does for the file's contents.
  public init(bytes: [UInt8], name: String) throws(XLSXReadError) {
    self.path = name
    do throws(ReadFailure) {
      try Self.checkSignature(bytes)
      let archive = try ZIPArchive(bytes: bytes)

      // The package relationships name the workbook part; `xl/workbook.xml` by convention.
      var workbookPart = "xl/workbook.xml"
      if let entry = archive.entry(named: "_rels/.rels") {
        let contents = try archive.contents(of: entry)
        let relationships = try contents.withUnsafeBufferPointer { bytes throws(ReadFailure) in
          try PackageParts.relationships(bytes, partName: "_rels/.rels", sourcePart: "")
        }
        if let office = relationships.values.first(where: { $0.type.hasSuffix("/officeDocument") }),
          let target = office.target, archive.entry(named: target) != nil
        {
          workbookPart = target
        }
      }
      guard let workbookEntry = archive.entry(named: workbookPart) else {
        throw ReadFailure(
          "the workbook is corrupt: the ZIP archive has no \(workbookPart)",
          hint: "this is a ZIP archive but not an Excel workbook (a .docx, .pptx or another ZIP?); "
            + "open it in Excel or LibreOffice and save it as .xlsx")
      }
      let sheets = try archive.contents(of: workbookEntry).withUnsafeBufferPointer { bytes throws(ReadFailure) in
        try PackageParts.sheets(bytes, partName: workbookPart)
      }

      let relationshipsPart = PackageParts.resolve(
        "_rels/" + (workbookPart.split(separator: "/").last.map(String.init) ?? "workbook.xml") + ".rels",
        relativeTo: workbookPart)
      var relationships: [String: PackageParts.Relationship] = [:]
      if let entry = archive.entry(named: relationshipsPart) {
        relationships = try archive.contents(of: entry).withUnsafeBufferPointer { bytes throws(ReadFailure) in
          try PackageParts.relationships(bytes, partName: relationshipsPart, sourcePart: workbookPart)
        }
      }

      self.archive = archive
      sheetNames = sheets.map(\.name)
      sheetParts = sheets.map { sheet in
        let missing = ReadFailure(
          "the workbook lists sheet '\(sheet.name)' but its part is missing",
          hint: "the workbook is damaged; open it in Excel or LibreOffice and save it again")
        guard let id = sheet.relationshipID, let relationship = relationships[id], let part = relationship.target
        else { return .failure(missing) }
        if relationship.type.hasSuffix("/chartsheet") {
          return .failure(
            ReadFailure(
              "'\(sheet.name)' is a chart sheet; it has no cells",
              hint: "read the worksheet that holds the chart's data instead"))
        }
        return .success(part)
      }
      let sharedStrings = relationships.values.first { $0.type.hasSuffix("/sharedStrings") }?.target
      sharedStringsPart =
        sharedStrings ?? (archive.entry(named: "xl/sharedStrings.xml") != nil ? "xl/sharedStrings.xml" : nil)
    } catch {
      throw XLSXReadError(file: name, cell: error.cell, message: error.message, hint: error.hint)
    }
  }

  /// The sheet called `name` (the exact name first, then ignoring case, as Excel does).
  ///
  /// Throws when there is no such sheet, with the available names in the hint; when the
  /// sheet is a chart sheet; or when its XML is damaged, naming the cell where it can.
  public func sheet(named name: String) throws(XLSXReadError) -> XLSXSheet {
    let index =
      sheetNames.firstIndex(of: name)
      ?? {
        let lowered = name.lowercased()
        let matches = sheetNames.indices.filter { sheetNames[$0].lowercased() == lowered }
        return matches.count == 1 ? matches[0] : nil
      }()
    guard let index else {
      throw XLSXReadError(
        file: path, message: "the workbook has no sheet named '\(name)'",
        hint: sheetNames.isEmpty
          ? "the workbook has no sheets at all"
          : "its sheets are: " + sheetNames.map { "'\($0)'" }.joined(separator: ", "))
    }
    return try sheet(at: index)
  }

  /// The sheet at `index` in workbook (tab) order, 0-based.
  public func sheet(at index: Int) throws(XLSXReadError) -> XLSXSheet {
    guard sheetNames.indices.contains(index) else {
      throw XLSXReadError(
        file: path, message: "there is no sheet at index \(index)",
        hint: "the workbook has \(sheetNames.count) sheets, indices 0 to \(sheetNames.count - 1)")
    }
    let name = sheetNames[index]
    do throws(ReadFailure) {
      let part = try sheetParts[index].get()
      guard let entry = archive.entry(named: part) else {
        throw ReadFailure(
          "the workbook is corrupt: sheet '\(name)' should be in \(part), which the ZIP archive does not have",
          hint: "the workbook is damaged; open it in Excel or LibreOffice and save it again")
      }
      let contents = try archive.contents(of: entry)
      let parsed = try contents.withUnsafeBufferPointer { bytes throws(ReadFailure) in
        try WorksheetParser(bytes, partName: part, sharedStrings: sharedStrings)
      }
      return XLSXSheet(name: name, file: path, parsed: parsed)
    } catch {
      throw XLSXReadError(file: path, sheet: name, cell: error.cell, message: error.message, hint: error.hint)
    }
  }

  /// The shared-string table, parsed on first use.
  private func sharedStrings() throws(ReadFailure) -> [String] {
    lock.lock()
    defer { lock.unlock() }
    if let cachedSharedStrings { return cachedSharedStrings }
    var strings: [String] = []
    if let part = sharedStringsPart {
      guard let entry = archive.entry(named: part) else {
        throw ReadFailure(
          "the workbook is corrupt: its shared strings should be in \(part), which the ZIP archive does not have",
          hint: "the workbook is damaged; open it in Excel or LibreOffice and save it again")
      }
      strings = try archive.contents(of: entry).withUnsafeBufferPointer { bytes throws(ReadFailure) in
        try PackageParts.sharedStrings(bytes, partName: part)
      }
    }
    cachedSharedStrings = strings
    return strings
  }

  // MARK: Opening

  /// The whole file; workbooks are small next to memory, and one read is the fastest way in.
  private static func readFile(_ path: String) throws(ReadFailure) -> [UInt8] {
    // A named pipe, device or socket is refused before it is opened: opening a FIFO waits
    // for a writer, forever. O_NONBLOCK covers a file swapped for one in between.
    var before = stat()
    if stat(path, &before) == 0, (before.st_mode & S_IFMT) != S_IFREG, (before.st_mode & S_IFMT) != S_IFDIR {
      throw ReadFailure("cannot read the workbook: it is \(fileKind(before.st_mode)), not a regular file")
    }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else {
      let reason = String(cString: strerror(errno))
      throw ReadFailure("cannot open the workbook: \(reason)", hint: errno == ENOENT ? "check the path" : nil)
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw ReadFailure("cannot read the workbook: \(String(cString: strerror(errno)))")
    }
    guard (status.st_mode & S_IFMT) == S_IFREG else {
      throw ReadFailure("cannot read the workbook: it is \(fileKind(status.st_mode)), not a regular file")
    }
    let size = Int(status.st_size)
    guard size <= ZIPArchive.maximumTotalSize else {
      throw ReadFailure(
        "the file is \(size) bytes, more than the \(ZIPArchive.maximumTotalSize) (\(ZIPArchive.maximumTotalSize >> 20) MiB) this reader accepts",
        hint: "a yearbook workbook is a few megabytes at most; check that this is the right file")
    }
    var bytes = [UInt8](repeating: 0, count: size)
    var total = 0
    while total < size {
      let count = bytes.withUnsafeMutableBytes { buffer in
        read(descriptor, buffer.baseAddress! + total, size - total)
      }
      if count < 0, errno == EINTR { continue }
      guard count >= 0 else { throw ReadFailure("cannot read the workbook: \(String(cString: strerror(errno)))") }
      if count == 0 { break }  // the file shrank while being read
      total += count
    }
    if total < size { bytes.removeLast(size - total) }
    return bytes
  }

  /// Refuses, with a precise reason, files that are not ZIP archives.
  private static func checkSignature(_ bytes: [UInt8]) throws(ReadFailure) {
    let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    if bytes.starts(with: ole) {
      // Excel encrypts a protected .xlsx into an OLE compound file with an
      // "EncryptedPackage" stream; an .xls has a "Workbook" (or "Book") stream instead.
      if !contains(bytes, utf16: "EncryptedPackage"),
        contains(bytes, utf16: "Workbook") || contains(bytes, utf16: "Book")
      {
        throw ReadFailure(
          "not an .xlsx workbook: this is an Excel 97–2003 binary workbook (.xls)",
          hint: "open it in Excel or LibreOffice and save it as .xlsx")
      }
      throw ReadFailure(
        "the workbook is password-protected (it is an encrypted OLE compound file, not a ZIP archive)",
        hint:
          "open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password) and save it")
    }
    guard bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B,
      (bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6)
    else {
      let head = bytes.prefix(8)
      let shown = head.map { String($0, radix: 16, uppercase: true).leftPadded(to: 2) }.joined(separator: " ")
      let printable = String(decoding: head.map { (0x20..<0x7F).contains($0) ? $0 : UInt8(ascii: ".") }, as: UTF8.self)
      throw ReadFailure(
        "not an .xlsx workbook (not a ZIP archive)",
        hint: bytes.isEmpty
          ? "the file is empty"
          : "an .xlsx file is a ZIP archive and starts with the bytes 50 4B (\"PK\"); this one starts with \(shown) (\"\(printable)\")"
      )
    }
  }

  private static func contains(_ bytes: [UInt8], utf16 text: String) -> Bool {
    let pattern = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    guard let first = pattern.first, bytes.count >= pattern.count else { return false }
    var index = 0
    while index <= bytes.count - pattern.count {
      if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
      index += 1
    }
    return false
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}

/// What a file that is not a regular file is, for messages: "a folder", "a named pipe (FIFO)" …
func fileKind(_ mode: mode_t) -> String {
  switch mode & S_IFMT {
  case S_IFDIR: "a folder"
  case S_IFIFO: "a named pipe (FIFO)"
  case S_IFCHR: "a character device"
  case S_IFBLK: "a block device"
  case S_IFSOCK: "a socket"
  case S_IFLNK: "a symbolic link"
  default: "not a regular file"
  }
}
