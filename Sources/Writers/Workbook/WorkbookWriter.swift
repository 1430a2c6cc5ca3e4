import Accounting
import CementModel
import XLSXWriting

/// Writes a run as an auditable Excel workbook: the activity, the factors, the study's
/// Tables 1 and 3 as live formulas of them, totals, stages, checks and the provenance of every
/// activity value.
///
/// Sheets, in order: `Summary`, `Activity`, `Factors`, `Combustion`, `Process`,
/// `Totals and shares`, `Stages`, `Checks`, `Provenance`. Every emission figure is a formula
/// that refers to the activity and factor cells, so changing a factor in Excel or LibreOffice
/// recomputes the account; each formula also caches the tool's own value, which is what viewers
/// that do not recalculate show. Column headers are bilingual; titles, notes and labels follow
/// ``RunRecord/language``. The same record always gives a byte-identical file: the creation date
/// is ``RunRecord/referenceDate`` and nothing depends on dictionary order or the clock.
public enum WorkbookWriter {
  /// Writes the workbook of `record` to `path`, replacing the file only once it is complete.
  public static func write(_ record: RunRecord, to path: String) throws(XLSXError) {
    try write(record, to: path, options: Options())
  }

  /// Choices that only tests make.
  struct Options: Sendable {
    /// Whether formula cells cache the tool's own values. The recalculation test turns this
    /// off (every cache 0), so that any value LibreOffice reports must have come from the
    /// formulas rather than from the caches.
    var cachesComputedValues = true
  }

  static func write(_ record: RunRecord, to path: String, options: Options) throws(XLSXError) {
    let context = Context(record, options: options)
    let workbook = try Workbook(path: path, properties: properties(context))
    PrintLayout.apply(
      to: workbook, title: context.labels.documentTitle(context.account.province, context.account.methodology.name),
      language: context.record.language, tool: "cement-accounts \(context.record.toolVersion)")
    typealias S = Layout.Sheet
    let summary = SheetBuilder(try workbook.addWorksheet(named: S.summary))
    try SummarySheet(context: context).write(summary)
    try ActivitySheet(context: context).write(SheetBuilder(try workbook.addWorksheet(named: S.activity)))
    try FactorsSheet(context: context).write(SheetBuilder(try workbook.addWorksheet(named: S.factors)))
    try CombustionSheet(context: context).write(SheetBuilder(try workbook.addWorksheet(named: S.combustion)))
    try ProcessSheet(context: context).write(SheetBuilder(try workbook.addWorksheet(named: S.process)))
    try TotalsSheet(context: context).write(SheetBuilder(try workbook.addWorksheet(named: S.totals)))
    try StagesSheet(context: context).write(SheetBuilder(try workbook.addWorksheet(named: S.stages)))
    if let cost = record.carbonCost { try CarbonCostSheet(context: context, cost: cost).write(SheetBuilder(try workbook.addWorksheet(named: CarbonCostSheet.name))) }
    try ChecksSheet(context: context).write(SheetBuilder(try workbook.addWorksheet(named: S.checks)))
    try ProvenanceSheet(context: context).write(SheetBuilder(try workbook.addWorksheet(named: S.provenance)))
    if let uncertainty = context.record.uncertainty {
      try UncertaintySheet(context: context, analysis: uncertainty).write(SheetBuilder(try workbook.addWorksheet(named: UncertaintySheet.sheetName)))
    }
    try summary.worksheet.activate()
    try workbook.close()
  }

  /// Title, subject, author, keywords and comments; created on the record's reference date.
  static func properties(_ context: Context) -> DocumentProperties {
    let account = context.account
    let date = context.record.referenceDate
    let years = context.layout.years
    let period = years.first.map { first in "\(first)-\(years.last ?? first)" } ?? ""
    return DocumentProperties(
      title: context.labels.documentTitle(account.province, account.methodology.name),
      subject: account.methodology.title,
      author: "cement-accounts",
      keywords: ["cement", "CO2", account.province, account.methodology.name, period].filter { !$0.isEmpty }
        .joined(separator: ", "),
      comments: context.labels.documentComments(context.record.toolVersion, context.record.inputFiles.count),
      created: CreationDate(year: date.year, month: date.month, day: date.day))
  }
}
