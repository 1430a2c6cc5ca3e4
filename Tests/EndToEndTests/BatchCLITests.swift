import Foundation
import Testing

/// The real CEADs workbooks beside the repository (`../shared/data/ceads`, domain.md §5),
/// referenced the way a user on the project machines types it.
enum CEADsFolder {
  static let argument = "../shared/data/ceads"
  static let url = CLITests.repository.appendingPathComponent(argument).standardizedFileURL
  static let available =
    FileManager.default.fileExists(atPath: url.appendingPathComponent("energy-inventory/provincial-energy-inventory-2013.xlsx").path)
    && FileManager.default.fileExists(atPath: url.appendingPathComponent("apparent-emission-inventory-1997-2022.xlsx").path)
  static let skipMessage = "needs the CEADs workbooks in \(url.path)"

  /// A fresh scratch folder for a run's outputs.
  static func scratch() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cement-accounts-ceads-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// Every regular file under `folder`, as paths relative to it, sorted.
  static func files(under folder: URL) -> [String] {
    let root = folder.standardizedFileURL.path
    let enumerator = FileManager.default.enumerator(atPath: root)
    var result: [String] = []
    while let item = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: root + "/" + item, isDirectory: &isDirectory), !isDirectory.boolValue { result.append(item) }
    }
    return result.sorted()
  }

  /// The rows of an `emissions.csv`, split into fields.
  static func emissions(_ file: URL) throws -> [[String]] {
    let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(lines.first == "province,methodology,year,scope,source,tco2,flags")
    return lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
  }

  static func relativeDifference(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(a), abs(b), 1e-300) }
}

/// `batch` end to end on the real CEADs workbooks: provinces written side by side, a
/// province that does not exist reported without stopping the others, and the national outputs.
@Suite("batch on the CEADs workbooks", .serialized, .enabled(if: CEADsFolder.available, Comment(rawValue: CEADsFolder.skipMessage)))
struct BatchCLITests {
  @Test func twoProvincesAreWrittenAndAnUnknownOneIsReported() throws {
    let scratch = try CEADsFolder.scratch()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let output = scratch.appendingPathComponent("out")
    let result = try CLITests.run([
      "batch", "--inputs", CEADsFolder.argument, "--province", "liaoning", "--province", "sichuan", "--province", "atlantis",
      "--output", output.path,
    ])

    // One province failed: exit status 1, after a clean exit (not a crash).
    #expect(result.exited)
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdout.contains("accounted 2 of 3 province × methodology pairs"), "\(result.stdout)")
    #expect(result.stderr.contains("1 failed:"), "\(result.stderr)")
    #expect(result.stderr.contains("atlantis · ceads-national: error: no inputs for province 'atlantis'"), "\(result.stderr)")
    #expect(result.stderr.contains("neither a yearbook folder nor a province of the CEADs workbooks"), "\(result.stderr)")
    #expect(result.stderr.contains("hint: CEADs provinces: anhui, beijing,"), "\(result.stderr)")
    #expect(!result.stderr.contains("liaoning ·") && !result.stderr.contains("sichuan ·"), "\(result.stderr)")

