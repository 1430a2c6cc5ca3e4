import Calculation
import CementModel

/// The terms of an account: each input (an activity cell, a factor of the methodology, a product
/// output) as a ``Term`` with its value in base units, its unit tag and its source.
public enum AccountTerms {
  /// Fuel consumption of `fuel` in `year` (t, m³ or MWh), traced to its input cells.
  public static func activity(_ fuel: Fuel, year: Int, _ use: ActivityValue) -> Term {
    let kind: TermKind = fuel == .electricity ? .electricityConsumption : .fuelConsumption(fuel: fuel.id)
    return Term(kind, year: year, value: use.value.baseValue, unit: unit(of: use.value.dimension), source: source(of: use))
  }

  /// A product's output (cement, clinker) in `year`, in t.
  public static func output(_ kind: TermKind, year: Int, _ output: Traced<Quantity<Mass>>) -> Term {
    Term(kind, year: year, value: output.value.baseValue, unit: .tonnes, source: source(of: output))
  }

  /// The NCV of `fuel` (GJ/t or GJ/m³).
  public static func netCalorificValue(_ fuel: Fuel, _ factors: FuelFactors, _ methodology: Methodology) -> Term {
    let (value, unit): (Double, UnitTag) =
      switch factors.netCalorificValue {
      case .perMass(let r): (r.baseValue, UnitTag.gigajoules / UnitTag.tonnes)
      case .perVolume(let r): (r.baseValue, UnitTag.gigajoules / UnitTag.cubicMetres)
      }
    return Term(.netCalorificValue(fuel: fuel.id), value: value, unit: unit, source: key("factor_set.fuels.\(fuel.id).ncv", methodology))
  }

  /// The carbon content of `fuel` (t C/GJ).
  public static func carbonContent(_ fuel: Fuel, _ factors: FuelFactors, _ methodology: Methodology) -> Term {
    Term(
      .carbonContent(fuel: fuel.id), value: factors.carbonContent.baseValue, unit: UnitTag.tonnesCarbon / UnitTag.gigajoules,
      source: key("factor_set.fuels.\(fuel.id).carbon_content", methodology))
  }

  /// The oxidation rate of `fuel`.
  public static func oxidationRate(_ fuel: Fuel, _ factors: FuelFactors, _ methodology: Methodology) -> Term {
    Term(.oxidationRate(fuel: fuel.id), value: factors.oxidationRate.value, unit: .one, source: key("factor_set.fuels.\(fuel.id).oxidation_rate", methodology))
  }

  /// The grid factor of `year` (t CO₂/MWh); one term for every year when the factor is constant.
  public static func gridFactor(year: Int, _ value: Rate<CO2Mass, ElectricEnergy>, _ methodology: Methodology) -> Term {
    Term(
      .gridFactor, year: isConstant(methodology.electricity.gridFactor) ? nil : year, value: value.baseValue,
      unit: UnitTag.tonnesCO2 / UnitTag.megawattHours, source: key("electricity.grid_factor", year: year, methodology))
  }

  /// The process factor (t CO₂/t clinker).
  public static func processFactor(_ methodology: Methodology) -> Term {
    Term(
      .processFactor, value: methodology.process.emissionFactor.value.baseValue, unit: UnitTag.tonnesCO2 / UnitTag.tonnes,
      source: key("process.emission_factor", methodology))
  }

  /// The clinker-to-cement ratio of `year`; one term for every year when it is constant.
  public static func clinkerRatio(year: Int, _ value: Double, constant: Bool, _ methodology: Methodology) -> Term {
    Term(
      .clinkerRatio, year: constant ? nil : year, value: value, unit: .one,
      source: key("process.clinker.ratio", year: constant ? nil : year, methodology))
  }

  /// A key of the methodology: its file and line, or, for a key the methodology inherited,
  /// its own file and the parent's `file:line` the key was written at.
  static func key(_ key: String, year: Int? = nil, _ methodology: Methodology) -> TermSource {
    let own = methodology.files.first ?? methodology.name
    let byYear = year.map { "\(key).\($0)" }
    let found = byYear.flatMap { methodology.keyLocations[$0] }.map { (byYear!, $0) } ?? methodology.keyLocations[key].map { (key, $0) }
    guard let (name, location) = found else { return .dataFile(file: own, line: nil, key: key) }
    if location.file == own { return .dataFile(file: own, line: location.line, key: name) }
    return .dataFile(file: own, line: nil, key: name, inheritedFrom: location.line.map { "\(location.file):\($0)" } ?? location.file)
  }

  static func source<V>(of traced: Traced<V>) -> TermSource {
    traced.sources.count == 1 && traced.steps.isEmpty ? .input(traced.sources[0]) : .inputs(traced.sources, steps: traced.steps)
  }

  static func unit(of dimension: ActivityDimension) -> UnitTag {
    switch dimension {
    case .mass: .tonnes
    case .gasVolume: .cubicMetres
    case .electricity: .megawattHours
    case .heat: .gigajoules
    case .coalEquivalent: "tce"
    }
  }

  static func isConstant<V>(_ value: YearlyValue<V>) -> Bool {
    if case .constant = value { return true }
    return false
  }
}
