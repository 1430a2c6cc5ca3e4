import CementModel

/// The scope an emission belongs to.
public enum Scope: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  case combustion, electricity, process
  public var description: String { rawValue }
}

/// How one emission figure was computed, with every input and factor.
public enum Calculation: Sendable, Hashable {
  /// Formulas (1)–(3): fuel consumption × NCV × CC × OF × 44/12.
  case combustion(fuelConsumption: ActivityValue, activityData: Quantity<HeatEnergy>, emissionFactor: Rate<CO2Mass, HeatEnergy>, factors: FuelFactors)
  /// Electricity × grid factor.
  case electricity(consumption: ActivityValue, gridFactor: Rate<CO2Mass, ElectricEnergy>)
  /// Formula (4): clinker × process factor.
  case process(clinker: Traced<Quantity<Mass>>, emissionFactor: Rate<CO2Mass, Mass>)

  /// The activity behind the figure, with its provenance.
  public var sources: [SourceRecord] {
    switch self {
    case .combustion(let fc, _, _, _): fc.sources
    case .electricity(let e, _): e.sources
    case .process(let c, _): c.sources
    }
  }

  /// The flags of the activity behind the figure.
  public var flags: Set<Flag> {
    switch self {
    case .combustion(let fc, _, _, _): fc.flags
    case .electricity(let e, _): e.flags
    case .process(let c, _): c.flags
    }
  }
}

/// One emission figure of one year: `process / calcination`, `combustion / coal` …
public struct EmissionEntry: Sendable, Hashable {
  public let year: Int
  public let scope: Scope
  /// The fuel id, `electricity`, or `calcination`.
  public let source: String
  public let emissions: Quantity<CO2Mass>
  public let calculation: Calculation

  public init(year: Int, scope: Scope, source: String, emissions: Quantity<CO2Mass>, calculation: Calculation) {
    self.year = year
    self.scope = scope
    self.source = source
    self.emissions = emissions
    self.calculation = calculation
  }
}

/// One year of the account: its figures and their aggregates.
public struct YearAccount: Sendable, Hashable {
  public let year: Int
  public let entries: [EmissionEntry]
  /// The sum of each scope and of each source, in entry order; computed once, since every
  /// writer asks for them.
  private let scopeSums: [Scope: Quantity<CO2Mass>]
  private let sourceSums: [String: Quantity<CO2Mass>]

  public init(year: Int, entries: [EmissionEntry]) {
    self.year = year
    self.entries = entries
    var sums: [Scope: Quantity<CO2Mass>] = [:]
    for scope in Scope.allCases { sums[scope] = entries.lazy.filter { $0.scope == scope }.sum(\.emissions) }
    self.scopeSums = sums
    var sourceSums: [String: Quantity<CO2Mass>] = [:]
    for entry in entries { sourceSums[entry.source] = (sourceSums[entry.source] ?? .zero) + entry.emissions }
    self.sourceSums = sourceSums
  }

  /// The sum of an aggregate.
  public func total(_ aggregate: Aggregate) -> Quantity<CO2Mass> {
    switch aggregate {
    case .combustion: sum(.combustion)
    case .electricity: sum(.electricity)
    case .process: sum(.process)
    case .energy: sum(.combustion) + sum(.electricity)
    case .total: sum(.combustion) + sum(.electricity) + sum(.process)
    }
  }

  /// The figure of one source (a fuel, `electricity` or `calcination`), or nil if absent.
  public func emissions(of source: String) -> Quantity<CO2Mass>? { sourceSums[source] }

  private func sum(_ scope: Scope) -> Quantity<CO2Mass> { scopeSums[scope]! }
}

/// A province's account under one methodology: every figure of every year, with the
/// findings of every stage that produced it.
public struct Account: Sendable {
  public let province: String
  public let methodology: Methodology
  public let years: [YearAccount]
  /// The activity the account was computed from (after allocation), for the writers.
  public let activity: ActivitySeries
  public let findings: [Finding]
  /// The points of the activity series that do not fit their neighbouring years, ranked, with their treatment.
  public let anomalies: [Anomaly]
  /// By year, what the treatment of the anomalies changed in the total (treated − as observed); empty when nothing was replaced.
  public let treatmentEffect: [Int: Quantity<CO2Mass>]
  /// The sources present, in reporting order (fuels in catalogue order, then calcination).
  public let sources: [(scope: Scope, source: String)]

  public init(
    province: String, methodology: Methodology, years: [YearAccount], activity: ActivitySeries, findings: [Finding], anomalies: [Anomaly] = [],
    treatmentEffect: [Int: Quantity<CO2Mass>] = [:]
  ) {
    self.anomalies = anomalies
    self.treatmentEffect = treatmentEffect
    self.province = province
    self.methodology = methodology
    self.years = years
    self.activity = activity
    self.findings = findings
    self.sources = Self.sources(of: years)
  }

  public subscript(year: Int) -> YearAccount? { years.first { $0.year == year } }

  /// An aggregate as a series over the years.
  public func series(_ aggregate: Aggregate) -> [(year: Int, emissions: Quantity<CO2Mass>)] {
    years.map { ($0.year, $0.total(aggregate)) }
  }

  private static func sources(of years: [YearAccount]) -> [(scope: Scope, source: String)] {
    var seen: [String: Scope] = [:]
    var order: [String] = []
    for entry in years.flatMap(\.entries) where seen[entry.source] == nil {
      seen[entry.source] = entry.scope
      order.append(entry.source)
    }
    let fuels = FuelCatalogue.standard.reportingOrder(order.filter { seen[$0] != .process }.map { Fuel($0) })
    let fuelSources: [(scope: Scope, source: String)] = fuels.map { fuel in (scope: seen[fuel.id]!, source: fuel.id) }
    let processSources: [(scope: Scope, source: String)] = order.filter { seen[$0] == .process }.map { (scope: .process, source: $0) }
    return fuelSources + processSources
  }
}
