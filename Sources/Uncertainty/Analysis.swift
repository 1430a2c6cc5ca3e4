import Accounting
import Calculation
import CementModel

/// A figure's 95 % interval by both approaches.
public struct FigureInterval: Sendable, Hashable {
  public let key: FigureKey
  /// The account's value.
  public let central: Double
  /// Approach 1: `central ± halfWidth`.
  public let approachOneHalfWidth: Double
  /// Approach 2: the 2.5 % and 97.5 % points of the draws, and their mean.
  public let lower: Double
  public let upper: Double
  public let mean: Double

  /// The Approach 1 U, half the interval over the value (a fraction).
  public var approachOneU: Double { central == 0 ? 0 : approachOneHalfWidth / abs(central) }
  /// The Monte Carlo half-width, half the 95 % interval.
  public var monteCarloHalfWidth: Double { (upper - lower) / 2 }
}

/// A stage's compound annual growth rate with its 95 % interval and the probability that its
/// direction (growth or decline) holds.
public struct StageInterval: Sendable, Hashable {
  public let name: String
  public let base: Int
  public let last: Int
  public let central: Double
  public let lower: Double
  public let upper: Double
  /// True when the account's rate is positive (growth).
  public let grows: Bool
  /// The share of draws in which the rate has the account's sign.
  public let probability: Double
}

/// One input's share of the variance of the reference total.
public struct VarianceContribution: Sendable, Hashable {
  /// The input (a term identity, or a fuel's activity over all years when they are correlated).
  public let input: String
  public let inputClass: InputClass
  /// The squared correlation of the input with the total, normalised to sum to one.
  public let share: Double
}

/// The Approach 1 trend between the base year and a year.
public struct TrendInterval: Sendable, Hashable {
  public let year: Int
  /// `E_year / E_base − 1`.
  public let trend: Double
  /// The 95 % half-width of the trend, in fractions (percentage points / 100).
  public let uncertainty: Double
}

/// How sure each figure of an account is: IPCC 2006 Vol. 1 Ch. 3 Approach 1 and Approach 2 over
/// the account's own expressions.
public struct UncertaintyAnalysis: Sendable {
  public let province: String
  public let methodology: String
  public let draws: Int
  public let seed: UInt64
  /// The correlation structure used, in sentences.
  public let structure: [String]
  /// Every figure (entries, scope sums, totals, and the stage series when it is `energy`), year by year.
  public let figures: [FigureInterval]
  /// The Approach 1 trend of the total from the first year.
  public let trend: [TrendInterval]
  public let baseYear: Int?
  /// The declared stages of the methodology's stage series.
  public let stages: [StageInterval]
  /// The series the stages and the peak are of.
  public let stageSeries: Aggregate
  /// The account's peak year of the stage series and the share of draws that peak there.
  public let peakYear: Int?
  public let peakProbability: Double?
  /// The year whose total the variance ranking is of (the peak year).
  public let rankingYear: Int?
  /// Inputs ranked by their share of the variance of that year's total.
  public let contributions: [VarianceContribution]
  /// The inputs whose σ/μ is 0.3 or more (Approach 1 is not valid for them).
  public let wideInputs: [String]
  /// The years whose Approach 1 and Monte Carlo half-widths of the total differ by more than
  /// 10 %, each with the reason.
  public let disagreements: [(year: Int, difference: Double, reason: String)]
  /// The inputs with an uncertainty, by class, with their range and source.
  public let inputs: [(inputClass: InputClass, fuel: Fuel?, uncertainty: InputUncertainty, terms: Int)]

  /// The interval of one figure.
  public func interval(_ key: FigureKey) -> FigureInterval? { figures.first { $0.key == key } }
}

/// The draws of an account's terms: one key per term identity with an uncertainty (a fuel's
/// activity over all years when the methodology correlates activity across years).
struct DrawPlan {
  var keyOf: [TermID: Int] = [:]
  var samplers: [RelativeSampler] = []
  var keyNames: [String] = []
  var keyClasses: [InputClass] = []
  var uncertainties: [InputUncertainty] = []
  private var index: [TermID: Int] = [:]

  /// Adds the terms of `figures` under `spec`.
  mutating func add(_ figures: AccountFigures, spec: UncertaintySpec) {
    for (id, info) in figures.classes.sorted(by: { $0.key < $1.key }) {
      guard let u = spec.uncertainty(of: info.inputClass, fuel: info.fuel) else { continue }
      let drawID = spec.activityCorrelatedAcrossYears && info.inputClass.isActivity ? TermID(kind: id.kind, year: nil, scope: id.scope) : id
      if let existing = index[drawID] {
        keyOf[id] = existing
        continue
      }
      index[drawID] = samplers.count
      keyOf[id] = samplers.count
      samplers.append(u.sampler)
      keyNames.append(drawID.description)
      keyClasses.append(info.inputClass)
      uncertainties.append(u)
    }
  }
}

