import Foundation
import Testing

/// Runs the built `cement-accounts` binary on the bundled inputs and on broken copies of them.
@Suite(.serialized) struct CLITests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let binary = Bundle.main.bundleURL.appendingPathComponent("cement-accounts")

  struct Result {
    let status: Int32
    /// False when the process ended by a signal (a crash).
    let exited: Bool
    let stdout: String
    let stderr: String
  }

  /// - Parameter launcher: A program and its arguments to run the binary through (`setpriv …`), if any.
  static func run(_ arguments: [String], in directory: URL = repository, through launcher: [String] = []) throws -> Result {
    let process = Process()
    process.executableURL = launcher.first.map(URL.init(fileURLWithPath:)) ?? binary
    process.arguments = launcher.isEmpty ? arguments : launcher.dropFirst() + [binary.path] + arguments
    process.currentDirectoryURL = directory
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, exited: process.terminationReason == .exit,
      stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// A scratch folder holding a copy of the bundled inputs.
  static func scratchCopy() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cement-accounts-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for item in ["Inputs", "Templates"] {
      try FileManager.default.copyItem(at: repository.appendingPathComponent(item), to: folder.appendingPathComponent(item))
    }
    return folder
  }

  static func replace(_ target: String, with replacement: String, in file: URL) throws {
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains(target), "fixture edit: \(target) not found in \(file.lastPathComponent)")
    try text.replacingOccurrences(of: target, with: replacement).write(to: file, atomically: true, encoding: .utf8)
  }

  @Test func runWritesTheStudyAccount() throws {
    let folder = try Self.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Self.run(["run", "--output", "out"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("liaoning · study-2025: 2000–2022, 23 years"))
    for file in ["emissions.csv", "workbook.xlsx", "report.md", "report-figure.svg"] {
      #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/liaoning/study-2025/\(file)").path), "\(file)")
    }
    let csv = try String(contentsOf: folder.appendingPathComponent("out/liaoning/study-2025/emissions.csv"), encoding: .utf8)
    let lines = csv.split(separator: "\n")
    #expect(lines.first == "province,methodology,year,scope,source,tco2,flags")
    #expect(lines.count == 1 + 23 * 10)
    let coal2013 = try #require(lines.first { $0.hasPrefix("liaoning,study-2025,2013,combustion,coal,") })
    let tonnes = try #require(Double(coal2013.split(separator: ",")[5]))
    #expect(abs(tonnes - 28_385_200) < 100)  // the study's 2838.52 × 10⁴ t, to its printed precision
    #expect(lines.contains { $0.hasPrefix("liaoning,study-2025,2008,combustion,coal,") && $0.hasSuffix(",carried-forward") })
    #expect(lines.contains { $0.hasPrefix("liaoning,study-2025,2008,process,calcination,") && $0.hasSuffix(",derived") })
  }

  @Test func verifyReproducesEveryCellOfTheStudy() throws {
    let result = try Self.run(["verify"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("cells: 230 compared, 230 agree, 0 differ"))
    #expect(result.stdout.contains("stage-1-growth"))  // stated 8.5 %, the table gives 8.36 %
  }

  @Test func verifyFailsOnABrokenPublishedCell() throws {
    let folder = try Self.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.replace("2013,2838.52,", with: "2013,2838.62,", in: folder.appendingPathComponent("Inputs/published/liaoning/study-2025-tables-1-3.csv"))
    let result = try Self.run(["verify"], in: folder)
    #expect(result.status == 1)
    #expect(result.stdout.contains("study-2025-tables-1-3.csv:15:2: 2013 coal: published 2838.62, recomputed 2838.52"))
    #expect(result.stdout.contains("230 compared, 229 agree, 1 differ"))
  }

  @Test func verifyFailsOnABrokenInputValue() throws {
    let folder = try Self.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("Inputs/yearbook/liaoning/energy-2013.csv")
    let text = try String(contentsOf: file, encoding: .utf8)
    let row = try #require(text.split(separator: "\n").first { $0.contains("非金属") })
    var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    fields[2] = "1500.0000"  // coal
    try Self.replace(String(row), with: fields.joined(separator: ","), in: file)
    let result = try Self.run(["verify"], in: folder)
    #expect(result.status == 1)
    #expect(result.stdout.contains("2013 coal: published 2838.52"))
  }

  @Test func badInputNamesTheCellAndWritesNothing() throws {
    let folder = try Self.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("Inputs/yearbook/liaoning/energy-2005.csv")
    let text = try String(contentsOf: file, encoding: .utf8)
    let row = try #require(text.split(separator: "\n").first { $0.contains("非金属") })
    var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    fields[3] = "1,2x"
    try Self.replace(String(row), with: fields.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ","), in: file)
    let result = try Self.run(["run", "--output", "out"], in: folder)
    #expect(result.status != 0)
    #expect(result.stderr.contains("Inputs/yearbook/liaoning/energy-2005.csv:6:4:"), "\(result.stderr)")
    #expect(result.stderr.contains("\"1,2x\""))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
  }

  @Test func anUnknownMethodologyKeyIsNamed() throws {
    let folder = try Self.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.replace("gap_filling: carry-forward", with: "gap_filing: carry-forward", in: folder.appendingPathComponent("Inputs/methodologies/study-2025.yaml"))
    let result = try Self.run(["run", "--output", "out"], in: folder)
    #expect(result.status != 0)
    #expect(result.stderr.contains("study-2025.yaml:"))
    #expect(result.stderr.contains("unknown key 'gap_filing' (did you mean 'gap_filling'?)"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
  }

  @Test func helpTeachesWithExamples() throws {
    for command in [["--help"], ["run", "--help"], ["verify", "--help"]] {
      let result = try Self.run(command)
      #expect(result.status == 0)
      #expect(result.stdout.contains("Examples:"))
    }
  }
}

