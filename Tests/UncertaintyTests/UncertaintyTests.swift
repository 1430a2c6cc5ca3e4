import Accounting
import Calculation
import CementModel
import Foundation
import Importing
import Pipeline
import Testing

@testable import Uncertainty

private func term(_ name: String, _ value: Double) -> Term {
  Term(.parameter(name), value: value, unit: .one, source: .definition("test"))
}

@Suite struct ApproachOneTests {
  /// E1 = A × B = 100 × 2 (U 10 %, 5 %), E2 = C × D = 50 × 3 (U 20 %, 0); E = E1 + E2.
  /// Eq. 3.1: U1 = √(10² + 5²) = 11.180 %, half-width 22.361; U2 = 20 %, half-width 30.
  /// Eq. 3.2: half-width √(22.361² + 30²) = √1400 = 37.417, U = 37.417 / 350 = 10.690 %.
  @Test func twoProductsAndASum() {
    let u = ["A": 0.10, "B": 0.05, "C": 0.20, "D": 0.0]
    let a = term("A", 100), b = term("B", 2), c = term("C", 50), d = term("D", 3)
    let e1 = Figure(FigureID("e1"), .product([.term(a), .term(b)]))
    let e2 = Figure(FigureID("e2"), .product([.term(c), .term(d)]))
    var propagation = ApproachOne { t in if case .parameter(let k) = t.kind { u[k] ?? 0 } else { 0 } }
    let first = propagation.propagate(e1.reference)
    #expect(abs(first.halfWidth - 200 * (0.01 + 0.0025).squareRoot()) < 1e-9)
    let total = propagation.propagate(.sum([e1.reference, e2.reference]))
    #expect(total.value == 350)
    #expect(abs(total.halfWidth - 1400.0.squareRoot()) < 1e-9)
    #expect(abs(total.halfWidth / total.value - 0.106904) < 1e-6)
  }

  /// Trend, one source whose only input is activity (type B, U 10 %): B = D/ΣC = 1.1,
  /// U_trend = 1.1 × 10 × √2 = 15.556 percentage points; a factor shared by both years (type A)
  /// of a single source has sensitivity 0.
  @Test func trendOfOneSource() {
    let b = ApproachOne.trend([(base: 100, year: 110, uA: 0, uB: 0.10)])
    #expect(abs(b.trend - 0.10) < 1e-12)
    #expect(abs(b.uncertainty - 1.1 * 0.10 * 2.0.squareRoot()) < 1e-12)
    let a = ApproachOne.trend([(base: 100, year: 110, uA: 0.10, uB: 0)])
    #expect(abs(a.uncertainty) < 1e-9)
  }
}

@Suite struct MonteCarloTests {
  /// X normal, mean 100, σ 10 (95 % half-width 19.6 %); Y = 2 × uniform(0.9, 1.1).
  /// E[XY] = 200; Var[XY] = E[X²]E[Y²] − (E[X]E[Y])² = 10 100 × 4.013333 − 40 000 = 534.667.
  /// X + X is one draw twice: σ = 20, not 10√2.
  @Test func closedFormMeanAndVariance() {
    let x = Term(.parameter("X"), value: 100, unit: .one, source: .definition("test"))
    let y = Term(.parameter("Y"), value: 2, unit: .one, source: .definition("test"))
    var program = Program(keyOf: [x.id: 0, y.id: 1])
    let product = program.output(.product([.term(x), .term(y)]))
    let twice = program.output(.sum([.term(x), .term(x)]))
    let alone = program.output(.term(x))
    let samplers = [
      InputUncertainty(shape: .normal, halfWidth: 0.1 * z975, source: "").sampler,
      InputUncertainty(shape: .uniform, halfWidth: 0.1, source: "").sampler,
    ]
    let draws = 200_000
    let result = MonteCarlo(program: program, samplers: samplers, tracked: [product, twice, alone], peakGroups: [], target: 0).run(draws: draws, seed: 7)
    let sd = 534.6667.squareRoot()
    #expect(abs(result.mean[0] - 200) < 4 * sd / Double(draws).squareRoot())
    #expect(abs(result.standardDeviation[0] * result.standardDeviation[0] / 534.6667 - 1) < 0.02)
    #expect(abs(result.standardDeviation[1] - 20) < 0.2)
    #expect(abs(result.lower[2] - (100 - 19.5996)) < 0.25)
    #expect(abs(result.upper[2] - (100 + 19.5996)) < 0.25)
    // X explains Var(2X·(Y/2)) ≈ 10²·4 / 534.67 = 0.748 of the variance.
    #expect(abs(result.squaredCorrelation[0] - 400 / 534.6667) < 0.01)
  }

  @Test func sameSeedSameDrawsAnyBlockOrder() {
    let x = Term(.parameter("X"), value: 1, unit: .one, source: .definition("test"))
    var program = Program(keyOf: [x.id: 0])
    let slot = program.output(.power(.term(x), 2))
    let engine = MonteCarlo(
      program: program, samplers: [InputUncertainty(shape: .lognormal, lower: -0.2, upper: 0.3, source: "").sampler], tracked: [slot], peakGroups: [],
      target: nil)
    let a = engine.run(draws: 10_000, seed: 1), b = engine.run(draws: 10_000, seed: 1), c = engine.run(draws: 10_000, seed: 2)
    #expect(a.lower == b.lower && a.upper == b.upper && a.mean == b.mean && a.standardDeviation == b.standardDeviation)
    #expect(a.mean != c.mean)
  }
}

