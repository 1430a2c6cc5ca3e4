/// A lever of a reduction scenario (LEAP-like: activity × intensity): one quantity of the
/// cement identity in `pathways.md` §1, given as a time path of milestones.
public enum Lever: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
  /// Cement output, Mt.
  case cementOutput = "cement_output"
  /// Clinker-to-cement ratio, t clinker per t cement.
  case clinkerRatio = "clinker_ratio"
  /// Kiln fuel energy per tonne of clinker, GJ/t clinker.
  case thermalIntensity = "thermal_intensity"
  /// Share of natural gas in fossil kiln energy (coal takes what natural gas and oil leave).
  case naturalGasShare = "natural_gas_share"
  /// Share of oil products in fossil kiln energy.
  case oilShare = "oil_share"
  /// Share of alternative fuels (waste, biomass) in kiln energy.
  case alternativeFuelShare = "alternative_fuel_share"
  /// Share of kiln energy supplied by electric kilns.
  case electricKilnShare = "electric_kiln_share"
  /// Biomass (biogenic, not counted) fraction of alternative fuels' CO₂.
  case alternativeFuelBiomassFraction = "alternative_fuel_biomass_fraction"
  /// Emission factor of alternative fuels before the biomass fraction, kg CO₂/GJ.
  case alternativeFuelFactor = "alternative_fuel_factor"
  /// Emission factor of natural gas, kg CO₂/GJ (needed when the base year burns none).
  case naturalGasFactor = "natural_gas_factor"
  /// Emission factor of oil products, kg CO₂/GJ (needed when the base year burns none).
  case oilFactor = "oil_factor"
  /// Emission factor of coal and the other solid and gaseous coal products, kg CO₂/GJ.
  case coalFactor = "coal_factor"
  /// Electricity per tonne of cement (grinding, fans), kWh/t cement.
  case electricityIntensity = "electricity_intensity"
  /// Grid emission factor, t CO₂/MWh.
  case gridFactor = "grid_factor"
  /// Process (calcination) emission factor, t CO₂/t clinker.
  case processFactor = "process_factor"
  /// Share of output made at plants with CCUS.
  case ccusCoverage = "ccus_coverage"
  /// Share of the covered plants' direct CO₂ that CCUS captures.
  case ccusCaptureRate = "ccus_capture_rate"

  public var description: String { rawValue }
  public static func < (a: Lever, b: Lever) -> Bool { a.rawValue < b.rawValue }

  /// The unit milestone values are written in, and the factor from it to the base unit.
  public var unit: (symbol: String, toBase: Double) {
    switch self {
    case .cementOutput: ("Mt", 1e6)
    case .thermalIntensity: ("GJ/t clinker", 1)
    case .electricityIntensity: ("kWh/t cement", 1e-3)
    case .gridFactor: ("t CO2/MWh", 1)
    case .processFactor: ("t CO2/t clinker", 1)
    case .alternativeFuelFactor, .naturalGasFactor, .oilFactor, .coalFactor: ("kg CO2/GJ", 1e-3)
    case .clinkerRatio: ("t clinker/t cement", 1)
    case .naturalGasShare, .oilShare, .alternativeFuelShare, .electricKilnShare, .alternativeFuelBiomassFraction,
      .ccusCoverage, .ccusCaptureRate:
      ("share", 1)
    }
  }

  /// The physically possible values, in the written unit: shares and rates within 0…1,
  /// intensities and factors not negative.
  public var physicalRange: ClosedRange<Double> {
    switch self {
    case .naturalGasShare, .oilShare, .alternativeFuelShare, .electricKilnShare, .alternativeFuelBiomassFraction,
      .ccusCoverage, .ccusCaptureRate, .clinkerRatio:
      0...1
    default: 0...Double.greatestFiniteMagnitude
    }
  }
}

/// How a lever's value moves between two milestones.
public enum Interpolation: String, Sendable, Hashable, CaseIterable {
  /// A straight line between milestones (LEAP's `Interp`).
  case linear
  /// The earlier milestone's value until the next one (LEAP's `Step`).
  case step
}

/// One milestone of a lever's path: its year, its value (in the lever's unit, or a multiple of
/// the base year's value when the path is relative) and where it was stated.
public struct Milestone: Sendable, Hashable {
  public let year: Int
  public let value: Double
  public let source: String
  public let location: SourceLocation

