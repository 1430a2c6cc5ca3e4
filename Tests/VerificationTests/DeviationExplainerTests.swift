import Accounting
import CementModel
import Foundation
import Pipeline
import Testing

@testable import Verification

/// The deviation explainer on a made-up clean table with one fault planted at a time, then
/// through the verifier on the bundled study.
struct DeviationExplainerTests {
  static let years = Array(2000...2022)

  /// Irregular, never-repeating series (10⁴ t CO₂, cement and clinker in 10⁴ t).
  static func series(_ base: Double, _ trend: Double, _ wiggle: Double, _ phase: Double) -> [Int: Double] {
    Dictionary(uniqueKeysWithValues: years.map { y in
      let i = Double(y - 2000)
      return (y, base + trend * i + wiggle * sin(1.7 * i + phase))
    })
  }
  static let cement = series(1950, 160, 210, 0.3)
  /// A clinker-to-cement ratio falling from 0.80 to 0.58.
  static let clinkerRatio = Dictionary(uniqueKeysWithValues: years.map { ($0, 0.80 - 0.01 * Double($0 - 2000)) })
  static let clinker = Dictionary(uniqueKeysWithValues: years.map { ($0, cement[$0]! * clinkerRatio[$0]!) })
  static let recomputed: [(String, [Int: Double])] = [
    ("coal", series(1050, 45, 180, 0.0)),
    ("coke", series(70, 22, 40, 1.1)),
    ("diesel_oil", series(11, 2.1, 6, 2.0)),
    ("natural_gas", series(0.5, 1.2, 0.4, 0.7)),
    ("electricity", series(15, 4, 9, 2.6)),
    ("process", clinker.mapValues { 0.525 * $0 }),
  ]

  /// Printed to two decimals, as the study prints.
  static func printed(_ value: Double) -> Double { (value * 100).rounded() / 100 }

  /// The clean table, with `plant` changing the published value of a column in a year.
  static func evidence(plant: (String, Int, Double) -> Double? = { _, _, _ in nil }) -> DeviationEvidence {
    let columns = recomputed.map { name, values in
      let published = Dictionary(uniqueKeysWithValues: values.map { y, v in (y, printed(plant(name, y, v) ?? v)) })
      return ColumnComparison(name: name, published: published, recomputed: values, isProcess: name == "process")
    }
    return DeviationEvidence(columns: columns, inputs: [DeviationEvidence.cement: cement, DeviationEvidence.clinker: clinker])
  }
  static func value(_ column: String, _ year: Int) -> Double { recomputed.first { $0.0 == column }!.1[year]! }

  let explainer = DeviationExplainer(tolerance: 0.01)

  @Test func aCleanTableHasNoFindings() {
    #expect(explainer.explain(Self.evidence()).isEmpty)
  }

  @Test func aColumnTimesTenIsAUnitSlip() throws {
    let findings = explainer.explain(Self.evidence { column, _, v in column == "coke" ? v * 10 : nil })
    #expect(findings.count == 1)
    let finding = try #require(findings.first)
    #expect(finding.column == "coke")
    #expect(finding.kind == .unitSlip(powerOfTen: 1))
    #expect(finding.years == [2000...2022])
    let fit = try #require(finding.fit)
    #expect(abs(fit.mean - 10) < 0.001 && fit.maxDeviation < 0.01)
  }

  @Test func aMissingTimesTenFromSomeYearOnIsAUnitSlipOverThoseYears() throws {
    let findings = explainer.explain(Self.evidence { column, y, v in column == "electricity" && y >= 2011 ? v / 10 : nil })
    let finding = try #require(findings.only)
    #expect(finding.kind == .unitSlip(powerOfTen: -1))
    #expect(finding.years == [2011...2022])
    #expect(finding.explanation.contains("a missing ×10"))
    #expect(abs(finding.fit!.mean - 0.1) < 0.001)
  }

  @Test func oneCellTimesAHundredIsACellSlip() throws {
    let findings = explainer.explain(Self.evidence { column, y, v in column == "coal" && y == 2013 ? v * 100 : nil })
    let finding = try #require(findings.only)
    #expect(finding.column == "coal")
    #expect(finding.kind == .cellSlip(powerOfTen: 2))
    #expect(finding.years == [2013...2013])
  }

