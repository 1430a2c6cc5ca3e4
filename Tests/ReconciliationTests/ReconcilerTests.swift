import CementModel
import Testing

@testable import Reconciliation

struct ReconcilerTests {
  static func value(_ v: Double?, line: Int = 5, unit: ActivityUnit = ActivityUnit(.tenThousandTonnes)) -> Traced<ActivityAmount?> {
    let source = SourceRecord(location: SourceLocation(file: "t.csv", line: line, column: 2), originalText: v.map { "\($0)" } ?? "…", originalUnit: "万吨", label: "煤炭")
    return Traced(v.map { unit.amount($0) }, sources: [source], flags: v == nil ? [.notAvailable] : [])
  }

  static func row(_ year: Int, _ values: [Fuel: Double?], file: String = "t.csv") -> IndustryEnergyRecord {
    IndustryEnergyRecord(
      year: year, industryLabel: "非金属矿物制品业", location: SourceLocation(file: file, line: year - 1990),
      values: values.mapValues { value($0) })
  }

  static func inputs(_ rows: [IndustryEnergyRecord]) -> ProvinceInputs { ProvinceInputs(province: "p", energy: rows) }

  func reconciler(_ gap: GapFilling = .carryForward, copied: CopiedYearRule = .flag, years: ClosedRange<Int> = 2000...2003) -> Reconciler {
    Reconciler(years: years, gapFilling: gap, copiedYears: copied)
  }

  @Test func carryForwardFillsAMissingYearAndSaysSo() throws {
    let series = try reconciler().reconcile(Self.inputs([Self.row(2000, [.coal: 1]), Self.row(2001, [.coal: 2]), Self.row(2003, [.coal: 4])]))
    let filled = try #require(series.fuels[.coal]?[2002])
    #expect(filled.value.reportingValue == 2)
    #expect(filled.flags.contains(.carriedForward))
    #expect(filled.steps.last?.contains("carried forward from 2001") == true)
    #expect(filled.sources.first?.location.line == 5)
    #expect(series.findings.contains { $0.check == "gap-filled" && $0.year == 2002 })
  }

  @Test func linearInterpolatesBetweenNeighbours() throws {
    let series = try reconciler(.linear).reconcile(Self.inputs([Self.row(2000, [.coal: 1]), Self.row(2001, [.coal: 2]), Self.row(2003, [.coal: 5])]))
    let filled = try #require(series.fuels[.coal]?[2002])
    #expect(abs(filled.value.reportingValue - 3.5) < 1e-12)
    #expect(filled.flags.contains(.interpolated))
    #expect(filled.sources.count == 2)
  }

