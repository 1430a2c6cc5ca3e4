import CementModel

// Everything `DeviationExplainer` looks at, as plain numbers by year: no account, no files.

/// One published column beside what the account gives for it, in the table's unit.
public struct ColumnComparison: Sendable, Hashable {
  public let name: String
  public let published: [Int: Double]
  public let recomputed: [Int: Double]
  /// The column holds process (calcination) CO₂: a constant ratio equal to a clinker-to-cement
  /// ratio is then a process-basis fault.
  public let isProcess: Bool

  public init(name: String, published: [Int: Double], recomputed: [Int: Double], isProcess: Bool = false) {
    self.name = name
    self.published = published
    self.recomputed = recomputed
    self.isProcess = isProcess
  }
}

/// A published total (a column, or a figure of the text) and the published columns it should
/// be the sum of.
public struct TotalComparison: Sendable, Hashable {
  /// What the total is called (`energy`, or a statement's id).
  public let name: String
  /// The stated total by year, in the table's unit.
  public let stated: [Int: Double]
  /// The names of the published columns that make it up.
  public let parts: [String]
  /// The largest gap that is only rounding (the parts are each rounded to the printed digit).
  public let tolerance: Double

  public init(name: String, stated: [Int: Double], parts: [String], tolerance: Double) {
    self.name = name
    self.stated = stated
    self.parts = parts
    self.tolerance = tolerance
  }
}

/// A stated growth rate that does not hold, and the rates the account gives.
public struct GrowthComparison: Sendable, Hashable {
  /// The statement's id.
  public let id: String
  /// The series it is about (`energy`).
  public let series: String
  public let method: GrowthMethod
  public let statedPercent: Double
  /// In percentage points.
  public let tolerance: Double
  public let rates: GrowthRates

  public init(id: String, series: String, method: GrowthMethod, statedPercent: Double, tolerance: Double, rates: GrowthRates) {
    self.id = id
    self.series = series
    self.method = method
    self.statedPercent = statedPercent
    self.tolerance = tolerance
    self.rates = rates
  }
}

/// The published columns, the account's figures for them, the other series the account was
/// computed from, and the text's totals and growth rates.
public struct DeviationEvidence: Sendable {
  /// The names of the input series the explainer knows the meaning of.
  public static let cement = "cement"
  public static let clinker = "clinker"

  public var columns: [ColumnComparison]
  /// Other series by name, any unit (only their ratios are used): `cement`, `clinker`.
  public var inputs: [String: [Int: Double]]
  public var totals: [TotalComparison]
  public var growth: [GrowthComparison]

  public init(
    columns: [ColumnComparison], inputs: [String: [Int: Double]] = [:], totals: [TotalComparison] = [],
    growth: [GrowthComparison] = []
  ) {
    self.columns = columns
    self.inputs = inputs
    self.totals = totals
    self.growth = growth
  }
}
