import Accounting
import CementModel
import Foundation
import Pipeline
import Testing
import Verification
import Writers

/// The bundled Liaoning run, read once for all report tests, and the repository's templates.
enum ReportFixture {
  /// The repository's root.
  static let repository = BundledRun.repository

  /// The run record of the bundled province under study-2025, verified against its published tables.
  static func record(language: Language = .en, inputFiles: [InputFile]? = nil) throws -> RunRecord {
    try BundledRun.record(language: language, inputFiles: inputFiles)
  }

  /// The text of `Templates/report.<language>.md.mustache`.
  static func template(_ language: Language) throws -> String {
    try String(contentsOfFile: "\(repository)/\(templatePath(language))", encoding: .utf8)
  }

  static func templatePath(_ language: Language) -> String { "Templates/report.\(language.rawValue).md.mustache" }

  /// The report as the pipeline writes it, with the machine's repository path removed so that
  /// paths read as on the command line (`Inputs/yearbook/liaoning/energy-2000.csv`).
  static func report(_ language: Language) throws -> String {
    let text = try ReportWriter.render(
      template: try template(language), templateName: templatePath(language), record: try record(language: language),
      figure: "report-figure.svg")
    return text.replacingOccurrences(of: repository + "/", with: "")
  }
}

/// Golden files: `Snapshots/<name>` next to this file (read from the source tree, not the
/// bundle). A missing baseline is recorded and the test fails; `RECORD_SNAPSHOTS=1` re-records.
enum ReportSnapshot {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

  static func assertMatches(_ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let url = folder.appendingPathComponent(name)
    let expected = try? String(contentsOf: url, encoding: .utf8)
    let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    if recording || expected == nil {
      try actual.write(to: url, atomically: true, encoding: .utf8)
      if expected == nil {
        Issue.record("recorded new baseline \(url.path); review it and run the test again", sourceLocation: sourceLocation)
      } else if expected != actual {
        Issue.record("re-recorded baseline \(url.path) (RECORD_SNAPSHOTS=1); review the diff", sourceLocation: sourceLocation)
      }
      return
    }
    guard let expected, expected != actual else { return }
    let actualURL = FileManager.default.temporaryDirectory.appendingPathComponent("actual-" + name)
    try actual.write(to: actualURL, atomically: true, encoding: .utf8)
    let message = "\(name) differs from its baseline at \(firstDifference(expected, actual)); the output is in \(actualURL.path) "
      + "(diff it with \(url.path); RECORD_SNAPSHOTS=1 re-records)"
    Issue.record("\(message)", sourceLocation: sourceLocation)
  }

  /// `line 12: expected "…", got "…"`.
  static func firstDifference(_ expected: String, _ actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(a.count, b.count) {
      let left = index < a.count ? String(a[index]) : "<end>", right = index < b.count ? String(b[index]) : "<end>"
      if left != right { return "line \(index + 1): expected \"\(left)\", got \"\(right)\"" }
    }
    return "the end"
  }
}
