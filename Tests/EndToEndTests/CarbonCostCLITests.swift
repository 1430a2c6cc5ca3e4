import Foundation
import Testing

/// `verify --published ets-cbam-2025`, `run`'s carbon-cost outputs and a broken market file.
@Suite(.serialized) struct CarbonCostCLITests {
  @Test func verifyPublishedReproducesTheSeedStudysSixteenCells() throws {
    let result = try CLITests.run(["verify", "--published", "ets-cbam-2025"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("16 of 16 cells agree exactly"))
    #expect(result.stdout.contains("464 / 235 = +197.4 %"))
    #expect(result.stdout.contains("2026 96, 2030 292, 2034 512"))
    #expect(result.stdout.contains("2026 584, 2030 962, 2034 1181"))
  }

  @Test func verifyPublishedFailsOnABrokenCell() throws {
    let folder = try CLITests.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    try CLITests.replace("with_cbam,profit,-299,", with: "with_cbam,profit,-298,", in: folder.appendingPathComponent("Inputs/published/ets-cbam-2025/tables-2-3.csv"))
    let result = try CLITests.run(["verify", "--published", "ets-cbam-2025"], in: folder)
    #expect(result.status == 1)
    #expect(result.stdout.contains("tables-2-3.csv:9: table 2 cement with_cbam profit: published -298.0, recomputed -299.0"), "\(result.stdout)")
    #expect(result.stdout.contains("15 of 16 cells agree exactly"))
  }

  @Test func verifyPublishedNamesTheKnownSources() throws {
    let result = try CLITests.run(["verify", "--published", "no-such-study"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("unknown published source 'no-such-study'") && result.stderr.contains("ets-cbam-2025"), "\(result.stderr)")
  }

  @Test func runWritesTheCarbonCost() throws {
    let folder = try CLITests.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLITests.run(["run", "--output", "out", "--format", "csv", "md"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let csv = try String(contentsOf: folder.appendingPathComponent("out/liaoning/study-2025/carbon-cost.csv"), encoding: .utf8)
    let lines = csv.split(separator: "\n")
    #expect(lines.first == "province,methodology,market,route,year,quantity,value,unit")
    #expect(lines.contains { $0.hasPrefix("liaoning,study-2025,china-ets,-,2022,balance,-") && $0.hasSuffix(",tCO2") })
    // The default route does not depend on the account: (1.420 × 1.3 − 0.666 × 0.515) × 75.36.
    let row = try #require(lines.first { $0.hasPrefix("liaoning,study-2025,eu-cbam,default,2030,cost_per_tonne_cement,") })
    let expected: Double = (1.42 * 1.3 - 0.666 * 0.515) * 75.36
    let value = try #require(Double(row.split(separator: ",")[6]))
    #expect(abs(value - expected) < 1e-9)
    #expect(!lines.contains { $0.contains("china-ets,-,2020,") })  // the ETS starts in 2021
    let report = try String(contentsOf: folder.appendingPathComponent("out/liaoning/study-2025/report.md"), encoding: .utf8)
    #expect(report.contains("What the carbon costs"))
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/liaoning/study-2025/carbon-cost-figure.svg").path))
  }

  @Test func aWhatIfPriceChangesTheCost() throws {
    let folder = try CLITests.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLITests.run(["run", "--output", "out", "--format", "csv", "--market", "eu-cbam", "--carbon-price", "100", "--exchange-rate", "7.5"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let csv = try String(contentsOf: folder.appendingPathComponent("out/liaoning/study-2025/carbon-cost.csv"), encoding: .utf8)
    let row = try #require(csv.split(separator: "\n").first { $0.hasPrefix("liaoning,study-2025,eu-cbam,default,2034,cost_per_tonne_cement_cny,") })
    let expected: Double = 1.42 * 1.3 * 100 * 7.5
    let value = try #require(Double(row.split(separator: ",")[6]))
    #expect(abs(value - expected) < 1e-9)
    #expect(!csv.contains("china-ets"))
  }

  @Test func aBrokenMarketFileWritesNothing() throws {
    let folder = try CLITests.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    try CLITests.replace("2022: {value: 57.05", with: "2022: {value: -57.05", in: folder.appendingPathComponent("Inputs/markets/china-ets.yaml"))
    let result = try CLITests.run(["run", "--output", "out"], in: folder)
    #expect(result.status == 1)
    #expect(result.stderr.contains("Inputs/markets/china-ets.yaml:"), "\(result.stderr)")
    #expect(result.stderr.contains("error: 'price.2022' is negative"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
  }
}

/// The national comparison of `batch`: the provinces side by side, ranked.
@Suite(.serialized, .enabled(if: CEADsFolder.available, Comment(rawValue: CEADsFolder.skipMessage)))
struct NationalCarbonCostCLITests {
  @Test func batchRanksTheProvincesCarbonCost() throws {
    let scratch = try CEADsFolder.scratch()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let output = scratch.appendingPathComponent("out")
    let result = try CLITests.run([
      "batch", "--inputs", CEADsFolder.argument, "--province", "liaoning", "--province", "sichuan", "--format", "csv", "md", "--output", output.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let csv = try String(contentsOf: output.appendingPathComponent("national/ceads-national/carbon-cost.csv"), encoding: .utf8)
    let lines = csv.split(separator: "\n")
    #expect(lines.first?.hasPrefix("rank,province,methodology,ets_year,ets_balance_tco2,ets_cost_cny,") == true)
    #expect(lines.count == 3)
    // Ranked by the actual route's 2030 cost per t cement, highest first (column 10).
    let costs = lines.dropFirst().compactMap { Double($0.split(separator: ",", omittingEmptySubsequences: false)[9]) }
    #expect(costs.count == 2 && costs[0] >= costs[1], "\(csv)")
    let md = try String(contentsOf: output.appendingPathComponent("national/ceads-national/national.md"), encoding: .utf8)
    #expect(md.contains("## What the carbon costs"))
    #expect(md.contains("| 1 | "))
  }
}
