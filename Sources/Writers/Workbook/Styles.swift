import CementModel
import XLSXWriting

extension WorkbookWriter {
  /// Why a cell is highlighted: what a reader must know about the figure. When several apply,
  /// the first case (in declaration order) wins.
  enum Highlight: CaseIterable, Sendable, Hashable {
    /// A published cell that maps to this figure does not agree with it.
    case differsFromPublished
    /// The year equals the previous year in every fuel.
    case copiedYear
    /// The year was missing and repeats the previous year.
    case carriedForward
    /// The year was missing and was interpolated.
    case interpolated
    /// The year was estimated by a time-series method: spliced from a second source,
    /// scaled from a surrogate series, or extrapolated.
    case estimated
    /// Derived from other statistics (clinker from cement output …).
    case derived

    /// The fill colour, 24-bit RGB; each highlight has its own.
    var fill: UInt32 {
      switch self {
      case .differsFromPublished: 0xFFC7CE
      case .copiedYear: 0xFFEB9C
      case .carriedForward: 0xF8CBAD
      case .interpolated: 0xBDD7EE
      case .estimated: 0xE4DFEC
      case .derived: 0xC6EFCE
      }
    }

    /// The highlight of a figure with `flags`, or nil when it needs none.
    static func of(_ flags: Set<Flag>, differs: Bool = false) -> Highlight? {
      if differs { return .differsFromPublished }
      if flags.contains(.copiedYear) { return .copiedYear }
      if flags.contains(.carriedForward) { return .carriedForward }
      if flags.contains(.interpolated) { return .interpolated }
      if !flags.isDisjoint(with: [.spliced, .surrogate, .extrapolated]) { return .estimated }
      if flags.contains(.derived) { return .derived }
      return nil
    }
  }

  /// The workbook's cell styles: an official table's look, thin borders around the tables.
  enum Styles {
    static let title = CellStyle(bold: true, fontSize: 14)
    static let note = CellStyle(italic: true, fontColor: 0x595959)
    static let section = CellStyle(bold: true, fontSize: 12)
    static let label = CellStyle(bold: true)
    static let header = CellStyle(bold: true, fillColor: 0xD9D9D9, alignment: .center, wrapText: true, border: .thin)
    static let text = CellStyle(border: .thin)
    static let year = CellStyle(numberFormat: "0", alignment: .center, border: .thin)
    /// An input factor, shown as given (General).
    static let factor = CellStyle(border: .thin)
    /// 10⁴ t CO₂ and 10⁴ t of product.
    static let emissions = CellStyle(numberFormat: "0.00", border: .thin)
    /// Activity in 10⁴ t, 10⁸ m³, 10⁸ kWh.
    static let activity = CellStyle(numberFormat: "0.0000", border: .thin)
    static let share = CellStyle(numberFormat: "0.00%", border: .thin)
    /// Emission factors per GJ: about 0.1 t CO₂/GJ.
    static let factorPerHeat = CellStyle(numberFormat: "0.000000", border: .thin)
    static let factorPerUnit = CellStyle(numberFormat: "0.0000", border: .thin)

    /// `style` filled with the highlight's colour; `style` itself when there is none.
    static func highlighted(_ style: CellStyle, _ highlight: Highlight?) -> CellStyle {
      guard let highlight else { return style }
      return style.with { $0.fillColor = highlight.fill }
    }
  }
}