  @Test func twoSlippedCellsAreTooFewForAUnitSlip() {
    let findings = explainer.explain(Self.evidence { column, y, v in column == "coal" && (y == 2005 || y == 2006) ? v * 10 : nil })
    #expect(findings.map(\.kind) == [.cellSlip(powerOfTen: 1), .cellSlip(powerOfTen: 1)])
    #expect(findings.map(\.years) == [[2005...2005], [2006...2006]])
  }

  @Test func aYearRepeatingTheYearBeforeIsACopiedYear() throws {
    let findings = explainer.explain(Self.evidence { column, y, _ in y == 2015 ? Self.value(column, 2014) : nil })
    let finding = try #require(findings.only)
    #expect(finding.column == nil)
    #expect(finding.kind == .copiedYear(from: 2014))
    #expect(finding.years == [2015...2015])
    #expect(finding.columns.count == 6)
    #expect(finding.explanation.contains("the account does not"))
  }

  @Test func aProcessColumnOnCementIsTheFactorOnTheWrongBase() throws {
    let findings = explainer.explain(Self.evidence { column, y, _ in column == "process" ? 0.525 * Self.cement[y]! : nil })
    let finding = try #require(findings.only)
    #expect(finding.column == "process")
    #expect(finding.kind == .wrongBase(used: "cement", insteadOf: "clinker"))
    #expect(finding.years == [2000...2022])
    let fit = try #require(finding.fit)
    #expect(abs(fit.mean - 1) < 0.001 && fit.maxDeviation < 0.001)
    #expect(finding.explanation.contains("per tonne of clinker applied to cement output"))
  }

  @Test func rowsHoldingThePreviousYearAreShiftedYears() throws {
    // A row inserted at 2016 pushes 2016–2022 down a year (2016 then repeats 2015).
    let findings = explainer.explain(Self.evidence { column, y, _ in y >= 2016 ? Self.value(column, y - 1) : nil })
    #expect(findings.count == 2)
    let shifted = try #require(findings.first { $0.kind == .shiftedYears(by: -1) })
    #expect(shifted.column == nil)
    #expect(shifted.years == [2016...2022])
    #expect(abs(shifted.fit!.mean - 1) < 0.001)
    #expect(findings.contains { $0.kind == .copiedYear(from: 2015) && $0.years == [2016...2016] })
  }

  @Test func aColumnShiftedByAYearAlone() throws {
    let findings = explainer.explain(Self.evidence { column, y, _ in column == "coal" && y > 2000 ? Self.value(column, y - 1) : nil })
    let finding = try #require(findings.only)
    #expect(finding.column == "coal")
    #expect(finding.kind == .shiftedYears(by: -1))
    #expect(finding.years == [2001...2022])
  }

  @Test func aColumnHoldingAnothersValues() throws {
    let findings = explainer.explain(Self.evidence { column, y, _ in column == "diesel_oil" ? Self.value("electricity", y) : nil })
    let finding = try #require(findings.only)
    #expect(finding.kind == .otherColumn("electricity"))
    #expect(finding.years == [2000...2022])
  }

  @Test func carbonInsteadOfCO2() throws {
    let findings = explainer.explain(Self.evidence { column, _, v in column == "coke" ? v * 12 / 44 : nil })
    #expect(findings.only?.kind == .carbonForCO2)
  }

  @Test func anotherConstantFactorIsFittedWhenNoNamedOneFits() throws {
    // A grid factor of 0.605 where the account uses 0.6101.
    let findings = explainer.explain(Self.evidence { column, _, v in column == "electricity" ? v * 0.605 / 0.6101 : nil })
    let finding = try #require(findings.only)
    #expect(finding.kind == .otherFactor)
    #expect(abs(finding.fit!.mean - 0.605 / 0.6101) < 0.0005)
  }

