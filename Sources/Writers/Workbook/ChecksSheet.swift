import CementModel
import Verification
import XLSXWriting

extension WorkbookWriter {
  /// `Checks`: every finding of the stages, then for each published table the cells that differ
  /// from the account, a count, and each statement of the text with whether it holds.
  struct ChecksSheet {
    let context: Context

    private var labels: Labels { context.labels }
    private static let failed = Styles.highlighted(Styles.text, .differsFromPublished)

    func write(_ sheet: SheetBuilder) throws(XLSXError) {
      try sheet.title(labels.checksTitle, subtitle: context.subtitle, note: labels.checksNote)
      var row = try writeFindings(sheet, row: Layout.groupRow)
      for report in context.record.verification {
        row = try writeReport(sheet, report, row: row + 1)
      }
      try sheet.worksheet.freezePanes(row: Layout.groupRow, column: 0)
      try sheet.finish(maximum: 90)
    }

    private func writeFindings(_ sheet: SheetBuilder, row: Int) throws(XLSXError) -> Int {
      try sheet.section(labels.findingsSection, row: row)
      let findings = context.account.findings
      guard !findings.isEmpty else {
        try sheet.text(labels.noFindings, row + 1, 0, Styles.note, fits: false)
        return row + 2
      }
      try sheet.headers([Headers.severity, Headers.check, Headers.year, Headers.location, Headers.message], row: row + 1)
      for (offset, finding) in findings.enumerated() {
        let line = row + 2 + offset
        let style = finding.severity >= .warning ? Styles.text.with { $0.bold = true } : Styles.text
        try sheet.text(labels.severity(finding.severity), line, 0, style)
        try sheet.text(finding.check, line, 1)
        if let year = finding.year { try sheet.write(.number(Double(year)), line, 2, Styles.year) }
        try sheet.text(finding.location?.description ?? "", line, 3)
        try sheet.text(finding.message, line, 4)
      }
      return row + 2 + findings.count
    }

    private func writeReport(_ sheet: SheetBuilder, _ report: VerificationReport, row: Int) throws(XLSXError) -> Int {
      try sheet.section(labels.verificationSection(report.table.title), row: row)
      var line = try writeDifferingCells(sheet, report, row: row + 1)
      let differ = report.differingCells.count
      let tolerance = "\(report.tolerance) \(report.table.unit.symbol)"
      try sheet.text(labels.cellsCount(report.cells.count, report.cells.count - differ, differ, tolerance), line, 0, Styles.label, fits: false)
      line += 2
      guard !report.statements.isEmpty else { return line }
      return try writeStatements(sheet, report, row: line)
    }

    private func writeDifferingCells(_ sheet: SheetBuilder, _ report: VerificationReport, row: Int) throws(XLSXError) -> Int {
      try sheet.text(labels.differingCellsSection, row, 0, Styles.label, fits: false)
      let checks = report.differingCells
      guard !checks.isEmpty else {
        try sheet.text(labels.noDifferingCells, row + 1, 0, Styles.note, fits: false)
        return row + 2
      }
      let unit = report.table.unit.symbol
      try sheet.headers(
        [
          Headers.location, Headers.year, Headers.column, Headers.withUnit(Headers.published, unit),
          Headers.withUnit(Headers.recomputed, unit), Headers.withUnit(Headers.difference, unit),
        ], row: row + 1)
      for (offset, check) in checks.enumerated() {
        let line = row + 2 + offset
        try sheet.text(check.cell.location.description, line, 0, Self.failed)
        try sheet.write(.number(Double(check.cell.year)), line, 1, Styles.year)
        try sheet.text(check.cell.column, line, 2)
        try sheet.write(.number(check.cell.value), line, 3, Styles.emissions)
        if let recomputed = check.recomputed { try sheet.write(.number(recomputed), line, 4, Styles.emissions) }
        if let difference = check.difference { try sheet.write(.number(difference), line, 5, Styles.activity) }
      }
      return row + 2 + checks.count
    }

    private func writeStatements(_ sheet: SheetBuilder, _ report: VerificationReport, row: Int) throws(XLSXError) -> Int {
      try sheet.text(labels.statementsSection, row, 0, Styles.label, fits: false)
      try sheet.headers([Headers.statementID, Headers.quote, Headers.result, Headers.accountGives, Headers.location], row: row + 1)
      for (offset, check) in report.statements.enumerated() {
        let line = row + 2 + offset
        try sheet.text(check.statement.id, line, 0)
        try sheet.text(check.statement.quote, line, 1)
        try sheet.text(check.holds ? labels.holds : labels.doesNotHold, line, 2, check.holds ? Styles.text : Self.failed)
        try sheet.text(check.recomputed, line, 3)
        try sheet.text(check.statement.location.description, line, 4)
      }
      let failed = report.failedStatements.count
      let countRow = row + 2 + report.statements.count
      try sheet.text(
        labels.statementsCount(report.statements.count, report.statements.count - failed, failed), countRow, 0, Styles.label, fits: false)
      return countRow + 1
    }
  }
}
