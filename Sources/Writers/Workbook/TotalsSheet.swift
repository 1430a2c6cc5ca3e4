import Accounting
import Calculation
import CementModel
import XLSXWriting

extension WorkbookWriter {
  /// `Totals and shares`: per year the aggregates (combustion, electricity, energy, process,
  /// total), the process share, each source's share of energy, year-on-year growth, and one
  /// column per declared stage repeating the stage series inside the stage, for the chart. Every
  /// figure is a formula of `Combustion`, `Process` or this sheet.
  struct TotalsSheet {
    let context: Context

    private var columns: TotalsColumns { context.layout.totals }
    private typealias C = TotalsColumns
    private static let unit = MeasurementUnit<CO2Mass>.tenThousandTonnesCO2

    func write(_ sheet: SheetBuilder) throws(XLSXError) {
      try sheet.title(
        context.labels.totalsTitle, subtitle: context.subtitle, note: context.labels.totalsNote(context.labels.aggregate(columns.stageSeries)))
      try sheet.headers(headers, row: Layout.headerRow)
      let years = context.account.years
      for (index, year) in years.enumerated() {
        guard let row = context.layout.row(year.year) else { continue }
        try sheet.write(.number(Double(year.year)), row, 0, Styles.year)
        try writeAggregates(sheet, year, row: row)
        try writeShares(sheet, year, row: row)
        if index > 0 { try writeGrowth(sheet, previous: years[index - 1], year, row: row) }
        try writeStages(sheet, year, row: row)
      }
      try sheet.worksheet.freezePanes(row: Layout.firstDataRow, column: 1)
      let legendEnd = try sheet.legend(context.labels, row: context.layout.lastDataRow + 2)
      try insertChart(sheet, row: legendEnd + 1)
      try sheet.finish()
    }

    private var headers: [String] {
      let aggregates = Aggregate.allCases.sorted { C.column($0) < C.column($1) }.map { Headers.withUnit(Headers.name($0), Self.unit.symbol) }
      let shares = context.layout.combustion.sources.map(Headers.share(of:))
      let growth = [Headers.growth(of: .total)] + (columns.seriesGrowth == nil ? [] : [Headers.growth(of: columns.stageSeries)])
      let stages = context.record.stages.declared.map { Headers.withUnit($0.name, Self.unit.symbol) }
      return [Headers.year] + aggregates + [Headers.processShare] + shares + growth + stages
    }

    /// The aggregates' figures over `Combustion` and `Process` (`SUM(Combustion!B6:H6)`,
    /// `Combustion!I6`, `B6+C6`, `Process!F6`, `D6+E6`).
    private func writeAggregates(_ sheet: SheetBuilder, _ year: YearAccount, row: Int) throws(XLSXError) {
      let combustion = context.layout.combustion
      let cells = context.cells.seen(from: sheet.name)
      for aggregate in [Aggregate.combustion, .electricity, .energy, .process, .total] {
        let value = year.total(aggregate).value(in: Self.unit)
        let column = C.column(aggregate)
        let highlight = context.highlight(flags(year, aggregate), sheet: sheet.name, row: row, column: column)
        let hasCells =
          switch aggregate {
          case .combustion: combustion.fuelColumns != nil
          case .electricity: combustion.column(.electricity) != nil
          case .energy, .process, .total: true
          }
        let cell =
          hasCells
          ? context.figure(
            year.figure(aggregate).expression, value, on: cells, scale: Self.unit.toBase,
            minimumRangeSum: aggregate == .combustion ? 1 : 3) : .number(value)
        try sheet.write(cell, row, column, Styles.highlighted(Styles.emissions, highlight))
      }
    }

    /// The flags of every figure in an aggregate.
    private func flags(_ year: YearAccount, _ aggregate: Aggregate) -> Set<Flag> {
      let scopes: Set<Scope> =
        switch aggregate {
        case .combustion: [.combustion]
        case .electricity: [.electricity]
        case .energy: [.combustion, .electricity]
        case .process: [.process]
        case .total: Set(Scope.allCases)
        }
      return year.entries.filter { scopes.contains($0.scope) }.reduce(into: []) { $0.formUnion($1.calculation.flags) }
    }

