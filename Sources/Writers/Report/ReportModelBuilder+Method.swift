import Accounting
import CementModel

// The methodology section: every choice read from `record.account.methodology`.
extension ReportModelBuilder {
  func method() -> ReportModel.Method {
    let methodology = account.methodology
    return ReportModel.Method(
      name: MarkdownText.inline(methodology.name),
      title: MarkdownText.inline(methodology.title),
      files: methodology.files.map(MarkdownText.oneLine),
      factorSet: factorSet(methodology.factorSet),
      grid: grid(methodology.electricity),
      processFactor: ReportModel.ProcessFactor(
        value: ReportNumber.factor(methodology.process.emissionFactor.value.value(in: .tonnesCO2, per: .tonnes)),
        unit: labels.processFactorUnit,
        source: MarkdownText.inline(methodology.process.emissionFactor.source)),
      clinker: clinker(methodology.process.clinker),
      allocation: allocation(methodology.allocation),
      gapFilling: ReportModel.Rule(name: methodology.gapFilling.rawValue, sentence: labels.gapFilling(methodology.gapFilling)),
      copiedYears: ReportModel.Rule(name: methodology.copiedYears.rawValue, sentence: labels.copiedYears(methodology.copiedYears)))
  }

  private func factorSet(_ set: FactorSet) -> ReportModel.FactorSet {
    let fuels = FuelCatalogue.standard.reportingOrder(set.fuels.keys)
    let rows = fuels.compactMap { fuel in set.fuels[fuel].map { factorRow(fuel, $0) } }
    return ReportModel.FactorSet(
      name: MarkdownText.inline(set.name), source: MarkdownText.inline(set.source), rows: rows,
      carbonContentUnit: "t C/TJ", emissionFactorUnit: "t CO₂/TJ")
  }

  private func factorRow(_ fuel: Fuel, _ factors: FuelFactors) -> ReportModel.FactorRow {
    let (ncv, unit): (Double, String) =
      switch factors.netCalorificValue {
      case .perMass(let rate): (rate.value(in: .gigajoules, per: .tonnes), "GJ/t")
      case .perVolume(let rate): (rate.value(in: .gigajoules, per: .tenThousandCubicMetres), "GJ/10⁴ m³")
      }
    let emissionFactor = StudyFormulas.emissionFactor(carbonContent: factors.carbonContent, oxidationRate: factors.oxidationRate)
    return ReportModel.FactorRow(
      fuel: MarkdownText.cell(sourceName(fuel.id, scope: .combustion)),
      netCalorificValue: ReportNumber.factor(ncv, decimals: 3),
      netCalorificValueUnit: unit,
      carbonContent: ReportNumber.factor(factors.carbonContent.value(in: .tonnesOfCarbon, per: .terajoules), decimals: 3),
      oxidationRate: ReportNumber.factor(factors.oxidationRate.value, decimals: 3),
      emissionFactor: Format.fixed(emissionFactor.value(in: .tonnesCO2, per: .terajoules), 2))
  }

  private func grid(_ electricity: ElectricityMethod) -> ReportModel.Grid {
    let tonnesPerMWh = { (rate: Rate<CO2Mass, ElectricEnergy>) in rate.value(in: .tonnesCO2, per: .megawattHours) }
    let value: String
    switch electricity.gridFactor {
    case .constant(let rate):
      value = ReportNumber.factor(tonnesPerMWh(rate))
    case .byYear(let rates):
      let range = ReportNumber.range(rates.values.map(tonnesPerMWh)) { ReportNumber.factor($0) }
      value = range.map { labels.byYear($0.lowest, $0.highest) } ?? labels.notAvailable
    }
    let isByYear = if case .byYear = electricity.gridFactor { true } else { false }
    return ReportModel.Grid(
      value: value, unit: "t CO₂/MWh", isByYear: isByYear, source: MarkdownText.inline(electricity.source),
      isAssumption: electricity.isAssumption)
  }

  private func clinker(_ method: ClinkerMethod) -> ReportModel.Clinker {
    switch method {
    case .table:
      return ReportModel.Clinker(sentence: labels.clinkerFromTable, isFromTable: true, source: "")
    case .cementTimesRatio(.constant(let ratio), let source):
      return ReportModel.Clinker(
        sentence: labels.clinkerRatio(ReportNumber.factor(ratio)), isFromTable: false, source: MarkdownText.inline(source))
    case .cementTimesRatio(.byYear(let ratios), let source):
      let range = ReportNumber.range(ratios.values) { ReportNumber.factor($0) }
      return ReportModel.Clinker(
        sentence: labels.clinkerRatioByYear(range?.lowest ?? labels.notAvailable, range?.highest ?? labels.notAvailable),
        isFromTable: false, source: MarkdownText.inline(source))
    }
  }

  private func allocation(_ rule: AllocationRule) -> ReportModel.Allocation {
    let percent = { (share: Fraction) in labels.percent(ReportNumber.factor(share.value * 100, decimals: 2)) }
    let share: String
    switch rule.share {
    case .constant(let fraction):
      share = percent(fraction)
    case .byYear(let shares):
      let range = ReportNumber.range(shares.values.map(\.value)) { percent(Fraction($0)) }
      share = range.map { labels.byYear($0.lowest, $0.highest) } ?? labels.notAvailable
    case nil:
      // Computed each year from the energy proxy: the shares the allocation recorded.
      let range = ReportNumber.range(account.activity.allocationShares.values.map(\.value)) { percent(Fraction($0)) }
      share = range.map { labels.byYear($0.lowest, $0.highest) } ?? labels.notAvailable
    }
    return ReportModel.Allocation(share: share, source: MarkdownText.inline(rule.source))
  }
}
