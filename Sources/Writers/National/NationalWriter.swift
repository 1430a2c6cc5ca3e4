import Accounting
import Calculation
import CarbonCost
import CementModel
import Mustache
import XLSXWriting

/// The national outputs of a batch: the provinces side by side, ranked, and their sum per
/// year, as CSV, a workbook and a Markdown report rendered from `Templates/national.<language>.md.mustache`.
public enum NationalWriter {
  static let unit = MeasurementUnit<CO2Mass>.tenThousandTonnesCO2

  /// A province that could not be accounted, and why.
  public struct Failure: Sendable, Hashable {
    public let province: String
    public let message: String
    public init(province: String, message: String) {
      self.province = province
      self.message = message
    }
  }

  // MARK: - CSV

  /// `national-provinces.csv`: one row per province, ranked; one table, tonnes in the column names
  /// (a tidy table: pandas and R read it with no options).
  public static func provincesCSV(_ summary: NationalSummary) -> String {
    var lines = [
      "rank,province,first_year,last_year,total_tCO2,combustion_tCO2,electricity_tCO2,process_tCO2,cement_t,intensity_tCO2_per_t_cement,process_share,last_year_total_tCO2,peak_year,pattern"
    ]
    for p in summary.provinces {
      lines.append(
        [
          "\(p.rank)", p.province, "\(p.years.lowerBound)", "\(p.years.upperBound)", number(p.total.baseValue), number(p.combustion.baseValue),
          number(p.electricity.baseValue), number(p.process.baseValue), p.cementOutput.map { number($0.baseValue) } ?? "",
          p.intensity.map(number) ?? "", p.processShare.map(number) ?? "", number(p.lastYearTotal.baseValue), p.peakYear.map(String.init) ?? "",
          p.pattern,
        ].joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `national-years.csv`: one row per year, the sum over the provinces accounted; one table.
  public static func yearsCSV(_ summary: NationalSummary) -> String {
    var lines = ["year,provinces,total_tCO2,combustion_tCO2,electricity_tCO2,process_tCO2,cement_t"]
    for row in summary.byYear {
      let t = { (a: Aggregate) in number(row.totals[a]?.baseValue ?? 0) }
      lines.append("\(row.year),\(row.provinces),\(t(.total)),\(t(.combustion)),\(t(.electricity)),\(t(.process)),\(number(row.cement.baseValue))")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Full precision, no exponent for ordinary magnitudes.
  static func number(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
  }

  // MARK: - Workbook

  /// `national.xlsx`: `Provinces` (ranked, with live intensity and share formulas), `National`
  /// (the sum per year, live SUM formulas, with a chart) and `Notes` (methodology, failures).
  /// Created on 1 January after the last year, so that equal inputs give equal bytes.
  public static func workbook(_ summary: NationalSummary, failures: [Failure], to path: String) throws(XLSXError) {
    let created = CreationDate(year: (summary.byYear.last?.year ?? summary.methodology.years.upperBound) + 1, month: 1, day: 1)
    let workbook = try Workbook(
      path: path,
      properties: DocumentProperties(
        title: "Cement CO₂ by province (\(summary.methodology.name))", subject: summary.methodology.title, author: "cement-accounts",
        keywords: "cement, CO2, national, \(summary.methodology.name)", comments: "", created: created))
    let title = CellStyle(bold: true, fontSize: 14)
    let header = CellStyle(bold: true, fillColor: 0xDDEBF7, wrapText: true, border: .thin)
    let tons = CellStyle(numberFormat: "#,##0.00", border: .thin)
    let ratio = CellStyle(numberFormat: "0.000", border: .thin)
    let percent = CellStyle(numberFormat: "0.0%", border: .thin)
    let plain = CellStyle(border: .thin)

    PrintLayout.apply(to: workbook, title: "Cement CO₂ by province (\(summary.methodology.name))", language: .en)
    let sheet = try workbook.addWorksheet(named: "Provinces")
    try sheet.apply(PageSetup(landscape: true, repeatRows: 2...2))
    let period = summary.byYear.first.map { "\($0.year)–\(summary.byYear.last!.year)" } ?? ""
    try sheet.write(.text("Cement CO₂ by province, \(period), methodology \(summary.methodology.name), ranked by the period total"), row: 0, column: 0, style: title)
    let headers = [
      "Rank", "Province", "Total (10⁴ t CO₂)", "Combustion (10⁴ t CO₂)", "Electricity (10⁴ t CO₂)", "Process (10⁴ t CO₂)",
      "Cement output (10⁴ t)", "Intensity (t CO₂/t cement)", "Process share (%)", "Last year total (10⁴ t CO₂)", "Peak year", "Pattern (three-segment fit)",
    ]
    try sheet.writeRow(headers.map(CellValue.text), row: 2, style: header)
    for (i, p) in summary.provinces.enumerated() {
      let row = 3 + i
      try sheet.write(.number(Double(p.rank)), row: row, column: 0, style: plain)
      try sheet.write(.text(p.province), row: row, column: 1, style: plain)
      let combustion = p.combustion.value(in: unit), electricity = p.electricity.value(in: unit), process = p.process.value(in: unit)
      let cells = NationalRowCells(
        columns: ["total": 2, "combustion": 3, "electricity": 4, "process": 5, "cement": 6], row: row, scope: p.province)
      try sheet.write(
        .formula(cells.formula(cells.total(combustion, electricity, process)), cachedValue: combustion + electricity + process), row: row,
        column: 2, style: tons)
      try sheet.write(.number(combustion), row: row, column: 3, style: tons)
      try sheet.write(.number(electricity), row: row, column: 4, style: tons)
      try sheet.write(.number(process), row: row, column: 5, style: tons)
      if let cement = p.cementOutput {
        try sheet.write(.number(cement.baseValue / 1e4), row: row, column: 6, style: tons)
        if let intensity = p.intensity {
          let formula = cells.formula(cells.totalFigure(p.total.value(in: unit)) / cells.term("cement", cement.baseValue / 1e4))
          try sheet.write(.formula(formula, cachedValue: intensity), row: row, column: 7, style: ratio)
        }
      }
      if let share = p.processShare {
        let formula = cells.formula(cells.term("process", process) / cells.totalFigure(p.total.value(in: unit)))
        try sheet.write(.formula(formula, cachedValue: share), row: row, column: 8, style: percent)
      }
      try sheet.write(.number(p.lastYearTotal.value(in: unit)), row: row, column: 9, style: tons)
      if let peak = p.peakYear { try sheet.write(.number(Double(peak)), row: row, column: 10, style: plain) }
      try sheet.write(.text(p.pattern), row: row, column: 11, style: plain)
    }
    try sheet.setColumnWidth(0...0, width: 6)
    try sheet.setColumnWidth(1...1, width: 16)
    try sheet.setColumnWidth(2...10, width: 14)
    try sheet.setColumnWidth(11...11, width: 26)
    try sheet.freezePanes(row: 3, column: 2)

    let national = try workbook.addWorksheet(named: "National")
    try national.apply(PageSetup(landscape: true, repeatRows: 2...2))
    try national.write(.text("Sum over the provinces accounted, by year (10⁴ t CO₂; cement 10⁴ t)"), row: 0, column: 0, style: title)
    let nationalHeaders = ["Year", "Provinces", "Combustion (10⁴ t CO₂)", "Electricity (10⁴ t CO₂)", "Process (10⁴ t CO₂)", "Total (10⁴ t CO₂)", "Cement output (10⁴ t)", "Intensity (t CO₂/t cement)"]
    try national.writeRow(nationalHeaders.map(CellValue.text), row: 2, style: header)
    for (i, row) in summary.byYear.enumerated() {
      let r = 3 + i
      let v = { (a: Aggregate) in row.totals[a]?.value(in: unit) ?? 0 }
      try national.write(.number(Double(row.year)), row: r, column: 0, style: plain)
      try national.write(.number(Double(row.provinces)), row: r, column: 1, style: plain)
      try national.write(.number(v(.combustion)), row: r, column: 2, style: tons)
      try national.write(.number(v(.electricity)), row: r, column: 3, style: tons)
      try national.write(.number(v(.process)), row: r, column: 4, style: tons)
      let cells = NationalRowCells(
        columns: ["combustion": 2, "electricity": 3, "process": 4, "total": 5, "cement": 6], row: r, scope: String(row.year))
      try national.write(
        .formula(cells.formula(cells.total(v(.combustion), v(.electricity), v(.process))), cachedValue: v(.total)), row: r, column: 5,
        style: tons)
      let cement = row.cement.baseValue / 1e4
      try national.write(.number(cement), row: r, column: 6, style: tons)
      if cement > 0 {
        let formula = cells.formula(cells.totalFigure(v(.total)) / cells.term("cement", cement))
        try national.write(.formula(formula, cachedValue: v(.total) / cement), row: r, column: 7, style: ratio)
      }
    }
    try national.setColumnWidth(0...7, width: 15)
    try writeCoverage(summary, on: national, first: 8, header: header, plain: plain, percent: percent, tons: tons)
    if !summary.byYear.isEmpty {
      let first = 3, last = 2 + summary.byYear.count
      let years = SheetRange(sheet: "National", firstRow: first, firstColumn: 0, lastRow: last, lastColumn: 0)
      let series = [(2, "Combustion", UInt32(0x4472C4)), (3, "Electricity", 0xFFC000), (4, "Process", 0xA5A5A5)].map { column, name, color in
        ChartSeries(name: name, categories: years, values: SheetRange(sheet: "National", firstRow: first, firstColumn: column, lastRow: last, lastColumn: column), color: color)
      }
      try national.insertChart(
        ChartSpec(kind: .stackedColumn, title: "Cement CO₂ of the provinces accounted, by source", xAxisTitle: "Year", yAxisTitle: "10⁴ t CO₂", yAxisNumberFormat: "#,##0", series: series),
        row: last + 2, column: 0, width: 720, height: 360)
    }

    let checks = try workbook.addWorksheet(named: "Checks")
    try checks.apply(PageSetup(landscape: true, repeatRows: 2...2))
    try checks.write(.text("What the checks found in the provinces' inputs (each province's workbook lists every finding with its cell)"), row: 0, column: 0, style: title)
    try checks.writeRow(["Check", "Severity", "Findings", "Provinces (count)", "Provinces"].map(CellValue.text), row: 2, style: header)
    for (i, tally) in summary.checks.enumerated() {
      let row = 3 + i
      try checks.write(.text(tally.check), row: row, column: 0, style: plain)
      try checks.write(.text(tally.severity.rawValue), row: row, column: 1, style: plain)
      try checks.write(.number(Double(tally.findings)), row: row, column: 2, style: plain)
      try checks.write(.number(Double(tally.provinces.count)), row: row, column: 3, style: plain)
      try checks.write(.text(tally.provinces.joined(separator: ", ")), row: row, column: 4, style: plain)
    }
    try checks.setColumnWidth(0...0, width: 24)
    try checks.setColumnWidth(1...3, width: 12)
    try checks.setColumnWidth(4...4, width: 120)

    try writeAnomalies(summary, to: workbook, title: title, header: header, plain: plain)

    let notes = try workbook.addWorksheet(named: "Notes")
    try notes.apply(PageSetup(landscape: true))
    try notes.write(.text("Methodology: \(summary.methodology.name) — \(summary.methodology.title)"), row: 0, column: 0, style: title)
    var line = 2
    for file in summary.methodology.files {
      try notes.write(.text("methodology file: \(file)"), row: line, column: 0)
      line += 1
    }
    try notes.write(
      .text("Each province's workbook (Output/<province>/\(summary.methodology.name)/workbook.xlsx) traces every figure to its source cell."),
      row: line + 1, column: 0)
    line += 3
    try notes.write(.text(failures.isEmpty ? "Every province was accounted." : "Provinces that could not be accounted (left out of the sums):"), row: line, column: 0, style: CellStyle(bold: true))
    for failure in failures {
      line += 1
      try notes.write(.text(failure.province), row: line, column: 0)
      try notes.write(.text(failure.message), row: line, column: 1)
    }
    try notes.setColumnWidth(0...0, width: 18)
    try notes.setColumnWidth(1...1, width: 120)
    try workbook.close()
  }

  // MARK: - Report

  /// `national.md`, rendered from a template with every figure formatted.
  public static func markdown(
    _ summary: NationalSummary, failures: [Failure], notes: NationalNotes = NationalNotes(), language: Language = .en, template: String,
    templateName: String, carbonCost: [CarbonCostAccount] = []
  ) throws(ReportError) -> String {
    let parsed = try ReportWriter.parse(template, name: templateName)
    let base = model(summary, failures: failures, language: language).merging(notes.model(summary.methodology, language: language)) { a, _ in a }
    return parsed.render(base.merging(NationalCarbonCost.model(carbonCost)) { a, _ in a })
  }

  /// The report's view model: plain dictionaries and arrays, every number formatted.
  static func model(_ summary: NationalSummary, failures: [Failure], language: Language = .en) -> [String: Any] {
    let words = NationalWords(language)
    let mt = { (q: Quantity<CO2Mass>) in words.mass(q) }
    let provinces: [[String: Any]] = summary.provinces.map { p in
      [
        "rank": "\(p.rank)", "province": MarkdownText.cell(words.province(p.province)), "total": mt(p.total), "combustion": mt(p.combustion),
        "electricity": mt(p.electricity), "process": mt(p.process), "lastYear": mt(p.lastYearTotal),
        "intensity": p.intensity.map { Format.fixed($0, 3) } ?? "–", "processShare": p.processShare.map { Format.fixed($0 * 100, 1) } ?? "–",
        "peakYear": p.peakYear.map(String.init) ?? "–", "pattern": words.pattern(p.pattern),
      ]
    }
    let years: [[String: Any]] = zip(summary.byYear, summary.coverage).map { row, coverage in
      let total = row.totals[.total] ?? Quantity(baseValue: 0)
      return coverageRow(coverage).merging([
        "year": "\(row.year)", "provinces": "\(row.provinces)", "combustion": mt(row.totals[.combustion] ?? Quantity(baseValue: 0)),
        "electricity": mt(row.totals[.electricity] ?? Quantity(baseValue: 0)), "process": mt(row.totals[.process] ?? Quantity(baseValue: 0)),
        "total": mt(total), "cement": words.cement(row.cement.baseValue),
        "intensity": row.cement.baseValue > 0 ? Format.fixed(total.baseValue / row.cement.baseValue, 3) : "–",
      ]) { a, _ in a }
    }
    /// Marks the last item, for the templates' separators (`{{^last}}; {{/last}}`).
    func separated(_ items: [[String: Any]]) -> [[String: Any]] {
      items.enumerated().map { index, item in item.merging(["last": index == items.count - 1]) { a, _ in a } }
    }
    let patterns = Dictionary(grouping: summary.provinces, by: \.pattern).map { (pattern: $0.key, count: $0.value.count) }
      .sorted { ($0.count, $1.pattern) > ($1.count, $0.pattern) }
    let peaks = Dictionary(grouping: summary.provinces.compactMap(\.peakYear), by: { $0 }).map { (year: $0.key, count: $0.value.count) }
      .sorted { ($0.count, $1.year) > ($1.count, $0.year) }
    return [
      "methodology": summary.methodology.name, "methodologyTitle": MarkdownText.inline(summary.methodology.title),
      "period": summary.byYear.first.map { "\($0.year)–\(summary.byYear.last!.year)" } ?? "",
      "provinceCount": "\(summary.provinces.count)", "provinces": provinces, "years": years,
      "largest": summary.provinces.first.map { MarkdownText.inline(words.province($0.province)) } ?? "–",
      "patterns": separated(patterns.map { ["pattern": words.pattern($0.pattern), "count": "\($0.count)"] }),
      "peaks": separated(peaks.map { ["year": "\($0.year)", "count": "\($0.count)"] }),
      "checks": summary.checks.map { tally in
        [
          "check": MarkdownText.cell(tally.check), "severity": words.severity(tally.severity.rawValue), "findings": "\(tally.findings)",
          "provinceCount": "\(tally.provinces.count)",
          "provinces": MarkdownText.cell(words.list(tally.provinces.map(words.province), limit: 8)),
        ]
      },
      "hasChecks": !summary.checks.isEmpty,
      "failures": failures.map { ["province": MarkdownText.inline(words.province($0.province)), "message": MarkdownText.inline($0.message)] },
      "hasFailures": !failures.isEmpty,
    ].merging(anomalyModel(summary)) { a, _ in a }
  }
}
