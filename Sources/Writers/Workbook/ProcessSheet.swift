import Accounting
import CementModel
import XLSXWriting

extension WorkbookWriter {
  /// `Process`: the study's Table 3. Cement output and, when clinker is estimated from it, the
  /// clinker ratio and `clinker = cement × ratio`; the process factor from `Factors`; and
  /// `process CO₂ = clinker × factor` (formula 4), all in 10⁴ t.
  struct ProcessSheet {
    let context: Context

    private typealias C = ProcessColumns
    private static let mass = MeasurementUnit<Mass>.tenThousandTonnes
    private static let co2 = MeasurementUnit<CO2Mass>.tenThousandTonnesCO2

    func write(_ sheet: SheetBuilder) throws(XLSXError) {
      try sheet.title(context.labels.processTitle, subtitle: context.subtitle, note: context.labels.processNote)
      try sheet.headers(
        [Headers.year, Headers.cementOutput, Headers.clinkerRatio, Headers.clinkerOutput, Headers.processFactor, Headers.processCO2],
        row: Layout.headerRow)
      for year in context.account.years {
        guard let row = context.layout.row(year.year),
          let entry = year.entries.first(where: { $0.scope == .process }),
          case .process(let clinker, let factor) = entry.calculation
        else { continue }
        try sheet.write(.number(Double(year.year)), row, 0, Styles.year)
        try writeClinker(sheet, clinker, year: year.year, row: row)
        let factorCell = reference(Layout.Sheet.factors, context.layout.factors.processFactor, FactorsRows.sectionValue, absolute: true)
        try sheet.write(context.formula(factorCell, factor.value(in: .tonnesCO2, per: .tonnes)), row, C.factor, Styles.factor)
        let emissions = "\(reference(nil, row, C.clinker))*\(reference(nil, row, C.factor))\(multiplier(Self.mass.toBase / Self.co2.toBase))"
        let highlight = context.highlight(entry.calculation.flags, sheet: sheet.name, row: row, column: C.emissions)
        try sheet.write(
          context.formula(emissions, entry.emissions.value(in: Self.co2)), row, C.emissions, Styles.highlighted(Styles.emissions, highlight))
      }
      try sheet.worksheet.freezePanes(row: Layout.firstDataRow, column: 1)
      try sheet.legend(context.labels, row: context.layout.lastDataRow + 2)
      try sheet.finish()
    }

    /// Cement output, and clinker: `cement × ratio` when the methodology estimates it, the
    /// products table's value otherwise.
    private func writeClinker(_ sheet: SheetBuilder, _ clinker: Traced<Quantity<Mass>>, year: Int, row: Int) throws(XLSXError) {
      let cement = context.account.activity.products[.cement]?[year]
      if let cement {
        try sheet.write(.number(cement.value.value(in: Self.mass)), row, C.cement, Styles.highlighted(Styles.emissions, Highlight.of(cement.flags)))
      }
      let clinkerStyle = Styles.highlighted(Styles.emissions, Highlight.of(clinker.flags))
      let clinkerValue = clinker.value.value(in: Self.mass)
      guard case .cementTimesRatio(let ratios, _) = context.methodology.process.clinker, cement != nil,
        let ratio = ratios.value(for: year), let ratioRow = context.layout.factors.ratioRow(year)
      else {
        try sheet.write(.number(clinkerValue), row, C.clinker, clinkerStyle)
        return
      }
      let ratioCell = reference(Layout.Sheet.factors, ratioRow, FactorsRows.sectionValue, absolute: true)
      try sheet.write(context.formula(ratioCell, ratio), row, C.ratio, Styles.factor)
      let formula = "\(reference(nil, row, C.cement))*\(reference(nil, row, C.ratio))"
      try sheet.write(context.formula(formula, clinkerValue), row, C.clinker, clinkerStyle)
    }
  }
}
