import Accounting
import CementModel
import Foundation
import Pipeline
import Testing

@testable import Writers

/// The national summary and its writers, on two provinces made from the bundled inputs: the
/// bundled Liaoning account, and the same inputs scaled by ½ under another name, so that
/// every expected figure follows from the bundled account by hand.
struct NationalWriterTests {
  static func accounts() throws -> (liaoning: Account, half: Account, methodology: Methodology) {
    let pipeline = Pipeline(inputs: BundledRun.repository + "/Inputs")
    let methodology = try pipeline.methodology("study-2025")
    let inputs = try pipeline.importProvince("liaoning")
    let halved = ProvinceInputs(
      province: "halfland",
      energy: inputs.energy.map { record in
        IndustryEnergyRecord(
          year: record.year, industryLabel: record.industryLabel, location: record.location,
          values: record.values.mapValues { traced in Traced(traced.value.map { $0.scaled(by: 0.5) }, sources: traced.sources, flags: traced.flags) },
          dataset: record.dataset)
      },
      products: inputs.products.map { record in
        ProductRecord(
          year: record.year, product: record.product,
          output: Traced(record.output.value.map { $0 * 0.5 }, sources: record.output.sources, flags: record.output.flags),
          dataset: record.dataset)
      })
    return (try Pipeline.account(inputs, methodology: methodology), try Pipeline.account(halved, methodology: methodology), methodology)
  }

  @Test func provincesAreRankedAndSummedPerYear() throws {
    let (liaoning, half, methodology) = try Self.accounts()
    let summary = NationalSummary(accounts: [half, liaoning], methodology: methodology)
    #expect(summary.provinces.map(\.province) == ["liaoning", "halfland"])
    #expect(summary.provinces.map(\.rank) == [1, 2])
    let total2013 = try #require(liaoning[2013]).total(.total).baseValue
    let row = try #require(summary.byYear.first { $0.year == 2013 })
    #expect(row.provinces == 2)
    #expect(abs((row.totals[.total]?.baseValue ?? 0) - 1.5 * total2013) <= 1e-9 * total2013)
    // Halving every activity halves every figure and leaves the intensity as it was.
    let (first, second) = (summary.provinces[0], summary.provinces[1])
    #expect(abs(second.total.baseValue - first.total.baseValue / 2) <= 1e-9 * first.total.baseValue)
    #expect(abs((second.intensity ?? 0) - (first.intensity ?? 1)) <= 1e-12)
    #expect(second.peakYear == first.peakYear)
  }

  @Test func checksAreTalliedPerCheckAndSeverityAcrossProvinces() throws {
    let (liaoning, half, methodology) = try Self.accounts()
    let summary = NationalSummary(accounts: [liaoning, half], methodology: methodology)
    let filled = liaoning.findings.filter { $0.check == "gap-filled" }
    #expect(!filled.isEmpty)
    let tally = try #require(summary.checks.first { $0.check == "gap-filled" && $0.severity == filled[0].severity })
    #expect(tally.provinces == ["halfland", "liaoning"])
    #expect(tally.findings == 2 * filled.filter { $0.severity == tally.severity }.count)
    // Warnings come before notes.
    let severities = summary.checks.map(\.severity)
    #expect(severities == severities.sorted(by: >))
  }

  @Test func theReportListsPatternsWithoutATrailingSeparatorAndTheChecksAndFailures() throws {
    let (liaoning, half, methodology) = try Self.accounts()
    let summary = NationalSummary(accounts: [liaoning, half], methodology: methodology)
    let template = try String(contentsOfFile: BundledRun.repository + "/Templates/national.en.md.mustache", encoding: .utf8)
    let text = try NationalWriter.markdown(
      summary, failures: [NationalWriter.Failure(province: "atlantis", message: "no inputs for province 'atlantis'")], template: template,
      templateName: "national.en.md.mustache")
    let patterns = try #require(text.split(separator: "\n").first { $0.hasPrefix("Stage patterns: ") })
    #expect(patterns == "Stage patterns: \(summary.provinces[0].pattern) (2).")
    #expect(text.contains("## 3. Anomalies"))
    #expect(text.contains("## 4. What the checks found"))
    #expect(text.contains("| gap-filled |"))
    #expect(text.contains("## 5. Provinces not accounted"))
    #expect(text.contains("- **atlantis**: no inputs for province 'atlantis'"))
  }

  @Test func theWorkbookHasAChecksSheet() throws {
    let (liaoning, half, methodology) = try Self.accounts()
    let summary = NationalSummary(accounts: [liaoning, half], methodology: methodology)
    let scratch = try WorkbookScratch()
    defer { scratch.remove() }
    let path = scratch.file("national.xlsx")
    try NationalWriter.workbook(summary, failures: [], to: path)
    let workbook = try StoredWorkbook(path)
    #expect(workbook.sheetNames == ["Provinces", "National", "Checks", "Anomalies", "Notes"])
    let cells = try workbook.cells("Checks")
    #expect(cells["A3"]?.text == "Check")
    let rows = (0..<summary.checks.count).map { 4 + $0 }
    #expect(rows.map { cells["A\($0)"]?.text } == summary.checks.map(\.check))
    #expect(rows.map { cells["C\($0)"]?.number } == summary.checks.map { Double($0.findings) })
  }
}
