import CementModel

/// A value a time-series method can scale and measure, besides interpolate.
public protocol Scalable: Interpolatable {
  /// The value in its base unit, for ratios and trends.
  var magnitude: Double { get }
  /// A value of the same kind and unit with this magnitude.
  func withMagnitude(_ magnitude: Double) -> Self
}

extension ActivityAmount: Scalable {
  public var magnitude: Double { baseValue }
  public func withMagnitude(_ magnitude: Double) -> ActivityAmount { ActivityAmount(dimension: dimension, baseValue: magnitude) }
}

extension Quantity: Scalable {
  public var magnitude: Double { baseValue }
  public func withMagnitude(_ magnitude: Double) -> Quantity { Quantity(baseValue: magnitude) }
}

/// One series made consistent by the methods of the IPCC 2006 Guidelines (Vol. 1, Ch. 5):
/// the primary source's observations, then each method in turn filling the years still
/// missing. Every filled value records the method and the observations it used.
public struct TimeSeriesFiller: Sendable {
  public let years: ClosedRange<Int>
  public let methods: [TimeSeriesMethod]

  public init(years: ClosedRange<Int>, methods: [TimeSeriesMethod]) {
    self.years = years
    self.methods = methods
  }

  /// What filling gave: the series over the years, the years left empty, and notes on methods
  /// that could not apply (an overlap without common years).
  public struct Result<V: Scalable>: Sendable {
    public var values: [Int: Traced<V>]
    public var unfilled: [Int]
    public var notes: [String]
  }

  /// - Parameters:
  ///   - primary: The observations of the preferred source.
  ///   - secondary: Observations of other sources, by dataset name, for the overlap method.
  ///   - surrogates: Related series by name, for the surrogate method (in their base units).
  public func fill<V: Scalable>(
    _ primary: [Int: Traced<V>], secondary: [(dataset: String, values: [Int: Traced<V>])] = [],
    surrogates: [SeriesName: [Int: Double]] = [:]
  ) -> Result<V> {
    var values = primary.filter { years.contains($0.key) }
    var notes: [String] = []
    for method in methods {
      guard years.contains(where: { values[$0] == nil }) else { break }
      switch method {
      case .carryForward, .linear:
        let filled = GapFiller(rule: method == .linear ? .linear : .carryForward, years: years).fill(values)
        values = filled.values
      case .overlap(let window):
        for (dataset, other) in secondary {
          if let note = Self.splice(&values, onto: other, dataset: dataset, window: window, years: years) { notes.append(note) }
        }
      case .surrogate(let name, let window):
        guard let related = surrogates[name] else {
          notes.append("surrogate: no \(name) series to scale by")
          continue
        }
        Self.surrogate(&values, by: related, name: name, window: window, years: years)
      case .trend(let window):
        Self.trend(&values, window: window, years: years)
      }
    }
    return Result(values: values, unfilled: years.filter { values[$0] == nil }, notes: notes)
  }

  // MARK: - Methods

  /// Overlap (IPCC 2006 Vol. 1 eq. 5.1): y₀(t) = y(t) × Σ x₀ ÷ Σ y over the overlapping years.
  static func splice<V: Scalable>(
    _ values: inout [Int: Traced<V>], onto other: [Int: Traced<V>], dataset: String, window: ClosedRange<Int>?, years: ClosedRange<Int>
  ) -> String? {
    let common = values.keys.filter { other[$0] != nil && (window?.contains($0) ?? true) }.sorted()
    let needed = years.filter { values[$0] == nil && other[$0] != nil }
    guard !needed.isEmpty else { return nil }
    let sumPrimary = common.reduce(0) { $0 + values[$1]!.value.magnitude }
    let sumSecondary = common.reduce(0) { $0 + other[$1]!.value.magnitude }
    guard !common.isEmpty, sumSecondary > 0 else {
      return common.isEmpty
        ? "overlap: \(dataset) gives \(Reconciler.yearList(needed)) but shares no year with the primary source"
        : "overlap: \(dataset) is zero over the common years \(Reconciler.yearList(common)); no ratio"
    }
    let ratio = sumPrimary / sumSecondary
    let over = Reconciler.yearList(common)
    for year in needed {
      values[year] = other[year]!.map(
        "spliced from \(dataset) by overlap: × \(ratio) (Σ primary \(sumPrimary) ÷ Σ \(dataset) \(sumSecondary) over \(over))",
        flag: .spliced
      ) { $0.withMagnitude($0.magnitude * ratio) }
    }
    guard ratio >= 1 / overlapRatioBound, ratio <= overlapRatioBound else {
      return "overlap: \(dataset) is scaled by \(Format.significant(ratio)) to match the primary source over \(over); "
        + "sources that differ by more than ×\(Format.significant(overlapRatioBound)) usually differ in units or coverage: check both"
    }
    return nil
  }

