import Foundation
import Testing

/// `verify --published ceads-emission-inventory` and the study's conventions against the
/// default in the national report, end to end on the real CEADs workbooks.
@Suite(
  "CEADs emission inventory and ceads-national, end to end", .serialized,
  .enabled(if: CEADsFolder.available && FileManager.default.fileExists(atPath: CEADsFolder.url.appendingPathComponent("emission-inventory").path),
    Comment(rawValue: CEADsFolder.skipMessage)))
struct CEADsInventoryCLITests {
  @Test func verifyAgainstTheEmissionInventoryNamesWhatItFinds() throws {
    let result = try CLITests.run([
      "verify", "--published", "ceads-emission-inventory", "--inputs", CEADsFolder.argument, "--years", "2013-2014",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("CEADs emission inventory (2 workbooks) against ceads-national: 30 provinces, 2013–2014"), "\(result.stdout)")
    #expect(result.stdout.contains("province-years"), "\(result.stdout)")
    // Shandong's two files disagree; coke-oven gas is a factor ratio, with both factors.
    #expect(result.stdout.contains("shandong 2013: account ÷ CEADs"), "\(result.stdout)")
    #expect(result.stdout.contains("raw_coal activity-disagreement"), "\(result.stdout)")
    #expect(result.stdout.contains("coke_oven_gas: factor-ratio"), "\(result.stdout)")
    #expect(result.stdout.contains("the inventory's factor 11.5297 t CO₂ per t (gases: per 10⁴ m³) against the account's 8.8638"))
    #expect(result.stdout.contains("process: process-basis"), "\(result.stdout)")
  }

  @Test func anUnknownPublishedSourceIsAnErrorNamingTheKnownOnes() throws {
    let result = try CLITests.run(["verify", "--published", "ceads-emissions"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("unknown published source 'ceads-emissions'"), "\(result.stderr)")
    #expect(result.stderr.contains("known: tables, ceads-emission-inventory"), "\(result.stderr)")
  }

  @Test func theStudysConventionsAreAttributedAgainstTheDefaultInTheNationalReport() throws {
    let scratch = try CEADsFolder.scratch()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let result = try CLITests.run([
      "batch", "--inputs", CEADsFolder.argument, "--province", "liaoning", "--methodology", "ceads-provincial", "--format", "md",
      "--output", scratch.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let markdown = try String(contentsOf: scratch.appendingPathComponent("national/ceads-provincial/national.md"), encoding: .utf8)
    #expect(markdown.contains("- **Process basis**: 0.525 t CO₂ per tonne applied to cement output (clinker taken as cement, the study's convention)."))
    #expect(markdown.contains("other\\_coking\\_products (1)") && markdown.contains("other\\_gas (1)"), "\(markdown)")
    #expect(markdown.contains("## Against ceads-national"))
    #expect(markdown.contains("| process basis | factors | grid | fuels | other choices |"))
    // Each year's parts add up to its difference (to the printed rounding).
    let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| 20") && $0.split(separator: "|").count == 10 }
    #expect(rows.count == 12, "\(rows)")
    for row in rows {
      let cells = row.split(separator: "|").map { Double($0.trimmingCharacters(in: .whitespaces)) ?? .nan }
      let parts = cells[5...9].reduce(0, +)
      #expect(abs(parts - cells[3]) <= 0.03, "\(row)")
    }
  }
}
