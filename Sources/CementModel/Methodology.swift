/// A value that is either one constant for every year or given year by year.
public enum YearlyValue<Value: Sendable & Hashable>: Sendable, Hashable {
  case constant(Value)
  case byYear([Int: Value])

  /// The value for `year`, or nil where a series has no entry.
  public func value(for year: Int) -> Value? {
    switch self {
    case .constant(let v): v
    case .byYear(let values): values[year]
    }
  }
}

/// A value with the source it was taken from and whether it is an assumption of ours.
public struct Sourced<Value: Sendable & Hashable>: Sendable, Hashable {
  public let value: Value
  public let source: String
  /// True when no source states the value and the methodology assumes it.
  public let isAssumption: Bool

  public init(_ value: Value, source: String, isAssumption: Bool = false) {
    self.value = value
    self.source = source
    self.isAssumption = isAssumption
  }
}

/// The net calorific value of a fuel: per tonne for solids and liquids, per cubic metre for gases.
public enum NetCalorificValue: Sendable, Hashable, CustomStringConvertible {
  case perMass(Rate<HeatEnergy, Mass>)
  case perVolume(Rate<HeatEnergy, GasVolume>)

  /// The activity dimension the value applies to.
  public var dimension: ActivityDimension {
    switch self {
    case .perMass: .mass
    case .perVolume: .gasVolume
    }
  }

  public var description: String {
    switch self {
    case .perMass(let r): "\(r.value(in: .gigajoules, per: .tonnes)) GJ/t"
    case .perVolume(let r): "\(r.value(in: .gigajoules, per: .tenThousandCubicMetres)) GJ/10⁴ m³"
    }
  }
}

/// The combustion factors of one fuel (formulas 2 and 3 of the study).
public struct FuelFactors: Sendable, Hashable {
  public let netCalorificValue: NetCalorificValue
  /// Carbon per unit of heat (t C/TJ in the guidelines).
  public let carbonContent: Rate<CarbonMass, HeatEnergy>
  public let oxidationRate: Fraction
  public let source: String

  public init(netCalorificValue: NetCalorificValue, carbonContent: Rate<CarbonMass, HeatEnergy>, oxidationRate: Fraction, source: String) {
    self.netCalorificValue = netCalorificValue
    self.carbonContent = carbonContent
    self.oxidationRate = oxidationRate
    self.source = source
  }
}

/// A named set of combustion factors per fuel.
public struct FactorSet: Sendable, Hashable {
  public let name: String
  public let source: String
  public let fuels: [Fuel: FuelFactors]

  public init(name: String, source: String, fuels: [Fuel: FuelFactors]) {
    self.name = name
    self.source = source
    self.fuels = fuels
  }
}

/// How clinker output is obtained for formula (4).
public enum ClinkerMethod: Sendable, Hashable {
  /// Read from the products table; a year without clinker is an error.
  case table
  /// Estimated as cement output × a clinker-to-cement ratio. The study-2025 methodology uses a
  /// ratio of 1: it applied the clinker factor to cement output.
  case cementTimesRatio(YearlyValue<Double>, source: String)
}

/// Process (calcination) CO₂: formula (4), `E = EF_clinker × clinker`.
public struct ProcessMethod: Sendable, Hashable {
  public let emissionFactor: Sourced<Rate<CO2Mass, Mass>>
  public let clinker: ClinkerMethod

  public init(emissionFactor: Sourced<Rate<CO2Mass, Mass>>, clinker: ClinkerMethod) {
    self.emissionFactor = emissionFactor
    self.clinker = clinker
  }
}

/// Indirect emissions from purchased electricity.
public struct ElectricityMethod: Sendable, Hashable {
  public let gridFactor: YearlyValue<Rate<CO2Mass, ElectricEnergy>>
  public let source: String
  public let isAssumption: Bool

  public init(gridFactor: YearlyValue<Rate<CO2Mass, ElectricEnergy>>, source: String, isAssumption: Bool) {
    self.gridFactor = gridFactor
    self.source = source
    self.isAssumption = isAssumption
  }
}

/// The share of the non-metallic mineral products industry's fuel use attributed to cement:
/// a share the methodology states, or one computed each year from a physical proxy.
public struct AllocationRule: Sendable, Hashable {
  /// How the share is obtained.
  public enum Basis: Sendable, Hashable {
    /// A share stated by the methodology, constant or by year.
    case share(YearlyValue<Fraction>)
    /// A share computed each year as cement's energy need over the industry's energy use.
    case energyProxy(EnergyProxy)
  }

  public let basis: Basis
  public let source: String

  public init(share: YearlyValue<Fraction>, source: String) {
    self.basis = .share(share)
    self.source = source
  }

  public init(energyProxy: EnergyProxy, source: String) {
    self.basis = .energyProxy(energyProxy)
    self.source = source
  }

  /// The stated share, or nil when the share is computed from a proxy.
  public var share: YearlyValue<Fraction>? {
    guard case .share(let share) = basis else { return nil }
    return share
  }
}

