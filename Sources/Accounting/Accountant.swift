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
      let consumption: Quantity<ElectricEnergy>
      do { consumption = try use.value.electricity() } catch { throw AccountingError("electricity in \(year): \(error)") }
      return EmissionEntry(
        year: year, scope: .electricity, source: fuel.id,
        emissions: StudyFormulas.electricityEmissions(electricity: consumption, gridFactor: grid),
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
    let ef = StudyFormulas.emissionFactor(carbonContent: factors.carbonContent, oxidationRate: factors.oxidationRate)
    return EmissionEntry(
      year: year, scope: .combustion, source: fuel.id,
      emissions: StudyFormulas.combustionEmissions([(activityData, ef)]),
      calculation: .combustion(fuelConsumption: use, activityData: activityData, emissionFactor: ef, factors: factors))
  }

  private func processEntry(_ activity: ActivitySeries, year: Int) throws(AccountingError) -> EmissionEntry {
    let factor = methodology.process.emissionFactor.value
    let clinker: Traced<Quantity<Mass>>
    switch methodology.process.clinker {
    case .table:
      guard let value = activity.products[.clinker]?[year] else {
        throw AccountingError(
          "no clinker output for \(year), and the methodology takes clinker from the products table",
          hint: "add clinker to the products table, or use 'process.clinker.method: cement-times-ratio'")
      }
      clinker = value
    case .cementTimesRatio(let ratios, let source):
      guard let cement = activity.products[.cement]?[year] else {
        throw AccountingError("no cement output for \(year)", hint: "add \(year) to the products table")
      }
      guard let ratio = ratios.value(for: year) else {
        throw AccountingError("the clinker ratio has no value for \(year)", hint: "give 'process.clinker.ratio' a value for every year")
      }
      clinker = cement.map("clinker = cement × clinker ratio \(ratio) (\(source))", flag: .derived) {
        StudyFormulas.estimatedClinker(cementOutput: $0, clinkerRatio: ratio)
      }
    }
    return EmissionEntry(
      year: year, scope: .process, source: "calcination",
      emissions: StudyFormulas.processEmissions(clinkerOutput: clinker.value, emissionFactor: factor),
      calculation: .process(clinker: clinker, emissionFactor: factor))
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
