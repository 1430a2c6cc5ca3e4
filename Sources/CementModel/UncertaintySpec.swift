/// The classes of input an account's figures are computed from, each with its own uncertainty
/// (IPCC 2006 Vol. 1 Ch. 3 §3.2; the methodology's `uncertainty.inputs` keys).
public enum InputClass: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
  case fuelConsumption = "fuel_consumption"
  case electricityConsumption = "electricity_consumption"
  case netCalorificValue = "net_calorific_value"
  case carbonContent = "carbon_content"
  case oxidationRate = "oxidation_rate"
  case gridFactor = "grid_factor"
  case processFactor = "process_factor"
  case clinkerRatio = "clinker_ratio"
  case clinkerOutput = "clinker_output"
  case cementOutput = "cement_output"
  case allocationShare = "allocation_share"

  public var description: String { rawValue }
  public static func < (a: InputClass, b: InputClass) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }

  /// True for activity data (IPCC trend type B: an error of its own each year); false for
  /// factors (type A: one error shared by every year that uses the factor).
  public var isActivity: Bool {
    switch self {
    case .fuelConsumption, .electricityConsumption, .clinkerOutput, .cementOutput: true
    default: false
    }
  }
}

/// The shape of an input's probability density (IPCC 2006 Vol. 1 Ch. 3 §3.2.2.4).
public enum DistributionShape: String, Sendable, Hashable, CaseIterable {
  /// Normal: the bounds are the 2.5 % and 97.5 % points (symmetric: their mean is used).
  case normal
  /// Lognormal: the bounds are the 2.5 % and 97.5 % points of a positive, skewed quantity.
  case lognormal
  /// Triangular: the bounds are the edges; the central value is the mode.
  case triangular
  /// Uniform: the bounds are the edges.
  case uniform
}

/// One input's uncertainty: a shape and relative bounds around the central value (−0.1 and
/// +0.1 for ±10 %), with the source the range was taken from.
public struct InputUncertainty: Sendable, Hashable {
  public let shape: DistributionShape
  /// The lower bound relative to the central value, ≤ 0 (−0.1: 10 % below).
  public let lower: Double
  /// The upper bound relative to the central value, ≥ 0.
  public let upper: Double
  public let source: String
  /// Where the key was written (`study-2025.yaml:92 uncertainty.inputs.carbon_content`).
  public let origin: String

  public init(shape: DistributionShape, lower: Double, upper: Double, source: String, origin: String = "") {
    self.shape = shape
    self.lower = lower
    self.upper = upper
    self.source = source
    self.origin = origin
  }

  /// A symmetric range of ±`halfWidth` (0.1 for ±10 %).
  public init(shape: DistributionShape, halfWidth: Double, source: String, origin: String = "") {
    self.init(shape: shape, lower: -halfWidth, upper: halfWidth, source: source, origin: origin)
  }
}

/// The uncertainty of an account's inputs, as the methodology states it (`uncertainty:`).
public struct UncertaintySpec: Sendable, Hashable {
  /// Whether `run` and `batch` compute it without `--uncertainty`.
  public let enabledByDefault: Bool
  /// The default number of Monte Carlo draws.
  public let draws: Int
  /// The default seed of the draws.
  public let seed: UInt64
  /// True when a fuel's activity errors are one draw for every year (a systematic coverage
  /// error); false (the IPCC default) when each year's activity has its own error.
  public let activityCorrelatedAcrossYears: Bool
  /// The uncertainty of each input class.
  public let inputs: [InputClass: InputUncertainty]
  /// Per-fuel overrides of the fuel classes (`by_fuel.coal.net_calorific_value`).
  public let byFuel: [Fuel: [InputClass: InputUncertainty]]

  public init(
    enabledByDefault: Bool = false, draws: Int = UncertaintySpec.defaultDraws, seed: UInt64 = UncertaintySpec.defaultSeed,
    activityCorrelatedAcrossYears: Bool = false, inputs: [InputClass: InputUncertainty] = [:],
    byFuel: [Fuel: [InputClass: InputUncertainty]] = [:]
  ) {
    self.enabledByDefault = enabledByDefault
    self.draws = draws
    self.seed = seed
    self.activityCorrelatedAcrossYears = activityCorrelatedAcrossYears
    self.inputs = inputs
    self.byFuel = byFuel
  }

  /// No input uncertain: what a methodology without an `uncertainty:` section states.
  public static let none = UncertaintySpec()
  /// The draws at which the 95 % bounds of the bundled total are stable to 0.1 % (see
  /// `Inputs/methodologies/README.md`, measured by `scripts/uncertainty-benchmark.sh`).
  public static let defaultDraws = 200_000
  public static let defaultSeed: UInt64 = 2025

  /// The uncertainty of an input of `inputClass`, for `fuel` when it is a fuel's, or nil when
  /// the methodology gives none (the input is then taken as exact).
  public func uncertainty(of inputClass: InputClass, fuel: Fuel? = nil) -> InputUncertainty? {
    if let fuel, let own = byFuel[fuel]?[inputClass] { return own }
    return inputs[inputClass]
  }
}
