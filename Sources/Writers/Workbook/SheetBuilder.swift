import CementModel
import XLSXWriting

extension WorkbookWriter {
  /// A worksheet being filled. Writes through the XLSXWriting wrapper and remembers the widest
  /// content of each column, so that ``finish(minimum:maximum:)`` can size the columns.
  final class SheetBuilder {
    let worksheet: Worksheet
    /// The widest content of each column written so far, by column index.
    private var widths: [Double?] = []
    /// The first row of column headers, printed again at the top of every page.
    private var headerRow: Int?
    /// The column headers written, for the row heights once the widths are known.
    private var headerCells: [(row: Int, column: Int, title: String)] = []
    /// The last row written.
    private var lastRow = 0
    /// A header wraps within this many characters rather than widening its column.
    static let headerWidth = 16.0
    /// A sheet of at most this many rows prints on one page (its chart with it).
    static let onePageRows = 70

    init(_ worksheet: Worksheet) { self.worksheet = worksheet }

    var name: String { worksheet.name }

    /// Writes one cell. With `fits` false the column's width ignores it (titles and notes,
    /// which may run over the next cells).
    func write(_ value: CellValue, _ row: Int, _ column: Int, _ style: CellStyle? = nil, fits: Bool = true) throws(XLSXError) {
      try worksheet.write(value, row: row, column: column, style: style)
      lastRow = max(lastRow, row)
      guard fits else { return }
      if column >= widths.count { widths += Array(repeating: nil, count: column + 1 - widths.count) }
      widths[column] = max(widths[column] ?? 0, DisplayWidth.of(value, numberFormat: style?.numberFormat))
    }

    /// Writes text without its leading and trailing white space (YAML's folded text ends in a
    /// line break), or nothing for nil.
    func text(_ text: String?, _ row: Int, _ column: Int, _ style: CellStyle? = Styles.text, fits: Bool = true) throws(XLSXError) {
      guard let text else { return }
      try write(.text(Self.trimmed(text)), row, column, style, fits: fits)
    }

    /// `text` without leading and trailing white space.
    static func trimmed(_ text: String) -> String {
      // Speed: a text whose first and last scalars are visible ASCII or Chinese ones cannot start
      // or end with a white-space character; no need to look at its characters.
      if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last, isVisible(first), isVisible(last) {
        return text
      }
      var trimmed = Substring(text)
      while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
      while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
      return String(trimmed)
    }

    private static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar.value {
      case 0x21...0x7E, 0x3400...0x4DBF, 0x4E00...0x9FFF: true
      default: false
      }
    }

    /// The sheet's title in row 0 and its subtitle and note below it.
    func title(_ title: String, subtitle: String, note: String?) throws(XLSXError) {
      try write(.text(title), Layout.titleRow, 0, Styles.title, fits: false)
      try write(.text(subtitle), Layout.subtitleRow, 0, Styles.note, fits: false)
      if let note { try write(.text(note), Layout.noteRow, 0, Styles.note, fits: false) }
      try worksheet.setRowHeight(Layout.titleRow, height: 21)
    }

    /// A row of column headers starting at `column`, tall enough for their lines.
    func headers(_ titles: [String], row: Int, column: Int = 0) throws(XLSXError) {
      if headerRow == nil { headerRow = row }
      // Headers wrap (Styles.header): each widens its column only up to its longest word or
      // `headerWidth`, so that long bilingual titles do not make a sheet print at 10 %.
      for (offset, title) in titles.enumerated() {
        try write(.text(title), row, column + offset, Styles.header, fits: false)
        let words = title.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { DisplayWidth.of(String($0)) }
        widen(column + offset, to: max(words.max() ?? 0, min(DisplayWidth.widestLine(title), Self.headerWidth)))
        headerCells.append((row, column + offset, title))
      }
      let lines = titles.map { $0.split(separator: "\n", omittingEmptySubsequences: false).count }.max() ?? 1
      try worksheet.setRowHeight(row, height: Double(lines) * 15 + 3)
    }

    /// A bold section heading at the start of `row`.
    func section(_ text: String, row: Int) throws(XLSXError) {
      try write(.text(text), row, 0, Styles.section, fits: false)
    }

    /// The legend of the highlight colours from `row`: a heading, then one filled band per
    /// colour spanning `span` columns. Returns the first row after it.
    @discardableResult
    func legend(_ labels: Labels, row: Int, span: Int = 4) throws(XLSXError) -> Int {
      try write(.text(labels.legendTitle), row, 0, Styles.label, fits: false)
      for (offset, highlight) in Highlight.allCases.enumerated() {
        let style = CellStyle(fillColor: highlight.fill, border: .thin)
        try worksheet.mergeCells(
          firstRow: row + 1 + offset, firstColumn: 0, lastRow: row + 1 + offset, lastColumn: max(span, 1) - 1,
          text: labels.highlight(highlight), style: style)
      }
      return row + 1 + Highlight.allCases.count
    }