    // Each good province is written as `run` writes it, and nothing for atlantis.
    for province in ["liaoning", "sichuan"] {
      let folder = output.appendingPathComponent("\(province)/ceads-national")
      #expect(
        CEADsFolder.files(under: folder) == ["carbon-cost-figure.svg", "carbon-cost.csv", "emissions.csv", "index.md", "report-figure.svg", "report.md", "workbook.xlsx"],
        "\(province): \(CEADsFolder.files(under: folder))")
    }
    #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("atlantis").path))

    let national = output.appendingPathComponent("national/ceads-national")
    #expect(CEADsFolder.files(under: national) == ["anomalies.csv", "carbon-cost.csv", "index.md", "national-provinces.csv", "national-years.csv", "national.md", "national.xlsx"])
    for name in ["national-provinces.csv", "national-years.csv", "national.xlsx", "national.md", "index.md"] {
      #expect(result.stdout.contains("national/ceads-national/\(name)"), "\(name) not listed in \(result.stdout)")
    }

    // national-provinces.csv: the two provinces ranked; national-years.csv: the national sum of each year 2011–2022.
    let csv = try String(contentsOf: national.appendingPathComponent("national-provinces.csv"), encoding: .utf8)
    let years = try String(contentsOf: national.appendingPathComponent("national-years.csv"), encoding: .utf8)
    #expect(!csv.contains("\n\n") && !years.contains("\n\n"))
    let provinceRows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    #expect(provinceRows.first?.prefix(8) == ["rank", "province", "first_year", "last_year", "total_tCO2", "combustion_tCO2", "electricity_tCO2", "process_tCO2"])
    let ranked = provinceRows.dropFirst()
    #expect(Set(ranked.map { $0[1] }) == ["liaoning", "sichuan"])
    #expect(ranked.map { $0[0] } == ["1", "2"])
    #expect(ranked.allSatisfy { $0[2] == "2011" && $0[3] == "2022" })
    // Ranked by total, largest first.
    let totals = ranked.compactMap { Double($0[4]) }
    #expect(totals.count == 2 && totals[0] >= totals[1])
    // The failure is not a row of the CSV (which holds only accounted provinces).
    #expect(!csv.contains("atlantis"))

    let yearRows = years.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
    #expect(yearRows.first == ["year", "provinces", "total_tCO2", "combustion_tCO2", "electricity_tCO2", "process_tCO2", "cement_t"])
    #expect(yearRows.dropFirst().map { $0[0] } == (2011...2022).map(String.init))
    #expect(yearRows.dropFirst().allSatisfy { $0[1] == "2" })

    // The national figures are the provinces' emissions.csv figures, summed.
    var byProvince: [String: Double] = [:], byYear: [String: [String: Double]] = [:]
    for province in ["liaoning", "sichuan"] {
      for row in try CEADsFolder.emissions(output.appendingPathComponent("\(province)/ceads-national/emissions.csv")) {
        let tonnes = try #require(Double(row[5]))
        byProvince[province, default: 0] += tonnes
        byYear[row[2], default: [:]]["total", default: 0] += tonnes
        byYear[row[2], default: [:]][row[3], default: 0] += tonnes
      }
    }
    for row in ranked {
      let total = try #require(Double(row[4]))
      let combustion = try #require(Double(row[5])), electricity = try #require(Double(row[6])), process = try #require(Double(row[7]))
      #expect(CEADsFolder.relativeDifference(total, byProvince[row[1]] ?? 0) < 1e-9, "\(row[1]): \(total) vs \(byProvince[row[1]] ?? 0)")
      #expect(CEADsFolder.relativeDifference(total, combustion + electricity + process) < 1e-9)
    }
    for row in yearRows.dropFirst() {
      let sums = byYear[row[0]] ?? [:]
      for (column, key) in [(2, "total"), (3, "combustion"), (4, "electricity"), (5, "process")] {
        let national = try #require(Double(row[column]))
        #expect(CEADsFolder.relativeDifference(national, sums[key] ?? 0) < 1e-9, "\(row[0]) \(key): \(national) vs \(sums[key] ?? 0)")
      }
    }

    // The report and the workbook list the province that could not be accounted.
    let markdown = try String(contentsOf: national.appendingPathComponent("national.md"), encoding: .utf8)
    #expect(markdown.contains("Provinces not accounted"))
    #expect(markdown.contains("- **atlantis**: error: no inputs for province 'atlantis'"), "\(markdown)")
    #expect(markdown.contains("liaoning") && markdown.contains("sichuan"))
    // Its first lines state its basis; the comparison with CEADs' emission inventory follows the sums.
    let head = markdown.split(separator: "\n").prefix(8).joined(separator: "\n")
    #expect(head.contains("- **Methodology**: ceads-national"), "\(head)")
    #expect(head.contains("- **Process basis**: 0.525 t CO₂ per tonne of clinker, clinker = cement × a clinker-to-cement ratio 0.584–0.652 by year"))
    #expect(head.contains("- **Electricity boundary**: indirect (scope 2)"))
    #expect(head.contains("- **Fuels left out (activity but no factor; provinces)**: heat (2), other\\_energy (2), other\\_petroleum\\_products (2)."), "\(head)")
    #expect(markdown.contains("## Against CEADs' emission inventory"))
    #expect(markdown.contains("of 18 province-years"), "\(markdown)")
    if let strings = try Self.unzip(national.appendingPathComponent("national.xlsx"), member: "xl/sharedStrings.xml") {
      #expect(strings.contains("atlantis"))
      #expect(strings.contains("Provinces that could not be accounted"))
    }
  }

  @Test func formatCSVWritesOnlyCSVFiles() throws {
    let scratch = try CEADsFolder.scratch()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let output = scratch.appendingPathComponent("out")
    let result = try CLITests.run([
      "batch", "--inputs", CEADsFolder.argument, "--province", "liaoning", "--province", "sichuan", "--format", "csv", "--output", output.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("accounted 2 of 2 province × methodology pairs; wrote "), "\(result.stdout)")
    #expect(
      CEADsFolder.files(under: output) == [
        "liaoning/ceads-national/carbon-cost.csv", "liaoning/ceads-national/emissions.csv", "liaoning/ceads-national/index.md",
        "national/ceads-national/anomalies.csv", "national/ceads-national/carbon-cost.csv", "national/ceads-national/index.md",
        "national/ceads-national/national-provinces.csv", "national/ceads-national/national-years.csv",
        "sichuan/ceads-national/carbon-cost.csv", "sichuan/ceads-national/emissions.csv", "sichuan/ceads-national/index.md",
      ], "\(CEADsFolder.files(under: output))")
    // No staging leftovers either.
    #expect(CEADsFolder.files(under: output).allSatisfy { $0.hasSuffix(".csv") || $0.hasSuffix("/index.md") })
  }

  @Test func helpDescribesTheNationalOutputs() throws {
    let result = try CLITests.run(["batch", "--help"])
    #expect(result.status == 0)
    let text = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(text.contains("<output>/national/<methodology>/ with national-provinces.csv, national-years.csv, national.xlsx and national.md"), "\(result.stdout)")
    #expect(text.contains("listed in national.md and national.xlsx"))
    #expect(text.contains("the exit status is then 1"))
    #expect(text.contains("Examples:"))
    #expect(text.contains("cement-accounts batch --inputs ../shared/data/ceads"))
  }

  /// One member of a zip archive (an .xlsx part), as text; nil (nothing checked) where `unzip` is not installed.
  static func unzip(_ archive: URL, member: String) throws -> String? {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
    process.arguments = ["-p", archive.path, member]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "unzip -p \(archive.lastPathComponent) \(member)")
    return String(decoding: data, as: UTF8.self)
  }
}
