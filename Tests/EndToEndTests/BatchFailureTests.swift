import Foundation
import Testing

/// `batch` when one province fails: the others are written, the failing province's folder is
/// left exactly as it was (never a mix of old and new files), no temporary file is left
/// behind, and the exit status is 1. Also `--strict`, which makes a province with warnings fail.
///
/// The inputs are two copies of the bad-input fixtures' `valid/` province (`testland` and
/// `otherland`, methodology `tiny`), made in a scratch folder with the report templates.
@Suite(.serialized) struct BatchFailureTests {
  /// A scratch folder holding `Inputs/` (methodology `tiny`, provinces testland and otherland) and `Templates/`.
  static func twoProvinces() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cement-accounts-batch-\(UUID().uuidString)")
    let inputs = folder.appendingPathComponent("Inputs")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: CLITests.repository.appendingPathComponent(BadInputTests.fixtures + "/valid"), to: inputs)
    try FileManager.default.copyItem(
      at: inputs.appendingPathComponent("yearbook/testland"), to: inputs.appendingPathComponent("yearbook/otherland"))
    try FileManager.default.copyItem(
      at: CLITests.repository.appendingPathComponent("Templates"), to: folder.appendingPathComponent("Templates"))
    return folder
  }

  static func batch(_ extra: [String] = [], in folder: URL) throws -> CLITests.Result {
    try CLITests.run(["batch", "--inputs", "Inputs", "--methodology", "tiny", "--output", "out"] + extra, in: folder)
  }

  /// Every file under `folder` (hidden ones included), by path relative to it, with its bytes;
  /// folders are listed with a trailing `/` and no bytes.
  static func snapshot(_ folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let root = folder.path
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return result }
    while let item = enumerator.nextObject() as? String {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: root + "/" + item, isDirectory: &isDirectory) else { continue }
      if isDirectory.boolValue {
        result[item + "/"] = Data()
      } else {
        result[item] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + item))
      }
    }
    return result
  }

  static let provinceFiles = ["emissions.csv", "index.md", "report-figure.svg", "report.md", "workbook.xlsx"]

  @Test func aProvinceThatFailsWhileWritingKeepsItsPreviousFiles() throws {
    let folder = try Self.twoProvinces()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try Self.batch(in: folder)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("accounted 2 of 2 province × methodology pairs; wrote 14 files under out/"), "\(first.stdout)")
    let out = folder.appendingPathComponent("out")
    let before = try Self.snapshot(out)
    for province in ["testland", "otherland"] {
      for file in Self.provinceFiles { #expect(before["\(province)/tiny/\(file)"] != nil, "\(province)/tiny/\(file)") }
    }

    // A revised grid factor changes every province's figures; and otherland's workbook.xlsx is
    // now a folder, so that its new files are all written (under temporary names) but cannot
    // all be renamed into place.
    try CLITests.replace(
      "grid_factor: 0.6101 tCO2/MWh", with: "grid_factor: 0.8 tCO2/MWh", in: folder.appendingPathComponent("Inputs/methodologies/tiny.yaml"))
    let blocked = out.appendingPathComponent("otherland/tiny/workbook.xlsx")
    try FileManager.default.removeItem(at: blocked)
    try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: false)
    let blockedBefore = try Self.snapshot(out)

    let second = try Self.batch(in: folder)
    #expect(second.exited, "ended by signal \(second.status)")
    #expect(second.status == 1, "\(second.stderr)")
    #expect(second.stdout.contains("accounted 1 of 2 province × methodology pairs; wrote 7 files under out/"), "\(second.stdout)")
    #expect(second.stderr.hasPrefix("1 failed:\n  otherland · tiny: error: "), "\(second.stderr)")
    #expect(second.stderr.contains("out/otherland/tiny/workbook.xlsx"), "the message does not name the file: \(second.stderr)")
    #expect(!second.stderr.contains("testland"), "\(second.stderr)")

    let after = try Self.snapshot(out)
    // Nothing temporary anywhere, and no file or folder appeared or went.
    let leftovers = after.keys.filter { path in path.split(separator: "/").contains { $0.hasPrefix(".") || $0.contains(".partial-") } }
    #expect(leftovers.isEmpty, "left behind: \(leftovers.sorted())")
    #expect(after.keys.sorted() == blockedBefore.keys.sorted())
    // otherland: every previous file byte for byte, and the folder in the way untouched.
    for file in Self.provinceFiles where file != "workbook.xlsx" {
      let path = "otherland/tiny/\(file)"
      #expect(after[path] == blockedBefore[path], "\(path) changed although otherland failed")
    }
    #expect(after["otherland/tiny/workbook.xlsx/"] != nil)
    // testland: rewritten with the new factor.
    for file in ["emissions.csv", "report.md", "workbook.xlsx"] {
      let path = "testland/tiny/\(file)"
      #expect(after[path] != nil && after[path] != before[path], "\(path) was not rewritten")
    }
    // The national outputs are rewritten and name the province that failed.
    #expect(after["national/tiny/national-provinces.csv"] != before["national/tiny/national-provinces.csv"])
    let national = String(decoding: after["national/tiny/national.md"] ?? Data(), as: UTF8.self)
    #expect(national.contains("**otherland**"), "\(national)")
  }

  /// otherland lacks its 2001 energy table, which carry-forward fills with a warning: without
  /// `--strict` both provinces are written; with it otherland fails and testland is written.
  @Test func strictMakesAProvinceWithWarningsFail() throws {
    let folder = try Self.twoProvinces()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.removeItem(at: folder.appendingPathComponent("Inputs/yearbook/otherland/energy-2001.csv"))

    let lenient = try Self.batch(["--output", "lenient"], in: folder)
    #expect(lenient.status == 0, "\(lenient.stderr)")
    #expect(lenient.stdout.contains("accounted 2 of 2 province × methodology pairs"), "\(lenient.stdout)")
    let lenientCSV = try String(contentsOf: folder.appendingPathComponent("lenient/otherland/tiny/emissions.csv"), encoding: .utf8)
    #expect(lenientCSV.contains("otherland,tiny,2001,combustion,coal,") && lenientCSV.contains(",carried-forward"))

    let strict = try Self.batch(["--strict", "--output", "strict"], in: folder)
    #expect(strict.exited, "ended by signal \(strict.status)")
    #expect(strict.status == 1, "\(strict.stderr)")
    #expect(strict.stdout.contains("accounted 1 of 2 province × methodology pairs; wrote 7 files under strict/"), "\(strict.stdout)")
    #expect(strict.stderr.hasPrefix("1 failed:\n  otherland · tiny: error: --strict: 1 warning(s) would be errors:\n"), "\(strict.stderr)")
    #expect(strict.stderr.contains("warning: no energy table for 2001: filled by carry-forward"), "\(strict.stderr)")
    #expect(strict.stderr.contains("hint: run without --strict to accept them"), "\(strict.stderr)")
    #expect(!strict.stderr.contains("testland"), "\(strict.stderr)")

    let written = try Self.snapshot(folder.appendingPathComponent("strict"))
    #expect(
      written.keys.sorted() == [
        "national/", "national/tiny/", "national/tiny/anomalies.csv", "national/tiny/carbon-cost.csv", "national/tiny/index.md",
        "national/tiny/national-provinces.csv", "national/tiny/national-years.csv", "national/tiny/national.md", "national/tiny/national.xlsx",
        "testland/", "testland/tiny/", "testland/tiny/carbon-cost-figure.svg", "testland/tiny/carbon-cost.csv", "testland/tiny/emissions.csv",
        "testland/tiny/index.md", "testland/tiny/report-figure.svg", "testland/tiny/report.md", "testland/tiny/workbook.xlsx",
      ], "\(written.keys.sorted())")
    let national = String(decoding: written["national/tiny/national.md"] ?? Data(), as: UTF8.self)
    #expect(national.contains("**otherland**: error: --strict"), "\(national)")
  }

  /// A templates folder without the report templates stops the batch before any province is
  /// written (the templates are read while the inputs are); without reports it is not needed.
  @Test func missingReportTemplatesStopTheBatchBeforeAnythingIsWritten() throws {
    let folder = try Self.twoProvinces()
    defer { try? FileManager.default.removeItem(at: folder) }
    let empty = folder.appendingPathComponent("no-templates")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)

    let result = try Self.batch(["--templates", "no-templates"], in: folder)
    #expect(result.exited && result.status == 1, "\(result.stderr)")
    #expect(result.stderr.contains("error: cannot read the report template no-templates/report.en.md.mustache"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))

    let withoutReports = try Self.batch(["--templates", "no-templates", "--format", "csv", "xlsx"], in: folder)
    #expect(withoutReports.status == 0, "\(withoutReports.stderr)")
    #expect(withoutReports.stdout.contains("wrote 8 files under out/"), "\(withoutReports.stdout)")
  }
}
