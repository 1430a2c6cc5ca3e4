import Accounting
import CementModel
import XLSXWriting

// The national anomaly list and the coverage of each yearly sum: `anomalies.csv`, the
// workbook's `Anomalies` sheet and coverage columns, and the report's keys.
extension NationalWriter {
  /// `anomalies.csv`: every province's anomalies, ranked; values in the series' reporting unit.
  public static func anomaliesCSV(_ anomalies: [Anomaly]) -> String {
    var lines = ["province,year,series,value,expected_low,expected_high,score,kind,level,treatment"]
    for a in anomalies {
      lines.append(
        [
          a.province, "\(a.year)", a.series.description, number(a.value), number(a.expectedLow), number(a.expectedHigh),
          number((a.score * 100).rounded() / 100), a.kind.rawValue, a.level.rawValue, a.treatment.rawValue,
        ].joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The anomalies a national reader must see: warning level and above.
  static func serious(_ summary: NationalSummary) -> [Anomaly] { summary.anomalies.filter { $0.level >= .warning } }

  /// The coverage columns beside the `National` sheet's years, from column `first`.
  static func writeCoverage(_ summary: NationalSummary, on sheet: Worksheet, first: Int, header: CellStyle, plain: CellStyle, percent: CellStyle, tons: CellStyle)
    throws(XLSXError)
  {
    let headers = ["Observed", "Filled", "Replaced", "Flagged", "Missing", "Imputed share (%)", "Change by treatment (10⁴ t CO₂)", "Incomplete (series not available)"]
    try sheet.writeRow(headers.map(CellValue.text), row: 2, column: first, style: header)
    for (i, c) in summary.coverage.enumerated() {
      let row = 3 + i
      for (offset, count) in [c.observed, c.filled, c.replaced, c.flagged, c.missing].enumerated() {
        try sheet.write(.number(Double(count)), row: row, column: first + offset, style: plain)
      }
      try sheet.write(.number(c.imputedShare), row: row, column: first + 5, style: percent)
      try sheet.write(.number(c.treatmentEffect.value(in: unit)), row: row, column: first + 6, style: tons)
      if !c.incomplete.isEmpty { try sheet.write(.text(c.incomplete.joined(separator: "; ")), row: row, column: first + 7, style: plain) }
    }
    try sheet.setColumnWidth(first...(first + 6), width: 12)
    try sheet.setColumnWidth((first + 7)...(first + 7), width: 40)
  }

  /// `Anomalies`: every anomaly at warning level or above, ranked, then the count of notes.
  static func writeAnomalies(_ summary: NationalSummary, to workbook: Workbook, title: CellStyle, header: CellStyle, plain: CellStyle) throws(XLSXError) {
    let sheet = try workbook.addWorksheet(named: "Anomalies")
    let serious = serious(summary)
    try sheet.write(
      .text("Anomalies at warning level or above (\(serious.count); \(summary.anomalies.count - serious.count) notes in anomalies.csv), treatment: \(summary.methodology.anomalies.treatment.rawValue)"),
      row: 0, column: 0, style: title)
    let headers = ["Province", "Year", "Series", "Value", "Unit", "Expected low", "Expected high", "Score", "Kind", "Level", "Treatment", "Replaced by", "Share of CO₂", "Other sources"]
    try sheet.writeRow(headers.map(CellValue.text), row: 2, style: header)
    for (i, a) in serious.enumerated() {
      let row = 3 + i
      let cells: [CellValue] = [
        .text(a.province), .number(Double(a.year)), .text(a.label), .number(a.value), .text(a.unit), .number(a.expectedLow), .number(a.expectedHigh),
        .number(a.score), .text(a.kind.rawValue), .text(a.level.rawValue), .text(a.treatment.rawValue), a.replacement.map(CellValue.number) ?? .text(""),
        .number(a.share), .text(a.corroboration),
      ]
      try sheet.writeRow(cells, row: row, style: plain)
    }
    try sheet.setColumnWidth(0...2, width: 16)
    try sheet.setColumnWidth(3...12, width: 12)
    try sheet.setColumnWidth(13...13, width: 50)
    try sheet.freezePanes(row: 3, column: 0)
  }

  /// The report's keys: coverage by year, the ranked anomalies, counts, and what the treatment did.
  static func anomalyModel(_ summary: NationalSummary) -> [String: Any] {
    let serious = serious(summary)
    let rows: [[String: Any]] = serious.map { a in
      [
        "province": MarkdownText.cell(a.province), "year": "\(a.year)", "series": MarkdownText.cell(a.label),
        "value": Format.significant(a.value), "unit": a.unit,
        "expected": "\(Format.significant(a.expectedLow))–\(Format.significant(a.expectedHigh))", "score": Format.fixed(a.score, 1),
        "kind": a.kind.rawValue, "level": a.level.rawValue, "treatment": a.treatment.rawValue,
        "replacement": a.replacement.map(Format.significant) ?? "–", "share": Format.fixed(a.share * 100, 1),
        "corroboration": MarkdownText.cell(a.corroboration.isEmpty ? "–" : a.corroboration),
      ]
    }
    let count = { (kind: Anomaly.Kind, level: Finding.Severity) in summary.anomalies.filter { $0.kind == kind && $0.level == level }.count }
    let counts: [[String: Any]] = Anomaly.Kind.allCases.map { kind in
      ["kind": kind.rawValue, "error": "\(count(kind, .error))", "warning": "\(count(kind, .warning))", "note": "\(count(kind, .note))"]
    }
    let replaced = summary.anomalies.filter { $0.treatment == .replaced }
    let mt = { (q: Double) in Format.fixed(q / 1e6, 2) }
    let effects: [[String: Any]] = zip(summary.byYear, summary.coverage).compactMap { row, c in
      guard c.treatmentEffect.baseValue != 0 else { return nil }
      let treated = row.totals[.total]?.baseValue ?? 0, observed = treated - c.treatmentEffect.baseValue
      return [
        "year": "\(row.year)", "observed": mt(observed), "treated": mt(treated), "change": mt(c.treatmentEffect.baseValue),
        "percent": observed > 0 ? Format.percent(c.treatmentEffect.baseValue / observed) : "–",
      ]
    }
    let flaggedYears = Set(serious.filter { $0.treatment == .flagged && $0.kind != .confirmedChange }.map(\.year)).sorted()
    return [
      "anomalies": rows, "hasAnomalies": !rows.isEmpty, "anomalyNotes": "\(summary.anomalies.count - serious.count)",
      "anomalyCount": "\(serious.count)", "anomalyCounts": counts, "treatment": summary.methodology.anomalies.treatment.rawValue,
      "replacedCount": "\(replaced.count)", "hasReplaced": !replaced.isEmpty, "effects": effects, "hasEffects": !effects.isEmpty,
      "flaggedYears": flaggedYears.map(String.init).joined(separator: ", "), "hasFlaggedYears": !flaggedYears.isEmpty,
    ]
  }

  /// The coverage keys of one year row.
  static func coverageRow(_ c: YearCoverage) -> [String: Any] {
    [
      "observed": "\(c.observed)", "filled": "\(c.filled)", "replaced": "\(c.replaced)", "flagged": "\(c.flagged)", "missing": "\(c.missing)",
      "imputed": Format.fixed(c.imputedShare * 100, 1),
      "incomplete": c.incomplete.isEmpty ? "–" : MarkdownText.cell(c.incomplete.joined(separator: "; ")),
    ]
  }
}
