import CementModel

/// The figures of one stage of an emission path: where it starts and ends, by how much it
/// changed, its compound annual growth rate and its peak.
public struct StageResult: Sendable, Hashable {
  public let name: String
  public let first: Int
  public let last: Int
  /// The year growth is measured from (the stage's first year unless the methodology says otherwise).
  public let base: Int
  public let startValue: Quantity<CO2Mass>
  public let endValue: Quantity<CO2Mass>
  public let peakYear: Int
  public let peakValue: Quantity<CO2Mass>
  /// `end / start − 1`.
  public let change: Double?
  /// `(end / start)^(1 / (last − base)) − 1`.
  public let compoundAnnualGrowth: Double?
  /// The arithmetic mean of the year-on-year growth rates from base to last.
  public let meanAnnualGrowth: Double?
}

/// Stages of an aggregate's path: those the methodology declares and an automatic suggestion.
public struct StageAnalysis: Sendable, Hashable {
  public let series: Aggregate
  public let declared: [StageResult]
  /// The year of the highest value over the whole period.
  public let peakYear: Int?
  /// The three segments of the best piecewise-linear fit (least squares, each segment at least three years).
  public let suggested: [StageResult]

  public init(account: Account, series: Aggregate? = nil) {
    let aggregate = series ?? account.methodology.stageSeries
    let values = Dictionary(uniqueKeysWithValues: account.series(aggregate).map { ($0.year, $0.emissions) })
    self.series = aggregate
    declared = account.methodology.stages.compactMap { Self.result(name: $0.name, first: $0.first, last: $0.last, base: $0.base, values) }
    peakYear = values.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
    suggested = Self.threeSegments(values).enumerated().compactMap { index, range in
      Self.result(name: "Segment \(index + 1)", first: range.lowerBound, last: range.upperBound, base: range.lowerBound, values)
    }
  }

  static func result(name: String, first: Int, last: Int, base: Int, _ values: [Int: Quantity<CO2Mass>]) -> StageResult? {
    guard let start = values[base], let end = values[last] else { return nil }
    let inStage = (first...last).compactMap { year in values[year].map { (year, $0) } }
    guard let peak = inStage.max(by: { ($0.1, -$0.0) < ($1.1, -$1.0) }) else { return nil }
    return StageResult(
      name: name, first: first, last: last, base: base, startValue: start, endValue: end, peakYear: peak.0, peakValue: peak.1,
      change: Indicators.growth(from: start, to: end),
      compoundAnnualGrowth: Indicators.compoundAnnualGrowth(from: start, to: end, years: last - base),
      meanAnnualGrowth: Indicators.meanAnnualGrowth(values, from: base, to: last))
  }

  /// The breakpoints that minimise the summed squared error of three independent straight lines.
  static func threeSegments(_ values: [Int: Quantity<CO2Mass>]) -> [ClosedRange<Int>] {
    let points = values.sorted { $0.key < $1.key }.map { (x: Double($0.key), y: $0.value.baseValue) }
    let n = points.count, minimum = 3
    guard n >= 3 * minimum else { return [] }
    func sse(_ range: Range<Int>) -> Double {
      let slice = points[range]
      let count = Double(slice.count)
      let mx = slice.reduce(0) { $0 + $1.x } / count, my = slice.reduce(0) { $0 + $1.y } / count
      let sxx = slice.reduce(0) { $0 + ($1.x - mx) * ($1.x - mx) }
      let sxy = slice.reduce(0) { $0 + ($1.x - mx) * ($1.y - my) }
      let slope = sxx == 0 ? 0 : sxy / sxx
      return slice.reduce(0) { $0 + pow($1.y - (my + slope * ($1.x - mx)), 2) }
    }
    var best: (error: Double, i: Int, j: Int)?
    for i in minimum...(n - 2 * minimum) {
      for j in (i + minimum)...(n - minimum) {
        let error = sse(0..<i) + sse(i..<j) + sse(j..<n)
        if best == nil || error < best!.error { best = (error, i, j) }
      }
    }
    guard let best else { return [] }
    let year = { (index: Int) in Int(points[index].x) }
    return [year(0)...year(best.i - 1), year(best.i)...year(best.j - 1), year(best.j)...year(n - 1)]
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
