import Accounting
import Calculation
import CementModel

/// The fuel groups a scenario's shares speak of, and the account's fuels in each: natural gas
/// (and LNG), oil products, alternative fuels (none in a yearbook account), and coal with every
/// other solid or gaseous carrier (coke, coke-oven gas, heat …), which takes the share the
/// others leave.
public enum FuelGroup: String, Sendable, Hashable, CaseIterable {
  case coal, naturalGas = "natural-gas", oil, alternativeFuels = "alternative-fuels"

  /// The group of an account's fuel id.
  public static func of(_ fuel: String) -> FuelGroup {
    switch fuel {
    case Fuel.naturalGas.id, "lng": .naturalGas
    case Fuel.crudeOil.id, Fuel.gasoline.id, Fuel.kerosene.id, Fuel.dieselOil.id, Fuel.fuelOil.id, "lpg", "refinery_gas",
      "other_petroleum_products":
      .oil
    default: .coal
    }
  }

  var share: Lever? {
    switch self {
    case .coal: nil
    case .naturalGas: .naturalGasShare
    case .oil: .oilShare
    case .alternativeFuels: .alternativeFuelShare
    }
  }

  var factor: Lever {
    switch self {
    case .coal: .coalFactor
    case .naturalGas: .naturalGasFactor
    case .oil: .oilFactor
    case .alternativeFuels: .alternativeFuelFactor
    }
  }
}

/// A scenario that cannot be projected on this account, with the place in the scenario file.
public struct PathwaysError: Error, Sendable, CustomStringConvertible {
  public let location: SourceLocation?
  public let message: String
  public let hint: String?
  public init(_ location: SourceLocation?, _ message: String, hint: String? = nil) {
    self.location = location
    self.message = message
    self.hint = hint
  }
  public var description: String {
    (location.map { "\($0): " } ?? "") + "error: \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
  }
}

/// The levers' values of an accounted year, computed from the account (`pathways.md` §1):
/// Q, K/Q, E/K, each group's share of E and CO₂ per GJ, El/Q, CO₂/El, process CO₂/K. A value
/// the year cannot give (a factor of a fuel not burnt) is absent.
public func leverValues(of year: YearFactors) -> [Lever: Double] {
  var values: [Lever: Double] = [
    .cementOutput: year.cement, .alternativeFuelBiomassFraction: 0, .electricKilnShare: 0, .ccusCoverage: 0, .ccusCaptureRate: 0,
  ]
  if year.cement > 0 {
    values[.clinkerRatio] = year.clinker / year.cement
    values[.electricityIntensity] = year.electricity.consumption / year.cement
  }
  if year.clinker > 0 {
    values[.thermalIntensity] = year.heat / year.clinker
    values[.processFactor] = year.process / year.clinker
  }
  if year.electricity.consumption > 0 { values[.gridFactor] = year.electricity.emissions / year.electricity.consumption }
  var groups: [FuelGroup: (heat: Double, emissions: Double)] = [:]
  for (fuel, use) in year.fuels {
    let old = groups[FuelGroup.of(fuel)] ?? (0, 0)
    groups[FuelGroup.of(fuel)] = (old.heat + use.heat, old.emissions + use.emissions)
  }
  let heat = year.heat
  for group in FuelGroup.allCases {
    let use = groups[group] ?? (0, 0)
    if let share = group.share { values[share] = heat > 0 ? use.heat / heat : 0 }
    if use.heat > 0 { values[group.factor] = use.emissions / use.heat }
  }
  return values
}

/// One sub-aggregate of a projected year: its scope and source, and its factors as traced
/// expressions, each named by the effect its change is counted in.
public struct ProjectedComponent: Sendable {
  public let scope: String
  public let source: String
  public let factors: [(effect: Effect, expression: Expression)]
  /// Factors with no value (a factor per GJ of a fuel not burnt).
  public let undefined: Set<Effect>
  /// The component's CO₂ as one figure: the product of its factors.
  public let figure: Figure
}

/// A projected year of a scenario.
public struct ProjectedYear: Sendable {
  public let year: Int
  public let components: [ProjectedComponent]
  /// Each lever's term of the year.
  public let levers: [Lever: Term]
  /// CO₂ captured and biogenic CO₂ of alternative fuels (memo items), t.
  public let captured: Double
  public let biogenic: Double

