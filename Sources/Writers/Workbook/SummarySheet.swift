import Accounting
import CementModel
import XLSXWriting

extension WorkbookWriter {
  /// `Summary`: what was accounted and from what (province, years, methodology, input files with
  /// their SHA-256, tool version), the key figures and the declared stages as formulas of the
  /// other sheets, and the legend of the highlight colours.
  struct SummarySheet {
    let context: Context

    private var labels: Labels { context.labels }
    private static let unit = MeasurementUnit<CO2Mass>.tenThousandTonnesCO2

    func write(_ sheet: SheetBuilder) throws(XLSXError) {
      try sheet.title(labels.summaryTitle, subtitle: context.subtitle, note: nil)
      var row = try writeFields(sheet, row: Layout.groupRow)
      row = try writeInputFiles(sheet, row: row + 1)
      row = try writeKeyFigures(sheet, row: row + 1)
      row = try writeStages(sheet, row: row + 1)
      try sheet.legend(labels, row: row + 1)
      try sheet.finish(maximum: 60)
    }

    /// Label and value rows; returns the next free row.
    private func writeFields(_ sheet: SheetBuilder, row: Int) throws(XLSXError) -> Int {
      let methodology = context.methodology
      let years = context.layout.years
      let fields: [(String, String)] = [
        (labels.province, context.account.province),
        (labels.years, labels.yearsValue(years.first ?? 0, years.last ?? 0, years.count)),
        (labels.methodology, methodology.name),
        (labels.methodologyTitle, methodology.title),
        (labels.methodologyFiles, methodology.files.joined(separator: "; ")),
        (labels.factorSet, methodology.factorSet.name),
        (labels.toolVersion, context.record.toolVersion),
      ]
      for (offset, field) in fields.enumerated() {
        try sheet.text(field.0, row + offset, 0, Styles.label)
        try sheet.text(field.1, row + offset, 1, nil, fits: false)
      }
      return row + fields.count
    }

    private func writeInputFiles(_ sheet: SheetBuilder, row: Int) throws(XLSXError) -> Int {
      try sheet.section(labels.inputFilesSection, row: row)
      try sheet.headers([Headers.path, Headers.role, Headers.sha256, Headers.encoding], row: row + 1)
      for (offset, file) in context.record.inputFiles.enumerated() {
        let line = row + 2 + offset
        try sheet.text(file.path, line, 0)
        try sheet.text(file.role, line, 1)
        try sheet.text(file.sha256, line, 2)
        try sheet.text(file.encoding ?? "", line, 3)
      }
      return row + 2 + context.record.inputFiles.count
    }

    /// Totals over the period, the peak, and the first and last years' totals and process shares.
    private func writeKeyFigures(_ sheet: SheetBuilder, row: Int) throws(XLSXError) -> Int {
      try sheet.section(labels.keyFiguresSection, row: row)
      var line = row + 1
      let account = context.account
      guard let first = account.years.first, let last = account.years.last,
        let firstRow = context.layout.row(first.year), let lastRow = context.layout.row(last.year)
      else { return line }
      let all = firstRow...lastRow
      func figure(_ label: String, _ formula: String, _ value: Double, _ style: CellStyle, unit: String?) throws(XLSXError) {
        try sheet.text(label, line, 0, Styles.label)
        try sheet.write(context.formula(formula, value), line, 1, style)
        try sheet.text(unit, line, 2, nil)
        line += 1
      }
      let periodFigures: [(String, Aggregate)] = [
        (labels.totalOverPeriod, .total), (labels.combustionOverPeriod, .combustion),
        (labels.electricityOverPeriod, .electricity), (labels.processOverPeriod, .process),
      ]
      for (label, aggregate) in periodFigures {
        let sum = account.years.sum { $0.total(aggregate) }.value(in: Self.unit)
        try figure(label, "SUM(\(totals(all, TotalsColumns.column(aggregate))))", sum, Styles.emissions, unit: Self.unit.symbol)
      }
      let stages = context.record.stages
      if let peak = stages.peakYear, let value = account[peak]?.total(stages.series) {
        let series = TotalsColumns.column(stages.series)
        let name = labels.aggregate(stages.series)
        try figure(labels.peakValue(name), "MAX(\(totals(all, series)))", value.value(in: Self.unit), Styles.emissions, unit: Self.unit.symbol)
        let year = "INDEX(\(totals(all, 0)),MATCH(\(reference(nil, line - 1, 1)),\(totals(all, series)),0))"
        try figure(labels.peakYear(name), year, Double(peak), Styles.year, unit: nil)
      }
      for (year, yearRow) in [(first, firstRow), (last, lastRow)] {
        let total = year.total(.total)
        try figure(
          labels.yearTotal(year.year), reference(Layout.Sheet.totals, yearRow, TotalsColumns.total), total.value(in: Self.unit),
          Styles.emissions, unit: Self.unit.symbol)
        if let share = Indicators.share(year.total(.process), of: total) {
          try figure(
            labels.yearProcessShare(year.year), reference(Layout.Sheet.totals, yearRow, TotalsColumns.processShare), share,
            Styles.share, unit: nil)
        }
      }
      return line
    }

    /// The declared stages, as formulas of the `Stages` sheet.
    private func writeStages(_ sheet: SheetBuilder, row: Int) throws(XLSXError) -> Int {
      let stages = context.record.stages
      try sheet.section(labels.declaredStagesSection(labels.aggregate(stages.series)), row: row)
      typealias C = StagesRows
      let columns = [C.name, C.first, C.last, C.base, C.start, C.end, C.change, C.compoundGrowth, C.peakYear]
      try sheet.headers(columns.map { StagesSheet.headers[$0] }, row: row + 1)
      for (offset, (stage, stagesRow)) in zip(stages.declared, context.layout.stages.declared).enumerated() {
        let line = row + 2 + offset
        try sheet.text(stage.name, line, 0)
        let values: [(Int, Double?, CellStyle)] = [
          (C.first, Double(stage.first), Styles.year), (C.last, Double(stage.last), Styles.year),
          (C.base, Double(stage.base), Styles.year), (C.start, stage.startValue.value(in: Self.unit), Styles.emissions),
          (C.end, stage.endValue.value(in: Self.unit), Styles.emissions), (C.change, stage.change, Styles.share),
          (C.compoundGrowth, stage.compoundAnnualGrowth, Styles.share), (C.peakYear, Double(stage.peakYear), Styles.year),
        ]
        for (offset, (column, value, style)) in values.enumerated() {
          guard let value else { continue }
          try sheet.write(context.formula(reference(Layout.Sheet.stages, stagesRow, column), value), line, offset + 1, style)
        }
      }
      return row + 2 + stages.declared.count
    }

    private func totals(_ rows: ClosedRange<Int>, _ column: Int) -> String { reference(Layout.Sheet.totals, rows: rows, column: column) }
  }
}
