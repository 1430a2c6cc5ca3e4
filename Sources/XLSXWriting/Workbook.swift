internal import CInterposers
internal import CXlsxWriter

#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Darwin)
  internal import Darwin
#endif

/// A moment in UTC, written into `docProps/core.xml` as the workbook's creation time.
///
/// It is always passed in, never read from the clock, so that the same inputs give a
/// byte-identical workbook.
public struct CreationDate: Sendable, Hashable {
  /// Four-digit year, 1970 or later.
  public var year: Int
  /// 1...12.
  public var month: Int
  /// 1...31, valid for the month.
  public var day: Int
  /// 0...23, UTC.
  public var hour: Int
  /// 0...59.
  public var minute: Int
  /// 0...59.
  public var second: Int

  /// A UTC date and time; it must be after 1970-01-01T00:00:00Z.
  public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
  }

  /// Seconds since 1970-01-01T00:00:00Z, or nil for an impossible date.
  var secondsSinceEpoch: Int? {
    guard (1970...9999).contains(year), (1...12).contains(month), (0...23).contains(hour),
      (0...59).contains(minute), (0...59).contains(second)
    else { return nil }
    let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let monthLengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard (1...monthLengths[month - 1]).contains(day) else { return nil }
    // Days from civil date (H. Hinnant's algorithm), with March as the first month of the year.
    let y = month <= 2 ? year - 1 : year
    let era = y / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    return ((days * 24 + hour) * 60 + minute) * 60 + second
  }
}

/// The document properties Excel shows under File › Info; nil fields are left out.
public struct DocumentProperties: Sendable, Hashable {
  /// Title (`dc:title`).
  public var title: String?
  /// Subject (`dc:subject`).
  public var subject: String?
  /// Author (`dc:creator`).
  public var author: String?
  /// Company (in `docProps/app.xml`).
  public var company: String?
  /// Category (`cp:category`).
  public var category: String?
  /// Keywords (`cp:keywords`).
  public var keywords: String?
  /// Comments (`dc:description`).
  public var comments: String?
  /// The fixed creation time; see ``CreationDate``.
  public var created: CreationDate

  /// Properties with a fixed creation time.
  public init(
    title: String? = nil, subject: String? = nil, author: String? = nil, company: String? = nil,
    category: String? = nil, keywords: String? = nil, comments: String? = nil, created: CreationDate
  ) {
    self.title = title
    self.subject = subject
    self.author = author
    self.company = company
    self.category = category
    self.keywords = keywords
    self.comments = comments
    self.created = created
  }
}

/// An Excel workbook being built in memory and written to `path` by ``close()``.
///
/// The workbook owns all of libxlsxwriter's memory: worksheets, formats and charts live
/// until `close()`. After that every method throws ``XLSXError/Kind/workbookClosed``.
/// The file is first written next to `path` and renamed into place only when complete, so
/// a failure never leaves a half-written workbook; a workbook dropped without `close()`
/// frees its memory and writes nothing.
public final class Workbook {
  /// Where ``close()`` writes the workbook.
  public let path: String
  /// The partial file libxlsxwriter writes before it is renamed to `path`.
  private let stagingPath: String
  /// zlib's level for the parts of the file, 0 (stored) to 9.
  private let compressionLevel: Int32
  private var handle: UnsafeMutablePointer<lxw_workbook>?
  /// One libxlsxwriter format per distinct style, owned by the workbook.
  private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
  /// The styles asked for last and their formats, the latest first: a row cycles through a
  /// few styles, and comparing is cheaper than hashing.
  private var recentFormats: [(style: CellStyle, format: UnsafeMutablePointer<lxw_format>)] = []
  /// Chart series ranges whose data caches ``close()`` fills (see ChartDataCache.swift).
  private var chartRanges: [ChartRange] = []
  /// The page header and footer of every worksheet added from now on (print layout).
  public var pageHeader: HeaderFooter?
  /// The page footer of every worksheet added from now on.
  public var pageFooter: HeaderFooter?