  /// Net CO₂ of a scope (`combustion`, `electricity`, `process`), t.
  public func total(scope: String) -> Double { components.filter { $0.scope == scope }.reduce(0) { $0 + $1.figure.value } }
  /// Net CO₂ of the year, t.
  public var total: Double { components.reduce(0) { $0 + $1.figure.value } }
  /// Net CO₂ per tonne of cement.
  public var intensity: Double { total / (levers[.cementOutput]?.value ?? .nan) }
}

/// A target's outcome.
public struct TargetOutcome: Sendable {
  public let target: ScenarioTarget
  /// The lever's value in the target year and the limit, in the lever's unit; nil when the
  /// account cannot give one (no clinker in the reference year).
  public let value: Double?
  public let limit: Double?
  /// Whether the target is met, or nil when it cannot be checked.
  public var met: Bool? {
    guard let value, let limit else { return nil }
    return target.bound == .atMost ? value <= limit * (1 + 1e-12) : value >= limit * (1 - 1e-12)
  }
}

/// A scenario projected on one account: every year from the base year (the account's last)
/// to the scenario's end, with its wedges against the baseline.
public struct ScenarioResult: Sendable {
  public let scenario: Scenario
  public let province: String
  public let baseYear: Int
  public let years: [ProjectedYear]
  /// Each year's wedges: each effect's part of baseline − scenario (t CO₂), by LMDI-I.
  public let wedges: [Int: [Effect: Double]]
  /// Baseline − scenario each year, t CO₂.
  public let abatement: [Int: Double]
  public let targets: [TargetOutcome]
  /// What the reader should know about the inputs (a reference year the account lacks).
  public let notes: [String]

  /// The year of the highest net total (the earliest, on a tie).
  public var peakYear: Int { years.max { ($0.total, -$0.year) < ($1.total, -$1.year) }!.year }
  /// Net CO₂ summed over the years after the base year, t.
  public var cumulative: Double { years.filter { $0.year > baseYear }.reduce(0) { $0 + $1.total } }
  /// Abatement summed over the years after the base year, t.
  public var cumulativeAbatement: Double { abatement.filter { $0.key > baseYear }.values.reduce(0, +) }
  /// The projected year, if in range.
  public subscript(year: Int) -> ProjectedYear? { years.first { $0.year == year } }
  /// The cost of the cumulative abatement at each of the scenario's prices, CNY.
  public var abatementValue: [(price: AbatementPrice, cny: Double)] { scenario.prices.map { ($0, $0.cnyPerTonne * cumulativeAbatement) } }
}

/// Projects scenarios on an account, LEAP-like: activity × intensity, each lever a path from its
/// base-year value (computed from the account's last year) to the milestones of the file.
public struct Projection: Sendable {
  public let account: Account
  public let base: YearFactors
  public let baseValues: [Lever: Double]

  /// The projection base of an account: its last year with cement output.
  public init(account: Account) throws(PathwaysError) {
    guard let base = account.years.reversed().lazy.compactMap({ YearFactors($0, activity: account.activity) }).first else {
      throw PathwaysError(nil, "\(account.province): no accounted year has cement output to project from", hint: "add cement output to the products table")
    }
    self.account = account
    self.base = base
    self.baseValues = leverValues(of: base)
  }

  /// The scenario's years, each with its lever terms and components.
  public func project(_ scenario: Scenario) throws(PathwaysError) -> [ProjectedYear] {
    for path in scenario.paths.values {
      if let early = path.milestones.first(where: { $0.year <= base.year }) {
        throw PathwaysError(
          early.location, "milestone year \(early.year) of '\(path.lever)' is not after the base year \(base.year)",
          hint: "the base year is the account's last year; every lever starts from its value there")
      }
    }
    var result: [ProjectedYear] = []
    for year in base.year...max(base.year, scenario.endYear) {
      result.append(try projectYear(year, scenario))
    }
    return result
  }

  func leverTerm(_ lever: Lever, year: Int, _ scenario: Scenario) throws(PathwaysError) -> Term {
    let unit = Self.unit(lever)
    let path = scenario.paths[lever]
    guard let baseValue = baseValues[lever] ?? path.flatMap({ p in p.relative ? nil : p.milestones.first.map { $0.value * lever.unit.toBase } }) else {
      throw PathwaysError(
        path?.location ?? SourceLocation(file: scenario.file), "'\(lever)' has no value in the base year \(base.year) of \(account.province)",
        hint: "give '\(lever)' as absolute milestones (not relative), in \(lever.unit.symbol)")
    }
    // A path relative to an accounted year the account cannot give the lever for (no clinker
    // that year) scales the base year's value instead; `ScenarioResult.notes` says so.
    let reference = path?.relativeTo.flatMap { referenceValue(lever, in: $0) }
    let value = path?.value(in: year, baseYear: base.year, base: baseValue, reference: reference) ?? baseValue
    let source: TermSource
    if let path, year > base.year {
      let milestone = path.milestones.first { $0.year >= year } ?? path.milestones.last!
      source = .dataFile(file: scenario.file, line: milestone.location.line, key: "levers.\(lever) (\(milestone.source))")
    } else {
      source = .figure(FigureID("base/\(lever)", year: base.year, scope: account.province))
    }
    return Term(.parameter("lever/\(lever)"), year: year, scope: account.province, value: value, unit: unit, source: source)
  }

