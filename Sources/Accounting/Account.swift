import Calculation
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
  /// The figure's value, `figure.value` in t CO₂.
  public let emissions: Quantity<CO2Mass>
  public let calculation: Calculation
  /// The figure as an expression over its traced terms (activity, factors, 44/12): the one
  /// calculation its value, its Excel formula and its provenance come from.
  public let figure: Figure

  /// An entry computed by `figure` (in t CO₂).
  public init(year: Int, scope: Scope, source: String, figure: Figure, calculation: Calculation) {
    self.year = year
    self.scope = scope
    self.source = source
    self.figure = figure
    self.emissions = Quantity(baseValue: figure.value)
    self.calculation = calculation
  }

  /// An entry whose value was computed elsewhere: its figure is that value as one term.
  public init(year: Int, scope: Scope, source: String, emissions: Quantity<CO2Mass>, calculation: Calculation) {
    let term = Term(
      .accountFigure("\(scope)/\(source)"), year: year, value: emissions.baseValue, unit: .tonnesCO2,
      source: .definition("computed by the accountant"))
    self.init(
      year: year, scope: scope, source: source, figure: Figure(FigureID("\(scope)/\(source)", year: year), .term(term)),
      calculation: calculation)
  }
}

/// One year of the account: its figures and their aggregates.
public struct YearAccount: Sendable, Hashable {
  public let year: Int
  public let entries: [EmissionEntry]
  /// The sum of each scope and of each source, in entry order; computed once, since every
  /// writer asks for them.
  private let aggregateFigures: [Aggregate: Figure]
  private let aggregateSums: [Aggregate: Quantity<CO2Mass>]
  private let sourceSums: [String: Quantity<CO2Mass>]

  public init(year: Int, entries: [EmissionEntry]) {
    self.year = year
    self.entries = entries
    let figures = Self.aggregates(year: year, entries)
    aggregateFigures = figures
    aggregateSums = figures.mapValues { Quantity(baseValue: $0.value) }
    var sourceSums: [String: Quantity<CO2Mass>] = [:]
    for entry in entries { sourceSums[entry.source] = (sourceSums[entry.source] ?? .zero) + entry.emissions }
    self.sourceSums = sourceSums
  }

  /// The sum of an aggregate.
  public func total(_ aggregate: Aggregate) -> Quantity<CO2Mass> { aggregateSums[aggregate]! }

  /// The figure of an aggregate: the sum of the year's entries of its scopes (formula 1 for
  /// combustion), energy = combustion + electricity, total = energy + process.
  public func figure(_ aggregate: Aggregate) -> Figure { aggregateFigures[aggregate]! }

  /// The figure of one source (a fuel, `electricity` or `calcination`), or nil if absent.
  public func emissions(of source: String) -> Quantity<CO2Mass>? { sourceSums[source] }

  /// The aggregates of one year's entries, each an expression over the entries' figures.
  static func aggregates(year: Int, _ entries: [EmissionEntry]) -> [Aggregate: Figure] {
    // A closure, not the key path `\.figure.reference`: projecting an indirect enum through a
    // key path leaks its boxes in Swift 6.3 on Linux (LeakSanitizer, 184 objects per account).
    func parts(_ scope: Scope) -> [Expression] { entries.filter { $0.scope == scope }.map { $0.figure.reference } }
    func figure(_ aggregate: Aggregate, _ expression: Expression) -> Figure { Figure(FigureID(aggregate.rawValue, year: year), expression) }
    let combustion = figure(.combustion, StudyFormulas.combustionTotal(parts(.combustion)))
    let electricity = figure(.electricity, Indicators.total(parts(.electricity), unit: .tonnesCO2))
    let process = figure(.process, Indicators.total(parts(.process), unit: .tonnesCO2))
    let energy = figure(.energy, .sum([combustion.reference, electricity.reference]))
    let total = figure(.total, .sum([energy.reference, process.reference]))
    return [.combustion: combustion, .electricity: electricity, .process: process, .energy: energy, .total: total]
  }
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
