import CementModel
import Testing

@testable import Reconciliation

/// The IPCC time-series methods, each on a small hand-computed series.
struct TimeSeriesTests {
  static func series(_ values: [Int: Double], file: String = "a.csv") -> [Int: Traced<Quantity<Mass>>] {
    values.mapValues { v in
      Traced(Quantity(baseValue: v), sources: [SourceRecord(location: SourceLocation(file: file, line: 1), originalText: "\(v)", originalUnit: "t", label: "x")])
    }
  }

  @Test func overlapScalesTheSecondSourceBySumsOverTheCommonYears() throws {
    // Primary 2003–2005: 10, 12, 14 (Σ 36); secondary 2000–2005: 4, 5, 6, 5, 6, 7 (Σ over 2003–2005: 18). Ratio 2.
    let primary = Self.series([2003: 10, 2004: 12, 2005: 14], file: "ceads.xlsx")
    let secondary = Self.series([2000: 4, 2001: 5, 2002: 6, 2003: 5, 2004: 6, 2005: 7], file: "yearbook.csv")
    let filled = TimeSeriesFiller(years: 2000...2005, methods: [.overlap(years: nil)]).fill(primary, secondary: [("yearbook", secondary)])
    #expect(filled.unfilled.isEmpty)
    #expect(filled.values[2000]?.value.baseValue == 8)
    #expect(filled.values[2002]?.value.baseValue == 12)
    #expect(filled.values[2004]?.value.baseValue == 12)  // the primary's own value is kept
    let spliced = try #require(filled.values[2001])
    #expect(spliced.flags.contains(.spliced))
    #expect(spliced.sources.first?.location.file == "yearbook.csv")
    #expect(spliced.steps.last?.contains("× 2.0") == true)
    #expect(spliced.steps.last?.contains("2003–2005") == true)
    #expect(filled.notes.isEmpty)  // ×2 is within the bound
  }

