import Calculation
import CementModel

/// The formulas of the reference study (Liu, Zhao & Wang 2025, §1), named as the study names
/// them. The account is built from their expression forms (`FormulaExpressions.swift`); these
/// typed forms are the fast path for the checks that call them in loops (the verifier, the
/// deviation explainer), and `FigureTests` checks that both agree bit for bit.
public enum StudyFormulas {
  /// Formula (2): `AD = NCV × FC` — the activity level of a fuel in heat units.
  /// Throws when the NCV is per tonne and the fuel is measured by volume, or the reverse.
  public static func activityData(netCalorificValue: NetCalorificValue, fuelConsumption: ActivityAmount) throws(UnitMismatch) -> Quantity<HeatEnergy> {
    switch netCalorificValue {
    case .perMass(let ncv): try fuelConsumption.mass() * ncv
    case .perVolume(let ncv): try fuelConsumption.gasVolume() * ncv
    }
  }

  /// Formula (3): `EF = CC × OF × 44/12` — the CO₂ emission factor per unit of heat.
  public static func emissionFactor(carbonContent: Rate<CarbonMass, HeatEnergy>, oxidationRate: Fraction) -> Rate<CO2Mass, HeatEnergy> {
    carbonToCO2 * carbonContent * oxidationRate.value
  }

  /// Formula (1): `E_combustion = Σ AD_i × EF_i`.
  public static func combustionEmissions(_ terms: [(activityData: Quantity<HeatEnergy>, emissionFactor: Rate<CO2Mass, HeatEnergy>)]) -> Quantity<CO2Mass> {
    terms.sum { $0.activityData * $0.emissionFactor }
  }

  /// Indirect emissions of purchased electricity: `E = electricity × grid factor`.
  public static func electricityEmissions(electricity: Quantity<ElectricEnergy>, gridFactor: Rate<CO2Mass, ElectricEnergy>) -> Quantity<CO2Mass> {
    electricity * gridFactor
  }

  /// Formula (4): `E_process = EF_clinker × Ac`, with the study's 0.525 t CO₂/t clinker (CSI default).
  public static func processEmissions(clinkerOutput: Quantity<Mass>, emissionFactor: Rate<CO2Mass, Mass>) -> Quantity<CO2Mass> {
    clinkerOutput * emissionFactor
  }

  /// Clinker estimated from cement output: `clinker = cement × clinker-to-cement ratio`.
  public static func estimatedClinker(cementOutput: Quantity<Mass>, clinkerRatio: Double) -> Quantity<Mass> {
    cementOutput * clinkerRatio
  }
}

/// Figures derived from an account's totals.
public enum Indicators {
  /// `part / whole`, or nil when the whole is zero.
  public static func share(_ part: Quantity<CO2Mass>, of whole: Quantity<CO2Mass>) -> Double? {
    whole.baseValue == 0 ? nil : part / whole
  }

  /// Year-on-year growth `current / previous − 1`, or nil when the previous value is zero.
  public static func growth(from previous: Quantity<CO2Mass>, to current: Quantity<CO2Mass>) -> Double? {
    previous.baseValue == 0 ? nil : current / previous - 1
  }

  /// Compound annual growth rate `(end / start)^(1 / years) − 1`.
  public static func compoundAnnualGrowth(from start: Quantity<CO2Mass>, to end: Quantity<CO2Mass>, years: Int) -> Double? {
    guard years > 0, start.baseValue > 0, end.baseValue >= 0 else { return nil }
    return pow(end / start, 1 / Double(years)) - 1
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
