/// Cement's share of the industry's energy use from a physical proxy (an `AllocationRule` basis):
///
///     share = min(1, clinker output × unit energy consumption ÷ industry energy use)
///
/// Clinker output is the one the methodology's process method gives (read from the products
/// table, or cement × clinker ratio). The industry's energy use is the energy table's total
/// column (10⁴ tce) where the year has one, else the industry's fuels converted to standard coal
/// with the methodology's coefficients.
public struct EnergyProxy: Sendable, Hashable {
  /// Comprehensive energy consumption per tonne of clinker (kgce/t in the standards).
  public let unitEnergyConsumption: Sourced<YearlyValue<Rate<CoalEquivalent, Mass>>>
  /// Standard-coal coefficients of the fuels, for years whose table has no total column.
  public let standardCoal: Sourced<[Fuel: StandardCoalCoefficient]>
  /// Use the table's total column where present; false: always convert the fuels.
  public let preferTableTotal: Bool

  public init(
    unitEnergyConsumption: Sourced<YearlyValue<Rate<CoalEquivalent, Mass>>>, standardCoal: Sourced<[Fuel: StandardCoalCoefficient]>,
    preferTableTotal: Bool = true
  ) {
    self.unitEnergyConsumption = unitEnergyConsumption
    self.standardCoal = standardCoal
    self.preferTableTotal = preferTableTotal
  }
}

/// Tonnes of standard coal per base unit of a fuel's activity (t, m³ or MWh): a checked tag like
/// `ActivityAmount`, so a coefficient per tonne never meets a gas volume.
public struct StandardCoalCoefficient: Sendable, Hashable, CustomStringConvertible {
  public let dimension: ActivityDimension
  /// t ce per base unit of `dimension`.
  public let tonnesPerBaseUnit: Double

  public init(dimension: ActivityDimension, tonnesPerBaseUnit: Double) {
    self.dimension = dimension
    self.tonnesPerBaseUnit = tonnesPerBaseUnit
  }

  /// The standard-coal equivalent of `amount`, which must be of the coefficient's dimension.
  public func coalEquivalent(of amount: ActivityAmount) throws(UnitMismatch) -> Quantity<CoalEquivalent> {
    guard amount.dimension == dimension else { throw UnitMismatch(expected: dimension, found: amount.dimension) }
    return Quantity(baseValue: amount.baseValue * tonnesPerBaseUnit)
  }

  /// As the guidelines print it: kgce/kg, kgce/m³, kgce/kWh.
  public var description: String {
    switch dimension {
    case .mass: "\(tonnesPerBaseUnit) kgce/kg"
    case .gasVolume: "\(tonnesPerBaseUnit * 1000) kgce/m³"
    case .electricity: "\(tonnesPerBaseUnit) kgce/kWh"
    case .heat: "\(tonnesPerBaseUnit * 1000) kgce/MJ"
    case .coalEquivalent: "\(tonnesPerBaseUnit) tce/tce"
    }
  }
}
