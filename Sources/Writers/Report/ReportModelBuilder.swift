import Accounting
import CementModel

/// Builds the report's view model from a run record. It formats and selects; the figures
/// themselves come from the account, its stage analysis and its verification.
struct ReportModelBuilder {
  let record: RunRecord
  let labels: ReportLabels
  let figure: String
  /// The combustion source with the largest emissions over the period (coal, for the study).
  let leadingFuel: String?

  init(record: RunRecord, figure: String) {
    self.record = record
    labels = ReportLabels.of(record.language)
    self.figure = figure
    leadingFuel = Self.leadingFuel(of: record.account)
  }

  var account: Account { record.account }

  func build() -> ReportModel {
    let first = account.years.first?.year ?? account.methodology.years.lowerBound
    let last = account.years.last?.year ?? account.methodology.years.upperBound
    let province = labels.provinceName(account.province)
    let period = "\(first)–\(last)"
    let date = record.referenceDate
    let marks = yearMarks()
    return ReportModel(
      language: record.language.rawValue,
      toolVersion: MarkdownText.inline(record.toolVersion),
      province: MarkdownText.inline(province),
      provinceID: MarkdownText.inline(account.province),
      period: period, firstYear: "\(first)", lastYear: "\(last)", yearCount: "\(account.years.count)",
      referenceDate: "\(date.year)-\(twoDigits(date.month))-\(twoDigits(date.day))",
      units: ReportModel.Units(
        table: labels.tableUnit, mass: labels.massUnit, megatonnes: labels.megatonnes, megatonnesCO2: labels.megatonnesCO2),
      figure: ReportModel.Figure(
        file: MarkdownText.linkDestination(figure), alt: MarkdownText.inline(labels.figureAlt(province, period))),
      summary: summary(),
      method: method(),
      combustion: combustionTable(marks),
      process: processTable(marks),
      totals: totalsTable(marks),
      marks: markLegend(marks), hasMarks: !marks.isEmpty,
      stages: stages(),
      structure: structure(),
      checks: checks(),
      verification: verification(),
      provenance: provenance(), carbonCost: CarbonCostReport.of(record).map { [$0] } ?? [])
  }

  // MARK: - Summary

  private func summary() -> ReportModel.Summary {
    func periodSum(_ aggregate: Aggregate) -> String { ReportNumber.megatonnes(account.years.sum { $0.total(aggregate) }) }
    let stages = record.stages
    let peak = stages.peakYear.flatMap { account[$0] }
    return ReportModel.Summary(
      total: periodSum(.total), combustion: periodSum(.combustion), electricity: periodSum(.electricity),
      energy: periodSum(.energy), process: periodSum(.process),
      stageSeries: labels.aggregate(stages.series),
      peakYear: peak.map { "\($0.year)" } ?? labels.notAvailable,
      peak: peak.map { ReportNumber.megatonnes($0.total(stages.series)) } ?? labels.notAvailable,
      hasPeak: peak != nil,
      firstTotal: account.years.first.map { ReportNumber.megatonnes($0.total(.total)) } ?? labels.notAvailable,
      lastTotal: account.years.last.map { ReportNumber.megatonnes($0.total(.total)) } ?? labels.notAvailable)
  }

  // MARK: - Names

  /// The name of a source (a fuel id or `calcination`) in the report's language.
  func sourceName(_ source: String, scope: Scope) -> String {
    if scope == .process { return labels.processSource }
    return FuelCatalogue.standard[Fuel(source)].map(labels.fuelName) ?? source
  }

  /// The combustion and electricity sources, in the study's order (fuels, then electricity).
  var energySources: [(scope: Scope, source: String)] {
    account.sources.filter { $0.scope != .process }
  }

  private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
