import CementModel
import Testing

@testable import Reconciliation

/// The anomaly screen on one province's series: graded by materiality, treated by the rules.
struct AnomalyScreenTests {
  /// Cement output (10⁴ t) with a collapse in 2019, and coal use (10⁴ t) with a small-fuel spike.
  static func activity() -> ActivitySeries {
    let cement: [Int: Double] = [2016: 1000, 2017: 1020, 2018: 1040, 2019: 1, 2020: 1080, 2021: 1100]
    let products = cement.mapValues { v in
      Traced(
        Quantity<Mass>(baseValue: v * 1e4),
        sources: [SourceRecord(location: SourceLocation(file: "products.csv", line: 3, column: 2), originalText: "\(v)", originalUnit: "万吨", label: "水泥")])
    }
    return ActivitySeries(province: "testland", years: 2016...2021, products: [.cement: products])
  }

  /// Process CO₂ 0.525 t per t of cement; the province's total is that alone.
  static func weights(_ activity: ActivitySeries) -> AnomalyScreen.Weights {
    let process = activity.products[.cement]!.mapValues { $0.value.baseValue * 0.525 }
    return AnomalyScreen.Weights(emissions: [.product(.cement): process], total: process)
  }

  @Test func aCollapseOfCementIsAnErrorLevelOutlierWithItsCell() throws {
    let activity = Self.activity()
    let found = AnomalyScreen(rules: .standard).screen(activity, weights: Self.weights(activity))
    let a = try #require(found.first)
    #expect(a.year == 2019 && a.series == .product(.cement) && a.kind == .outlier && a.level == .error)
    #expect(a.location == SourceLocation(file: "products.csv", line: 3, column: 2))
    #expect(a.value == 1 && a.unit == "10⁴ t")
    // Departure (≈ 1059 − 1) × 0.525 × 10⁴ t over the neighbours' median total (≈ 556 × 10⁴ t): about 100 %.
    #expect(a.share > 0.9)
    #expect(a.treatment == .flagged)
  }

  @Test func flagKeepsTheValue() throws {
    let activity = Self.activity()
    let screen = AnomalyScreen(rules: .standard)
    let (treated, anomalies) = screen.treat(activity, anomalies: screen.screen(activity, weights: Self.weights(activity)))
    #expect(treated.products[.cement]?[2019]?.value.baseValue == 1e4)
    #expect(anomalies.allSatisfy { $0.treatment == .flagged })
  }

  @Test func replaceInterpolatesAndKeepsTheOriginalInProvenance() throws {
    let activity = Self.activity()
    let screen = AnomalyScreen(rules: AnomalyRules(treatment: .replace))
    let (treated, anomalies) = screen.treat(activity, anomalies: screen.screen(activity, weights: Self.weights(activity)))
    let value = try #require(treated.products[.cement]?[2019])
    // Linear between 2018 (1040) and 2020 (1080): 1060 × 10⁴ t.
    #expect(abs(value.value.baseValue - 1060e4) < 1e-6)
    #expect(value.flags.contains(.replaced))
    #expect(value.sources.first?.location == SourceLocation(file: "products.csv", line: 3, column: 2))
    #expect(value.steps.last?.hasPrefix("replaced an outlier: observed 1 10⁴ t (score") == true)
    let a = try #require(anomalies.first { $0.year == 2019 })
    #expect(a.treatment == .replaced)
    #expect(abs((a.replacement ?? 0) - 1060) < 1e-9)
  }

  @Test func aSpikeOfAFuelThatHardlyCountsStaysANote() throws {
    var activity = Self.activity()
    let lpg: [Int: Double] = [2016: 0.01, 2017: 0.012, 2018: 0.011, 2019: 5, 2020: 0.012, 2021: 0.011]
    activity.fuels[Fuel("lpg")] = lpg.mapValues { Traced(ActivityAmount(dimension: .mass, baseValue: $0 * 1e4)) }
    var weights = Self.weights(activity)
    weights.emissions[.fuel(Fuel("lpg"))] = lpg.mapValues { $0 * 1e4 * 3 }
    let found = AnomalyScreen(rules: .standard).screen(activity, weights: weights)
    let spike = try #require(found.first { $0.series == .fuel(Fuel("lpg")) })
    #expect(spike.kind == .outlier)
    #expect(spike.score > AnomalyRules.standard.errorScore)
    #expect(spike.level == .note)
  }
}