  /// Starts an empty workbook that ``close()`` will write to `path`.
  ///
  /// libxlsxwriter's scratch files, one per part of the workbook, are streams in memory
  /// (`lxw_tmpfile` in `Sources/CInterposers/scratch.c`): nothing is written but the file.
  ///
  /// - Parameters:
  ///   - properties: document properties, including the fixed creation date.
  ///   - compressionLevel: zlib's level for every part of the file, 0 (stored) to 9. The
  ///     default, 1, writes the file about twice as fast as zlib's default (6), about 20 %
  ///     larger.
  public init(path: String, properties: DocumentProperties, compressionLevel: Int = 1) throws(XLSXError) {
    self.path = path
    self.stagingPath = "\(path).\(getpid()).partial"
    guard (0...9).contains(compressionLevel) else {
      throw .invalid("create '\(path)'", "compression level \(compressionLevel) is not one of zlib's, 0 to 9")
    }
    self.compressionLevel = Int32(compressionLevel)
    guard let created = properties.created.secondsSinceEpoch, created > 0 else {
      throw .invalid("create '\(path)'", "creation date \(properties.created) is not a valid time after 1970-01-01")
    }
    // constant_memory stays off: merged cells need the whole sheet in memory, and it adds
    // nothing for workbooks of this size.
    var options = lxw_workbook_options()
    options.constant_memory = 0
    let workbook = workbook_new_opt(stagingPath, &options)
    guard let workbook else { throw .library(LXW_ERROR_MEMORY_MALLOC_FAILED, "create '\(path)'") }
    handle = workbook

    // workbook_set_properties copies every string (lxw_strdup in 1.1.4), so these
    // duplicates only need to outlive the call.
    var duplicates: [UnsafeMutablePointer<CChar>] = []
    defer { duplicates.forEach { free($0) } }
    func duplicate(_ text: String?) -> UnsafeMutablePointer<CChar>? {
      guard let text, let copy = strdup(text) else { return nil }
      duplicates.append(copy)
      return copy
    }
    var docProperties = lxw_doc_properties()
    docProperties.title = duplicate(properties.title)
    docProperties.subject = duplicate(properties.subject)
    docProperties.author = duplicate(properties.author)
    docProperties.company = duplicate(properties.company)
    docProperties.category = duplicate(properties.category)
    docProperties.keywords = duplicate(properties.keywords)
    docProperties.comments = duplicate(properties.comments)
    // A zero `created` would make libxlsxwriter write the current time.
    docProperties.created = time_t(created)
    try check(workbook_set_properties(workbook, &docProperties), "set the document properties of '\(path)'")
  }

  deinit {
    // Safety net only: free the C memory without writing a file.
    if let handle { lxw_workbook_free(handle) }
  }

  /// True once ``close()`` has run.
  public var isClosed: Bool { handle == nil }

  /// Adds a worksheet after the existing ones.
  ///
  /// Throws for a name Excel rejects: empty, longer than 31 characters, containing any of
  /// `[ ] : * ? / \`, starting or ending with `'`, or already used (case-insensitively).
  public func addWorksheet(named name: String) throws(XLSXError) -> Worksheet {
    let operation = "add worksheet '\(name)'"
    let workbook = try liveHandle(operation)
    guard !name.isEmpty else { throw .invalid(operation, "a worksheet name cannot be empty") }
    try check(workbook_validate_sheet_name(workbook, name), operation)
    guard let sheet = workbook_add_worksheet(workbook, name) else {
      throw .library(LXW_ERROR_PARAMETER_VALIDATION, operation)
    }
    let worksheet = Worksheet(workbook: self, handle: sheet, name: name)
    try worksheet.apply(PageSetup(header: pageHeader, footer: pageFooter))
    return worksheet
  }

