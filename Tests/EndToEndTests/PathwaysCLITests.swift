import Foundation
import Testing

/// `pathways` end to end: its help, its outputs, and a bad scenario that writes nothing.
@Suite(.serialized) struct PathwaysCLITests {
  @Test func helpTeachesTheOutputs() throws {
    let result = try CLITests.run(["pathways", "--help"])
    #expect(result.status == 0)
    for text in ["decomposition.csv", "pathways.csv", "--scenario", "Inputs/scenarios/README.md", "baseline - scenario"] {
      #expect(result.stdout.contains(text), "\(text)")
    }
  }

  @Test func writesTheOutputs() throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("pathways-e2e-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    let result = try CLITests.run(["pathways", "--scenario", "study-pathway", "--output", output.path])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Stage 3: decline and stabilisation (2013→2022)"))
    let folder = output.appendingPathComponent("liaoning/study-2025")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(files == ["decomposition.csv", "pathways-waterfall.svg", "pathways-wedges.svg", "pathways.csv", "pathways.md", "pathways.xlsx"])
    let csv = try String(contentsOf: folder.appendingPathComponent("pathways.csv"), encoding: .utf8)
    #expect(csv.hasPrefix("province,methodology,scenario,year,scope,source,tco2\n"))
    #expect(csv.contains("liaoning,study-2025,study-pathway,2060,wedge,ccus,"))
  }

  @Test func badScenarioWritesNothing() throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("pathways-bad-\(UUID().uuidString)")
    let scenario = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).yaml")
    defer { try? FileManager.default.removeItem(at: scenario) }
    try "source: t\nend_year: 2060\nlevers:\n  ccus_capture_rate:\n    source: t\n    path:\n      - { year: 2030, value: 1.2 }\n"
      .write(to: scenario, atomically: true, encoding: .utf8)
    let result = try CLITests.run(["pathways", "--scenario", scenario.path, "--output", output.path])
    #expect(result.status != 0)
    #expect(result.stderr.contains("\(scenario.path):7:"))
    #expect(result.stderr.contains("error: 'ccus_capture_rate' in 2030 is 1.2 share: a share or rate must lie within 0…1"))
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }
}
