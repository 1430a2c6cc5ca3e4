import Comparison
import XLSXWriting

/// Writes a comparison as `diff.xlsx`: `Summary`, `Totals` (with a chart of A's and B's totals),
/// `Changes`, `Methodology`, `Attribution` (each figure's change split by group, in tonnes with
/// six decimals: whole grams, so that the parts and their SUM agree exactly; `diff-attribution.csv`
/// holds the same parts as integers of grams) and `Inputs`. Figures in tonnes of CO₂ throughout.
/// Every sheet prints landscape on A4, one page wide, its header row repeated. The same
/// comparison always gives a byte-identical file (fixed creation date, sorted rows).
public enum DiffWorkbook {
  public static func write(_ c: Comparison, to path: String) throws(XLSXError) {
    let lastYear = c.yearTotals.last?.year ?? 2000
    let workbook = try Workbook(
      path: path,
      properties: DocumentProperties(
        title: "\(c.a) → \(c.b) (\(c.province))", subject: "cement CO₂ account comparison", author: "cement-accounts",
        created: CreationDate(year: lastYear + 1, month: 1, day: 1)))
    PrintLayout.apply(to: workbook, title: "\(c.a) → \(c.b) (\(c.province))", language: .en)
    let summary = try workbook.addWorksheet(named: "Summary")
    try writeSummary(c, summary)
    try writeTotals(c, try workbook.addWorksheet(named: "Totals"))
    try writeChanges(c, try workbook.addWorksheet(named: "Changes"))
    try writeMethodology(c, try workbook.addWorksheet(named: "Methodology"))
    try writeAttribution(c, try workbook.addWorksheet(named: "Attribution"))
    try writeInputs(c, try workbook.addWorksheet(named: "Inputs"))
    try summary.apply(PageSetup(landscape: false, fitToWidth: true))
    try summary.activate()
    try workbook.close()
  }

  static let tonnes = CellStyle(numberFormat: "#,##0.000")
  /// Tonnes to the gram, for the attribution's exact parts.
  static let grams = CellStyle(numberFormat: "#,##0.000000")
  /// Long sentences wrap within their column rather than running over pages.
  static let wrapped = CellStyle(wrapText: true)
  static let bold = CellStyle(bold: true)

  private static func header(_ sheet: Worksheet, _ titles: [String], row: Int = 0) throws(XLSXError) {
    try sheet.writeRow(titles.map { .text($0) }, row: row, style: .header)
    try sheet.freezePanes(row: row + 1, column: 0)
    try sheet.apply(PageSetup(landscape: true, fitToWidth: true, repeatRows: row...row))
  }

  private static func optional(_ value: Double?) -> CellValue { value.map { .number($0) } ?? .blank }

  private static func writeSummary(_ c: Comparison, _ sheet: Worksheet) throws(XLSXError) {
    try sheet.write(.text("\(c.a) → \(c.b) (\(c.province))"), row: 0, column: 0, style: bold)
    var row = 2
    for sentence in DiffSummary.sentences(c) {
      try sheet.write(.text(sentence), row: row, column: 0, style: wrapped)
      row += 1
    }
    if let attribution = c.attribution {
      row += 1
      try sheet.write(.text(DiffSummary.attributionMethod(attribution)), row: row, column: 0, style: wrapped)
      row += 1
    }
    if !c.notes.isEmpty {
      row += 1
      try sheet.write(.text("Notes"), row: row, column: 0, style: bold)
      for note in c.notes {
        row += 1
        try sheet.write(.text(note), row: row, column: 0, style: wrapped)
      }
    }
    try sheet.setColumnWidth(0, width: 100)
  }

  private static func writeTotals(_ c: Comparison, _ sheet: Worksheet) throws(XLSXError) {
    try header(sheet, ["year", "scope", "\(c.a) (t CO₂)", "\(c.b) (t CO₂)", "change (t CO₂)", "change (%)"])
    for (i, total) in c.totals.enumerated() {
      let row = i + 1
      try sheet.write(.number(Double(total.year)), row: row, column: 0)
      try sheet.write(.text(total.scope ?? "total"), row: row, column: 1)
      try sheet.write(optional(total.old), row: row, column: 2, style: tonnes)
      try sheet.write(optional(total.new), row: row, column: 3, style: tonnes)
      try sheet.write(.number(total.absolute), row: row, column: 4, style: tonnes)
      try sheet.write(optional(total.relative), row: row, column: 5, style: .percent1)
    }
    try sheet.setColumnWidth(1...5, width: 18)
    try writeTotalsChart(c, sheet)
  }

  private static func writeChanges(_ c: Comparison, _ sheet: Worksheet) throws(XLSXError) {
    try header(sheet, ["year", "scope", "source", "\(c.a) (t CO₂)", "\(c.b) (t CO₂)", "change (t CO₂)", "change (%)", "flags in \(c.a)", "flags in \(c.b)"])
    for (i, change) in c.changes.enumerated() {
      let row = i + 1
      try sheet.write(.number(Double(change.key.year)), row: row, column: 0)
      try sheet.write(.text(change.key.scope), row: row, column: 1)
      try sheet.write(.text(change.key.source), row: row, column: 2)
      try sheet.write(optional(change.old), row: row, column: 3, style: tonnes)
      try sheet.write(optional(change.new), row: row, column: 4, style: tonnes)
      try sheet.write(.number(change.absolute), row: row, column: 5, style: tonnes)
      try sheet.write(optional(change.relative), row: row, column: 6, style: .percent1)
      try sheet.write(.text(change.oldFlags), row: row, column: 7)
      try sheet.write(.text(change.newFlags), row: row, column: 8)
    }
    try sheet.setColumnWidth(1...8, width: 18)
  }

