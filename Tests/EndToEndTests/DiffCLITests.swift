import Foundation
import Testing

/// `diff` and multi-methodology `run`, driven through the built binary on copies of the bundled inputs.
@Suite(.serialized) struct DiffCLITests {
  typealias CLI = CLITests

  @Test func runWritesOneFolderPerMethodology() throws {
    let folder = try CLI.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run(["run", "--methodology", "study-2025", "--methodology", "gap-linear", "--format", "csv", "--output", "out"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    for name in ["study-2025", "gap-linear"] {
      let csv = try String(contentsOf: folder.appendingPathComponent("out/liaoning/\(name)/emissions.csv"), encoding: .utf8)
      #expect(csv.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("liaoning,\(name),") })
    }
  }

  @Test func diffOfTwoMethodologiesWritesTheReportAndWorkbook() throws {
    let folder = try CLI.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run(["diff", "study-2025", "study-2025-clinker", "--output", "d"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("23 figure(s) changed"))
    #expect(result.stdout.contains("attribution over the period (10⁴ t CO₂): process method"))
    let markdown = try String(contentsOf: folder.appendingPathComponent("d/diff.md"), encoding: .utf8)
    #expect(markdown.contains("| process method | `process.clinker.ratio.2013` | 1 | 0.584 |"))
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("d/diff.xlsx").path))
    // The default folder names both sides.
    let again = try CLI.run(["diff", "study-2025", "gap-linear"], in: folder)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/diff/study-2025-vs-gap-linear/diff.md").path))
  }

  @Test func diffOfTwoRunFoldersNamesTheChangedInputCell() throws {
    let folder = try CLI.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try CLI.run(["run", "--format", "csv", "xlsx", "--output", "old"], in: folder).status == 0)
    try CLI.replace("1493.7229", with: "1500.0000", in: folder.appendingPathComponent("Inputs/yearbook/liaoning/energy-2013.csv"))
    #expect(try CLI.run(["run", "--format", "csv", "xlsx", "--output", "new"], in: folder).status == 0)
    let result = try CLI.run(["diff", "old/liaoning/study-2025", "new/liaoning/study-2025", "--output", "d"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("1 figure(s) changed"))
    #expect(result.stdout.contains("1 input file(s) differ; 1 activity value(s) changed"))
    let markdown = try String(contentsOf: folder.appendingPathComponent("d/diff.md"), encoding: .utf8)
    // Coal 2013: (1500 − 1493.7229) 10⁴ t × 1.90034 t CO₂/t = +11.93 10⁴ t CO₂.
    #expect(markdown.contains("| 2013 | 煤炭 Coal | 1493.7229 | 1500.0000 | 10⁴ t | Inputs/yearbook/liaoning/energy-2013.csv:3:3 | 1493.7229 → 1500.0000 | +11.9284 |"))
    #expect(markdown.contains("every change is due to the input data"))
  }

  @Test func aMissingRunFolderOrMethodologyIsNamedAndNothingIsWritten() throws {
    let folder = try CLI.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run(["diff", "study-2025", "no-such-methodology", "--output", "d"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("no methodology 'no-such-methodology'"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("d").path))
  }

  @Test func helpTeachesDiffWithExamples() throws {
    let result = try CLI.run(["diff", "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("cement-accounts diff study-2025 study-2025-clinker"))
    #expect(result.stdout.contains("--tolerance"))
  }
}