  /// A lever's value in an accounted year, or nil.
  func referenceValue(_ lever: Lever, in year: Int) -> Double? {
    account[year].flatMap { YearFactors($0, activity: account.activity) }.flatMap { leverValues(of: $0)[lever] }
  }

  static func unit(_ lever: Lever) -> UnitTag {
    switch lever {
    case .cementOutput: .tonnes
    case .thermalIntensity: UnitTag.gigajoules / .tonnes
    case .electricityIntensity: UnitTag.megawattHours / .tonnes
    case .gridFactor: UnitTag.tonnesCO2 / .megawattHours
    case .processFactor: UnitTag.tonnesCO2 / .tonnes
    case .alternativeFuelFactor, .naturalGasFactor, .oilFactor, .coalFactor: UnitTag.tonnesCO2 / .gigajoules
    default: .one
    }
  }

  private func projectYear(_ year: Int, _ scenario: Scenario) throws(PathwaysError) -> ProjectedYear {
    var levers: [Lever: Term] = [:]
    func t(_ lever: Lever) throws(PathwaysError) -> Expression {
      if let term = levers[lever] { return .term(term) }
      let term = try leverTerm(lever, year: year, scenario)
      levers[lever] = term
      return .term(term)
    }
    let q = try t(.cementOutput), k = try t(.clinkerRatio), e = try t(.thermalIntensity)
    let retained = Expression.number(1) - (try t(.ccusCoverage)) * (try t(.ccusCaptureRate))
    // Alternative fuels and electric kilns take their shares of all kiln energy; natural gas and
    // oil theirs of the fossil rest, and coal what is left of it (LEAP's `Remainder`).
    let alternative = try t(.alternativeFuelShare), electric = try t(.electricKilnShare)
    let gas = try t(.naturalGasShare), oil = try t(.oilShare)
    let fossil = Expression.number(1) - (alternative + electric)
    let coalOfFossil = Expression.number(1) - (gas + oil)
    for (rest, levers) in [(fossil, [Lever.alternativeFuelShare, .electricKilnShare]), (coalOfFossil, [.naturalGasShare, .oilShare])]
    where rest.value < -1e-12 {
      let given = levers.compactMap { scenario.paths[$0] }.last
      throw PathwaysError(
        given?.location ?? SourceLocation(file: scenario.file),
        "the shares \(levers.map(\.rawValue).joined(separator: " + ")) of \(year) add up to \(1 - rest.value) (more than 1) in \(account.province)",
        hint: "alternative fuels and electric kilns are shares of all kiln energy, natural gas and oil shares of the fossil rest; each pair must leave a share ≥ 0")
    }
    let groupShares: [FuelGroup: Expression] = [
      .coal: coalOfFossil * fossil, .naturalGas: gas * fossil, .oil: oil * fossil, .alternativeFuels: alternative,
    ]
    var components: [ProjectedComponent] = []
    func add(_ scope: String, _ source: String, _ factors: [(Effect, Expression)], undefined: Set<Effect> = []) {
      let figure = Figure(FigureID("pathways/\(scenario.name)/\(scope)/\(source)", year: year, scope: account.province), .product(factors.map(\.1)))
      components.append(ProjectedComponent(scope: scope, source: source, factors: factors.map { ($0.0, $0.1) }, undefined: undefined, figure: figure))
    }
    for group in FuelGroup.allCases {
      let share = groupShares[group]!
      // A group not burnt, with no factor in the account or the file, has no factor: a
      // placeholder the decomposition pairs with the other side's value (see `LMDI.Component`).
      let defined = share.value != 0 || scenario.paths[group.factor] != nil || baseValues[group.factor] != nil
      var factor: Expression = defined ? try t(group.factor)
        : .term(Term(.parameter("lever/\(group.factor)"), year: year, scope: account.province, value: 0, unit: Self.unit(group.factor),
                     source: .definition("no \(group.rawValue) burnt")))
      if group == .alternativeFuels { factor = factor * (Expression.number(1) - (try t(.alternativeFuelBiomassFraction))) }
      add("combustion", group.rawValue, [(.activity, q), (.clinkerRatio, k), (.thermalIntensity, e), (.fuelMix, share), (.fuelFactors, factor), (.ccus, retained)],
          undefined: defined ? [] : [.fuelFactors])
    }
    let grid = try t(.gridFactor)
    let perGJ = Expression.term(Term(.constant("MWh/GJ"), value: 1 / 3.6, unit: UnitTag.megawattHours / .gigajoules, source: .definition("1 MWh = 3.6 GJ")))
    add("electricity", "electric-kiln", [(.activity, q), (.clinkerRatio, k), (.thermalIntensity, e), (.fuelMix, electric), (.gridFactor, grid * perGJ)])
    add("electricity", "electricity", [(.activity, q), (.electricityIntensity, try t(.electricityIntensity)), (.gridFactor, grid)])
    add("process", "calcination", [(.activity, q), (.clinkerRatio, k), (.processFactor, try t(.processFactor)), (.ccus, retained)])
    let captureShare = 1 - retained.value
    let captured = components.filter { $0.scope != "electricity" }.reduce(0) { sum, c in
      sum + c.factors.filter { $0.effect != .ccus }.reduce(1) { $0 * $1.expression.value } * captureShare
    }
    let biogenic = alternative.value == 0 ? 0
      : q.value * k.value * e.value * alternative.value * (levers[.alternativeFuelFactor]?.value ?? 0) * levers[.alternativeFuelBiomassFraction]!.value
    return ProjectedYear(year: year, components: components, levers: levers, captured: captured, biogenic: biogenic)
  }