  public init(year: Int, value: Double, source: String, location: SourceLocation) {
    self.year = year
    self.value = value
    self.source = source
    self.location = location
  }
}

/// A lever's time path: milestones after the base year; the base year's value is always the
/// account's.
public struct LeverPath: Sendable, Hashable {
  public let lever: Lever
  /// Milestone values are multiples of the base year's value (0.9 = 10 % below it), or of
  /// `relativeTo`'s value when that is set.
  public let relative: Bool
  /// The accounted year a relative path's milestones multiply (a target "−3.7 % against 2020"),
  /// or nil for the base year.
  public let relativeTo: Int?
  public let interpolation: Interpolation
  public let milestones: [Milestone]
  public let location: SourceLocation

  public init(
    lever: Lever, relative: Bool, relativeTo: Int? = nil, interpolation: Interpolation, milestones: [Milestone], location: SourceLocation
  ) {
    self.lever = lever
    self.relative = relative
    self.relativeTo = relativeTo
    self.interpolation = interpolation
    self.milestones = milestones.sorted { $0.year < $1.year }
    self.location = location
  }

  /// The value in `year` (base units), starting from `base` in `baseYear` and held after the
  /// last milestone; relative milestones multiply `reference` (the base value unless given).
  public func value(in year: Int, baseYear: Int, base: Double, reference: Double? = nil) -> Double {
    let scale = lever.unit.toBase
    let points = [(baseYear, base)] + milestones.map { ($0.year, relative ? $0.value * (reference ?? base) : $0.value * scale) }
    guard year > baseYear else { return base }
    for (a, b) in zip(points, points.dropFirst()) where year <= b.0 {
      if year == b.0 { return b.1 }
      switch interpolation {
      case .step: return a.1
      case .linear:
        let t = Double(year - a.0) / Double(b.0 - a.0)
        return a.1 + (b.1 - a.1) * t
      }
    }
    return points.last!.1
  }
}

/// A check of a scenario against a stated target: a lever's value in a year at most (or at
/// least) a limit, given absolutely or as a ratio of an accounted year's value.
public struct ScenarioTarget: Sendable, Hashable {
  public enum Bound: String, Sendable, Hashable { case atMost = "at_most", atLeast = "at_least" }
  public let name: String
  public let year: Int
  public let lever: Lever
  public let bound: Bound
  /// The limit in the lever's unit, or a ratio of `relativeTo`'s value.
  public let limit: Double
  /// The accounted year whose value the limit multiplies, or nil for an absolute limit.
  public let relativeTo: Int?
  public let source: String
  public let location: SourceLocation

  public init(
    name: String, year: Int, lever: Lever, bound: Bound, limit: Double, relativeTo: Int?, source: String, location: SourceLocation
  ) {
    self.name = name
    self.year = year
    self.lever = lever
    self.bound = bound
    self.limit = limit
    self.relativeTo = relativeTo
    self.source = source
    self.location = location
  }
}

/// A price per tonne of CO₂ abated, with its source.
public struct AbatementPrice: Sendable, Hashable {
  public let name: String
  public let cnyPerTonne: Double
  public let source: String
  public init(name: String, cnyPerTonne: Double, source: String) {
    self.name = name
    self.cnyPerTonne = cnyPerTonne
    self.source = source
  }
}

/// A reduction scenario as loaded from `Inputs/scenarios/*.yaml`: lever paths from the
/// account's last year to `endYear`, targets to check, prices to value the abatement.
public struct Scenario: Sendable, Hashable {
  public let name: String
  public let title: String
  public let source: String
  public let endYear: Int
  /// The levers the file sets; every other lever is held at its base-year value.
  public let paths: [Lever: LeverPath]
  public let targets: [ScenarioTarget]
  public let prices: [AbatementPrice]
  /// The file (for the outputs' provenance).
  public let file: String

  public init(
    name: String, title: String, source: String, endYear: Int, paths: [Lever: LeverPath], targets: [ScenarioTarget] = [],
    prices: [AbatementPrice] = [], file: String
  ) {
    self.name = name
    self.title = title
    self.source = source
    self.endYear = endYear
    self.paths = paths
    self.targets = targets
    self.prices = prices
    self.file = file
  }
}