  /// A splice ratio beyond this factor either way is reported: two sources of one series rarely
  /// differ so much unless one of them has a unit slip.
  static let overlapRatioBound = 2.0

  /// Surrogate (IPCC 2006 Vol. 1 eq. 5.2): y₀(t) = s(t) × Σ y ÷ Σ s over the `window` nearest
  /// years where both are known.
  static func surrogate<V: Scalable>(
    _ values: inout [Int: Traced<V>], by related: [Int: Double], name: SeriesName, window: Int, years: ClosedRange<Int>
  ) {
    let observed = values
    let both = observed.keys.filter { related[$0].map { $0 != 0 } ?? false }
    for year in years where values[year] == nil {
      guard let s = related[year] else { continue }
      let nearest = both.sorted { (abs($0 - year), $0) < (abs($1 - year), $1) }.prefix(max(1, window)).sorted()
      guard let template = nearest.first.flatMap({ observed[$0] }) else { continue }
      let sumY = nearest.reduce(0) { $0 + observed[$1]!.value.magnitude }
      let sumS = nearest.reduce(0) { $0 + related[$1]! }
      let ratio = sumY / sumS
      var value = Traced(
        template.value.withMagnitude(s * ratio), sources: nearest.flatMap { observed[$0]!.sources },
        steps: ["surrogate: \(name) \(s) × \(ratio) (Σ value ÷ Σ \(name) over \(Reconciler.yearList(Array(nearest))))"],
        flags: [.surrogate])
      value.flags.formUnion(nearest.reduce(into: Set<Flag>()) { $0.formUnion(observed[$1]!.flags) }.subtracting([.copiedYear]))
      values[year] = value
    }
  }

  /// Trend extrapolation (IPCC 2006 Vol. 1 §5.3.3.4): the least-squares line through the
  /// `window` observations nearest to the edge, for years before the first or after the last.
  static func trend<V: Scalable>(_ values: inout [Int: Traced<V>], window: Int, years: ClosedRange<Int>) {
    let known = values.keys.sorted()
    guard let first = known.first, let last = known.last else { return }
    let observed = values
    for year in years where values[year] == nil && (year < first || year > last) {
      let fit = Array(year < first ? known.prefix(max(2, window)) : known.suffix(max(2, window)))
      let template = observed[fit[0]]!
      let (intercept, slope) = leastSquares(fit.map { (Double($0), observed[$0]!.value.magnitude) })
      let estimate = max(0, intercept + slope * Double(year))
      values[year] = Traced(
        template.value.withMagnitude(estimate), sources: fit.flatMap { observed[$0]!.sources },
        steps: [
          "trend: least-squares line through \(Reconciler.yearList(fit)) (slope \(slope) per year) extrapolated to \(year)"
            + (intercept + slope * Double(year) < 0 ? ", negative, set to 0" : "")
        ],
        flags: [.extrapolated])
    }
  }

  /// Intercept and slope of the least-squares line through the points; a flat line through one point.
  static func leastSquares(_ points: [(x: Double, y: Double)]) -> (intercept: Double, slope: Double) {
    let n = Double(points.count)
    let meanX = points.reduce(0) { $0 + $1.x } / n, meanY = points.reduce(0) { $0 + $1.y } / n
    let sxx = points.reduce(0) { $0 + ($1.x - meanX) * ($1.x - meanX) }
    let sxy = points.reduce(0) { $0 + ($1.x - meanX) * ($1.y - meanY) }
    let slope = sxx == 0 ? 0 : sxy / sxx
    return (meanY - slope * meanX, slope)
  }
}
