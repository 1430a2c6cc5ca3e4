import CementModel
import Testing

@testable import Allocation

struct ProxyAllocationTests {
  let industry = ActivitySeries(
    province: "p", years: 2000...2001,
    fuels: [.coal: [2000: Traced(ActivityUnit(.tenThousandTonnes).amount(100)), 2001: Traced(ActivityUnit(.tenThousandTonnes).amount(200))]])

  @Test func shareOneKeepsTheIndustryWithoutTheAllocatedFlag() throws {
    let cement = try ProxyAllocation(rule: AllocationRule(share: .constant(.one), source: "study")).allocate(industry)
    #expect(cement.fuels[.coal]?[2000]?.value.reportingValue == 100)
    #expect(cement.fuels[.coal]?[2000]?.flags.contains(.allocated) == false)
    #expect(cement.fuels[.coal]?[2000]?.steps.last?.contains("share 1") == true)
  }

  @Test func aShareSeriesIsAppliedYearByYear() throws {
    let rule = AllocationRule(share: .byYear([2000: Fraction(0.5), 2001: Fraction(0.25)]), source: "proxy")
    let cement = try ProxyAllocation(rule: rule).allocate(industry)
    #expect(cement.fuels[.coal]?[2000]?.value.reportingValue == 50)
    #expect(cement.fuels[.coal]?[2001]?.value.reportingValue == 50)
    #expect(cement.fuels[.coal]?[2001]?.flags.contains(.allocated) == true)
    #expect(cement.allocationShares[2001] == Fraction(0.25))
  }

  @Test func aMissingShareIsAnError() {
    let rule = AllocationRule(share: .byYear([2000: Fraction(0.5)]), source: "proxy")
    #expect(throws: AllocationError.self) { try ProxyAllocation(rule: rule).allocate(industry) }
  }
}
