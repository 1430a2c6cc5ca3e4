import Accounting
import Calculation
import CementModel
import Uncertainty
import XLSXWriting

extension WorkbookWriter {
  /// `Uncertainty`: IPCC 2006 Vol. 1 Ch. 3 Table 3.3 (the Approach 1 calculation table), one
  /// block per year against the base year, by scope: base-year and year-t emissions (formulas of
  /// `Totals and shares`), activity and factor uncertainty, combined uncertainty (Eq. 3.1),
  /// contribution to variance, type A and B sensitivities, and the trend uncertainty; the total
  /// row by Eq. 3.2. Every Approach 1 formula is an `Expression` rendered by `ExcelFormula`
  /// (√ as the power 0.5); beside it, the Monte Carlo bounds of the same figure, as values.
  struct UncertaintySheet {
    let context: Context
    let analysis: UncertaintyAnalysis

    static let sheetName = "Uncertainty"
    static let scale = 1e4
    static let headers = [
      "Category", "Base year emissions\n(10⁴ t CO₂)", "Year t emissions\n(10⁴ t CO₂)", "Activity data\nuncertainty", "Factor\nuncertainty",
      "Combined\nuncertainty (Eq. 3.1)", "Contribution to variance\nin year t", "Type A\nsensitivity", "Type B\nsensitivity",
      "Trend uncertainty\nfrom factors", "Trend uncertainty\nfrom activity", "Trend\nuncertainty", "Monte Carlo\nlower 95 % (10⁴ t)",
      "Monte Carlo\nupper 95 % (10⁴ t)",
    ]

    /// The sheet's cells for terms and figures.
    final class Cells: CellMap {
      var terms: [TermID: CellBinding] = [:]
      var figures: [FigureID: CellBinding] = [:]
      func binding(for term: TermID) -> CellBinding? { terms[term] }
      func binding(for figure: FigureID) -> CellBinding? { figures[figure] }
    }