extension UncertaintyAnalysis {
  /// Analyses `account` with `draws` Monte Carlo draws from `seed` (the methodology's defaults
  /// when nil).
  public init(account: Account, draws: Int? = nil, seed: UInt64? = nil) {
    let spec = account.methodology.uncertainty
    let draws = max(100, draws ?? spec.draws), seed = seed ?? spec.seed
    let figures = AccountFigures(account: account)
    var plan = DrawPlan()
    plan.add(figures, spec: spec)
    let termU: (Term) -> Double = { term in
      guard let info = figures.classes[term.id], let u = spec.uncertainty(of: info.inputClass, fuel: info.fuel) else { return 0 }
      return u.approachOneU
    }

    // The stage series and its stages' growth rates, as expressions over the figures.
    let seriesScope = account.methodology.stageSeries.rawValue
    let series = figures.figures.filter { $0.key.scope == seriesScope && $0.key.source == "all" }
    let seriesByYear = Dictionary(uniqueKeysWithValues: series.map { ($0.key.year, $0.figure) })
    let stageAnalysis = StageAnalysis(account: account)
    var stageFigures: [(definition: StageResult, figure: Figure)] = []
    for stage in stageAnalysis.declared {
      guard let start = seriesByYear[stage.base], let end = seriesByYear[stage.last], stage.last > stage.base, start.value > 0 else { continue }
      stageFigures.append((stage, StudyGrowth.compoundAnnualGrowth(from: start, to: end, years: stage.last - stage.base, name: stage.name)))
    }

    // Compile once: every figure, then the stage rates.
    var program = Program(keyOf: plan.keyOf)
    var tracked: [Int] = []
    for (_, figure) in figures.figures { tracked.append(program.output(figure.reference)) }
    for (_, figure) in stageFigures { tracked.append(program.output(figure.reference)) }
    let seriesIndices = figures.figures.indices.filter { figures.figures[$0].key.scope == seriesScope && figures.figures[$0].key.source == "all" }
    let peakYear = stageAnalysis.peakYear
    let totalIndex = figures.figures.indices.first { figures.figures[$0].key == FigureKey(year: peakYear ?? -1, scope: "total", source: "all") }
    let engine = MonteCarlo(
      program: program, samplers: plan.samplers, tracked: tracked, peakGroups: seriesIndices.isEmpty ? [] : [seriesIndices], target: totalIndex)
    let result = engine.run(draws: draws, seed: seed)

    var a1 = ApproachOne(termU: termU)
    var intervals: [FigureInterval] = []
    for (index, entry) in figures.figures.enumerated() {
      let propagated = a1.propagate(entry.figure.reference)
      intervals.append(FigureInterval(
        key: entry.key, central: entry.figure.value, approachOneHalfWidth: propagated.halfWidth,
        lower: result.lower[index], upper: result.upper[index], mean: result.mean[index]))
    }
    var stages: [StageInterval] = []
    for (offset, stage) in stageFigures.enumerated() {
      let index = figures.figures.count + offset
      let central = stage.figure.value
      let above = result.aboveZero[index]
      stages.append(StageInterval(
        name: stage.definition.name, base: stage.definition.base, last: stage.definition.last, central: central,
        lower: result.lower[index], upper: result.upper[index], grows: central > 0, probability: central > 0 ? above : 1 - above))
    }
    var peakProbability: Double?
    if let peakYear, let group = result.peakCounts.first, let position = seriesIndices.firstIndex(where: { figures.figures[$0].key.year == peakYear }) {
      peakProbability = Double(group[position]) / Double(draws)
    }
    let correlationSum = result.squaredCorrelation.reduce(0, +)
    let contributions = result.squaredCorrelation.enumerated()
      .map { VarianceContribution(input: plan.keyNames[$0.offset], inputClass: plan.keyClasses[$0.offset], share: correlationSum > 0 ? $0.element / correlationSum : 0) }
      .filter { $0.share > 0 }
      .sorted { ($0.share, $1.input) > ($1.share, $0.input) }

    // Trend (Approach 1) of the total from the first year, source by source.
    let entries = figures.figures.filter { $0.key.source != "all" && $0.key.scope != "total" }
    let baseYear = figures.years.first
    var trend: [TrendInterval] = []
    if let baseYear {
      let base = Dictionary(entries.filter { $0.key.year == baseYear }.map { ("\($0.key.scope)/\($0.key.source)", $0.figure) }, uniquingKeysWith: { a, _ in a })
      for year in figures.years where year != baseYear {
        let current = Dictionary(entries.filter { $0.key.year == year }.map { ("\($0.key.scope)/\($0.key.source)", $0.figure) }, uniquingKeysWith: { a, _ in a })
        let names = Set(base.keys).union(current.keys).sorted()
        let sources = names.map { name -> (base: Double, year: Double, uA: Double, uB: Double) in
          let figure = current[name] ?? base[name]!
          var a = 0.0, b = 0.0
          for term in figure.expression.terms {
            let u = termU(term)
            let shared = term.id.year == nil || (spec.activityCorrelatedAcrossYears && (figures.classes[term.id]?.inputClass.isActivity ?? false))
            if shared { a += u * u } else { b += u * u }
          }
          return (base[name]?.value ?? 0, current[name]?.value ?? 0, a.squareRoot(), b.squareRoot())
        }
        let t = ApproachOne.trend(sources)
        trend.append(TrendInterval(year: year, trend: t.trend, uncertainty: t.uncertainty))
      }
    }

    // Where Approach 1 and Approach 2 disagree, and why.
    var inputs: [(inputClass: InputClass, fuel: Fuel?, uncertainty: InputUncertainty, terms: Int)] = []
    var seen: [String: Int] = [:]
    for (id, info) in figures.classes.sorted(by: { $0.key < $1.key }) {
      let fuel = spec.byFuel[info.fuel ?? ""]?[info.inputClass] != nil ? info.fuel : nil
      guard let u = spec.uncertainty(of: info.inputClass, fuel: info.fuel), plan.keyOf[id] != nil else { continue }
      let name = "\(info.inputClass.rawValue)/\(fuel?.id ?? "")"
      if let i = seen[name] {
        inputs[i].terms += 1
      } else {
        seen[name] = inputs.count
        inputs.append((info.inputClass, fuel, u, 1))
      }
    }
    let wide = inputs.filter { $0.uncertainty.relativeStandardDeviation >= 0.3 }.map { "\($0.inputClass.rawValue)\($0.fuel.map { " (\($0.id))" } ?? "")" }
    var disagreements: [(year: Int, difference: Double, reason: String)] = []
    for interval in intervals where interval.key.scope == "total" && interval.monteCarloHalfWidth > 0 {
      let difference = interval.approachOneHalfWidth / interval.monteCarloHalfWidth - 1
      guard abs(difference) > 0.1 else { continue }
      var reasons: [String] = []
      if !wide.isEmpty { reasons.append("σ/μ ≥ 0.3 for \(wide.joined(separator: ", "))") }
      let figure = figures.figure(interval.key)!
      var counts: [TermID: Int] = [:]
      figure.expression.visitTerms { if plan.keyOf[$0.id] != nil { counts[$0.id, default: 0] += 1 } }
      let shared = counts.filter { $0.value > 1 }.keys.sorted().map(\.description)
      if !shared.isEmpty { reasons.append("terms shared by several parts of the sum (\(shared.prefix(3).joined(separator: ", "))), which Eq. 3.2 takes as independent") }
      if inputs.contains(where: { $0.uncertainty.shape != .normal }) { reasons.append("non-normal inputs (lognormal, triangular or uniform)") }
      disagreements.append((interval.key.year, difference, reasons.isEmpty ? "sampling error" : reasons.joined(separator: "; ")))
    }

    self.init(
      province: account.province, methodology: account.methodology.name, draws: draws, seed: seed,
      structure: Self.structure(spec, plan: plan, methodology: account.methodology), figures: intervals, trend: trend, baseYear: baseYear,
      stages: stages, stageSeries: account.methodology.stageSeries, peakYear: peakYear, peakProbability: peakProbability,
      rankingYear: totalIndex == nil ? nil : peakYear, contributions: contributions, wideInputs: wide, disagreements: disagreements, inputs: inputs)
  }

