import Calculation
import CementModel

/// The study's formulas as expressions over traced terms: each figure of the account is built
/// here once, and its value, its Excel formula and its provenance are all derived from it.
extension StudyFormulas {
  /// Formula (3) of the study (Liu, Zhao & Wang 2025, §1): `EF = 44/12 × CC × OF`, the CO₂
  /// emission factor per unit of heat. Evaluated as `(44/12 × CC) × OF`, as the account always did.
  public static func emissionFactor(carbonContent: Expression, oxidationRate: Expression) -> Expression {
    .product([.term(Term.carbonToCO2), carbonContent, oxidationRate])
  }

  /// Formulas (1)–(2) for one fuel: `E = FC × NCV × EF`, `AD = FC × NCV` being the activity in
  /// heat units (formula 2) and `Σ AD × EF` over the fuels the combustion total (formula 1,
  /// ``combustionTotal(_:)``).
  public static func fuelCombustion(fuelConsumption: Expression, netCalorificValue: Expression, emissionFactor: Expression) -> Expression {
    .product([fuelConsumption, netCalorificValue, emissionFactor])
  }

  /// Formula (1): `E_combustion = Σ_i AD_i × EF_i`, the sum of the fuels' figures.
  public static func combustionTotal(_ fuels: [Expression]) -> Expression { Indicators.total(fuels, unit: .tonnesCO2) }

  /// Indirect emissions of purchased electricity: `E = electricity × grid factor`.
  public static func electricityEmissions(consumption: Expression, gridFactor: Expression) -> Expression {
    .product([consumption, gridFactor])
  }

  /// Formula (4): `E_process = Ac × EF_clinker`, clinker output times the process factor (the
  /// study's 0.525 t CO₂/t clinker, CSI default).
  public static func processEmissions(clinkerOutput: Expression, emissionFactor: Expression) -> Expression {
    .product([clinkerOutput, emissionFactor])
  }

  /// Clinker estimated from cement output: `clinker = cement × clinker-to-cement ratio`.
  public static func estimatedClinker(cementOutput: Expression, clinkerRatio: Expression) -> Expression {
    .product([cementOutput, clinkerRatio])
  }
}

extension Indicators {
  /// `a + b + …` of one unit; a sum of nothing is a zero of that unit.
  public static func total(_ parts: [Expression], unit: UnitTag) -> Expression {
    parts.isEmpty ? .term(Term(.constant("0"), value: 0, unit: unit, source: .definition("an empty sum"))) : .sum(parts)
  }

  /// `part / whole`, or nil when the whole is zero.
  public static func share(_ part: Expression, of whole: Expression) -> Expression? {
    whole.value == 0 ? nil : part / whole
  }

  /// Year-on-year growth `current / previous − 1`, or nil when the previous value is zero.
  public static func growth(from previous: Expression, to current: Expression) -> Expression? {
    previous.value == 0 ? nil : .difference(current / previous, .number(1))
  }

  /// Compound annual growth rate `(end / start)^(1 / years) − 1`, or nil when undefined.
  public static func compoundAnnualGrowth(from start: Expression, to end: Expression, years: Int) -> Expression? {
    guard years > 0, start.value > 0, end.value >= 0 else { return nil }
    return .difference(.power(end / start, 1 / Double(years)), .number(1))
  }

  /// The arithmetic mean of the year-on-year growth rates of `values` from `from + 1` to `to`
  /// (years whose previous year is missing or zero are left out), nil when there is none. The
  /// stages and the statement checks both use it.
  public static func meanAnnualGrowth(_ values: [Int: Quantity<CO2Mass>], from: Int, to: Int) -> Double? {
    let rates = (from + 1...max(from + 1, to)).compactMap { year -> Double? in
      guard year <= to, let previous = values[year - 1], let current = values[year] else { return nil }
      return growth(from: previous, to: current)
    }
    return rates.isEmpty ? nil : rates.reduce(0, +) / Double(rates.count)
  }
}