  @Test func aPowerOfTenWithASlightlyDifferentFactorIsNamedAsBoth() throws {
    // A missing ×10 and a grid factor 3 % lower: too far from 0.1 for a plain unit slip.
    let findings = explainer.explain(Self.evidence { column, _, v in column == "electricity" ? v * 0.097 : nil })
    let finding = try #require(findings.only)
    #expect(finding.kind == .otherFactor)
    #expect(finding.explanation.contains("≈ 10^-1 × 0.970"))
    #expect(finding.explanation.contains("a missing ×10 in a unit conversion"))
    #expect(finding.explanation.contains("and a factor 3.0 % lower than the account's"))
  }

  @Test(arguments: [0.6, 0.75, 1 / 0.6])
  func aProcessColumnAtAClinkerRatioIsAProcessBasisFault(ratio: Double) throws {
    // No clinker methodology needed: a constant 0.6 (or its inverse) on the process column.
    let findings = explainer.explain(Self.evidence { column, _, v in column == "process" ? v * ratio : nil })
    let finding = try #require(findings.only)
    #expect(finding.kind == .processBasis)
    #expect(finding.explanation.contains("process-basis fault"))
    #expect(!finding.explanation.contains("grid factor"))
  }

  @Test func aFuelColumnAtTheSameRatioIsAnotherFactor() throws {
    let findings = explainer.explain(Self.evidence { column, _, v in column == "coal" ? v * 0.6 : nil })
    #expect(findings.only?.kind == .otherFactor)
  }

  @Test func aRatioFarFromAPowerOfTenIsNoPowerOfTen() throws {
    // Recomputed cells of about 0.008 published × 246.5 (about 2): within the absolute tolerance
    // 0.01 scaled by 10³ of 1000 × 0.008, but 75 % off 10³.
    let small = Dictionary(uniqueKeysWithValues: Self.years.map { y in (y, 0.008 + 0.004 * sin(Double(y))) })
    let column = ColumnComparison(name: "kerosene", published: small.mapValues { Self.printed($0 * 246.5) }, recomputed: small)
    let findings = explainer.explain(DeviationEvidence(columns: [column], inputs: [:]))
    #expect(!findings.contains { if case .unitSlip = $0.kind { true } else if case .cellSlip = $0.kind { true } else { false } })
    #expect(!findings.contains { $0.explanation.contains("(10^3)") })
  }

  @Test func aZeroCellIsNeverACellSlip() throws {
    let findings = explainer.explain(Self.evidence { column, y, _ in column == "diesel_oil" && y == 2011 ? 0 : nil })
    #expect(!findings.contains { if case .cellSlip = $0.kind { true } else { false } })
  }

  @Test func aLooseToleranceAcceptsWhatATightOneExplains() {
    // Noise of ±3 % on a ×10 column: found with 5 %, not with the default 1 %.
    let noisy = Self.evidence { column, y, v in column == "coal" ? v * 10 * (1 + 0.03 * sin(Double(y))) : nil }
    #expect(!explainer.explain(noisy).contains { $0.kind == .unitSlip(powerOfTen: 1) && $0.years == [2000...2022] })
    #expect(DeviationExplainer(tolerance: 0.01, relativeTolerance: 0.05).explain(noisy).only?.kind == .unitSlip(powerOfTen: 1))
  }

  @Test func aDeviationNoSuspectFitsIsLeftUnexplained() {
    #expect(explainer.explain(Self.evidence { column, y, v in column == "coal" && y == 2010 ? v + 37 : nil }).isEmpty)
  }

  @Test func aTotalWithoutOneOfItsParts() throws {
    var evidence = Self.evidence()
    let parts = evidence.columns.filter { $0.name != "process" }
    let stated = Dictionary(uniqueKeysWithValues: Self.years.map { y in
      (y, parts.filter { $0.name != "electricity" }.map { $0.published[y]! }.reduce(0, +))
    })
    evidence.totals = [TotalComparison(name: "energy", stated: stated, parts: parts.map(\.name), tolerance: 0.03)]
    let finding = try #require(explainer.explain(evidence).only)
    #expect(finding.kind == .totalNotSumOfParts)
    #expect(finding.years == [2000...2022])
    #expect(finding.explanation.contains("sum without electricity"))
  }

