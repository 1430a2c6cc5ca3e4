import Accounting
import CementModel
import XLSXWriting

extension WorkbookWriter {
  /// `Stages`: the stages the methodology declares and the suggested three-segment fit, each
  /// with its start and end values, change, compound annual growth, peak and mean annual
  /// growth, all live formulas of the stage series' column in `Totals and shares`.
  struct StagesSheet {
    let context: Context

    private var rows: StagesRows { context.layout.stages }
    private var stages: StageAnalysis { context.record.stages }
    private typealias C = StagesRows
    private static let unit = MeasurementUnit<CO2Mass>.tenThousandTonnesCO2

    static let headers = [
      Headers.stage, Headers.first, Headers.last, Headers.base, Headers.startValue, Headers.endValue, Headers.change,
      Headers.compoundGrowth, Headers.peakYear, Headers.peakValue, Headers.meanGrowth,
    ]

    func write(_ sheet: SheetBuilder) throws(XLSXError) {
      try sheet.title(context.labels.stagesTitle, subtitle: context.subtitle, note: context.labels.stagesNote)
      let series = context.labels.aggregate(stages.series)
      try sheet.section(context.labels.declaredStagesSection(series), row: Layout.groupRow)
      try sheet.headers(Self.headers, row: Layout.headerRow)
      for (stage, row) in zip(stages.declared, rows.declared) { try writeStage(sheet, stage, name: stage.name, row: row) }
      try sheet.section(context.labels.suggestedStagesSection(series), row: rows.suggestedSection)
      try sheet.headers(Self.headers, row: rows.suggestedSection + 1)
      for (index, (stage, row)) in zip(stages.suggested, rows.suggested).enumerated() {
        try writeStage(sheet, stage, name: context.labels.segmentName(index + 1), row: row)
      }
      try writeOverallPeak(sheet)
      try sheet.worksheet.freezePanes(row: Layout.firstDataRow, column: 1)
      try sheet.finish()
    }

    private func writeStage(_ sheet: SheetBuilder, _ stage: StageResult, name: String, row: Int) throws(XLSXError) {
      try sheet.text(name, row, C.name)
      for (column, year) in [(C.first, stage.first), (C.last, stage.last), (C.base, stage.base)] {
        try sheet.write(.number(Double(year)), row, column, Styles.year)
      }
      let series = TotalsColumns.column(stages.series)
      if let base = context.layout.row(stage.base), let last = context.layout.row(stage.last) {
        try sheet.write(context.formula(totals(base, series), stage.startValue.value(in: Self.unit)), row, C.start, Styles.emissions)
        try sheet.write(context.formula(totals(last, series), stage.endValue.value(in: Self.unit)), row, C.end, Styles.emissions)
      }
      let start = reference(nil, row, C.start), end = reference(nil, row, C.end)
      if let change = stage.change {
        try sheet.write(context.formula("\(end)/\(start)-1", change), row, C.change, Styles.share)
      }
      if let growth = stage.compoundAnnualGrowth {
        let years = "(\(reference(nil, row, C.last))-\(reference(nil, row, C.base)))"
        try sheet.write(context.formula("(\(end)/\(start))^(1/\(years))-1", growth), row, C.compoundGrowth, Styles.share)
      }
      try writePeakAndMean(sheet, stage, row: row)
    }

    /// The peak within the stage (`MAX`, and the first year reaching it), and the arithmetic mean
    /// of the year-on-year growth rates from the base year to the last.
    private func writePeakAndMean(_ sheet: SheetBuilder, _ stage: StageResult, row: Int) throws(XLSXError) {
      let series = TotalsColumns.column(stages.series)
      if let span = context.layout.rows(stage.first, stage.last) {
        let peak = reference(nil, row, C.peakValue)
        try sheet.write(context.formula("MAX(\(totals(span, series)))", stage.peakValue.value(in: Self.unit)), row, C.peakValue, Styles.emissions)
        let year = "INDEX(\(totals(span, 0)),MATCH(\(peak),\(totals(span, series)),0))"
        try sheet.write(context.formula(year, Double(stage.peakYear)), row, C.peakYear, Styles.year)
      }
      if let mean = stage.meanAnnualGrowth, let growth = context.layout.totals.growth(stages.series),
        let span = context.layout.rows(stage.base + 1, stage.last)
      {
        try sheet.write(context.formula("AVERAGE(\(totals(span, growth)))", mean), row, C.meanGrowth, Styles.share)
      }
    }

    /// The year and value of the series' peak over the whole period.
    private func writeOverallPeak(_ sheet: SheetBuilder) throws(XLSXError) {
      guard let year = stages.peakYear, let value = context.account[year]?.total(stages.series),
        let first = context.layout.years.first, let last = context.layout.years.last, let span = context.layout.rows(first, last)
      else { return }
      let row = rows.overallPeak
      let series = TotalsColumns.column(stages.series)
      try sheet.text(context.labels.overallPeak(context.labels.aggregate(stages.series)), row, C.name, Styles.label, fits: false)
      try sheet.write(context.formula("MAX(\(totals(span, series)))", value.value(in: Self.unit)), row, C.peakValue, Styles.emissions)
      let peak = reference(nil, row, C.peakValue)
      let formula = "INDEX(\(totals(span, 0)),MATCH(\(peak),\(totals(span, series)),0))"
      try sheet.write(context.formula(formula, Double(year)), row, C.peakYear, Styles.year)
    }

    private func totals(_ row: Int, _ column: Int) -> String { reference(Layout.Sheet.totals, row, column, absolute: true) }
    private func totals(_ rows: ClosedRange<Int>, _ column: Int) -> String { reference(Layout.Sheet.totals, rows: rows, column: column) }
  }
}
