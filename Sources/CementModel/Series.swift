/// Reconciled activity of one province: one series per fuel and per product over the
/// methodology's years, every value carrying its provenance and flags. This is what the
/// reconciliation stage returns and the allocation and accounting stages consume.
public struct ActivitySeries: Sendable {
  public let province: String
  public let years: ClosedRange<Int>
  /// Fuel use of the industry (or, after allocation, of cement) by fuel and year.
  public var fuels: [Fuel: [Int: ActivityValue]]
  /// The table's total energy use (10⁴ tce), a reference for checks; never summed.
  public var totalEnergy: [Int: ActivityValue]
  /// Product output by product and year.
  public var products: [Product: [Int: Traced<Quantity<Mass>>]]
  /// The allocation share applied to each year, once allocation has run.
  public var allocationShares: [Int: Fraction]
  public var findings: [Finding]

  public init(
    province: String, years: ClosedRange<Int>, fuels: [Fuel: [Int: ActivityValue]] = [:],
    totalEnergy: [Int: ActivityValue] = [:], products: [Product: [Int: Traced<Quantity<Mass>>]] = [:],
    allocationShares: [Int: Fraction] = [:], findings: [Finding] = []
  ) {
    self.province = province
    self.years = years
    self.fuels = fuels
    self.totalEnergy = totalEnergy
    self.products = products
    self.allocationShares = allocationShares
    self.findings = findings
  }
}
