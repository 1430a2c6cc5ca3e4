import Foundation
import CementModel
import Testing

@testable import Reconciliation

/// The anomaly detector on small series whose medians and scores can be checked by hand.
struct AnomalyDetectorTests {
  let detector = AnomalyDetector(rules: .standard)

  @Test func aCollapseBetweenNormalYearsIsAnOutlier() throws {
    // 2014 falls to 1 between years near 100: neighbours 98, 100, 102, 101, whose median in logs
    // is √(100 × 101) ≈ 100.499; the log departure ln(100.499) ≈ 4.61 over the floor 0.15 scores above 30.
    let values: [Int: Double] = [2012: 98, 2013: 100, 2014: 1, 2015: 102, 2016: 101, 2017: 103]
    let found = detector.detect(values)
    let point = try #require(found.first { $0.year == 2014 })
    #expect(point.kind == .outlier)
    #expect(point.score > 30)
    #expect(abs(point.expected - (100.0 * 101).squareRoot()) < 1e-9)
    #expect(found.count == 1)
  }

  @Test func aZeroBetweenNormalYearsIsAnOutlier() throws {
    let found = detector.detect([2016: 500, 2017: 520, 2018: 510, 2019: 0, 2020: 530, 2021: 525])
    #expect(found.map(\.year) == [2019])
    #expect(found.first?.kind == .outlier)
  }

  @Test func aPersistentLevelShiftIsOneBreakAtItsFirstYear() throws {
    let values: [Int: Double] = [2011: 100, 2012: 102, 2013: 99, 2014: 101, 2015: 400, 2016: 405, 2017: 398, 2018: 402]
    let found = detector.detect(values).filter { $0.score >= AnomalyRules.standard.warningScore }
    #expect(found.map(\.year) == [2015])
    #expect(found.first?.kind == .break)
    // Expected: the old level, the median in logs of 2013 and 2014: √(99 × 101).
    #expect(abs((found.first?.expected ?? 0) - (99.0 * 101).squareRoot()) < 1e-9)
  }

  @Test func aChangeAnotherSourceShowsIsConfirmed() throws {
    let values: [Int: Double] = [2012: 98, 2013: 100, 2014: 10, 2015: 102, 2016: 101]
    let other = Corroborating(source: "the other source", values: [2012: 50, 2013: 51, 2014: 6, 2015: 50, 2016: 52])
    let found = detector.detect(values, corroborating: [other])
    #expect(found.first?.kind == .confirmedChange)
    #expect(found.first?.corroboration == "confirmed by the other source")
    let flat = Corroborating(source: "a flat source", values: [2012: 50, 2013: 51, 2014: 50, 2015: 50, 2016: 52])
    let unconfirmed = detector.detect(values, corroborating: [flat])
    #expect(unconfirmed.first?.kind == .outlier)
    #expect(unconfirmed.first?.corroboration == "not confirmed by a flat source")
  }

  @Test func aSourceComputedFromTheSameStatisticsCannotConfirm() throws {
    let values: [Int: Double] = [2012: 98, 2013: 100, 2014: 10, 2015: 102, 2016: 101]
    let same = Corroborating(source: "the inventory", values: [2012: 50, 2013: 51, 2014: 5, 2015: 50, 2016: 52], independent: false)
    let found = try #require(detector.detect(values, corroborating: [same]).first)
    #expect(found.kind == .outlier)
    #expect(found.corroboration == "the same in the inventory (computed from the same statistics: no confirmation)")
  }

  @Test func aFuelAgainstTheTotalEnergyColumnByAbsoluteChange() throws {
    // The fuel drops by 90 units × 0.5 tce each = 45 tce; the total column drops by 44: confirmed.
    let values: [Int: Double] = [2012: 98, 2013: 100, 2014: 10, 2015: 102, 2016: 101]
    let total = Corroborating(source: "total energy", values: [2012: 500, 2013: 501, 2014: 456, 2015: 500, 2016: 500], conversion: 0.5)
    #expect(detector.detect(values, corroborating: [total]).first?.kind == .confirmedChange)
  }

  @Test func aSmoothGrowingSeriesHasNoAnomaly() {
    let values = Dictionary(uniqueKeysWithValues: (2000...2015).map { ($0, 100 * pow(1.12, Double($0 - 2000))) })
    #expect(detector.detect(values).isEmpty)
  }

  @Test func aCollapseInTheLastYearIsAnOutlierAndASmallerStepABreak() {
    let base: [Int: Double] = [2017: 100, 2018: 102, 2019: 101, 2020: 99, 2021: 100]
    #expect(detector.detect(base.merging([2022: 8]) { a, _ in a }).first?.kind == .outlier)
    #expect(detector.detect(base.merging([2022: 40]) { a, _ in a }).first?.kind == .break)
  }
}
