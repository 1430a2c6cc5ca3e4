import Calculation
import CementModel

/// Computes the account: combustion by fuel (formulas 1–3), indirect electricity, and process
/// CO₂ (formula 4), year by year, from cement's allocated activity and a methodology.
public struct Accountant: Sendable {
  public let methodology: Methodology
  public let catalogue: FuelCatalogue

  public init(methodology: Methodology, catalogue: FuelCatalogue = .standard) {
    self.methodology = methodology
    self.catalogue = catalogue
  }

  public func account(_ activity: ActivitySeries) throws(AccountingError) -> Account {
    var findings = activity.findings
    var years: [YearAccount] = []
    let fuels = catalogue.reportingOrder(activity.fuels.keys)
    reportUnaccounted(fuels, activity: activity, findings: &findings)
    for year in activity.years {
      var entries: [EmissionEntry] = []
      for fuel in fuels {
        guard let use = activity.fuels[fuel]?[year] else { continue }
        if let entry = try entry(for: fuel, use: use, year: year) { entries.append(entry) }
      }
      // Without any product output (an energy-only account) process CO₂ is not available, not 0.
      if !activity.products.isEmpty { entries.append(try processEntry(activity, year: year)) }
      years.append(YearAccount(year: year, entries: entries))
    }
    return Account(province: activity.province, methodology: methodology, years: years, activity: activity, findings: findings)
  }

  private func entry(for fuel: Fuel, use: ActivityValue, year: Int) throws(AccountingError) -> EmissionEntry? {
    if fuel == .electricity {
      guard let grid = methodology.electricity.gridFactor.value(for: year) else {
        throw AccountingError("the grid factor has no value for \(year)", hint: "give 'electricity.grid_factor' a value for every year")
      }
      do { _ = try use.value.electricity() } catch { throw AccountingError("electricity in \(year): \(error)") }
      let expression = StudyFormulas.electricityEmissions(
        consumption: .term(AccountTerms.activity(fuel, year: year, use)),
        gridFactor: .term(AccountTerms.gridFactor(year: year, grid, methodology)))
      return EmissionEntry(
        year: year, scope: .electricity, source: fuel.id, figure: Figure(FigureID("electricity/\(fuel.id)", year: year), expression),
        calculation: .electricity(consumption: use, gridFactor: grid))
    }
    guard let factors = methodology.factorSet.fuels[fuel] else { return nil }
    let activityData: Quantity<HeatEnergy>
    do {
      activityData = try StudyFormulas.activityData(netCalorificValue: factors.netCalorificValue, fuelConsumption: use.value)
    } catch {
      throw AccountingError(
        "\(fuel) in \(year): the factor set's NCV is \(factors.netCalorificValue) but the activity is a \(use.value.dimension) amount",
        hint: "check the unit of 'factor_set.fuels.\(fuel).ncv' in \(methodology.files.first ?? methodology.name)")
    }
    let ef = Self.emissionFactor(fuel, factors, methodology)
    let expression = StudyFormulas.fuelCombustion(
      fuelConsumption: .term(AccountTerms.activity(fuel, year: year, use)),
      netCalorificValue: .term(AccountTerms.netCalorificValue(fuel, factors, methodology)), emissionFactor: ef.reference)
    return EmissionEntry(
      year: year, scope: .combustion, source: fuel.id, figure: Figure(FigureID("combustion/\(fuel.id)", year: year), expression),
      calculation: .combustion(
        fuelConsumption: use, activityData: activityData, emissionFactor: Rate(baseValue: ef.value), factors: factors))
  }

  private func processEntry(_ activity: ActivitySeries, year: Int) throws(AccountingError) -> EmissionEntry {
    let factor = methodology.process.emissionFactor.value
    let clinker: Traced<Quantity<Mass>>
    let clinkerExpression: Expression
    switch methodology.process.clinker {
    case .table:
      guard let value = activity.products[.clinker]?[year] else {
        throw AccountingError(
          "no clinker output for \(year), and the methodology takes clinker from the products table",
          hint: "add clinker to the products table, or use 'process.clinker.method: cement-times-ratio'")
      }
      clinker = value
      clinkerExpression = .term(AccountTerms.output(.clinkerOutput, year: year, value))
    case .cementTimesRatio(let ratios, let source):
      guard let cement = activity.products[.cement]?[year] else {
        throw AccountingError("no cement output for \(year)", hint: "add \(year) to the products table")
      }
      guard let ratio = ratios.value(for: year) else {
        throw AccountingError("the clinker ratio has no value for \(year)", hint: "give 'process.clinker.ratio' a value for every year")
      }
      let estimate = Figure(
        FigureID("clinker", year: year),
        StudyFormulas.estimatedClinker(
          cementOutput: .term(AccountTerms.output(.cementOutput, year: year, cement)),
          clinkerRatio: .term(AccountTerms.clinkerRatio(year: year, ratio, constant: AccountTerms.isConstant(ratios), methodology))))
      clinker = cement.map("clinker = cement × clinker ratio \(ratio) (\(source))", flag: .derived) { _ in
        Quantity<Mass>(baseValue: estimate.value)
      }
      clinkerExpression = estimate.reference
    }
    let expression = StudyFormulas.processEmissions(
      clinkerOutput: clinkerExpression, emissionFactor: .term(AccountTerms.processFactor(methodology)))
    return EmissionEntry(
      year: year, scope: .process, source: "calcination", figure: Figure(FigureID("process/calcination", year: year), expression),
      calculation: .process(clinker: clinker, emissionFactor: factor))
  }

  /// Formula (3) for one fuel of the factor set, as the named figure `emission-factor/<fuel>`.
  public static func emissionFactor(_ fuel: Fuel, _ factors: FuelFactors, _ methodology: Methodology) -> Figure {
    Figure(
      FigureID("emission-factor/\(fuel.id)"),
      StudyFormulas.emissionFactor(
        carbonContent: .term(AccountTerms.carbonContent(fuel, factors, methodology)),
        oxidationRate: .term(AccountTerms.oxidationRate(fuel, factors, methodology))))
  }

  /// Fuels with activity but no factor are reported with their quantity, never dropped silently.
  private func reportUnaccounted(_ fuels: [Fuel], activity: ActivitySeries, findings: inout [Finding]) {
    for fuel in fuels where fuel != .electricity && methodology.factorSet.fuels[fuel] == nil {
      let values = activity.fuels[fuel] ?? [:]
      let nonZero = values.filter { $0.value.value.baseValue != 0 }
      guard !nonZero.isEmpty else { continue }
      let unit = nonZero.first!.value.value.dimension.reportingUnit
      let listing = nonZero.sorted { $0.key < $1.key }.prefix(4)
        .map { "\($0.key): \(format($0.value.value.reportingValue)) \(unit.symbol)" }.joined(separator: ", ")
      findings.append(Finding(
        .warning, check: "unaccounted-fuel",
        "\(fuel) has activity in \(nonZero.count) year(s) but no factor in '\(methodology.factorSet.name)': not combusted in the account (\(listing)\(nonZero.count > 4 ? ", …" : ""))"))
    }
  }

  private func format(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return "\(rounded)"
  }
}

/// An account that cannot be computed.
public struct AccountingError: Error, Sendable, CustomStringConvertible {
  public let message: String
  public let hint: String?
  public init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }
  public var description: String { "error: \(message)" + (hint.map { "\n  hint: \($0)" } ?? "") }
}