  @Test func aStatedArithmeticMeanOfAnnualRates() throws {
    let values = Dictionary(uniqueKeysWithValues: [(2000, 100.0), (2001, 150.0), (2002, 120.0), (2003, 180.0)].map {
      ($0.0, Quantity<CO2Mass>(baseValue: $0.1))
    })
    let rates = try #require(GrowthRates(values, from: 2000, to: 2003))
    // Annual rates +50 %, −20 %, +50 %: mean 26.67 %; compound 21.64 %.
    let growth = GrowthComparison(id: "g", series: "energy", method: .compound, statedPercent: 26.7, tolerance: 0.05, rates: rates)
    let finding = try #require(explainer.explain(DeviationEvidence(columns: [], growth: [growth])).only)
    #expect(finding.kind == .arithmeticMeanGrowth)
    #expect(finding.years == [2000...2003])
    #expect(abs(finding.fit!.mean - 26.667) < 0.001)
  }

  @Test func yearRuns() {
    #expect(YearRuns.runs([2005, 2000, 2001, 2002, 2007, 2006]) == [2000...2002, 2005...2007])
    #expect(YearRuns.text([2000...2002, 2005...2005]) == "2000–2002, 2005")
  }

  // MARK: - Through the verifier, on the bundled study

  @Test func theBundledStudyHasOnlyItsTwoCopiedYears() throws {
    let (account, table) = try VerifierTests.bundled()
    let report = Verifier().verify(account, against: table)
    #expect(report.explanations.map(\.kind) == [.copiedYear(from: 2007), .copiedYear(from: 2017)])
    #expect(report.explanations.map(\.years) == [[2008...2008], [2018...2018]])
    #expect(report.explanations.allSatisfy { !$0.columns.contains("process") })
    #expect(report.explanations.allSatisfy { $0.explanation.contains("the account repeats it too") })
    // The stated stage rates are neither compound nor arithmetic means, nor compound over a
    // period a year longer or shorter: nothing is claimed for them.
    #expect(!report.explanations.contains { $0.kind == .arithmeticMeanGrowth })
  }

  @Test func aPlantedElectricitySlipIsExplainedAndLeavesNothingUnexplained() throws {
    let (account, table) = try VerifierTests.bundled()
    var planted = table
    for year in 2011...2022 {
      let cell = try #require(table.cells.first { $0.year == year && $0.column == "electricity" })
      planted = VerifierTests.planting(planted, year: year, column: "electricity", value: Self.printed(cell.value / 10))
    }
    let report = Verifier().verify(account, against: planted)
    #expect(report.differingCells.count == 12)
    let slip = try #require(report.explanations.first { $0.column == "electricity" })
    #expect(slip.kind == .unitSlip(powerOfTen: -1))
    #expect(slip.years == [2011...2022])
    #expect(report.unexplainedCells.isEmpty)
  }

  @Test func verifyPrintsTheExplanationsUnderTheDeviations() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("explainer-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(atPath: VerifierTests.repository + "/Inputs", toPath: folder.path)
    let csv = folder.appendingPathComponent("published/liaoning/study-2025-tables-1-3.csv")
    let text = try String(contentsOf: csv, encoding: .utf8)
    try text.replacingOccurrences(of: "2013,2838.52,", with: "2013,283852.00,").write(to: csv, atomically: true, encoding: .utf8)
    let outcome = try Pipeline(inputs: folder.path).verify(province: "liaoning", methodology: nil, tolerance: nil)
    let lines = outcome.text.split(separator: "\n").map(String.init)
    let differs = try #require(lines.firstIndex { $0.contains("2013 coal: published 283852.00") })
    let explanations = try #require(lines.firstIndex { $0.hasPrefix("explanations: 3") })
    #expect(explanations > differs)
    #expect(lines.contains { $0.hasPrefix("  coal, 2013: cell-slip — this cell is recomputed × ") && $0.contains("(10^2)") })
    #expect(!outcome.text.contains("not explained"))
  }
}

extension Array {
  /// The element of a one-element array, nil otherwise.
  fileprivate var only: Element? { count == 1 ? first : nil }
}
