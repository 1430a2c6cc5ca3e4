/// How a cell looks. Every property is optional: nil leaves Excel's default.
///
/// Equal styles share one libxlsxwriter format per workbook, so build styles freely.
/// Colors are 24-bit RGB, e.g. `0xD9D9D9`.
public struct CellStyle: Sendable, Hashable {
  /// Horizontal alignment within the cell.
  public enum Alignment: Sendable, Hashable {
    /// Flush left, centered, or flush right.
    case left, center, right
  }

  /// A cell border on all four sides.
  public enum Border: Sendable, Hashable {
    /// No border, or a thin line.
    case none, thin
  }

  /// Bold font.
  public var bold: Bool
  /// Italic font.
  public var italic: Bool
  /// Font size in points.
  public var fontSize: Double?
  /// Font color, 24-bit RGB.
  public var fontColor: UInt32?
  /// Solid background fill, 24-bit RGB.
  public var fillColor: UInt32?
  /// An Excel number format such as `0.00`, `#,##0.00`, `0.0%` or `@` (text); at most 127 bytes.
  public var numberFormat: String?
  /// Horizontal alignment; nil aligns numbers right and text left.
  public var alignment: Alignment?
  /// Wrap long text onto several lines.
  public var wrapText: Bool
  /// Border on all four sides.
  public var border: Border

  /// A style; every argument defaults to "as Excel would show it".
  public init(
    bold: Bool = false, italic: Bool = false, fontSize: Double? = nil, fontColor: UInt32? = nil,
    fillColor: UInt32? = nil, numberFormat: String? = nil, alignment: Alignment? = nil,
    wrapText: Bool = false, border: Border = .none
  ) {
    self.bold = bold
    self.italic = italic
    self.fontSize = fontSize
    self.fontColor = fontColor
    self.fillColor = fillColor
    self.numberFormat = numberFormat
    self.alignment = alignment
    self.wrapText = wrapText
    self.border = border
  }

  /// A copy with some properties changed: `CellStyle.number2.with { $0.bold = true }`.
  public func with(_ change: (inout CellStyle) -> Void) -> CellStyle {
    var copy = self
    change(&copy)
    return copy
  }

  /// Column headings: bold, wrapped, on a light grey fill with a thin border.
  public static let header = CellStyle(bold: true, fillColor: 0xD9D9D9, wrapText: true, border: .thin)
  /// Numbers with thousands separators and two decimals: `12,345.67`.
  public static let number2 = CellStyle(numberFormat: "#,##0.00")
  /// Whole numbers with thousands separators: `12,346`.
  public static let integer = CellStyle(numberFormat: "#,##0")
  /// Shares as percentages with one decimal: `12.3%`.
  public static let percent1 = CellStyle(numberFormat: "0.0%")
  /// Text that Excel must not reinterpret as a number or date.
  public static let text = CellStyle(numberFormat: "@")
}