/// Outputs: all three files by default, byte-identical across runs, and a run that fails
/// midway through writing leaves the previous outputs exactly as they were.
@Suite(.serialized) struct OutputTests {
  static func files(_ folder: URL) throws -> [String: Data] {
    let directory = folder.appendingPathComponent("liaoning/study-2025")
    var result: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
      result[name] = try Data(contentsOf: directory.appendingPathComponent(name))
    }
    return result
  }

  @Test func twoRunsWriteByteIdenticalFiles() throws {
    let folder = try CLITests.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try CLITests.run(["run", "--output", "a"], in: folder).status == 0)
    #expect(try CLITests.run(["run", "--output", "b"], in: folder).status == 0)
    let a = try Self.files(folder.appendingPathComponent("a")), b = try Self.files(folder.appendingPathComponent("b"))
    #expect(a.keys.sorted() == ["carbon-cost-figure.svg", "carbon-cost.csv", "emissions.csv", "index.md", "report-figure.svg", "report.md", "workbook.xlsx"])
    for (name, data) in a where name != "index.md" { #expect(b[name] == data, "\(name) differs between two runs") }
    // The index differs only by the command that wrote it.
    let index = { (files: [String: Data]) in String(decoding: files["index.md"] ?? Data(), as: UTF8.self) }
    #expect(index(a).replacingOccurrences(of: "--output a", with: "--output b") == index(b))
    #expect(index(a).contains("    cement-accounts run --output a\n"), "\(index(a))")
  }

  @Test func formatAndLanguageChooseTheFiles() throws {
    let folder = try CLITests.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLITests.run(["run", "--output", "out", "--format", "md", "--language", "zh"], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    let files = try Self.files(folder.appendingPathComponent("out"))
    #expect(files.keys.sorted() == ["carbon-cost-figure.svg", "index.md", "report-figure.svg", "report.md"])
    #expect(String(decoding: files["report.md"] ?? Data(), as: UTF8.self).contains("水泥"))
  }

  @Test func aFailureMidwayLeavesThePreviousOutputsUntouched() throws {
    let folder = try CLITests.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try CLITests.run(["run", "--output", "out"], in: folder).status == 0)
    let before = try Self.files(folder.appendingPathComponent("out"))

    // A new methodology revision changes every figure, and a broken report template makes the
    // run fail after emissions.csv and workbook.xlsx have been written under temporary names.
    try CLITests.replace("grid_factor: 0.6101 tCO2/MWh", with: "grid_factor: 0.8 tCO2/MWh", in: folder.appendingPathComponent("Inputs/methodologies/study-2025.yaml"))
    try CLITests.replace("{{/stages.declared}}", with: "{{/stages.oops}}", in: folder.appendingPathComponent("Templates/report.en.md.mustache"))
    let failed = try CLITests.run(["run", "--output", "out"], in: folder)
    #expect(failed.status == 1)
    #expect(failed.stderr.contains("Templates/report.en.md.mustache:"), "\(failed.stderr)")

    let after = try Self.files(folder.appendingPathComponent("out"))
    #expect(after.keys.sorted() == before.keys.sorted(), "no temporary file may be left behind")
    for (name, data) in before { #expect(after[name] == data, "\(name) changed although the run failed") }
  }
}
