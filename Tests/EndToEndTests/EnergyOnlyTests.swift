import Foundation
import Testing

/// Energy tables without a products table: combustion and electricity are accounted, process
/// is not available (with the reason), never 0 and never an error.
@Suite(.serialized) struct EnergyOnlyTests {
  @Test func energyTablesAloneGiveCombustionAndElectricity() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cement-accounts-energy-only-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let inputs = folder.appendingPathComponent("Inputs")
    try FileManager.default.copyItem(at: CLITests.repository.appendingPathComponent(BadInputTests.fixtures + "/valid"), to: inputs)
    try FileManager.default.removeItem(at: inputs.appendingPathComponent("yearbook/testland/products.csv"))
    let result = try CLITests.run(
      ["run", "--inputs", "Inputs", "--province", "testland", "--methodology", "tiny", "--format", "csv", "--output", "out"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("warning: no products table (cement or clinker output): process CO₂ is not available"), "\(result.stdout)")
    #expect(result.stdout.contains("process not available)"), "\(result.stdout)")
    let csv = try String(contentsOf: folder.appendingPathComponent("out/testland/tiny/emissions.csv"), encoding: .utf8)
    #expect(csv.contains("testland,tiny,2000,combustion,coal,"))
    #expect(csv.contains("testland,tiny,2000,electricity,electricity,"))
    #expect(!csv.contains(",process,"))
  }
}