    func write(_ sheet: SheetBuilder) throws(XLSXError) {
      let title = context.record.language == .zh ? "不确定性（IPCC 2006 第1卷 表3.3，方法 1）" : "Uncertainty (IPCC 2006 Vol. 1 Table 3.3, Approach 1)"
      try sheet.title(
        title, subtitle: context.subtitle,
        note: "Approach 1 as live formulas (Eq. 3.1 products, Eq. 3.2 sums, §3.2.3.1 trend; factors type A, activity type B); Monte Carlo: \(analysis.draws) draws, seed \(analysis.seed).")
      let cells = Cells()
      let formula = ExcelFormula(cells: cells)
      let figures = context.record.account
      guard let base = analysis.baseYear, let baseRow = context.layout.row(base) else { return try sheet.finish() }
      let spec = figures.methodology.uncertainty
      let accountFigures = AccountFigures(account: figures)
      let scopes: [(name: String, column: Int)] = [("combustion", TotalsColumns.combustion), ("electricity", TotalsColumns.electricity), ("process", TotalsColumns.process)]
      var row = Layout.headerRow
      let totalsPrefix = quotedSheetName(Layout.Sheet.totals) + "!"

      func cell(_ name: String, value: Double, row: Int, column: Int, scale: Double = 1, prefix: String = "") -> Expression {
        let term = Term(.parameter("uncertainty/\(name)"), value: value, unit: .one, source: .definition("Uncertainty sheet"))
        cells.terms[term.id] = .cell(sheetPrefix: prefix, reference: cellReference(row: row, column: column, absolute: true), row: row, column: column, scale: scale)
        return .term(term)
      }
      func put(_ name: String, _ expression: Expression, row: Int, column: Int, style: CellStyle) throws(XLSXError) -> Expression {
        let id = FigureID("uncertainty/\(name)")
        try sheet.write(context.formula(formula.formula(expression), expression.value), row, column, style)
        cells.figures[id] = .cell(sheetPrefix: "", reference: cellReference(row: row, column: column, absolute: true), row: row, column: column, scale: 1)
        return .figure(id, expression)
      }
      func square(_ e: Expression) -> Expression { .power(e, 2) }
      func root(_ e: Expression) -> Expression { .power(e, 0.5) }
      func u(_ figure: Figure, activity: Bool) -> Double {
        var propagation = ApproachOne { term in
          guard let info = accountFigures.classes[term.id], let u = spec.uncertainty(of: info.inputClass, fuel: info.fuel) else { return 0 }
          let isTypeB = term.id.year != nil && !(spec.activityCorrelatedAcrossYears && info.inputClass.isActivity)
          return isTypeB == activity ? u.approachOneU : 0
        }
        let p = propagation.propagate(figure.reference)
        return p.value == 0 ? 0 : p.halfWidth / abs(p.value)
      }

      for year in accountFigures.years where year != base {
        guard let yearRow = context.layout.row(year) else { continue }
        try sheet.section("\(year) / \(base)", row: row)
        try sheet.headers(Self.headers, row: row + 1)
        let first = row + 2
        let present = scopes.filter { accountFigures.figure(FigureKey(year: year, scope: $0.name, source: "all")) != nil }
        let totalRow = first + present.count
        let sumC = cell("\(year)/C", value: (accountFigures.figure(FigureKey(year: base, scope: "total", source: "all"))?.value ?? 0) / Self.scale, row: totalRow, column: 1)
        let sumD = cell("\(year)/D", value: (accountFigures.figure(FigureKey(year: year, scope: "total", source: "all"))?.value ?? 0) / Self.scale, row: totalRow, column: 2)
        var gd: [Expression] = [], ks: [Expression] = [], ls: [Expression] = [], cs: [Expression] = [], ds: [Expression] = []
        for (offset, scope) in present.enumerated() {
          let r = first + offset
          let figure = accountFigures.figure(FigureKey(year: year, scope: scope.name, source: "all"))!
          let baseValue = accountFigures.figure(FigureKey(year: base, scope: scope.name, source: "all"))?.value ?? 0
          try sheet.text(scope.name, r, 0)
          let cTotals = cell("\(year)/\(scope.name)/Ctotals", value: baseValue, row: baseRow, column: scope.column, scale: Self.scale, prefix: totalsPrefix)
          let dTotals = cell("\(year)/\(scope.name)/Dtotals", value: figure.value, row: yearRow, column: scope.column, scale: Self.scale, prefix: totalsPrefix)
          let c = try put("\(year)/\(scope.name)/C", cTotals * .number(1 / Self.scale), row: r, column: 1, style: Styles.emissions)
          let d = try put("\(year)/\(scope.name)/D", dTotals * .number(1 / Self.scale), row: r, column: 2, style: Styles.emissions)
          cs.append(c)
          ds.append(d)
          let eValue = u(figure, activity: true), fValue = u(figure, activity: false)
          try sheet.write(.number(eValue), r, 3, Styles.share)
          try sheet.write(.number(fValue), r, 4, Styles.share)
          let e = cell("\(year)/\(scope.name)/E", value: eValue, row: r, column: 3), f = cell("\(year)/\(scope.name)/F", value: fValue, row: r, column: 4)
          let g = try put("\(year)/\(scope.name)/G", root(.sum([square(e), square(f)])), row: r, column: 5, style: Styles.share)
          gd.append(square(g * d))
          _ = try put("\(year)/\(scope.name)/H", square(g * d) / square(sumD), row: r, column: 6, style: Styles.share)
          let sensitivityA = ((.number(0.01) * d + sumD) / (.number(0.01) * c + sumC) - .number(1)) * .number(100) - (sumD - sumC) / sumC * .number(100)
          let i = try put("\(year)/\(scope.name)/I", sensitivityA, row: r, column: 7, style: Styles.emissions)
          let j = try put("\(year)/\(scope.name)/J", d / sumC, row: r, column: 8, style: Styles.emissions)
          let k = try put("\(year)/\(scope.name)/K", i * f, row: r, column: 9, style: Styles.share)
          let l = try put("\(year)/\(scope.name)/L", j * e * .number(2.0.squareRoot()), row: r, column: 10, style: Styles.share)
          ks.append(square(k))
          ls.append(square(l))
          _ = try put("\(year)/\(scope.name)/M", root(.sum([square(k), square(l)])), row: r, column: 11, style: Styles.share)
          if let mc = analysis.interval(FigureKey(year: year, scope: scope.name, source: "all")) {
            try sheet.write(.number(mc.lower / Self.scale), r, 12, Styles.emissions)
            try sheet.write(.number(mc.upper / Self.scale), r, 13, Styles.emissions)
          }
        }
        try sheet.text(context.record.language == .zh ? "合计" : "Total", totalRow, 0, Styles.label)
        _ = try put("\(year)/C", .sum(cs), row: totalRow, column: 1, style: Styles.emissions)
        _ = try put("\(year)/D", .sum(ds), row: totalRow, column: 2, style: Styles.emissions)
        _ = try put("\(year)/G", root(.sum(gd)) / sumD, row: totalRow, column: 5, style: Styles.share)
        _ = try put("\(year)/M", root(.sum(ks + ls)), row: totalRow, column: 11, style: Styles.share)
        if let mc = analysis.interval(FigureKey(year: year, scope: "total", source: "all")) {
          try sheet.write(.number(mc.lower / Self.scale), totalRow, 12, Styles.emissions)
          try sheet.write(.number(mc.upper / Self.scale), totalRow, 13, Styles.emissions)
        }
        row = totalRow + 2
      }
      try sheet.finish()
    }
  }
}