  /// Writes the workbook to ``path`` and frees all of its memory. Runs at most once.
  ///
  /// Throws, writing nothing, when a chart refers to a sheet the workbook does not have.
  /// On any failure no file is left at `path` (an existing file there is kept) and the
  /// workbook is closed all the same.
  public func close() throws(XLSXError) {
    let operation = "write '\(path)'"
    let workbook = try liveHandle(operation)
    handle = nil  // workbook_close frees the workbook whatever it returns
    formats = [:]
    recentFormats = []
    defer { chartRanges = [] }
    // libxlsxwriter would silently write a chart pointing at nothing (#REF! in Excel).
    if let orphan = chartRanges.first(where: { workbook_get_worksheet_by_name(workbook, $0.cells.sheet) == nil }) {
      lxw_workbook_free(workbook)
      throw .invalid(operation, "a chart refers to \(orphan.cells), but there is no sheet '\(orphan.cells.sheet)'")
    }
    for range in chartRanges { range.fillCache(from: workbook) }
    // libxlsxwriter has no option for the level; see deflate.c.
    cement_set_deflate_level(compressionLevel)
    let result = workbook_close(workbook)
    cement_set_deflate_level(-1)
    guard result == LXW_NO_ERROR else {
      unlink(stagingPath)
      throw .library(result, operation)
    }
    guard rename(stagingPath, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(stagingPath)
      throw XLSXError(
        kind: .fileSystem, operation: operation, message: "moving the finished file into place failed: \(reason)")
    }
  }

  // MARK: Used by Worksheet

  func liveHandle(_ operation: @autoclosure () -> String) throws(XLSXError) -> UnsafeMutablePointer<lxw_workbook> {
    guard let handle else { throw .closed(operation()) }
    return handle
  }

  /// Remembers a chart range so that ``close()`` fills its data cache.
  func register(_ range: ChartRange) {
    range.describeBounds()
    chartRanges.append(range)
  }

  /// The shared format for `style`, created on first use; nil for no style.
  func format(for style: CellStyle?, _ operation: @autoclosure () -> String) throws(XLSXError)
    -> UnsafeMutablePointer<lxw_format>?
  {
    guard let style else { return nil }
    let workbook = try liveHandle(operation())
    if let recent = recentFormats.firstIndex(where: { $0.style == style }) {
      let format = recentFormats[recent].format
      if recent > 0 { recentFormats.insert(recentFormats.remove(at: recent), at: 0) }
      return format
    }
    if let format = formats[style] {
      remember(style, format)
      return format
    }
    if let numberFormat = style.numberFormat, numberFormat.utf8.count >= Int(LXW_FORMAT_FIELD_LEN) {
      throw .invalid(operation(), "number format '\(numberFormat)' is longer than 127 bytes")
    }
    guard let format = workbook_add_format(workbook) else {
      throw .library(LXW_ERROR_MEMORY_MALLOC_FAILED, operation())
    }
    if style.bold { format_set_bold(format) }
    if style.italic { format_set_italic(format) }
    if let size = style.fontSize { format_set_font_size(format, size) }
    if let color = style.fontColor { format_set_font_color(format, lxwColor(color)) }
    if let color = style.fillColor {
      format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
      format_set_bg_color(format, lxwColor(color))
    }
    if let numberFormat = style.numberFormat { format_set_num_format(format, numberFormat) }
    switch style.alignment {
    case .left: format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
    case .center: format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
    case .right: format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
    case nil: break
    }
    if style.wrapText { format_set_text_wrap(format) }
    switch style.border {
    case .thin: format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
    case .none: break
    }
    formats[style] = format
    remember(style, format)
    return format
  }

  private func remember(_ style: CellStyle, _ format: UnsafeMutablePointer<lxw_format>) {
    if recentFormats.count == 8 { recentFormats.removeLast() }
    recentFormats.insert((style, format), at: 0)
  }
}

/// libxlsxwriter reads color 0 as "unset", so black has its own marker value.
func lxwColor(_ rgb: UInt32) -> lxw_color_t {
  let color = rgb & 0xFF_FFFF
  return color == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : color
}

/// Calls `body` with a C string that lives for the call, or with nil.
func withOptionalCString<Result>(
  _ text: String?, _ body: (UnsafeMutablePointer<CChar>?) -> Result
) -> Result {
  guard let text else { return body(nil) }
  return text.withCString { body(UnsafeMutablePointer(mutating: $0)) }
}
