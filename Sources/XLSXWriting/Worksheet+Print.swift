internal import CXlsxWriter

/// How a sheet prints: the page layout options of libxlsxwriter's worksheet API
/// (`worksheet_set_landscape`, `worksheet_fit_to_pages`, `worksheet_repeat_rows`,
/// `worksheet_set_header`/`_footer`, `worksheet_print_area`, `worksheet_set_paper`), gathered
/// so that a writer states a sheet's print layout once and every sheet gets one.
public struct PageSetup: Sendable, Hashable {
  /// Landscape rather than portrait.
  public var landscape: Bool
  /// Scale so that every column fits one page width (any number of pages tall).
  public var fitToWidth: Bool
  /// Scale so that the whole sheet fits one page (a short table and its chart).
  public var fitToOnePage: Bool
  /// Rows printed at the top of every page (the header rows), 0-based; nil for none.
  public var repeatRows: ClosedRange<Int>?
  /// The page header and footer, three parts each (left, centre, right), as plain text;
  /// ``HeaderFooter/page`` and ``HeaderFooter/pages`` stand for the page number and count.
  public var header: HeaderFooter?
  /// The page footer (see ``header``).
  public var footer: HeaderFooter?
  /// The cells printed (rows and columns, 0-based, inclusive); nil prints what is written.
  public var printArea: (rows: ClosedRange<Int>, columns: ClosedRange<Int>)?
  /// ISO A4 paper (libxlsxwriter paper type 9) rather than the printer's default.
  public var a4: Bool

  /// A layout: portrait, one page wide and A4 unless told otherwise.
  public init(
    landscape: Bool = false, fitToWidth: Bool = true, fitToOnePage: Bool = false, repeatRows: ClosedRange<Int>? = nil, header: HeaderFooter? = nil,
    footer: HeaderFooter? = nil, printArea: (rows: ClosedRange<Int>, columns: ClosedRange<Int>)? = nil, a4: Bool = true
  ) {
    self.landscape = landscape
    self.fitToWidth = fitToWidth
    self.fitToOnePage = fitToOnePage
    self.repeatRows = repeatRows
    self.header = header
    self.footer = footer
    self.printArea = printArea
    self.a4 = a4
  }

  /// Equal when every option is.
  public static func == (a: PageSetup, b: PageSetup) -> Bool {
    a.landscape == b.landscape && a.fitToWidth == b.fitToWidth && a.fitToOnePage == b.fitToOnePage && a.repeatRows == b.repeatRows && a.header == b.header && a.footer == b.footer
      && a.printArea?.rows == b.printArea?.rows && a.printArea?.columns == b.printArea?.columns && a.a4 == b.a4
  }

  /// Hashes the options (the print area is left out; equality still compares it).
  public func hash(into hasher: inout Hasher) {
    hasher.combine(landscape)
    hasher.combine(fitToWidth)
    hasher.combine(fitToOnePage)
    hasher.combine(repeatRows)
    hasher.combine(header)
    hasher.combine(footer)
    hasher.combine(a4)
  }
}

/// A page header or footer: left, centre and right text.
public struct HeaderFooter: Sendable, Hashable {
  /// The text at the left of the page.
  public var left: String
  /// The text in the centre.
  public var center: String
  /// The text at the right.
  public var right: String

  /// Stands for the page number in a part's text.
  public static let page = "\u{E000}"
  /// Stands for the number of pages in a part's text.
  public static let pages = "\u{E001}"
  /// Stands for the sheet's name in a part's text.
  public static let sheet = "\u{E002}"

  /// A header or footer of three parts, any of them empty.
  public init(left: String = "", center: String = "", right: String = "") {
    self.left = left
    self.center = center
    self.right = right
  }

  /// The text in Excel's header code (`&L…&C…&R…`, `&P` page, `&N` pages, `&A` the sheet, `&&` a
  /// literal ampersand), cut so that it stays within Excel's 255 characters.
  public var code: String {
    func part(_ text: String, limit: Int) -> String {
      let cut = text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
      var out = ""
      for c in cut {
        switch String(c) {
        case "&": out += "&&"
        case Self.page: out += "&P"
        case Self.pages: out += "&N"
        case Self.sheet: out += "&A"
        default: out.append(c)
        }
      }
      return out
    }
    var out = ""
    if !left.isEmpty { out += "&L" + part(left, limit: 80) }
    if !center.isEmpty { out += "&C" + part(center, limit: 80) }
    if !right.isEmpty { out += "&R" + part(right, limit: 80) }
    return out
  }
}

extension Worksheet {
  /// Applies a print layout to this sheet.
  public func apply(_ setup: PageSetup) throws(XLSXError) {
    func operation() -> String { "set the page layout of \(quotedSheetName(name))" }
    let sheet = try liveHandle(operation())
    if setup.landscape { worksheet_set_landscape(sheet) } else { worksheet_set_portrait(sheet) }
    if setup.fitToOnePage { worksheet_fit_to_pages(sheet, 1, 1) } else if setup.fitToWidth { worksheet_fit_to_pages(sheet, 1, 0) }
    if setup.a4 { worksheet_set_paper(sheet, 9) }
    if let rows = setup.repeatRows {
      let (_, first, _) = try cell(rows.lowerBound, 0, operation())
      let (_, last, _) = try cell(rows.upperBound, 0, operation())
      try check(worksheet_repeat_rows(sheet, first, last), operation())
    }
    if let header = setup.header { try check(worksheet_set_header(sheet, header.code), operation()) }
    if let footer = setup.footer { try check(worksheet_set_footer(sheet, footer.code), operation()) }
    if let area = setup.printArea {
      let (_, r0, c0) = try cell(area.rows.lowerBound, area.columns.lowerBound, operation())
      let (_, r1, c1) = try cell(area.rows.upperBound, area.columns.upperBound, operation())
      try check(worksheet_print_area(sheet, r0, c0, r1, c1), operation())
    }
  }

  /// Adds filter buttons to the header row of the table in rows × columns (0-based, inclusive;
  /// the first row is the header).
  public func autofilter(rows: ClosedRange<Int>, columns: ClosedRange<Int>) throws(XLSXError) {
    func operation() -> String { "add an autofilter on \(quotedSheetName(name))" }
    let (sheet, r0, c0) = try cell(rows.lowerBound, columns.lowerBound, operation())
    let (_, r1, c1) = try cell(rows.upperBound, columns.upperBound, operation())
    try check(worksheet_autofilter(sheet, r0, c0, r1, c1), operation())
  }
}
