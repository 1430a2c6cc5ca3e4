import Accounting
import Calculation
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
        let terms = entry.figure.expression.terms
        let estimate = Self.estimatedClinker(entry.figure.expression)
        try writeClinker(sheet, clinker, estimate: estimate, year: year.year, row: row)
        let factorTerm = terms.first { $0.kind == .processFactor }
        var local: [TermID: Place] = [:]
        if let factorTerm {
          try sheet.write(
            context.figure(.term(factorTerm), factor.value(in: .tonnesCO2, per: .tonnes), on: context.cells.seen(from: sheet.name), scale: 1),
            row, C.factor, Styles.factor)
          local[factorTerm.id] = Place(sheet: sheet.name, row: row, column: C.factor, scale: 1)
        }
        let highlight = context.highlight(entry.calculation.flags, sheet: sheet.name, row: row, column: C.emissions)
        try sheet.write(
          context.figure(entry.figure.expression, entry.emissions.value(in: Self.co2), on: context.cells.seen(from: sheet.name, local: local), scale: Self.co2.toBase),
          row, C.emissions, Styles.highlighted(Styles.emissions, highlight))
      }
      try sheet.worksheet.freezePanes(row: Layout.firstDataRow, column: 1)
      try sheet.legend(context.labels, row: context.layout.lastDataRow + 2)
      try sheet.finish()
    }

    /// The estimated-clinker figure inside a process figure (`clinker × factor`), if the
    /// methodology estimates clinker: the writer reads the expression, not the methodology.
    static func estimatedClinker(_ process: Expression) -> Expression? {
      guard case .product(let factors) = process, case .figure(let id, let inner)? = factors.first, id.name == "clinker" else { return nil }
      return inner
    }

    /// Cement output, and clinker: `cement × ratio` when the figure estimates it, the
    /// products table's value otherwise.
    private func writeClinker(_ sheet: SheetBuilder, _ clinker: Traced<Quantity<Mass>>, estimate: Expression?, year: Int, row: Int) throws(XLSXError) {
      let cement = context.account.activity.products[.cement]?[year]
      if let cement {
        try sheet.write(.number(cement.value.value(in: Self.mass)), row, C.cement, Styles.highlighted(Styles.emissions, Highlight.of(cement.flags)))
      }
      let clinkerStyle = Styles.highlighted(Styles.emissions, Highlight.of(clinker.flags))
      let clinkerValue = clinker.value.value(in: Self.mass)
      let cells = context.cells.seen(from: sheet.name)
      guard let estimate, cement != nil, let ratio = estimate.terms.first(where: { $0.kind == .clinkerRatio }),
        cells.binding(for: ratio.id) != nil
      else {
        try sheet.write(.number(clinkerValue), row, C.clinker, clinkerStyle)
        return
      }
      try sheet.write(context.figure(.term(ratio), ratio.value, on: cells, scale: 1), row, C.ratio, Styles.factor)
      let local = [ratio.id: Place(sheet: sheet.name, row: row, column: C.ratio, scale: 1)]
      try sheet.write(
        context.figure(estimate, clinkerValue, on: context.cells.seen(from: sheet.name, local: local), scale: Self.mass.toBase), row, C.clinker,
        clinkerStyle)
    }
  }
}