  @Test func aSpliceRatioBeyondAFactorOfTwoIsReported() {
    // The secondary is ten times too small over the common years, as a unit slip would make it.
    let primary = Self.series([2003: 100, 2004: 120])
    let secondary = Self.series([2002: 9, 2003: 10, 2004: 12])
    let filled = TimeSeriesFiller(years: 2002...2004, methods: [.overlap(years: nil)]).fill(primary, secondary: [("yearbook", secondary)])
    #expect(filled.values[2002]?.value.baseValue == 90)
    #expect(filled.notes == [
      "overlap: yearbook is scaled by 10 to match the primary source over 2003–2004; sources that differ by more than ×2 usually differ in units or coverage: check both"
    ])
  }

  @Test func overlapCanBeLimitedToAWindow() {
    // Over 2003 only: 10 ÷ 5 = 2; over all three years it would be 36 ÷ 18 = 2 too, so make 2004 differ.
    let primary = Self.series([2003: 10, 2004: 30])
    let secondary = Self.series([2002: 3, 2003: 5, 2004: 5])
    let filled = TimeSeriesFiller(years: 2002...2004, methods: [.overlap(years: 2003...2003)]).fill(primary, secondary: [("b", secondary)])
    #expect(filled.values[2002]?.value.baseValue == 6)
  }

  @Test func overlapWithoutCommonYearsSaysSoAndLeavesTheGap() {
    let filled = TimeSeriesFiller(years: 2000...2003, methods: [.overlap(years: nil)]).fill(
      Self.series([2002: 1, 2003: 1]), secondary: [("b", Self.series([2000: 1, 2001: 1]))])
    #expect(filled.unfilled == [2000, 2001])
    #expect(filled.notes.first?.contains("shares no year") == true)
  }

  @Test func surrogateScalesTheRelatedSeriesByTheirRatioOverTheNearestYears() {
    // Fuel / cement over 2002–2003 = (6 + 8) ÷ (3 + 4) = 2; cement in 2001 is 2.5 → 5.
    let fuel = Self.series([2002: 6, 2003: 8, 2010: 100])
    let cement: [Int: Double] = [2001: 2.5, 2002: 3, 2003: 4, 2010: 1]
    let filled = TimeSeriesFiller(years: 2001...2003, methods: [.surrogate(.product(.cement), window: 2)]).fill(
      fuel, surrogates: [.product(.cement): cement])
    #expect(filled.values[2001]?.value.baseValue == 5)
    #expect(filled.values[2001]?.flags.contains(.surrogate) == true)
    #expect(filled.values[2001]?.steps.last?.contains("2002–2003") == true)
  }

  @Test func trendExtrapolatesTheLeastSquaresLineAndNeverGoesBelowZero() {
    // 2000–2002: 1, 2, 3 → 2003 = 4, 2004 = 5; a falling series 3, 2, 1 → 1999 = 4 and 2004 = 0 (not −1).
    let rising = TimeSeriesFiller(years: 2000...2004, methods: [.trend(window: 3)]).fill(Self.series([2000: 1, 2001: 2, 2002: 3]))
    #expect(abs((rising.values[2003]?.value.baseValue ?? 0) - 4) < 1e-12)
    #expect(abs((rising.values[2004]?.value.baseValue ?? 0) - 5) < 1e-12)
    #expect(rising.values[2004]?.flags.contains(.extrapolated) == true)
    let falling = TimeSeriesFiller(years: 1999...2004, methods: [.trend(window: 3)]).fill(Self.series([2000: 3, 2001: 2, 2002: 1]))
    #expect(abs((falling.values[1999]?.value.baseValue ?? 0) - 4) < 1e-12)
    #expect(falling.values[2004]?.value.baseValue == 0)
    #expect(falling.values[2004]?.steps.last?.contains("set to 0") == true)
  }

  @Test func trendLeavesInteriorGapsToTheNextMethod() {
    let filled = TimeSeriesFiller(years: 2000...2003, methods: [.trend(window: 2), .linear]).fill(Self.series([2000: 1, 2003: 4]))
    #expect(filled.values[2001]?.flags.contains(.interpolated) == true)
    #expect(filled.values[2001]?.value.baseValue == 2)
  }

  @Test func methodsApplyInOrderEachFillingWhatIsLeft() {
    // Overlap fills 2000 from the second source; carry-forward then fills 2003, which neither gives.
    let filled = TimeSeriesFiller(years: 2000...2003, methods: [.overlap(years: nil), .carryForward]).fill(
      Self.series([2001: 2, 2002: 4]), secondary: [("b", Self.series([2000: 1, 2001: 1, 2002: 2]))])
    #expect(filled.values[2000]?.value.baseValue == 2)
    #expect(filled.values[2000]?.flags.contains(.spliced) == true)
    #expect(filled.values[2003]?.value.baseValue == 4)
    #expect(filled.values[2003]?.flags.contains(.carriedForward) == true)
  }

  // MARK: - Through the reconciler

  static func row(_ year: Int, _ coal: Double, dataset: String) -> IndustryEnergyRecord {
    IndustryEnergyRecord(
      year: year, industryLabel: "Nonmetal Mineral Products", location: SourceLocation(file: "\(dataset).x", line: year - 1990),
      values: [.coal: ReconcilerTests.value(coal)], dataset: dataset)
  }

  @Test func twoDatasetsAreSplicedOntoThePrimary() throws {
    let rows = [Self.row(2000, 10, dataset: "yearbook"), Self.row(2001, 20, dataset: "yearbook"), Self.row(2001, 5, dataset: "ceads"), Self.row(2002, 6, dataset: "ceads")]
    let rules = TimeSeriesRules(primary: "ceads", methods: [.overlap(years: nil), .carryForward])
    let series = try Reconciler(years: 2000...2002, gapFilling: .carryForward, copiedYears: .flag, timeSeries: rules)
      .reconcile(ProvinceInputs(province: "p", energy: rows))
    #expect(series.fuels[.coal]?[2000]?.value.reportingValue == 2.5)  // 10 × 5/20
    #expect(series.fuels[.coal]?[2001]?.value.reportingValue == 5)
    #expect(series.findings.contains { $0.check == "time-series-spliced" && $0.message.contains("2000") })
  }

  @Test func twoDatasetsWithoutAPrimaryAreRefused() {
    let rows = [Self.row(2000, 10, dataset: "yearbook"), Self.row(2000, 5, dataset: "ceads")]
    #expect(throws: ReconciliationError.self) {
      try Reconciler(years: 2000...2000, gapFilling: .carryForward, copiedYears: .flag).reconcile(ProvinceInputs(province: "p", energy: rows))
    }
  }
}

