import Foundation
import Testing

/// The binary needs nothing beside it: from a folder with no `Templates/` and no
/// `Inputs/methodologies/`, it reads the templates and methodologies built into it.
@Suite(.serialized) struct RunsAnywhereTests {
  /// An empty scratch folder with a copy of the bundled yearbook and published tables only.
  static func emptyFolderWithInputs() throws -> (folder: URL, inputs: URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cement-accounts-anywhere-\(UUID().uuidString)")
    let inputs = folder.appendingPathComponent("data/Inputs")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    for item in ["yearbook", "published"] {
      try FileManager.default.copyItem(
        at: CLITests.repository.appendingPathComponent("Inputs/\(item)"), to: inputs.appendingPathComponent(item))
    }
    let work = folder.appendingPathComponent("work")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    return (work, inputs)
  }

  @Test func runFromAnyFolderUsesTheBuiltInTemplatesAndMethodologies() throws {
    let (work, inputs) = try Self.emptyFolderWithInputs()
    defer { try? FileManager.default.removeItem(at: work.deletingLastPathComponent()) }
    let result = try CLITests.run(["run", "--inputs", inputs.path, "--methodology", "gap-linear", "--output", "out"], in: work)
    #expect(result.status == 0, "\(result.stderr)")
    let folder = work.appendingPathComponent("out/liaoning/gap-linear")
    for file in ["emissions.csv", "workbook.xlsx", "report.md", "report-figure.svg", "index.md"] {
      #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file)")
    }
    let index = try String(contentsOf: folder.appendingPathComponent("index.md"), encoding: .utf8)
    #expect(index.contains("cement-accounts run --inputs"))
    #expect(index.contains("workbook.xlsx"))
  }

  @Test func anInputsFoldersOwnMethodologyOverridesTheBuiltInOne() throws {
    let (work, inputs) = try Self.emptyFolderWithInputs()
    defer { try? FileManager.default.removeItem(at: work.deletingLastPathComponent()) }
    let own = inputs.appendingPathComponent("methodologies")
    try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
    let text = try String(contentsOf: CLITests.repository.appendingPathComponent("Inputs/methodologies/study-2025.yaml"), encoding: .utf8)
    try text.replacingOccurrences(of: "name: study-2025", with: "name: own-study").write(
      to: own.appendingPathComponent("study-2025.yaml"), atomically: true, encoding: .utf8)
    let result = try CLITests.run(["run", "--inputs", inputs.path, "--format", "csv", "--output", "out"], in: work)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("liaoning · own-study"), "\(result.stdout)")
    #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("out/liaoning/own-study/emissions.csv").path))
  }

  @Test func versionIsPrinted() throws {
    let result = try CLITests.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).first?.isNumber == true)
  }
}
