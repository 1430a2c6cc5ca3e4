/// A series of the account that a time-series method can fill: a fuel's use or a product's output.
public enum SeriesName: Sendable, Hashable, Comparable, CustomStringConvertible {
  case fuel(Fuel)
  case product(Product)

  public var description: String {
    switch self {
    case .fuel(let fuel): fuel.id
    case .product(let product): product.rawValue
    }
  }

  public static func < (a: SeriesName, b: SeriesName) -> Bool { a.description < b.description }
}

/// The methods of the IPCC 2006 Guidelines (Vol. 1, Ch. 5, "Time series consistency") that
/// make one consistent series of a province's activity from incomplete or several sources.
public enum TimeSeriesMethod: Sendable, Hashable, CustomStringConvertible {
  /// A missing year takes the previous observed year's value (the study's choice).
  case carryForward
  /// A missing year lies on the straight line between the nearest observed years on each side.
  case linear
  /// Splice: the secondary source's values are scaled by Σ primary ÷ Σ secondary over the years
  /// both give (all of them, or only those in `years`) and fill the years the primary lacks
  /// (IPCC 2006 Vol. 1 eq. 5.1).
  case overlap(years: ClosedRange<Int>?)
  /// A missing year is the related series' value times the ratio of the two over the `window`
  /// nearest years where both are observed (IPCC 2006 Vol. 1 eq. 5.2).
  case surrogate(SeriesName, window: Int)
  /// A year before the first or after the last observation lies on the least-squares line
  /// through the `window` observations nearest to it (IPCC 2006 Vol. 1 §5.3.3.4); never below zero.
  case trend(window: Int)

  /// The method's name as a methodology writes it.
  public var name: String {
    switch self {
    case .carryForward: "carry-forward"
    case .linear: "linear"
    case .overlap: "overlap"
    case .surrogate: "surrogate"
    case .trend: "trend"
    }
  }

  public var description: String {
    switch self {
    case .carryForward, .linear: name
    case .overlap(let years?): "overlap (\(years.lowerBound)–\(years.upperBound))"
    case .overlap(nil): "overlap"
    case .surrogate(let series, let window): "surrogate (by \(series), \(window) nearest years)"
    case .trend(let window): "trend (\(window) nearest years)"
    }
  }

  public static let names = ["carry-forward", "linear", "overlap", "surrogate", "trend"]
}

/// How each series is made consistent: the source preferred where several give a year, and,
/// per series, the methods applied in order, each filling what the ones before left.
public struct TimeSeriesRules: Sendable, Hashable {
  /// The dataset whose values are used where several give the same year (`ceads`, `yearbook`).
  /// Needed only when a province's inputs come from more than one.
  public let primary: String?
  /// The methods for every series without its own entry.
  public let methods: [TimeSeriesMethod]
  /// Methods for particular series.
  public let series: [SeriesName: [TimeSeriesMethod]]
  public let source: String

  public init(primary: String? = nil, methods: [TimeSeriesMethod], series: [SeriesName: [TimeSeriesMethod]] = [:], source: String = "") {
    self.primary = primary
    self.methods = methods
    self.series = series
    self.source = source
  }

  /// The methods for one series.
  public func methods(for name: SeriesName) -> [TimeSeriesMethod] { series[name] ?? methods }

  /// The rules of a methodology that names only a gap-filling rule.
  public static func gapFilling(_ rule: GapFilling) -> TimeSeriesRules {
    switch rule {
    case .carryForward: TimeSeriesRules(methods: [.carryForward])
    case .linear: TimeSeriesRules(methods: [.linear])
    case .none: TimeSeriesRules(methods: [])
    }
  }
}

/// How cement output is derived for a province whose inputs give none: from the cement process
/// CO₂ of the CEADs apparent emission inventory, divided by the factor CEADs computed it with.
public struct CementDerivation: Sendable, Hashable {
  /// t CO₂ per t of cement (CEADs: 0.2906).
  public let processFactor: Sourced<Double>

  public init(processFactor: Sourced<Double>) { self.processFactor = processFactor }
}

/// Tolerances of the consistency checks run on every account.
public struct ConsistencyRules: Sendable, Hashable {
  /// Largest relative difference allowed between a table's parts and its stated total.
  public let partsTolerance: Double
  /// Read from `checks.jump` so that existing files load; no check uses it since the anomaly
  /// screen (``AnomalyRules``) replaced the year-on-year jump notes.
  public let jump: Double
  /// Standard-coal coefficients (t ce per unit of each fuel's activity, in the catalogue's base
  /// unit), for checking a table's fuels against its total energy column; a fuel without one
  /// makes that check skip the year.
  public let standardCoal: [Fuel: Double]

  public init(partsTolerance: Double = 0.01, jump: Double = 0.5, standardCoal: [Fuel: Double] = [:]) {
    self.partsTolerance = partsTolerance
    self.jump = jump
    self.standardCoal = standardCoal
  }

  public static let standard = ConsistencyRules()
}
