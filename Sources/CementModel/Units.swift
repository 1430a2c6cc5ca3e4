/// A physical dimension that quantities can carry as a type: `Quantity<Mass>` cannot be added
/// to `Quantity<GasVolume>`, and multiplying by a `Rate<HeatEnergy, Mass>` is only defined for
/// masses. Each dimension stores values in one base unit, named by `baseSymbol`.
public protocol PhysicalDimension: Sendable {
  /// The symbol of the base unit every quantity of this dimension is stored in.
  static var baseSymbol: String { get }
}

/// Mass of a fuel or a product, stored in tonnes.
public enum Mass: PhysicalDimension { public static let baseSymbol = "t" }
/// Volume of a gaseous fuel at standard conditions, stored in cubic metres.
public enum GasVolume: PhysicalDimension { public static let baseSymbol = "m³" }
/// Electricity, stored in megawatt-hours.
public enum ElectricEnergy: PhysicalDimension { public static let baseSymbol = "MWh" }
/// Calorific (heat) energy, stored in gigajoules.
public enum HeatEnergy: PhysicalDimension { public static let baseSymbol = "GJ" }
/// Energy in tonnes of standard coal equivalent (1 kgce = 29.3076 MJ).
public enum CoalEquivalent: PhysicalDimension { public static let baseSymbol = "tce" }
/// Mass of carbon, stored in tonnes of carbon.
public enum CarbonMass: PhysicalDimension { public static let baseSymbol = "t C" }
/// Mass of carbon dioxide, stored in tonnes of CO₂.
public enum CO2Mass: PhysicalDimension { public static let baseSymbol = "t CO₂" }

/// A unit of a dimension: a symbol and the factor that converts a value in it to the base unit.
public struct MeasurementUnit<D: PhysicalDimension>: Sendable, Hashable, CustomStringConvertible {
  /// How the unit is written in outputs, e.g. `10⁴ t`.
  public let symbol: String
  /// Multiply a value in this unit by `toBase` to get the base unit.
  public let toBase: Double

  public init(symbol: String, toBase: Double) {
    self.symbol = symbol
    self.toBase = toBase
  }

  public var description: String { symbol }
}

extension MeasurementUnit where D == Mass {
  public static let tonnes = MeasurementUnit(symbol: "t", toBase: 1)
  public static let tenThousandTonnes = MeasurementUnit(symbol: "10⁴ t", toBase: 1e4)
}
extension MeasurementUnit where D == GasVolume {
  public static let cubicMetres = MeasurementUnit(symbol: "m³", toBase: 1)
  public static let tenThousandCubicMetres = MeasurementUnit(symbol: "10⁴ m³", toBase: 1e4)
  public static let hundredMillionCubicMetres = MeasurementUnit(symbol: "10⁸ m³", toBase: 1e8)
}
extension MeasurementUnit where D == ElectricEnergy {
  public static let megawattHours = MeasurementUnit(symbol: "MWh", toBase: 1)
  public static let tenThousandKilowattHours = MeasurementUnit(symbol: "10⁴ kWh", toBase: 10)
  public static let hundredMillionKilowattHours = MeasurementUnit(symbol: "10⁸ kWh", toBase: 1e5)
}
extension MeasurementUnit where D == HeatEnergy {
  public static let gigajoules = MeasurementUnit(symbol: "GJ", toBase: 1)
  public static let terajoules = MeasurementUnit(symbol: "TJ", toBase: 1e3)
  public static let tenToTheTenKilojoules = MeasurementUnit(symbol: "10¹⁰ kJ", toBase: 1e4)
}
extension MeasurementUnit where D == CoalEquivalent {
  public static let tonnesOfCoalEquivalent = MeasurementUnit(symbol: "tce", toBase: 1)
  public static let tenThousandTonnesOfCoalEquivalent = MeasurementUnit(symbol: "10⁴ tce", toBase: 1e4)
}
extension MeasurementUnit where D == CarbonMass {
  public static let tonnesOfCarbon = MeasurementUnit(symbol: "t C", toBase: 1)
}
extension MeasurementUnit where D == CO2Mass {
  public static let tonnesCO2 = MeasurementUnit(symbol: "t CO₂", toBase: 1)
  public static let tenThousandTonnesCO2 = MeasurementUnit(symbol: "10⁴ t CO₂", toBase: 1e4)
  public static let megatonnesCO2 = MeasurementUnit(symbol: "Mt CO₂", toBase: 1e6)
}

