import Accounting
import Calculation
import CementModel

/// The national total's 95 % interval from joint draws of every province's terms: a factor
/// with no province (an NCV, a carbon content, the process factor, a national grid factor) is
/// one draw for every province, so provincial errors are correlated through it. Beside it, the
/// interval a sum of independent provincial intervals would give (Eq. 3.2 over the provinces'
/// Monte Carlo half-widths), which understates the national uncertainty.
public struct NationalUncertainty: Sendable {
  /// One year of the national sum.
  public struct Year: Sendable, Hashable {
    public let year: Int
    public let central: Double
    /// From the joint draws (shared factors correlated across provinces).
    public let lower: Double
    public let upper: Double
    /// `central ± √Σ_p h_p²` over the provinces' half-widths h_p (independent provinces).
    public let independentLower: Double
    public let independentUpper: Double
    /// The provinces summed.
    public let provinces: Int
  }

  public let methodology: String
  public let draws: Int
  public let seed: UInt64
  public let years: [Year]
  /// Each province's total per year, from the same draws.
  public let provinces: [(province: String, intervals: [FigureInterval])]

  /// The joint analysis of `accounts` (one methodology).
  public init(accounts: [Account], draws: Int? = nil, seed: UInt64? = nil) {
    let spec = accounts.first?.methodology.uncertainty ?? .none
    let draws = max(100, draws ?? spec.draws), seed = seed ?? spec.seed
    let all = accounts.sorted { $0.province < $1.province }.map { AccountFigures(account: $0) }
    var plan = DrawPlan()
    for figures in all { plan.add(figures, spec: spec) }
    var program = Program(keyOf: plan.keyOf)
    var tracked: [Int] = []
    var provinceTotals: [(province: String, totals: [(year: Int, figure: Figure)])] = []
    for figures in all {
      let totals = figures.totals
      for (_, figure) in totals { tracked.append(program.output(figure.reference)) }
      provinceTotals.append((figures.province, totals))
    }
    let years = Set(all.flatMap(\.years)).sorted()
    var nationalFigures: [(year: Int, figure: Figure, count: Int)] = []
    for year in years {
      let parts = provinceTotals.compactMap { p in p.totals.first { $0.year == year }?.figure.reference }
      guard !parts.isEmpty else { continue }
      let figure = Figure(FigureID("national/total", year: year), .sum(parts))
      nationalFigures.append((year, figure, parts.count))
      tracked.append(program.output(figure.reference))
    }
    let result = MonteCarlo(program: program, samplers: plan.samplers, tracked: tracked, peakGroups: [], target: nil).run(draws: draws, seed: seed)
    var index = 0
    var provinces: [(province: String, intervals: [FigureInterval])] = []
    var halfSquares: [Int: Double] = [:]
    for p in provinceTotals {
      var intervals: [FigureInterval] = []
      for (year, figure) in p.totals {
        let interval = FigureInterval(
          key: FigureKey(year: year, scope: "total", source: "all"), central: figure.value, approachOneHalfWidth: 0,
          lower: result.lower[index], upper: result.upper[index], mean: result.mean[index])
        intervals.append(interval)
        halfSquares[year, default: 0] += interval.monteCarloHalfWidth * interval.monteCarloHalfWidth
        index += 1
      }
      provinces.append((p.province, intervals))
    }
    var national: [Year] = []
    for n in nationalFigures {
      let half = (halfSquares[n.year] ?? 0).squareRoot()
      national.append(Year(
        year: n.year, central: n.figure.value, lower: result.lower[index], upper: result.upper[index], independentLower: n.figure.value - half,
        independentUpper: n.figure.value + half, provinces: n.count))
      index += 1
    }
    self.methodology = accounts.first?.methodology.name ?? ""
    self.draws = draws
    self.seed = seed
    self.years = national
    self.provinces = provinces
  }
}