  @Test func aMissingFirstYearCannotBeCarriedForward() {
    #expect(throws: ReconciliationError.self) {
      try reconciler().reconcile(Self.inputs([Self.row(2001, [.coal: 2]), Self.row(2002, [.coal: 3]), Self.row(2003, [.coal: 4])]))
    }
  }

  @Test func aYearEqualToThePreviousInEveryFuelIsFlagged() throws {
    let rows = [
      Self.row(2000, [.coal: 1, .coke: 5]), Self.row(2001, [.coal: 2, .coke: 6]), Self.row(2002, [.coal: 2, .coke: 6]),
      Self.row(2003, [.coal: 4, .coke: 8]),
    ]
    let flagged = try reconciler().reconcile(Self.inputs(rows))
    #expect(flagged.fuels[.coal]?[2002]?.flags.contains(.copiedYear) == true)
    #expect(flagged.fuels[.coal]?[2001]?.flags.contains(.copiedYear) == false)
    #expect(flagged.findings.contains { $0.check == "copied-year" && $0.year == 2002 })

    let refilled = try reconciler(.linear, copied: .treatAsGap).reconcile(Self.inputs(rows))
    #expect(refilled.fuels[.coal]?[2002]?.value.reportingValue == 3)
    #expect(refilled.fuels[.coal]?[2002]?.flags.contains(.interpolated) == true)
  }

  @Test func aYearDifferingInOneFuelIsNotCopied() throws {
    let rows = [Self.row(2000, [.coal: 1, .coke: 5]), Self.row(2001, [.coal: 1, .coke: 6]), Self.row(2002, [.coal: 1, .coke: 7]), Self.row(2003, [.coal: 1, .coke: 8])]
    let series = try reconciler().reconcile(Self.inputs(rows))
    #expect(!series.findings.contains { $0.check == "copied-year" })
  }

  @Test func conflictingDuplicateRowsAreRefusedIdenticalOnesNoted() throws {
    let base = [Self.row(2000, [.coal: 1]), Self.row(2001, [.coal: 2]), Self.row(2002, [.coal: 3]), Self.row(2003, [.coal: 4])]
    let error = #expect(throws: ReconciliationError.self) {
      try reconciler().reconcile(Self.inputs(base + [Self.row(2001, [.coal: 9], file: "other.csv")]))
    }
    #expect(error?.message.contains("other.csv") == true)
    let series = try reconciler().reconcile(Self.inputs(base + [Self.row(2001, [.coal: 2], file: "other.csv")]))
    #expect(series.findings.contains { $0.check == "duplicate" })
  }

  @Test func aYearOutsideTheMethodologyIsAnError() {
    let error = #expect(throws: ReconciliationError.self) {
      try reconciler().reconcile(Self.inputs([Self.row(1999, [.coal: 1]), Self.row(2000, [.coal: 1])]))
    }
    #expect(error?.message.contains("1999 lies outside the methodology's years 2000-2003") == true)
  }

  @Test func componentsAreSummedOnlyWithoutATotal() throws {
    let parts: [Fuel: Double?] = ["raw_coal": 1, "cleaned_coal": 2]
    let years = 2000...2000
    let summed = try reconciler(years: years).reconcile(Self.inputs([Self.row(2000, parts)]))
    #expect(summed.fuels[.coal]?[2000]?.value.reportingValue == 3)
    #expect(summed.fuels[.coal]?[2000]?.flags.contains(.summedFromComponents) == true)
    #expect(summed.fuels["raw_coal"] == nil)

    var withTotal = parts
    withTotal[.coal] = 10
    let totalled = try reconciler(years: years).reconcile(Self.inputs([Self.row(2000, withTotal)]))
    #expect(totalled.fuels[.coal]?[2000]?.value.reportingValue == 10)
    #expect(totalled.findings.contains { $0.check == "component-not-summed" })
  }

  @Test func componentsWithTheirOwnFactorsStaySeparate() throws {
    let parts: [Fuel: Double?] = ["raw_coal": 1, "cleaned_coal": 2]
    let reconciler = Reconciler(years: 2000...2000, gapFilling: .carryForward, copiedYears: .flag, componentsWithFactors: ["raw_coal", "cleaned_coal"])
    let series = try reconciler.reconcile(Self.inputs([Self.row(2000, parts)]))
    #expect(series.fuels["raw_coal"]?[2000]?.value.reportingValue == 1)
    #expect(series.fuels["cleaned_coal"]?[2000]?.value.reportingValue == 2)
    #expect(series.fuels[.coal] == nil)

    let onlyOne = Reconciler(years: 2000...2000, gapFilling: .carryForward, copiedYears: .flag, componentsWithFactors: ["raw_coal"])
    #expect(try onlyOne.reconcile(Self.inputs([Self.row(2000, parts)])).fuels[.coal]?[2000]?.value.reportingValue == 3)
  }

  @Test func anUnavailableCellIsAGapForThatFuel() throws {
    let rows = [Self.row(2000, [.coal: 1, .coke: 1]), Self.row(2001, [.coal: nil, .coke: 2]), Self.row(2002, [.coal: 3, .coke: 3]), Self.row(2003, [.coal: 4, .coke: 4])]
    let series = try reconciler().reconcile(Self.inputs(rows))
    #expect(series.fuels[.coal]?[2001]?.value.reportingValue == 1)
    #expect(series.fuels[.coal]?[2001]?.flags.contains(.carriedForward) == true)
    // Filled, with a warning naming the cell.
    let warning = try #require(series.findings.first { $0.check == "gap-filled" && $0.year == 2001 })
    #expect(warning.severity == .warning)
    #expect(warning.description == "t.csv:5:2: warning: Coal 2001: the cell gives no value; filled by carry-forward")
  }

  @Test func withoutGapFillingAnUnavailableCellStaysAGap() throws {
    let rows = [Self.row(2000, [.coal: 1, .coke: 1]), Self.row(2001, [.coal: nil, .coke: 2]), Self.row(2002, [.coal: 3, .coke: 3]), Self.row(2003, [.coal: 4, .coke: 4])]
    let series = try reconciler(.none).reconcile(Self.inputs(rows))
    #expect(series.fuels[.coal]?[2001] == nil)
    #expect(series.fuels[.coke]?[2001]?.value.reportingValue == 2)
    let warning = try #require(series.findings.first { $0.check == "not-available" })
    #expect(warning.description == "t.csv:5:2: warning: Coal has no value for 2001 and the methodology fills no gap: not available, so the totals of 2001 are incomplete (without it)")
    #expect(!series.findings.contains { $0.check == "gap-filled" })
  }

  @Test func aFuelThatCannotBeFilledIsOneWarningListingItsYears() throws {
    let rows = [
      Self.row(2000, [.coal: nil, .coke: 1]), Self.row(2001, [.coal: nil, .coke: 2]), Self.row(2002, [.coal: 3, .coke: 3]),
      Self.row(2003, [.coal: 4, .coke: 4]),
    ]
    let series = try reconciler().reconcile(Self.inputs(rows))
    let warnings = series.findings.filter { $0.check == "not-available" }
    #expect(warnings.map(\.message) == ["Coal has no value for 2000–2001 and carry-forward cannot fill them: not available, so the totals of 2000–2001 are incomplete (without it)"])
    #expect(warnings.first?.year == 2000)
    #expect(series.fuels[.coal]?[2000] == nil)
  }
}

struct PlausibilityTests {
  @Test func aValueAboveTheNationalScaleIsRefusedWithItsCell() {
    let row = ReconcilerTests.row(2000, [.coal: 600_000])
    let error = #expect(throws: ReconciliationError.self) {
      try Reconciler(years: 2000...2000, gapFilling: .carryForward, copiedYears: .flag).reconcile(ReconcilerTests.inputs([row]))
    }
    #expect(error?.location == SourceLocation(file: "t.csv", line: 5, column: 2))
    #expect(error?.message.hasPrefix("Coal in 2000 is 600000 × 10⁴ t (read \"600000.0\" in 万吨), more than China's whole national use") == true)
    #expect(error?.hint?.contains("万吨") == true)
  }
}
