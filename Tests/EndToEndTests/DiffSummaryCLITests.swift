import Foundation
import Testing

/// What `diff` prints: the years and figures that changed most, "no change", and years missing on one side.
@Suite(.serialized) struct DiffSummaryCLITests {
  typealias CLI = CLITests

  @Test func theSummaryListsTheYearsThatChangedNotFixedOnes() throws {
    let folder = try CLI.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run(["diff", "study-2025", "gap-linear", "--output", "d"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    // gap-linear changes only 2008 and 2018 (interpolated rather than carried forward).
    #expect(result.stdout.contains("years with the largest changes of the total (10⁴ t CO₂):\n    2018: 4110.73 → 4296.90 (+186.17, +4.53 %)\n    2008:"), "\(result.stdout)")
    #expect(result.stdout.contains("2008 combustion Fuel Oil:") && !result.stdout.contains("fuel_oil"), "\(result.stdout)")
    #expect(!result.stdout.contains("2000:") && !result.stdout.contains("2013:") && !result.stdout.contains(" Mt"), "\(result.stdout)")
    #expect(result.stdout.contains("figures with the largest changes (10⁴ t CO₂), 5 of 16:\n    2018 combustion Coal: 1713.17 → 1884.99 (+171.82, +10.03 %)"))
    // The exact parts in grams are in the CSV, and add up to each figure's change.
    let csv = try String(contentsOf: folder.appendingPathComponent("d/diff-attribution.csv"), encoding: .utf8)
    #expect(csv.hasPrefix("year,scope,source,group,part_gCO2\n"))
    let coal2018 = try #require(csv.split(separator: "\n").first { $0.hasPrefix("2018,combustion,coal,") })
    let grams = try #require(Int64(coal2018.split(separator: ",").last ?? ""))
    #expect(abs(Double(grams) / 1e6 - 1_718_200) < 100, "\(coal2018)")  // +171.82 × 10⁴ t
  }

  @Test func identicalRunsSayNoChange() throws {
    let folder = try CLI.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try CLI.run(["run", "--format", "csv", "xlsx", "--output", "a"], in: folder).status == 0)
    let result = try CLI.run(["diff", "a/liaoning/study-2025", "a/liaoning/study-2025", "--output", "d"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("  no change: every figure"), "\(result.stdout)")
    #expect(!result.stdout.contains("largest changes"))
  }

  @Test func aYearMissingOnOneSideIsSaidToBeMissing() throws {
    let folder = try CLI.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try CLI.run(["run", "--format", "csv", "xlsx", "--output", "a"], in: folder).status == 0)
    #expect(try CLI.run(["run", "--format", "csv", "xlsx", "--years", "2001-2022", "--output", "b"], in: folder).status == 0)
    let result = try CLI.run(["diff", "a/liaoning/study-2025", "b/liaoning/study-2025", "--output", "d"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("  2000: missing in b/liaoning/study-2025 (a/liaoning/study-2025: total "), "\(result.stdout)")
    #expect(!result.stdout.contains("−100") && !result.stdout.contains("-100.00 %"), "\(result.stdout)")
  }
}
