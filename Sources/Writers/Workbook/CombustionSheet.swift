import Accounting
import Calculation
import CementModel
import XLSXWriting

extension WorkbookWriter {
  /// `Combustion`: the study's Table 1, year × fuel then electricity, in 10⁴ t CO₂. Every figure
  /// is a live formula of `Activity` and `Factors`: cement use × NCV × EF for a fuel (formulas
  /// 1–3), electricity × grid factor × 10 (10⁸ kWh × t/MWh = 10 × 10⁴ t), and a SUM for the total.
  struct CombustionSheet {
    let context: Context

    private var columns: CombustionColumns { context.layout.combustion }
    private static let unit = MeasurementUnit<CO2Mass>.tenThousandTonnesCO2

    func write(_ sheet: SheetBuilder) throws(XLSXError) {
      try sheet.title(context.labels.combustionTitle, subtitle: context.subtitle, note: context.labels.combustionNote)
      let headers = columns.sources.map { Headers.withUnit(Headers.name($0), Self.unit.symbol) }
      try sheet.headers([Headers.year] + headers + [Headers.withUnit(Headers.total, Self.unit.symbol)], row: Layout.headerRow)
      for year in context.account.years {
        guard let row = context.layout.row(year.year) else { continue }
        try sheet.write(.number(Double(year.year)), row, 0, Styles.year)
        for fuel in columns.sources {
          guard let column = columns.column(fuel), let entry = year.entries.first(where: { $0.source == fuel.id && $0.scope != .process })
          else { continue }
          let highlight = context.highlight(entry.calculation.flags, sheet: sheet.name, row: row, column: column)
          try sheet.write(cell(entry, row: row), row, column, Styles.highlighted(Styles.emissions, highlight))
        }
        try writeTotal(sheet, year, row: row)
      }
      try sheet.worksheet.freezePanes(row: Layout.firstDataRow, column: 1)
      let legendEnd = try sheet.legend(context.labels, row: context.layout.lastDataRow + 2)
      try insertChart(sheet, row: legendEnd + 1)
      try sheet.finish()
    }

    /// The row's total, `SUM(B6:J6)`: the study's Table 1 total (combustion + electricity).
    private func writeTotal(_ sheet: SheetBuilder, _ year: YearAccount, row: Int) throws(XLSXError) {
      let total = year.total(.energy).value(in: Self.unit)
      let parts = columns.sources.compactMap { fuel in year.entries.first { $0.source == fuel.id && $0.scope != .process }?.figure.reference }
      let value =
        columns.sources.isEmpty
        ? CellValue.number(total)
        : context.figure(
          Indicators.total(parts, unit: .tonnesCO2), total, on: context.cells.seen(from: sheet.name), scale: Self.unit.toBase, minimumRangeSum: 1)
      let highlight = context.highlight([], sheet: sheet.name, row: row, column: columns.total)
      try sheet.write(value, row, columns.total, Styles.highlighted(Styles.emissions, highlight))
    }

    /// The formula of one figure, caching the account's value; the value alone if its activity
    /// or factor has no cell to refer to.
    /// The entry's figure rendered over `Activity` and `Factors` (`Activity!L6*Factors!$C$6*Factors!$F$6`
    /// for a fuel, `Activity!T6*Factors!$B$18*10` for electricity), caching the account's value;
    /// the value alone if its activity or factor has no cell to refer to.
    private func cell(_ entry: EmissionEntry, row: Int) -> CellValue {
      context.figure(entry.figure.expression, entry.emissions.value(in: Self.unit), on: context.cells.seen(from: Layout.Sheet.combustion), scale: Self.unit.toBase)
    }

    /// Emissions by fuel as stacked columns over the years.
    private func insertChart(_ sheet: SheetBuilder, row: Int) throws(XLSXError) {
      let rows = Layout.firstDataRow...context.layout.lastDataRow
      let years = SheetRange(sheet: sheet.name, column: 0, rows: rows)
      let colors = SourcePalette.colors(for: columns.sources.map(\.id))
      // A fuel that is zero in every year draws nothing and gets no legend entry.
      let emitting = Set(context.account.years.flatMap { $0.entries.filter { $0.emissions.baseValue != 0 }.map(\.source) })
      let series = zip(columns.sources, colors).compactMap { fuel, color -> ChartSeries? in
        guard emitting.contains(fuel.id) else { return nil }
        return columns.column(fuel).map { column in
          ChartSeries(
            name: Headers.name(fuel), categories: years, values: SheetRange(sheet: sheet.name, column: column, rows: rows),
            color: color)
        }
      }
      guard !series.isEmpty, !context.layout.years.isEmpty else { return }
      let spec = ChartSpec(
        kind: .stackedColumn, title: context.labels.combustionChartTitle, xAxisTitle: context.labels.yearAxis,
        yAxisTitle: Self.unit.symbol, yAxisNumberFormat: "#,##0", legend: .bottom, series: series)
      try sheet.worksheet.insertChart(spec, row: row, column: 0, width: 900, height: 460)
    }
  }
}