    /// The process share of the total and each source's share of energy; blank where the whole is 0.
    private func writeShares(_ sheet: SheetBuilder, _ year: YearAccount, row: Int) throws(XLSXError) {
      let cells = context.cells.seen(from: sheet.name)
      if let share = Indicators.share(year.figure(.process).reference, of: year.figure(.total).reference) {
        try sheet.write(context.figure(share, share.value, on: cells, scale: 1), row, C.processShare, Styles.share)
      }
      let combustion = context.layout.combustion
      let energy = year.figure(.energy).reference
      for fuel in combustion.sources {
        guard let column = columns.sourceShares[fuel],
          let emissions = year.entries.first(where: { $0.source == fuel.id && $0.scope != .process })?.figure.reference,
          let share = Indicators.share(emissions, of: energy)
        else { continue }
        try sheet.write(context.figure(share, share.value, on: cells, scale: 1), row, column, Styles.share)
      }
    }

    /// Year-on-year growth of the total, and of the stage series when that is another aggregate.
    private func writeGrowth(_ sheet: SheetBuilder, previous: YearAccount, _ year: YearAccount, row: Int) throws(XLSXError) {
      let aggregates: [Aggregate] = [.total] + (columns.seriesGrowth == nil ? [] : [columns.stageSeries])
      for aggregate in aggregates {
        guard let column = columns.growth(aggregate),
          let growth = Indicators.growth(from: previous.figure(aggregate).reference, to: year.figure(aggregate).reference)
        else { continue }
        try sheet.write(context.figure(growth, growth.value, on: context.cells.seen(from: sheet.name), scale: 1), row, column, Styles.share)
      }
    }

    /// The stage series' value in each stage's column, for the years of the stage.
    private func writeStages(_ sheet: SheetBuilder, _ year: YearAccount, row: Int) throws(XLSXError) {
      let value = year.total(columns.stageSeries).value(in: Self.unit)
      for (stage, column) in zip(context.record.stages.declared, columns.stageColumns) where (stage.first...stage.last).contains(year.year) {
        let series = year.figure(columns.stageSeries).reference
        try sheet.write(context.figure(series, value, on: context.cells.seen(from: sheet.name), scale: Self.unit.toBase), row, column, Styles.emissions)
      }
    }

    /// Total, energy and process as lines, each declared stage as one more line over its years.
    private func insertChart(_ sheet: SheetBuilder, row: Int) throws(XLSXError) {
      guard !context.layout.years.isEmpty else { return }
      let rows = Layout.firstDataRow...context.layout.lastDataRow
      let years = SheetRange(sheet: sheet.name, column: 0, rows: rows)
      func series(_ name: String, _ column: Int, _ color: UInt32) -> ChartSeries {
        ChartSeries(name: name, categories: years, values: SheetRange(sheet: sheet.name, column: column, rows: rows), color: color)
      }
      let aggregates: [(Aggregate, UInt32)] = [(.total, 0x000000), (.energy, 0x4472C4), (.process, 0xA5A5A5)]
      let lines = aggregates.map { series(Headers.name($0.0), C.column($0.0), $0.1) }
      let stageColors: [UInt32] = [0xED7D31, 0x70AD47, 0xC00000, 0xFFC000, 0x7030A0, 0x00B0F0]
      let stages = zip(context.record.stages.declared, columns.stageColumns).enumerated().map { index, pair in
        series(pair.0.name, pair.1, stageColors[index % stageColors.count])
      }
      let spec = ChartSpec(
        kind: .lineWithMarkers, title: context.labels.totalsChartTitle, xAxisTitle: context.labels.yearAxis,
        yAxisTitle: Self.unit.symbol, yAxisNumberFormat: "#,##0", legend: .bottom, series: lines + stages)
      try sheet.worksheet.insertChart(spec, row: row, column: 0, width: 900, height: 460)
    }
  }
}
