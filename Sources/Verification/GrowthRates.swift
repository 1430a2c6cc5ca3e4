import Accounting
import CementModel

/// The growth of a series between two years, in each of the ways a text may state it. The
/// statement checks and the deviation explainer both read it, so "average annual growth" is
/// computed in one place.
public struct GrowthRates: Sendable, Hashable {
  public let from: Int
  public let to: Int
  public let start: Quantity<CO2Mass>
  public let end: Quantity<CO2Mass>
  /// `(end / start)^(1 / (to − from)) − 1`, nil when it is undefined.
  public let compound: Double?
  /// `end / start − 1`, nil when the start is zero.
  public let cumulative: Double?
  /// The arithmetic mean of the annual rates of `from + 1 … to` (years whose previous year is
  /// missing or zero are left out), nil when there is none.
  public let arithmeticMean: Double?

  /// The rates of `values` from `from` to `to`, nil when either end is missing.
  public init?(_ values: [Int: Quantity<CO2Mass>], from: Int, to: Int) {
    guard let start = values[from], let end = values[to] else { return nil }
    self.from = from
    self.to = to
    self.start = start
    self.end = end
    compound = Indicators.compoundAnnualGrowth(from: start, to: end, years: to - from)
    cumulative = Indicators.growth(from: start, to: end)
    arithmeticMean = Indicators.meanAnnualGrowth(values, from: from, to: to)
  }

  /// The compound rate as if the period had `years` years (a period counted inclusively, or
  /// measured from the wrong base year, is one year off).
  public func compound(overYears years: Int) -> Double? {
    Indicators.compoundAnnualGrowth(from: start, to: end, years: years)
  }

  /// The rate a statement of `method` refers to.
  public func rate(_ method: GrowthMethod) -> Double? {
    switch method {
    case .compound: compound
    case .cumulative: cumulative
    }
  }
}
