import Accounting
import CementModel
import Foundation
import Importing
import Pathways
import Pipeline
import Testing
import Writers

/// The bundled Liaoning account (study-2025) and the shipped scenarios, read once.
enum Bundled {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
  static let pipeline = Pipeline(inputs: repository + "/Inputs")
  private static let loaded: Result<Account, any Error> = Result {
    try Pipeline.account(try pipeline.importProvince("liaoning"), methodology: try pipeline.methodology("study-2025"))
  }
  static func account() throws -> Account { try loaded.get() }
  static func scenarios() throws -> [Scenario] { try pipeline.scenarioNames().map { try pipeline.scenario($0) } }
  /// One gram, in tonnes.
  static let gram = 1e-6
}

@Suite struct LMDITests {
  /// pathways.md §6 hand check: V = Q × I, Q 100 → 120, I 2.0 → 1.5, V 200 → 180;
  /// L(180, 200) = 20 / ln(200/180) = 189.8244; ΔV_Q = 189.8244 × ln 1.2 = +34.6091;
  /// ΔV_I = 189.8244 × ln 0.75 = −54.6091.
  @Test func twoFactorHandCheck() {
    let effects = LMDI.decompose([LMDI.Component([(.activity, 100, 120), (.thermalIntensity, 2.0, 1.5)])])
    #expect(abs(LMDI.logarithmicMean(180, 200) - 189.8244) < 1e-4)
    #expect(abs(effects[.activity]! - 34.6091) < 1e-4)
    #expect(abs(effects[.thermalIntensity]! + 54.6091) < 1e-4)
    #expect(abs(effects.values.reduce(0, +) + 20) < 1e-12)
  }

  @Test func logarithmicMeanIsContinuousAtEquality() {
    #expect(LMDI.logarithmicMean(5, 5) == 5)
    let near = LMDI.logarithmicMean(5, 5 * (1 + 1e-9))
    #expect(abs(near - 5 * (1 + 0.5e-9)) < 1e-12)
    let a = 3.0, b = 3.0003  // d just under the series' threshold and just over it agree
    #expect(abs(LMDI.logarithmicMean(a, b) - (b - a) / (log(b) - log(a))) < 1e-11)
  }

  /// Zeros by the analytical limits (Ang & Liu 2007): a fuel that appears gives its whole value
  /// to the factor that was zero, one that vanishes takes it from the factor that becomes zero,
  /// one zero in both periods gives nothing; the effects still sum to the change.
  @Test func zeroValues() throws {
    let appears = LMDI.Component([(.activity, 10, 12), (.fuelMix, 0, 0.1), (.fuelFactors, 0.05, 0.05)])
    let vanishes = LMDI.Component([(.activity, 10, 12), (.fuelMix, 0.2, 0), (.fuelFactors, 0.07, 0.07)])
    let absent = LMDI.Component([(.activity, 10, 12), (.fuelMix, 0, 0), (.fuelFactors, 0.07, 0.09)])
    let effects = LMDI.decompose([appears, vanishes, absent])
    let expected: Double = 12 * 0.1 * 0.05 - 10 * 0.2 * 0.07
    let fuelMix = try #require(effects[.fuelMix])
    #expect(abs(fuelMix - expected) < 1e-15)
    #expect(effects[.activity] == nil)
    #expect(effects[.fuelFactors] == nil)
    // A factor per GJ of a fuel not burnt (NaN) takes the other period's value: only the share moves.
    let paired = LMDI.Component(pairing: [(.activity, 10), (.fuelMix, 0), (.fuelFactors, .nan)], [12, 0.1, 0.05])
    #expect(paired.factors.map(\.from) == [10, 0, 0.05])
    let pairedEffects = LMDI.decompose([paired])
    #expect(pairedEffects.keys.sorted() == [.fuelMix])
  }

  /// Every pair of accounted years: the effects add up to the change in total to the gram.
  @Test func everyPairOfBundledYearsAddsUp() throws {
    let account = try Bundled.account()
    let factors = account.years.compactMap { YearFactors($0, activity: account.activity) }
    #expect(factors.count == account.years.count)
    for (i, a) in factors.enumerated() {
      for b in factors[(i + 1)...] {
        let d = Decomposition(a, b)
        let sum = d.effects.values.reduce(0, +)
        #expect(abs(sum - (b.total - a.total)) < Bundled.gram, "\(a.year)→\(b.year): \(sum) vs \(b.total - a.total)")
        #expect(abs(a.total - account[a.year]!.total(.total).value(in: .tonnesCO2)) < Bundled.gram)
      }
    }
  }

  /// The study's three stages as the report states them; on study-2025 (clinker = cement × 1,
  /// one grid factor, one process factor) the clinker-ratio, grid and process effects are 0.
  @Test func liaoningStages() throws {
    let account = try Bundled.account()
    let stages = Decomposition.standard(account).filter { $0.stage != nil }
    #expect(stages.map { [$0.from, $0.to] } == [[2000, 2008], [2009, 2013], [2013, 2022]])
    for stage in stages {
      #expect(abs(stage.effects[.clinkerRatio] ?? 0) < Bundled.gram)
      #expect(abs(stage.effects[.processFactor] ?? 0) < Bundled.gram)
      #expect(stage.largest.first?.effect == .activity)
      #expect(stage.derivedOutput)  // clinker is derived from cement in study-2025
    }
    let report = PathwaysReport(try record(), language: .en).markdown(waterfall: "w.svg", wedges: "x.svg")
    for pair in ["(2000→2008)", "(2009→2013)", "(2013→2022)"] { #expect(report.contains(pair)) }
    let zh = PathwaysReport(try record(), language: .zh).markdown(waterfall: "w.svg", wedges: "x.svg")
    #expect(zh.contains("核算结果的分解"))
    #expect(zh.contains("(2013→2022)"))
  }

  func record() throws -> PathwaysRecord {
    let scenarios = try Bundled.scenarios()
    return try Pipeline.pathways(try Bundled.account(), baseline: scenarios.first { $0.name == "baseline" }!, scenarios: scenarios)
  }

  @Test func csvHeaders() throws {
    let record = try record()
    let decomposition = DecompositionCSV.render(record).split(separator: "\n")
    #expect(decomposition.first == "province,methodology,from_year,to_year,effect,tco2")
    let pathways = PathwaysCSV.render(record).split(separator: "\n")
    #expect(pathways.first == "province,methodology,scenario,year,scope,source,tco2")
    #expect(pathways.contains { $0.hasPrefix("liaoning,study-2025,deep-decarbonisation,2060,wedge,ccus,") })
    // Each pair's effect rows sum to its change.
    var sums: [String: Double] = [:]
    for line in decomposition.dropFirst() {
      let f = line.split(separator: ",")
      sums["\(f[2])-\(f[3])", default: 0] += Double(f[5])!
    }
    for d in record.decompositions { #expect(abs(sums["\(d.from)-\(d.to)"]! - (d.toTotal - d.fromTotal)) < Bundled.gram) }
  }
}