/// How a year without data is filled.
public enum GapFilling: String, Sendable, Hashable, CaseIterable {
  /// The previous year's value, as the study did.
  case carryForward = "carry-forward"
  /// A straight line between the nearest observed years on each side.
  case linear
  /// Nothing is filled: a missing figure stays not available (never 0) and the year's totals
  /// say which parts they lack.
  case none
}

/// What to do with a year whose values equal the previous year's in every fuel.
public enum CopiedYearRule: String, Sendable, Hashable, CaseIterable {
  /// Keep the values and flag the year.
  case flag
  /// Treat the year as missing and fill it by the gap-filling rule.
  case treatAsGap = "treat-as-gap"
}

/// The emission aggregates a stage analysis or a statement can refer to.
public enum Aggregate: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// Direct fuel combustion only.
  case combustion
  /// Indirect electricity only.
  case electricity
  /// Combustion plus electricity: the study's Table 1 total ("fossil fuel combustion emissions").
  case energy
  /// Process (calcination) emissions.
  case process
  /// Energy plus process.
  case total

  public var description: String { rawValue }
}

/// A stage of the emission path declared by the methodology, e.g. the study's
/// "Stage 2 (2009–2013)". Growth is measured from `base` (default: `first`) to `last`.
public struct StageDefinition: Sendable, Hashable {
  public let name: String
  public let first: Int
  public let last: Int
  public let base: Int
  /// Where the methodology declares the stage, for messages; not part of its identity.
  public let location: SourceLocation?

  public init(name: String, first: Int, last: Int, base: Int? = nil, location: SourceLocation? = nil) {
    self.name = name
    self.first = first
    self.last = last
    self.base = base ?? first
    self.location = location
  }

  public static func == (a: StageDefinition, b: StageDefinition) -> Bool {
    (a.name, a.first, a.last, a.base) == (b.name, b.first, b.last, b.base)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(first)
    hasher.combine(last)
    hasher.combine(base)
  }
}

/// Every choice of an account, loaded from a file in `Inputs/methodologies/`.
public struct Methodology: Sendable, Hashable {
  public let name: String
  public let title: String
  /// The chain of files this one was read from, itself first, then what it inherits.
  public let files: [String]
  public let years: ClosedRange<Int>
  public let factorSet: FactorSet
  public let electricity: ElectricityMethod
  public let process: ProcessMethod
  public let allocation: AllocationRule
  public let gapFilling: GapFilling
  public let copiedYears: CopiedYearRule
  public let stageSeries: Aggregate
  public let stages: [StageDefinition]
  /// How each series is made consistent over the years and across sources; by default the
  /// `gapFilling` rule for every series.
  public let timeSeries: TimeSeriesRules
  /// How cement output is derived where no table gives it; nil: it must be given.
  public let cementDerivation: CementDerivation?
  /// The consistency checks' tolerances.
  public let checks: ConsistencyRules
  /// How anomalous points are scored, graded and treated.
  public let anomalies: AnomalyRules
  /// The uncertainty of the inputs (`uncertainty:`), for IPCC Approaches 1 and 2.
  public let uncertainty: UncertaintySpec
  /// Where each key was written (`factor_set.fuels.coal.ncv` → `study-2025.yaml:24:18`), in
  /// this file or the one it inherited the key from: the provenance of every factor.
  public let keyLocations: [String: SourceLocation]

  public init(
    name: String, title: String, files: [String], years: ClosedRange<Int>, factorSet: FactorSet,
    electricity: ElectricityMethod, process: ProcessMethod, allocation: AllocationRule, gapFilling: GapFilling,
    copiedYears: CopiedYearRule, stageSeries: Aggregate, stages: [StageDefinition], timeSeries: TimeSeriesRules? = nil,
    cementDerivation: CementDerivation? = nil, checks: ConsistencyRules = .standard, anomalies: AnomalyRules = .standard,
    uncertainty: UncertaintySpec = .none, keyLocations: [String: SourceLocation] = [:]
  ) {
    self.name = name
    self.title = title
    self.files = files
    self.years = years
    self.factorSet = factorSet
    self.electricity = electricity
    self.process = process
    self.allocation = allocation
    self.gapFilling = gapFilling
    self.copiedYears = copiedYears
    self.stageSeries = stageSeries
    self.stages = stages
    self.timeSeries = timeSeries ?? .gapFilling(gapFilling)
    self.cementDerivation = cementDerivation
    self.checks = checks
    self.anomalies = anomalies
    self.uncertainty = uncertainty
    self.keyLocations = keyLocations
  }

  /// The same methodology over another accounting period (`--years`); stages that fall
  /// outside it are dropped.
  public func over(years: ClosedRange<Int>) -> Methodology {
    Methodology(
      name: name, title: title, files: files, years: years, factorSet: factorSet, electricity: electricity, process: process,
      allocation: allocation, gapFilling: gapFilling, copiedYears: copiedYears, stageSeries: stageSeries,
      stages: stages.filter { years.contains($0.base) && years.contains($0.last) }, timeSeries: timeSeries,
      cementDerivation: cementDerivation, checks: checks, anomalies: anomalies, uncertainty: uncertainty, keyLocations: keyLocations)
  }
}
