import CementModel

/// What a deviation of a published table from the account looks like: the usual suspects
/// ``DeviationExplainer`` tests.
public enum DeviationKind: Sendable, Hashable, CustomStringConvertible {
  /// Published = recomputed × 10ⁿ over a run of years: a unit conversion slipped.
  case unitSlip(powerOfTen: Int)
  /// Published = recomputed × 12/44: carbon reported as CO₂.
  case carbonForCO2
  /// Published = recomputed × 44/12: the CO₂ conversion applied twice (or CO₂ read as carbon).
  case co2ForCarbon
  /// Published = recomputed × `used` / `insteadOf`, year by year: the factor applied to the
  /// wrong activity (the process factor per tonne of clinker applied to cement output).
  case wrongBase(used: String, insteadOf: String)
  /// Published = recomputed × a constant that is none of the above: another emission factor.
  case otherFactor
  /// Process CO₂ = recomputed × a constant clinker-to-cement ratio (0.5–0.95), or its inverse:
  /// the per-clinker factor applied to clinker where the account applies it to cement, or the reverse.
  case processBasis
  /// One cell is recomputed × 10ⁿ while the rest of its column agrees: a typing slip.
  case cellSlip(powerOfTen: Int)
  /// A year repeats the year before it in (nearly) every column: a gap filled by copying.
  case copiedYear(from: Int)
  /// Published[y] = recomputed[y + offset]: rows displaced by a year.
  case shiftedYears(by: Int)
  /// The column holds another column's values.
  case otherColumn(String)
  /// A published total is not the sum of its published parts.
  case totalNotSumOfParts
  /// A stated "average annual growth" is the arithmetic mean of the annual rates, not the
  /// compound rate.
  case arithmeticMeanGrowth
  /// A stated compound rate is the rate over `years` years, not over the period's length.
  case growthPeriod(years: Int)

  /// A stable name for files and filters (`unit-slip`, `copied-year` …).
  public var name: String {
    switch self {
    case .unitSlip: "unit-slip"
    case .carbonForCO2: "carbon-for-co2"
    case .co2ForCarbon: "co2-for-carbon"
    case .wrongBase: "wrong-base"
    case .otherFactor: "other-factor"
    case .processBasis: "process-basis"
    case .cellSlip: "cell-slip"
    case .copiedYear: "copied-year"
    case .shiftedYears: "shifted-years"
    case .otherColumn: "other-column"
    case .totalNotSumOfParts: "total-not-sum-of-parts"
    case .arithmeticMeanGrowth: "arithmetic-mean-growth"
    case .growthPeriod: "growth-period"
    }
  }

  public var description: String { name }
}

/// A fitted factor and how tightly the years hold to it: `mean ± maxDeviation`.
public struct Fit: Sendable, Hashable, CustomStringConvertible {
  public let mean: Double
  /// The largest distance of one year's value from the mean.
  public let maxDeviation: Double

  public init(mean: Double, maxDeviation: Double) {
    self.mean = mean
    self.maxDeviation = maxDeviation
  }

  /// The fit of a sample, nil when it is empty.
  public init?(_ values: [Double]) {
    guard !values.isEmpty else { return nil }
    let mean = values.reduce(0, +) / Double(values.count)
    self.init(mean: mean, maxDeviation: values.map { abs($0 - mean) }.max() ?? 0)
  }

  /// `0.1000 ± 0.0008`.
  public var description: String { "\(Format.fixed(mean, 4)) ± \(Format.fixed(maxDeviation, 4))" }
}

/// One explanation of deviations of a published table from the account, with its evidence.
public struct DeviationFinding: Sendable, Hashable, CustomStringConvertible {
  /// The published column (or the statement's series), nil for the table as a whole (a
  /// copied or shifted row).
  public let column: String?
  public let kind: DeviationKind
  /// The years it holds for, as runs.
  public let years: [ClosedRange<Int>]
  /// The columns it holds in: `[column]`, or for a row the columns it was found in.
  public let columns: [String]
  /// The fitted factor and its spread: published ÷ recomputed for ratios, published ÷ what the
  /// suspect predicts for shifted and borrowed values, the gap for totals (table unit), the
  /// rate for growth (percent); nil when nothing is fitted (a copied year).
  public let fit: Fit?
  /// One line for people, with the evidence.
  public let explanation: String

  public init(
    column: String?, kind: DeviationKind, years: [ClosedRange<Int>], columns: [String]? = nil, fit: Fit?, explanation: String
  ) {
    self.column = column
    self.kind = kind
    self.years = years
    self.columns = columns ?? column.map { [$0] } ?? []
    self.fit = fit
    self.explanation = explanation
  }

  /// Whether it covers a cell of `column` in `year`.
  public func covers(column other: String, year: Int) -> Bool {
    columns.contains(other) && years.contains { $0.contains(year) }
  }

  /// `electricity, 2011–2022: unit slip …`.
  public var description: String {
    "\(column ?? "table"), \(YearRuns.text(years)): \(explanation)"
  }
}