/// The consistency checks, each failing and passing on a fixture made for it.
struct ConsistencyCheckTests {
  let checks = ConsistencyChecks(rules: ConsistencyRules(partsTolerance: 0.01, jump: 0.5, standardCoal: [.coal: 0.7143, .electricity: 0.1229]))

  static func fuel(_ values: [Int: Double], unit: ActivityUnit = ActivityUnit(.tenThousandTonnes)) -> [Int: ActivityValue] {
    values.mapValues { Traced(unit.amount($0)) }
  }

  @Test func partsAgainstTheirStatedTotal() {
    let location = SourceLocation(file: "inv.xlsx", cell: "'Liaoning2013'!B3")
    let totals = [
      StatedTotal(year: 2013, fuel: .coal, what: "sectors against Total Final Consumption", total: 100, sumOfParts: 100.5, partCount: 47, location: location),
      StatedTotal(year: 2013, fuel: .coke, what: "sectors against Total Final Consumption", total: 100, sumOfParts: 98, partCount: 47, location: location),
    ]
    let findings = checks.partsAgainstTotals(totals)
    #expect(findings.filter { $0.severity == .warning }.count == 1)
    #expect(findings.contains { $0.severity == .warning && $0.message.contains("Coke") && $0.message.contains("-2.0 %") && $0.location == location })
    #expect(findings.contains { $0.severity == .note && $0.message.contains("2 stated totals") && $0.message.contains("1 outside") })
  }

  @Test func fuelsInStandardCoalAgainstTheTotalColumn() {
    // 100 × 10⁴ t coal × 0.7143 + 10 × 10⁸ kWh × 0.1229 kgce/kWh = 71.43 + 12.29 = 83.72 × 10⁴ tce.
    let fuels: [Fuel: [Int: ActivityValue]] = [
      .coal: Self.fuel([2000: 100, 2001: 100]), .electricity: Self.fuel([2000: 10, 2001: 10], unit: ActivityUnit(.hundredMillionKilowattHours)),
    ]
    let total = Self.fuel([2000: 83.72, 2001: 90], unit: ActivityUnit(.tenThousandTonnesOfCoalEquivalent))
    let findings = checks.fuelsAgainstTotalEnergy(fuels, totalEnergy: total, firstRow: [:])
    #expect(findings.filter { $0.severity == .warning }.map(\.year) == [2001])
  }

  @Test func aFuelWithoutACoefficientSkipsTheTotalCheckWithANote() {
    let findings = checks.fuelsAgainstTotalEnergy([.coke: Self.fuel([2000: 1])], totalEnergy: Self.fuel([2000: 1], unit: ActivityUnit(.tenThousandTonnesOfCoalEquivalent)), firstRow: [:])
    #expect(findings.count == 1)
    #expect(findings[0].message.contains("no standard-coal coefficient for coke"))
  }

  @Test func zeroActivityWhileCementIsProduced() {
    let fuels: [Fuel: [Int: ActivityValue]] = [.coal: Self.fuel([2000: 5, 2001: 0, 2002: 5])]
    let cement: [Int: Traced<Quantity<Mass>>] = [2001: Traced(Quantity(baseValue: 1e6))]
    let findings = checks.zeroActivity(fuels, products: [.cement: cement])
    #expect(findings.contains { $0.severity == .warning && $0.year == 2001 && $0.message.contains("no fuel use at all") })
    #expect(findings.contains { $0.severity == .note && $0.message.contains("Coal is 0 in 2001") })
  }
}