  /// A scenario's result: its years, its wedges against `baseline`'s years (the same
  /// components, so LMDI-I gives each effect's part of the gap exactly), targets and values.
  public func result(_ scenario: Scenario, baseline: [ProjectedYear]) throws(PathwaysError) -> ScenarioResult {
    let years = try project(scenario)
    let baselineByYear = Dictionary(uniqueKeysWithValues: baseline.map { ($0.year, $0) })
    var wedges: [Int: [Effect: Double]] = [:]
    var abatement: [Int: Double] = [:]
    for year in years {
      guard let reference = baselineByYear[year.year] else { continue }
      wedges[year.year] = Self.wedges(baseline: reference, scenario: year)
      abatement[year.year] = reference.total - year.total
    }
    return ScenarioResult(
      scenario: scenario, province: account.province, baseYear: base.year, years: years, wedges: wedges, abatement: abatement,
      targets: scenario.targets.map { outcome($0, years) }, notes: notes(scenario))
  }

  /// Each effect's part of `baseline − scenario` in one year (the negated LMDI-I effects of
  /// the change from the baseline to the scenario).
  public static func wedges(baseline: ProjectedYear, scenario: ProjectedYear) -> [Effect: Double] {
    let components = zip(baseline.components, scenario.components).map { b, s in
      LMDI.Component(pairing: b.factors.map { ($0.effect, b.undefined.contains($0.effect) ? .nan : $0.expression.value) },
                     s.factors.map { s.undefined.contains($0.effect) ? .nan : $0.expression.value })
    }
    return LMDI.decompose(components).mapValues { 0 - $0 }
  }

  private func outcome(_ target: ScenarioTarget, _ years: [ProjectedYear]) -> TargetOutcome {
    let scale = target.lever.unit.toBase
    func leverValue(in year: Int) -> Double? {
      year <= base.year ? referenceValue(target.lever, in: year) : years.first { $0.year == year }?.levers[target.lever]?.value
    }
    let limit = target.relativeTo.map { year in leverValue(in: year).map { target.limit * $0 / scale } } ?? target.limit
    return TargetOutcome(target: target, value: leverValue(in: target.year).map { $0 / scale }, limit: limit)
  }

  /// What a result should say about its inputs: paths relative to a year the account cannot
  /// give the lever for.
  func notes(_ scenario: Scenario) -> [String] {
    scenario.paths.values.sorted { $0.lever < $1.lever }.compactMap { path in
      guard let year = path.relativeTo, referenceValue(path.lever, in: year) == nil else { return nil }
      return "\(path.lever) has no value in \(year) in \(account.province)'s account: its milestones scale the base year's value"
    }
  }
}
