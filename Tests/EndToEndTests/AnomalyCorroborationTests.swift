import Foundation
import Testing

/// The bundled Liaoning tables under a methodology with standard-coal coefficients: the level
/// shifts of coke (2016) and crude oil (2002) move the table's total energy (tce) column too, so
/// they are confirmed changes (notes), not warnings as under study-2025, which has no coefficients.
@Suite(.serialized) struct AnomalyCorroborationTests {
  @Test func theTotalEnergyColumnConfirmsTheBundledLevelShifts() throws {
    let output = BadInputTests.freshOutput()
    defer { try? FileManager.default.removeItem(atPath: output) }
    let result = try CLITests.run(["run", "--methodology", "allocation-proxy", "--format", "md", "--output", output])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stdout.contains("Coke 2016"), "\(result.stdout)")
    let report = try String(contentsOfFile: output + "/liaoning/allocation-proxy/report.md", encoding: .utf8)
    #expect(
      report.contains(
        "Coke 2016: 21.59 10⁴ t, expected 212.2–521.8: confirmed-change (note level), score 19.5, 14.9 % of the province's CO₂; "
          + "confirmed by the table's total energy (tce) (kept and flagged)"), "\(report)")
  }
}
