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
