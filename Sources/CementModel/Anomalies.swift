/// How the anomaly screen finds, grades and treats the points of a series that do not fit
/// their neighbouring years (IPCC 2006 Guidelines, Vol. 1, Ch. 5 §5.2 and Ch. 6 §6.6:
/// time-series consistency and QC checks of activity data; the score is a Hampel
/// identifier, Hampel 1974, Pearson 2002 "Outliers in process modeling and identification").
///
/// A point's score is `|ln x − median(ln of its neighbouring years)| ÷ max(scaleFloor, 1.4826 × MAD)`,
/// the MAD taken over the same neighbours (`window` years on each side). The floor keeps a
/// smooth series, whose MAD is near zero, from making every small wiggle an anomaly.
public struct AnomalyRules: Sendable, Hashable {
  /// What the account does with an outlier at warning level or above.
  public enum Treatment: String, Sendable, Hashable, CaseIterable {
    /// Keep the value; list and mark it.
    case flag
    /// Replace it by the `replacement` methods (the time-series menu), keeping the original in provenance.
    case replace
    /// Stop: the account is not written until the input is corrected or the treatment changed.
    case refuse
  }

  public let treatment: Treatment
  /// The time-series methods that give a replaced point its value, in order.
  public let replacement: [TimeSeriesMethod]
  /// Neighbouring years on each side of a point.
  public let window: Int
  /// The smallest robust scale, in natural-log units (0.15: about ±16 %).
  public let scaleFloor: Double
  /// Scores from which a point is a note, a warning, an error.
  public let noteScore: Double
  public let warningScore: Double
  public let errorScore: Double
  /// The share of the province's total CO₂ (of the neighbouring years) that the point's departure
  /// from its expected value must reach to be a warning, an error: a large relative jump of a
  /// fuel that hardly counts stays a note (materiality, IPCC 2006 Vol. 1 Ch. 6 §6.6).
  public let warningShare: Double
  public let errorShare: Double
  /// A second source confirms a change when it moves the same way by at least this fraction
  /// of the series' own departure.
  public let confirmation: Double
  /// A point on the edge of a series (no later or no earlier years) counts as an outlier, not a
  /// break, when it is this many times below or above its expected value (a collapse).
  public let collapseRatio: Double
  public let source: String

  public init(
    treatment: Treatment = .flag, replacement: [TimeSeriesMethod] = [.linear, .trend(window: 3)], window: Int = 2,
    scaleFloor: Double = 0.15, noteScore: Double = 3, warningScore: Double = 6, errorScore: Double = 15,
    warningShare: Double = 0.03, errorShare: Double = 0.1, confirmation: Double = 0.5, collapseRatio: Double = 5,
    source: String = "IPCC 2006 Vol. 1 Ch. 5 §5.2 and Ch. 6 §6.6; Hampel identifier (Pearson 2002)"
  ) {
    self.treatment = treatment
    self.replacement = replacement
    self.window = window
    self.scaleFloor = scaleFloor
    self.noteScore = noteScore
    self.warningScore = warningScore
    self.errorScore = errorScore
    self.warningShare = warningShare
    self.errorShare = errorShare
    self.confirmation = confirmation
    self.collapseRatio = collapseRatio
    self.source = source
  }

  public static let standard = AnomalyRules()
}

/// A point of a series that does not fit its neighbouring years, graded and treated.
public struct Anomaly: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// The point leaves the series' level and the next years return to it (a collapse to near
    /// zero between normal years is one).
    case outlier
    /// The level shifts at this year and stays shifted.
    case `break`
    /// Another source moves the same way: a real change, not a fault of the series.
    case confirmedChange = "confirmed-change"
  }

  /// What the account did with the point.
  public enum Treatment: String, Sendable, Hashable {
    case flagged, replaced, refused
  }

  public let province: String
  public let series: SeriesName
  /// The series as a reader names it (`Coke`, `cement output`).
  public let label: String
  public let year: Int
  /// The point, its expected value and the band of normal values, in `unit`.
  public let value: Double
  public let expected: Double
  public let expectedLow: Double
  public let expectedHigh: Double
  public let unit: String
  public let score: Double
  public let kind: Kind
  public let level: Finding.Severity
  public var treatment: Treatment
  /// The value the account used instead, when replaced.
  public var replacement: Double?
  /// The departure from the expected value as a share of the province's total CO₂.
  public let share: Double
  /// What the other sources say (`confirmed by …`, `not confirmed by …`), empty without one.
  public let corroboration: String
  public let location: SourceLocation?

  public init(
    province: String, series: SeriesName, label: String, year: Int, value: Double, expected: Double, expectedLow: Double,
    expectedHigh: Double, unit: String, score: Double, kind: Kind, level: Finding.Severity, treatment: Treatment = .flagged,
    replacement: Double? = nil, share: Double, corroboration: String = "", location: SourceLocation? = nil
  ) {
    self.province = province
    self.series = series
    self.label = label
    self.year = year
    self.value = value
    self.expected = expected
    self.expectedLow = expectedLow
    self.expectedHigh = expectedHigh
    self.unit = unit
    self.score = score
    self.kind = kind
    self.level = level
    self.treatment = treatment
    self.replacement = replacement
    self.share = share
    self.corroboration = corroboration
    self.location = location
  }

  /// Ranked: level, then score, then province, year and series.
  public static func ranked(_ a: Anomaly, _ b: Anomaly) -> Bool {
    if a.level != b.level { return a.level > b.level }
    if a.score != b.score { return a.score > b.score }
    return (a.province, a.year, a.series.description) < (b.province, b.year, b.series.description)
  }
}