/// The bundled Liaoning account under study-2025, with its default uncertainties.
enum Bundled {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
  static let account: Result<Account, any Error> = Result {
    let pipeline = Pipeline(inputs: repository + "/Inputs")
    return try Pipeline.account(try pipeline.importProvince("liaoning"), methodology: try pipeline.methodology("study-2025"))
  }
  static let analysis: Result<UncertaintyAnalysis, any Error> = Result { UncertaintyAnalysis(account: try account.get(), draws: 50_000, seed: 11) }
}

@Suite struct BundledUncertaintyTests {
  /// The bridge's figures compute exactly the account's values.
  @Test func figuresAreTheAccountsValues() throws {
    let account = try Bundled.account.get()
    let figures = AccountFigures(account: account)
    for year in account.years {
      for entry in year.entries {
        let figure = try #require(figures.figure(FigureKey(year: year.year, scope: entry.scope.rawValue, source: entry.source)))
        #expect(abs(figure.value - entry.emissions.baseValue) <= 1e-9 * abs(entry.emissions.baseValue))
      }
      let total = try #require(figures.figure(FigureKey(year: year.year, scope: "total", source: "all")))
      #expect(abs(total.value - year.total(.total).baseValue) <= 1e-9 * year.total(.total).baseValue)
    }
    // A factor shared by every year is one term; activity is one term per fuel and year.
    let ncv = figures.classes.keys.filter { $0.kind == .netCalorificValue(fuel: "coal") }
    #expect(ncv.count == 1)
    let coal = figures.classes.keys.filter { $0.kind == .fuelConsumption(fuel: "coal") }
    #expect(coal.count == account.years.count)
  }

  /// IPCC's condition for Approach 1 (every σ/μ < 0.3) holds for the defaults, and the two
  /// approaches' half-widths of every year's total agree within 10 %.
  @Test func approachOneAgreesWithMonteCarlo() throws {
    let analysis = try Bundled.analysis.get()
    #expect(analysis.wideInputs.isEmpty)
    let totals = analysis.figures.filter { $0.key.scope == "total" }
    #expect(totals.count == 23)
    for total in totals {
      let ratio = total.approachOneHalfWidth / total.monteCarloHalfWidth
      #expect(abs(ratio - 1) <= 0.1, "\(total.key): \(ratio)")
      #expect(total.lower < total.central && total.central < total.upper)
    }
    #expect(analysis.disagreements.isEmpty)
    #expect(analysis.stages.count == 3)
    #expect(analysis.peakProbability != nil)
    #expect(!analysis.contributions.isEmpty)
    #expect(abs(analysis.contributions.reduce(0) { $0 + $1.share } - 1) < 1e-9)
  }

  @Test func sameSeedIsIdentical() throws {
    let account = try Bundled.account.get()
    let a = UncertaintyAnalysis(account: account, draws: 5_000, seed: 3), b = UncertaintyAnalysis(account: account, draws: 5_000, seed: 3)
    #expect(a.figures == b.figures)
    #expect(a.stages == b.stages)
    #expect(a.contributions == b.contributions)
  }
}

@Suite struct UncertaintyLoaderTests {
  static func methodology(_ uncertainty: String) throws -> Methodology {
    let path = Bundled.repository + "/Inputs/methodologies/study-2025.yaml"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let head = text.components(separatedBy: "\nuncertainty:").first!
    return try MethodologyLoader(read: { _ in "" }).parse(yaml: head + "\nuncertainty:\n" + uncertainty, file: "test.yaml")
  }

  static func error(_ uncertainty: String) -> String {
    do {
      _ = try methodology(uncertainty)
      return ""
    } catch {
      return "\(error)"
    }
  }

  @Test func readsTheDefaults() throws {
    let pipeline = Pipeline(inputs: Bundled.repository + "/Inputs")
    let m = try pipeline.methodology("study-2025-clinker")
    let coal = try #require(m.uncertainty.uncertainty(of: .netCalorificValue, fuel: "coal"))
    #expect(coal.lower == -0.1 && coal.upper == 0.1 && coal.shape == .normal)
    let of = try #require(m.uncertainty.uncertainty(of: .oxidationRate))
    #expect(of.shape == .triangular && of.lower == -0.03 && of.upper == 0.01)
    #expect(m.uncertainty.draws == 200_000)
  }

  @Test func negativeWidth() {
    let message = Self.error("  inputs:\n    carbon_content: { distribution: normal, half_width: -5 % }\n")
    #expect(message.hasPrefix("test.yaml:"))
    #expect(message.contains("'uncertainty.inputs.carbon_content.half_width' is negative"))
  }

  @Test func unknownDistribution() {
    let message = Self.error("  inputs:\n    grid_factor: { distribution: gaussian, half_width: 5 % }\n")
    #expect(message.contains("unknown distribution 'gaussian'"))
    #expect(message.contains("hint: allowed values: normal, lognormal, triangular, uniform"))
    #expect(message.range(of: #"^test\.yaml:\d+:\d+: error"#, options: .regularExpression) != nil)
  }

  @Test func boundsExcludingTheCentralValue() {
    let message = Self.error("  inputs:\n    oxidation_rate: { distribution: uniform, lower: 2 %, upper: 5 % }\n")
    #expect(message.contains("exclude the central value"))
    #expect(message.range(of: #"^test\.yaml:\d+:\d+: error"#, options: .regularExpression) != nil)
  }

  @Test func notAPercentage() {
    #expect(Self.error("  inputs:\n    cement_output: { distribution: normal, half_width: 0.05 }\n").contains("must be a percentage"))
  }
}
