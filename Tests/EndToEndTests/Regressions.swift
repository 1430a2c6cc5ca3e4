import Foundation
import Testing

/// Bugs found by running the tool, each pinned by the case that showed it.
struct RegressionTests {
  /// `--output a` (one character, relative) crashed in Foundation's `deletingLastPathComponent`.
  @Test func aOneCharacterOutputFolderWorks() throws {
    let folder = try CLITests.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLITests.run(["run", "--output", "a", "--format", "csv"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("a/liaoning/study-2025/emissions.csv").path))
  }
}

/// `--years` accounts a shorter period than the methodology's.
struct YearsOptionTests {
  @Test func yearsNarrowThePeriod() throws {
    let folder = try CLITests.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLITests.run(["run", "--output", "out", "--format", "csv", "--years", "2010-2015"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("2010–2015, 6 years"))
    let csv = try String(contentsOf: folder.appendingPathComponent("out/liaoning/study-2025/emissions.csv"), encoding: .utf8)
    #expect(csv.split(separator: "\n").count == 1 + 6 * 10)
  }

  @Test func aMalformedRangeIsRefused() throws {
    let result = try CLITests.run(["run", "--years", "2015-2010"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("--years"))
  }
}