    /// Finishes the sheet: sizes every written column to its widest content (within
    /// `minimum`…`maximum` characters) and prints it landscape on A4, one page wide, its first
    /// header row repeated at the top of every page (the one place that sets a sheet's print layout).
    func finish(minimum: Double = 6, maximum: Double = 70) throws(XLSXError) {
      var shown: [Int: Double] = [:]
      for (column, width) in widths.enumerated() {
        guard let width else { continue }
        shown[column] = min(max(width + 2, minimum), maximum)
        try worksheet.setColumnWidth(column, width: shown[column]!)
      }
      // Each header row as tall as its most wrapped header.
      for row in Set(headerCells.map(\.row)) {
        let lines = headerCells.filter { $0.row == row }.map { cell in
          let width = max((shown[cell.column] ?? 8.43) - 1, 1)
          return cell.title.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { $0 + max(1, Int((DisplayWidth.of(String($1)) / width).rounded(.up))) }
        }.max() ?? 1
        try worksheet.setRowHeight(row, height: Double(lines) * 15 + 3)
      }
      try worksheet.apply(
        PageSetup(landscape: true, fitToWidth: true, fitToOnePage: lastRow <= Self.onePageRows, repeatRows: headerRow.map { $0...$0 }))
    }

    /// Makes `column` at least `width` wide.
    private func widen(_ column: Int, to width: Double) {
      if column >= widths.count { widths += Array(repeating: nil, count: column + 1 - widths.count) }
      widths[column] = max(widths[column] ?? 0, width)
    }
  }

  /// How wide text and numbers show, in Excel's character units.
  enum DisplayWidth {
    /// The width of a cell's content: the longest line of text, or a number as its format shows it.
    static func of(_ value: CellValue, numberFormat: String?) -> Double {
      switch value {
      case .text(let text), .formulaText(_, let text):
        widestLine(text)
      case .number(let number), .formula(_, let number):
        numberWidth(number, numberFormat)
      case .boolean: 5
      case .blank: 0
      }
    }

    /// Characters of East Asian scripts take two columns, the rest one.
    static func of(_ text: String) -> Double {
      Double(text.unicodeScalars.reduce(0) { $0 + (isWide($1.value) ? 2 : 1) })
    }

    /// The width of the widest line of `text`. One pass over its UTF-8 bytes, rather than
    /// splitting into lines of characters first (the workbook measures every cell): a line ends
    /// at each line feed except the one of a CR LF, which is a single character.
    static func widestLine(_ text: String) -> Double {
      if let simple = text.utf8.withContiguousStorageIfAvailable(asciiLineWidth), let simple { return Double(simple) }
      return Double(text.utf8.withContiguousStorageIfAvailable(widestLine) ?? Array(text.utf8).withUnsafeBufferPointer(widestLine))
    }

    /// The same over valid UTF-8 (as a String's is): each scalar decoded from its bytes.
    private static func widestLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
      var widest = 0, width = 0, previous: UInt8 = 0, index = 0
      while index < bytes.count {
        let lead = bytes[index]
        if lead < 0x80 {
          if lead == 0x0A && previous != 0x0D {
            widest = max(widest, width)
            width = 0
          } else {
            width += 1
          }
          index += 1
        } else {
          let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
          var value = UInt32(lead) & (0x7F >> length)
          for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
          width += isWide(value) ? 2 : 1
          index += length
        }
        previous = lead
      }
      return max(widest, width)
    }

    /// The width of ASCII text on one line, its length, found eight bytes at a time (most
    /// cells are so); nil for other text.
    private static func asciiLineWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
      let raw = UnsafeRawBufferPointer(bytes)
      var offset = 0
      while offset + 8 <= raw.count {
        let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        let lineFeeds = word ^ 0x0A0A_0A0A_0A0A_0A0A  // a zero byte where the text has a line feed
        let hasZeroByte = (lineFeeds &- 0x0101_0101_0101_0101) & ~lineFeeds
        guard (word | hasZeroByte) & 0x8080_8080_8080_8080 == 0 else { return nil }
        offset += 8
      }
      while offset < raw.count {
        guard raw[offset] < 0x80, raw[offset] != 0x0A else { return nil }
        offset += 1
      }
      return raw.count
    }

    private static func isWide(_ value: UInt32) -> Bool {
      return (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
        || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
        || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
    }

    /// The width of a number as a fixed-decimal format such as `0.00` or `0.00%` shows it;
    /// General shows up to about eleven characters.
    private static func numberWidth(_ number: Double, _ format: String?) -> Double {
      guard let format else { return Double(min("\(number)".utf8.count, 11)) }
      // The formats are ASCII: the zeros after the first point are the decimals.
      var decimals = 0, afterPoint = false
      for byte in format.utf8 {
        if byte == UInt8(ascii: ".") {
          if afterPoint { break }
          afterPoint = true
        } else if afterPoint && byte == UInt8(ascii: "0") {
          decimals += 1
        }
      }
      return format.utf8.last == UInt8(ascii: "%")
        ? Double(Format.fixedLength(number * 100, decimals) + 1) : Double(Format.fixedLength(number, decimals))
    }
  }
}