/// An amount of one dimension. The value is kept in the dimension's base unit; read it in any
/// unit with `value(in:)`.
public struct Quantity<D: PhysicalDimension>: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The value in the base unit of `D`.
  public let baseValue: Double

  public init(_ value: Double, _ unit: MeasurementUnit<D>) { baseValue = value * unit.toBase }
  public init(baseValue: Double) { self.baseValue = baseValue }

  public static var zero: Quantity { Quantity(baseValue: 0) }

  /// The value expressed in `unit`.
  public func value(in unit: MeasurementUnit<D>) -> Double { baseValue / unit.toBase }

  public static func + (a: Quantity, b: Quantity) -> Quantity { Quantity(baseValue: a.baseValue + b.baseValue) }
  public static func - (a: Quantity, b: Quantity) -> Quantity { Quantity(baseValue: a.baseValue - b.baseValue) }
  public static func * (a: Quantity, k: Double) -> Quantity { Quantity(baseValue: a.baseValue * k) }
  public static func * (a: Quantity, k: Fraction) -> Quantity { Quantity(baseValue: a.baseValue * k.value) }
  /// The ratio of two quantities of the same dimension, a plain number.
  public static func / (a: Quantity, b: Quantity) -> Double { a.baseValue / b.baseValue }
  public static func < (a: Quantity, b: Quantity) -> Bool { a.baseValue < b.baseValue }

  public var description: String { "\(baseValue) \(D.baseSymbol)" }
}

extension Sequence {
  /// The sum of the quantities the transform picks out.
  public func sum<D>(_ quantity: (Element) -> Quantity<D>) -> Quantity<D> {
    reduce(Quantity<D>.zero) { $0 + quantity($1) }
  }
}

/// A rate of one dimension per another, such as a net calorific value (GJ per t) or an
/// emission factor (t CO₂ per GJ). Stored as base unit of `N` per base unit of `D`.
public struct Rate<N: PhysicalDimension, D: PhysicalDimension>: Sendable, Hashable, CustomStringConvertible {
  /// Base units of `N` per base unit of `D`.
  public let baseValue: Double

  public init(baseValue: Double) { self.baseValue = baseValue }
  /// A rate given as `value` `numerator` per `denominator`, e.g. `Rate(389.31, .gigajoules, per: .tenThousandCubicMetres)`.
  public init(_ value: Double, _ numerator: MeasurementUnit<N>, per denominator: MeasurementUnit<D>) {
    baseValue = value * numerator.toBase / denominator.toBase
  }

  /// The rate in the given units.
  public func value(in numerator: MeasurementUnit<N>, per denominator: MeasurementUnit<D>) -> Double {
    baseValue * denominator.toBase / numerator.toBase
  }

  public static func * (q: Quantity<D>, r: Rate) -> Quantity<N> { Quantity(baseValue: q.baseValue * r.baseValue) }
  public static func * (r: Rate, k: Double) -> Rate { Rate(baseValue: r.baseValue * k) }

  public var description: String { "\(baseValue) \(N.baseSymbol)/\(D.baseSymbol)" }
}

/// Chains two rates: (N per M) × (M per D) = N per D.
public func * <N, M, D>(a: Rate<N, M>, b: Rate<M, D>) -> Rate<N, D> {
  Rate(baseValue: a.baseValue * b.baseValue)
}

/// A dimensionless share or rate between 0 and 1 (an oxidation rate, an allocation share).
public struct Fraction: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let value: Double
  public init(_ value: Double) { self.value = value }
  public static let one = Fraction(1)
  public static func < (a: Fraction, b: Fraction) -> Bool { a.value < b.value }
  public var description: String { "\(value)" }
}

/// The mass ratio of CO₂ to carbon, 44/12.
public let carbonToCO2 = Rate<CO2Mass, CarbonMass>(baseValue: 44.0 / 12.0)
