import CementModel
import Foundation

/// A second source of the same quantity, or of one that should move with it, to check an
/// anomaly against (IPCC 2006 Vol. 1 Ch. 6 §6.7.1: comparison with other data).
public struct Corroborating: Sendable, Hashable {
  /// Names the source in messages (`the table's total energy (tce)`).
  public let source: String
  public let values: [Int: Double]
  /// Converts a change of the series into this source's units, when the two are compared by
  /// absolute change (a fuel against the total energy column: its standard-coal coefficient);
  /// nil: compared by relative change (same quantity, or a quantity that moves with it).
  public let conversion: Double?
  /// False for a source computed from the same statistics (CEADs' emission inventory from its
  /// energy inventory): it shows whether the value is the same there, but cannot confirm it.
  public let independent: Bool

  public init(source: String, values: [Int: Double], conversion: Double? = nil, independent: Bool = true) {
    self.source = source
    self.values = values
    self.conversion = conversion
    self.independent = independent
  }
}

/// The Hampel-type anomaly score of every point of a series, and what kind of departure it is.
/// Pure: values in, candidates out. ``AnomalyRules`` documents the score.
public struct AnomalyDetector: Sendable {
  public let rules: AnomalyRules

  public init(rules: AnomalyRules) { self.rules = rules }

  /// One point found: its score, kind and expected value (in the series' units).
  public struct Candidate: Sendable, Hashable {
    public let year: Int
    public let value: Double
    public let expected: Double
    public let low: Double
    public let high: Double
    public let score: Double
    public let kind: Anomaly.Kind
    /// `confirmed by …` / `not confirmed by …`, empty without a second source.
    public let corroboration: String
  }

  /// The points of `values` scoring at least the note threshold. A series with fewer than
  /// four positive years is not scored (too short to tell a level).
  public func detect(_ values: [Int: Double], corroborating: [Corroborating] = []) -> [Candidate] {
    let positive = values.values.filter { $0 > 0 }.sorted()
    guard positive.count >= 4 else { return [] }
    let reference = Self.median(positive)
    // A zero (or near-zero) point is a collapse: scored as a thousandth of the series' median.
    let floor = reference * 1e-3
    let logs = values.mapValues { log(max($0, floor)) }
    let years = logs.keys.sorted()
    var found: [Candidate] = []
    for year in years {
      let y = logs[year]!
      let before = (year - rules.window..<year).compactMap { logs[$0] }
      let after = (year + 1...year + rules.window).compactMap { logs[$0] }
      let neighbours = before + after
      guard neighbours.count >= 2 else { continue }
      let m = Self.median(neighbours)
      let scale = max(rules.scaleFloor, 1.4826 * Self.median(neighbours.map { abs($0 - m) }))
      let kind: Anomaly.Kind, score: Double, expected: Double
      var band = scale
      if !before.isEmpty && !after.isEmpty {
        let mB = Self.median(before), mA = Self.median(after)
        let dB = y - mB, dA = y - mA
        if dB.sign == dA.sign && min(abs(dB), abs(dA)) / scale >= rules.noteScore {
          (kind, score, expected) = (.outlier, min(abs(dB), abs(dA)) / scale, m)
        } else if abs(dA) < abs(dB) / 2, let previous = logs[year - 1],
          logs[year - 2].map({ abs(previous - $0) < abs(y - previous) / 2 }) ?? true
        {
          // The point sits with the later years and the year before with the earlier ones: a
          // new level begins here. Its score is the step between the two levels over the
          // spread within them.
          let newLevel = Self.median([y] + after)
          let spread = Self.median(before.map { abs($0 - mB) } + ([y] + after).map { abs($0 - newLevel) })
          band = max(rules.scaleFloor, 1.4826 * spread)
          (kind, score, expected) = (.break, abs(newLevel - mB) / band, mB)
        } else {
          continue  // the year before a break, or a point between two levels
        }
      } else {
        // The first or last year: whether the change persists cannot be seen yet.
        let side = Self.median(before.isEmpty ? after : before)
        let ratio = exp(abs(y - side))
        (kind, score, expected) = (ratio >= rules.collapseRatio ? .outlier : .break, abs(y - side) / scale, side)
      }
      guard score >= rules.noteScore else { continue }
      let value = values[year]!, expectedValue = exp(expected)
      let (confirmed, text) = corroborate(year: year, change: value - expectedValue, relative: y - expected, corroborating)
      found.append(Candidate(
        year: year, value: value, expected: expectedValue, low: exp(expected - rules.noteScore * band),
        high: exp(expected + rules.noteScore * band), score: score, kind: confirmed ? .confirmedChange : kind, corroboration: text))
    }
    return found
  }

  /// Whether the other sources move the same way in `year`, by at least `confirmation` of the
  /// series' own departure (absolute `change` or log `relative`), against their own neighbours.
  func corroborate(year: Int, change: Double, relative: Double, _ sources: [Corroborating]) -> (Bool, String) {
    var confirming: [String] = [], unmoved: [String] = [], repeating: [String] = []
    for source in sources {
      guard let now = source.values[year] else { continue }
      let neighbours = ((year - rules.window..<year).map { $0 } + (year + 1...year + rules.window).map { $0 }).compactMap { source.values[$0] }
      guard neighbours.count >= 2 else { continue }
      let moves: Bool
      if let conversion = source.conversion {
        let own = now - Self.median(neighbours), expected = change * conversion
        moves = own.sign == expected.sign && abs(own) >= rules.confirmation * abs(expected)
      } else {
        let positive = neighbours.filter { $0 > 0 }
        guard positive.count >= 2 else { continue }
        let own = log(max(now, Self.median(positive) * 1e-3)) - Self.median(positive.map { log($0) })
        moves = own.sign == relative.sign && abs(own) >= rules.confirmation * abs(relative)
      }
      if moves && source.independent {
        confirming.append(source.source)
      } else if moves {
        repeating.append(source.source)
      } else {
        unmoved.append(source.source)
      }
    }
    if !confirming.isEmpty { return (true, "confirmed by " + confirming.joined(separator: ", ")) }
    let parts = [
      unmoved.isEmpty ? nil : "not confirmed by " + unmoved.joined(separator: ", "),
      repeating.isEmpty ? nil : "the same in " + repeating.joined(separator: ", ") + " (computed from the same statistics: no confirmation)",
    ]
    return (false, parts.compactMap { $0 }.joined(separator: "; "))
  }

  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  }
}
