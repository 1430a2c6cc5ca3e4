import Foundation
import Testing

/// A cell written `…` in a table that is present: a gap of that one series, filled by the
/// methodology with a warning naming the cell, refused under `--strict`, left under `gap_filling: none`.
@Suite(.serialized) struct GapCellTests {
  /// The bad-input fixtures' `valid/` inputs with coke of 2001 written `…`, and a copy of the
  /// methodology that fills nothing.
  static func inputs() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cement-accounts-gap-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let inputs = folder.appendingPathComponent("Inputs")
    try FileManager.default.copyItem(at: CLITests.repository.appendingPathComponent(BadInputTests.fixtures + "/valid"), to: inputs)
    let table = inputs.appendingPathComponent("yearbook/testland/energy-2001.csv")
    let text = try String(contentsOf: table, encoding: .utf8).replacingOccurrences(of: ",26.4612,", with: ",…,")
    try text.write(to: table, atomically: true, encoding: .utf8)
    let methodology = inputs.appendingPathComponent("methodologies/tiny.yaml")
    let none = try String(contentsOf: methodology, encoding: .utf8).replacingOccurrences(of: "gap_filling: carry-forward", with: "gap_filling: none")
    try none.write(to: inputs.appendingPathComponent("methodologies/tiny-none.yaml"), atomically: true, encoding: .utf8)
    return folder
  }

  static func run(_ extra: [String], in folder: URL) throws -> CLITests.Result {
    try CLITests.run(["run", "--inputs", "Inputs", "--province", "testland", "--format", "csv", "--output", "out"] + extra, in: folder)
  }

  @Test func aFilledCellIsAWarningNamingItAndStrictRefusesIt() throws {
    let folder = try Self.inputs()
    defer { try? FileManager.default.removeItem(at: folder) }
    let filled = try Self.run(["--methodology", "tiny"], in: folder)
    #expect(filled.status == 0, "\(filled.stderr)")
    let cell = "Inputs/yearbook/testland/energy-2001.csv:3:3: warning: Coke 2001: the cell gives no value; filled by carry-forward"
    #expect((filled.stdout + filled.stderr).contains(cell), "\(filled.stdout)\(filled.stderr)")
    let csv = try String(contentsOf: folder.appendingPathComponent("out/testland/tiny/emissions.csv"), encoding: .utf8)
    #expect(csv.split(separator: "\n").contains { $0.hasPrefix("testland,tiny,2001,combustion,coke,") && $0.hasSuffix(",carried-forward") })

    let strict = try Self.run(["--methodology", "tiny", "--strict", "--output", "strict"], in: folder)
    #expect(strict.status == 1)
    #expect(strict.stderr.contains("Coke 2001: the cell gives no value; filled by carry-forward"), "\(strict.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("strict").path))
  }

  @Test func withoutGapFillingTheFigureIsNotAvailableNotZero() throws {
    let folder = try Self.inputs()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Self.run(["--methodology", "tiny-none"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      (result.stdout + result.stderr).contains(
        "Inputs/yearbook/testland/energy-2001.csv:3:3: warning: Coke has no value for 2001 and the methodology fills no gap: not available, so the totals of 2001 are incomplete (without it)"),
      "\(result.stdout)\(result.stderr)")
    let csv = try String(contentsOf: folder.appendingPathComponent("out/testland/tiny-none/emissions.csv"), encoding: .utf8)
    #expect(!csv.contains("testland,tiny-none,2001,combustion,coke,"))
    #expect(csv.contains("testland,tiny-none,2002,combustion,coke,"))
  }

  @Test func theNationalSumSaysWhichYearIsIncomplete() throws {
    let folder = try Self.inputs()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(at: CLITests.repository.appendingPathComponent("Templates"), to: folder.appendingPathComponent("Templates"))
    let result = try CLITests.run(["batch", "--inputs", "Inputs", "--methodology", "tiny-none", "--output", "out"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let national = try String(contentsOf: folder.appendingPathComponent("out/national/tiny-none/national.md"), encoding: .utf8)
    let rows = national.split(separator: "\n").filter { $0.hasPrefix("| 2001 |") || $0.hasPrefix("| 2002 |") }
    #expect(rows.count == 2)
    #expect(rows.first?.hasSuffix("| testland: coke |") == true, "\(rows)")
    #expect(rows.last?.hasSuffix("| – |") == true, "\(rows)")
  }
}
