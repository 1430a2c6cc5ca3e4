/// The dimension an activity column is measured in. This is the checked tag that lets one
/// table hold fuels of different kinds while every arithmetic step stays typed.
public enum ActivityDimension: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  case mass
  case gasVolume = "gas-volume"
  case electricity
  case heat
  case coalEquivalent = "coal-equivalent"

  public var description: String { rawValue }

  /// The unit values of this dimension are written in by the tool's outputs.
  public var reportingUnit: ActivityUnit {
    switch self {
    case .mass: ActivityUnit(.tenThousandTonnes)
    case .gasVolume: ActivityUnit(.hundredMillionCubicMetres)
    case .electricity: ActivityUnit(.hundredMillionKilowattHours)
    case .heat: ActivityUnit(.tenToTheTenKilojoules)
    case .coalEquivalent: ActivityUnit(.tenThousandTonnesOfCoalEquivalent)
    }
  }
}

/// A unit of some activity dimension, known at run time (read from a table header).
public struct ActivityUnit: Sendable, Hashable, CustomStringConvertible {
  public let dimension: ActivityDimension
  public let symbol: String
  /// Multiply a value in this unit by `toBase` to get the dimension's base unit.
  public let toBase: Double

  public init(dimension: ActivityDimension, symbol: String, toBase: Double) {
    self.dimension = dimension
    self.symbol = symbol
    self.toBase = toBase
  }
  public init(_ unit: MeasurementUnit<Mass>) { self.init(dimension: .mass, symbol: unit.symbol, toBase: unit.toBase) }
  public init(_ unit: MeasurementUnit<GasVolume>) { self.init(dimension: .gasVolume, symbol: unit.symbol, toBase: unit.toBase) }
  public init(_ unit: MeasurementUnit<ElectricEnergy>) { self.init(dimension: .electricity, symbol: unit.symbol, toBase: unit.toBase) }
  public init(_ unit: MeasurementUnit<HeatEnergy>) { self.init(dimension: .heat, symbol: unit.symbol, toBase: unit.toBase) }
  public init(_ unit: MeasurementUnit<CoalEquivalent>) { self.init(dimension: .coalEquivalent, symbol: unit.symbol, toBase: unit.toBase) }

  /// An amount of `value` in this unit.
  public func amount(_ value: Double) -> ActivityAmount {
    ActivityAmount(dimension: dimension, baseValue: value * toBase)
  }

  public var description: String { symbol }
}

/// An activity amount whose dimension is a checked tag: typed quantities come out of it only
/// through the accessor of the right dimension, which fails loudly on a mismatch.
public struct ActivityAmount: Sendable, Hashable, CustomStringConvertible {
  public let dimension: ActivityDimension
  /// The value in the dimension's base unit (t, m³, MWh, GJ or tce).
  public let baseValue: Double

  public init(dimension: ActivityDimension, baseValue: Double) {
    self.dimension = dimension
    self.baseValue = baseValue
  }
  public init(_ q: Quantity<Mass>) { self.init(dimension: .mass, baseValue: q.baseValue) }
  public init(_ q: Quantity<GasVolume>) { self.init(dimension: .gasVolume, baseValue: q.baseValue) }
  public init(_ q: Quantity<ElectricEnergy>) { self.init(dimension: .electricity, baseValue: q.baseValue) }
  public init(_ q: Quantity<CoalEquivalent>) { self.init(dimension: .coalEquivalent, baseValue: q.baseValue) }

  /// The value in `unit`, which must have the same dimension.
  public func value(in unit: ActivityUnit) throws(UnitMismatch) -> Double {
    guard unit.dimension == dimension else { throw UnitMismatch(expected: unit.dimension, found: dimension) }
    return baseValue / unit.toBase
  }
  /// The value in the dimension's reporting unit (10⁴ t, 10⁸ m³, 10⁸ kWh …).
  public var reportingValue: Double { baseValue / dimension.reportingUnit.toBase }

  public func mass() throws(UnitMismatch) -> Quantity<Mass> { try typed(.mass) }
  public func gasVolume() throws(UnitMismatch) -> Quantity<GasVolume> { try typed(.gasVolume) }
  public func electricity() throws(UnitMismatch) -> Quantity<ElectricEnergy> { try typed(.electricity) }
  public func coalEquivalent() throws(UnitMismatch) -> Quantity<CoalEquivalent> { try typed(.coalEquivalent) }

  private func typed<D>(_ expected: ActivityDimension) throws(UnitMismatch) -> Quantity<D> {
    guard dimension == expected else { throw UnitMismatch(expected: expected, found: dimension) }
    return Quantity(baseValue: baseValue)
  }

  /// Scales the amount (an allocation share, an interpolation weight).
  public func scaled(by k: Double) -> ActivityAmount { ActivityAmount(dimension: dimension, baseValue: baseValue * k) }

  /// The sum of two amounts of the same dimension.
  public func adding(_ other: ActivityAmount) throws(UnitMismatch) -> ActivityAmount {
    guard other.dimension == dimension else { throw UnitMismatch(expected: dimension, found: other.dimension) }
    return ActivityAmount(dimension: dimension, baseValue: baseValue + other.baseValue)
  }

  public var description: String {
    "\(reportingValue) \(dimension.reportingUnit.symbol)"
  }
}

/// Two amounts or an amount and a factor of different dimensions met.
public struct UnitMismatch: Error, Sendable, Hashable, CustomStringConvertible {
  public let expected: ActivityDimension
  public let found: ActivityDimension
  public init(expected: ActivityDimension, found: ActivityDimension) {
    self.expected = expected
    self.found = found
  }
  public var description: String { "expected a \(expected) amount, found a \(found) amount" }
}
