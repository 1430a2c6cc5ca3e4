import CementModel
import Testing

@testable import Accounting

struct StageSuggestionTests {
  @Test func threeSegmentFitFindsTheBreaksOfAPiecewiseLine() {
    // Flat 2000–2005, rising 2006–2010, falling 2011–2016; no point lies on a neighbouring segment's line.
    var values: [Int: Quantity<CO2Mass>] = [:]
    for y in 2000...2005 { values[y] = Quantity(baseValue: 20) }
    for y in 2006...2010 { values[y] = Quantity(baseValue: 10 + Double(y - 2005) * 5) }
    for y in 2011...2016 { values[y] = Quantity(baseValue: 30 - Double(y - 2011) * 4) }
    #expect(StageAnalysis.threeSegments(values) == [2000...2005, 2006...2010, 2011...2016])
  }

  @Test func tooFewYearsGiveNoSuggestion() {
    let values = Dictionary(uniqueKeysWithValues: (2000...2007).map { ($0, Quantity<CO2Mass>(baseValue: Double($0))) })
    #expect(StageAnalysis.threeSegments(values).isEmpty)
  }
}