  /// The correlation structure, as sentences for the report.
  static func structure(_ spec: UncertaintySpec, plan: DrawPlan, methodology: Methodology) -> [String] {
    var lines = [
      "Every figure's distribution is its own expression evaluated over joint draws of its terms; \(plan.samplers.count) independent draws per iteration.",
      "Factors (NCV, carbon content and oxidation rate of each fuel, the process factor, and the grid factor and clinker ratio where one value serves every year) are one draw each, shared by every year, fuel component and province that uses them.",
    ]
    lines.append(
      spec.activityCorrelatedAcrossYears
        ? "Activity data (fuel and electricity use, cement or clinker output) are one draw per fuel and province for every year (uncertainty.activity_years: correlated)."
        : "Activity data (fuel and electricity use, cement or clinker output) have an independent draw per fuel, province and year.")
    lines.append("The allocation share is one draw per province where one share serves every year, else one per year, shared by every fuel of the year.")
    return lines
  }
}

/// The compound annual growth rate as a figure.
enum StudyGrowth {
  /// Compound annual growth rate `(end / start)^(1 / years) − 1`, as `Indicators.compoundAnnualGrowth`.
  static func compoundAnnualGrowth(from start: Figure, to end: Figure, years: Int, name: String) -> Figure {
    Figure(
      FigureID("stage/\(name)/cagr", year: nil, scope: start.id.scope),
      .difference(.power(.quotient(end.reference, start.reference), 1 / Double(years)), .number(1)))
  }
}
