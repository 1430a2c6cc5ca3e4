import Calculation
import CementModel

/// The formulas of the reference study (Liu, Zhao & Wang 2025, §1), each in exactly one place,
/// named as the study names them. Pure functions over typed quantities.
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
    Rate(baseValue: emissionFactor(carbonContent: plain(carbonContent.baseValue), oxidationRate: plain(oxidationRate.value)).value)
  }

  /// Formula (1): `E_combustion = Σ AD_i × EF_i`.
  public static func combustionEmissions(_ terms: [(activityData: Quantity<HeatEnergy>, emissionFactor: Rate<CO2Mass, HeatEnergy>)]) -> Quantity<CO2Mass> {
    Quantity(baseValue: combustionTotal(terms.map { .product([plain($0.activityData.baseValue), plain($0.emissionFactor.baseValue)]) }).value)
  }

  /// Indirect emissions of purchased electricity: `E = electricity × grid factor`.
  public static func electricityEmissions(electricity: Quantity<ElectricEnergy>, gridFactor: Rate<CO2Mass, ElectricEnergy>) -> Quantity<CO2Mass> {
    Quantity(baseValue: electricityEmissions(consumption: plain(electricity.baseValue), gridFactor: plain(gridFactor.baseValue)).value)
  }

  /// Formula (4): `E_process = EF_clinker × Ac`, with the study's 0.525 t CO₂/t clinker (CSI default).
  public static func processEmissions(clinkerOutput: Quantity<Mass>, emissionFactor: Rate<CO2Mass, Mass>) -> Quantity<CO2Mass> {
    Quantity(baseValue: processEmissions(clinkerOutput: plain(clinkerOutput.baseValue), emissionFactor: plain(emissionFactor.baseValue)).value)
  }

  /// Clinker estimated from cement output: `clinker = cement × clinker-to-cement ratio`.
  public static func estimatedClinker(cementOutput: Quantity<Mass>, clinkerRatio: Double) -> Quantity<Mass> {
    Quantity(baseValue: estimatedClinker(cementOutput: plain(cementOutput.baseValue), clinkerRatio: plain(clinkerRatio)).value)
  }

  /// A value in base units as a bare term, for the typed forms of the formulas above: they
  /// evaluate the same expressions the account is built from.
  static func plain(_ value: Double) -> Expression {
    .term(Term(.parameter("value"), value: value, unit: .one, source: .definition("a value")))
  }
}

/// Figures derived from an account's totals.
public enum Indicators {
  static func plain(_ q: Quantity<CO2Mass>) -> Expression { StudyFormulas.plain(q.baseValue) }

  /// `part / whole`, or nil when the whole is zero.
  public static func share(_ part: Quantity<CO2Mass>, of whole: Quantity<CO2Mass>) -> Double? {
    share(plain(part), of: plain(whole))?.value
  }

  /// Year-on-year growth `current / previous − 1`, or nil when the previous value is zero.
  public static func growth(from previous: Quantity<CO2Mass>, to current: Quantity<CO2Mass>) -> Double? {
    growth(from: plain(previous), to: plain(current))?.value
  }

  /// Compound annual growth rate `(end / start)^(1 / years) − 1`.
  public static func compoundAnnualGrowth(from start: Quantity<CO2Mass>, to end: Quantity<CO2Mass>, years: Int) -> Double? {
    compoundAnnualGrowth(from: plain(start), to: plain(end), years: years)?.value
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