  private static func writeMethodology(_ c: Comparison, _ sheet: Worksheet) throws(XLSXError) {
    try header(sheet, ["group", "key", c.a, c.b])
    guard c.methodologiesKnown else {
      try sheet.write(.text("Not compared: a methodology is not known."), row: 1, column: 0)
      return
    }
    for (i, d) in c.methodologyDifferences.enumerated() {
      try sheet.writeRow([.text(d.group.rawValue), .text(d.key), d.a.map { .text($0) } ?? .blank, d.b.map { .text($0) } ?? .blank], row: i + 1)
    }
    try sheet.setColumnWidth(0, width: 24)
    try sheet.setColumnWidth(1, width: 44)
    try sheet.setColumnWidth(2...3, width: 40)
  }

  private static func writeAttribution(_ c: Comparison, _ sheet: Worksheet) throws(XLSXError) {
    guard let attribution = c.attribution else {
      try sheet.write(.text("Not computed: attribution is made when A and B are methodologies run on the fly over the same inputs."), row: 0, column: 0)
      return
    }
    let groups = attribution.groups
    try header(sheet, ["year", "scope", "source", "change (t CO₂)"] + groups.map { "\($0.rawValue) (t CO₂)" } + ["sum of parts (t CO₂)"])
    let keys = attribution.totals.keys.sorted()
    for (i, key) in keys.enumerated() {
      let row = i + 1
      try sheet.write(.number(Double(key.year)), row: row, column: 0)
      try sheet.write(.text(key.scope), row: row, column: 1)
      try sheet.write(.text(key.source), row: row, column: 2)
      try sheet.write(.number(Attribution.tonnes(attribution.totals[key] ?? 0)), row: row, column: 3, style: grams)
      let parts = attribution.parts[key] ?? [:]
      var sum: Int64 = 0
      for (g, group) in groups.enumerated() {
        sum += parts[group] ?? 0
        try sheet.write(.number(Attribution.tonnes(parts[group] ?? 0)), row: row, column: 4 + g, style: grams)
      }
      let first = cellReference(row: row, column: 4), last = cellReference(row: row, column: 3 + max(groups.count, 1))
      try sheet.write(.formula("SUM(\(first):\(last))", cachedValue: Attribution.tonnes(sum)), row: row, column: 4 + groups.count, style: grams)
    }
    try sheet.setColumnWidth(1...(4 + groups.count), width: 18)
  }

  private static func writeInputs(_ c: Comparison, _ sheet: Worksheet) throws(XLSXError) {
    guard !c.inputFiles.isEmpty || !c.inputCells.isEmpty else {
      try sheet.write(
        .text(
          c.attribution != nil
            ? "No input files to compare: A and B are methodologies accounted over the same input files, so every change comes from the methodology."
            : "No input file and no activity value differs between A and B."), row: 0, column: 0)
      return
    }
    try header(sheet, ["file", "role", "SHA-256 in \(c.a)", "SHA-256 in \(c.b)"])
    var row = 1
    for f in c.inputFiles {
      try sheet.writeRow([.text(f.path), .text(f.role), f.oldSHA256.map { .text($0) } ?? .blank, f.newSHA256.map { .text($0) } ?? .blank], row: row)
      row += 1
    }
    row += 1
    try sheet.writeRow(
      ["year", "series", "value in \(c.a)", "value in \(c.b)", "unit", "cell in \(c.a)", "cell in \(c.b)", "text in \(c.a)", "text in \(c.b)",
       "figure change (t CO₂)"].map { .text($0) }, row: row, style: .header)
    for change in c.inputCells {
      row += 1
      try sheet.writeRow(
        [
          .number(Double(change.year)), .text(change.item), optional(change.old?.value), optional(change.new?.value),
          .text(change.new?.unit ?? change.old?.unit ?? ""), .text(change.old?.location ?? ""), .text(change.new?.location ?? ""),
          .text(change.old?.originalText ?? ""), .text(change.new?.originalText ?? ""), optional(change.downstream?.absolute),
        ], row: row)
    }
    try sheet.setColumnWidth(0...9, width: 20)
  }

  /// Beside the totals: each year's total in A and in B (columns H–J), and a line chart of them.
  private static func writeTotalsChart(_ c: Comparison, _ sheet: Worksheet) throws(XLSXError) {
    let years = c.yearTotals
    guard !years.isEmpty else { return }
    let column = 7
    try sheet.writeRow([.text("year"), .text("\(c.a) total (10⁴ t CO₂)"), .text("\(c.b) total (10⁴ t CO₂)")], row: 0, column: column, style: .header)
    for (i, total) in years.enumerated() {
      try sheet.write(.number(Double(total.year)), row: i + 1, column: column)
      try sheet.write(optional(total.old.map { $0 / 1e4 }), row: i + 1, column: column + 1, style: tonnes)
      try sheet.write(optional(total.new.map { $0 / 1e4 }), row: i + 1, column: column + 2, style: tonnes)
    }
    try sheet.setColumnWidth(column...(column + 2), width: 18)
    let last = years.count
    func range(_ col: Int) -> SheetRange { SheetRange(sheet: sheet.name, firstRow: 1, firstColumn: col, lastRow: last, lastColumn: col) }
    try sheet.insertChart(
      ChartSpec(
        kind: .lineWithMarkers, title: "Total CO₂ by year: \(c.a) and \(c.b)", xAxisTitle: "year", yAxisTitle: "10⁴ t CO₂",
        yAxisNumberFormat: "#,##0", legend: .bottom,
        series: [
          ChartSeries(name: c.a, categories: range(column), values: range(column + 1), color: 0x4E79A7),
          ChartSeries(name: c.b, categories: range(column), values: range(column + 2), color: 0xE15759),
        ]), row: last + 2, column: column, width: 640, height: 320)
  }
}
