import Accounting
import CementModel
import Checksums
import Dispatch
import Foundation
import Verification
import Writers

/// The files `run` can write.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable, Comparable {
  case csv, xlsx, md
  public static func < (a: OutputFormat, b: OutputFormat) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

extension Pipeline {
  /// Everything the writers need for one account: its stages, its comparison with the
  /// province's published tables made for the same methodology, and the files read.
  public func record(_ account: Account, inputs provinceInputs: ProvinceInputs, language: Language) throws(PipelineError) -> RunRecord {
    let tables = try publishedTables(province: account.province).filter { ($0.methodology ?? account.methodology.name) == account.methodology.name }
    var files = provinceInputs.files
    for path in account.methodology.files.reversed() {
      files.append(InputFile(path: path, role: "methodology", sha256: SHA256.hex((try? readBytes(path)) ?? [])))
    }
    for table in tables {
      for path in table.files { files.append(InputFile(path: path, role: "published table", sha256: SHA256.hex((try? readBytes(path)) ?? []))) }
    }
    return RunRecord(
      account: account, verification: tables.map { Verifier().verify(account, against: $0) }, inputFiles: files, toolVersion: toolVersion,
      language: language)
  }

  /// The templates folder: the one given, else `./Templates`, else `Templates` beside the inputs
  /// folder, else the templates built into the binary (``BuiltIn``).
  public func templatesFolder(_ given: String?) -> String {
    if let given { return given }
    let beside = StagedFiles.parent(of: inputs.root)
    let candidates = ["Templates", beside.isEmpty ? "Templates" : beside + "/Templates"]
    return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? BuiltIn.templatesFolder
  }

  /// The report template for a language, read from the templates folder and parsed.
  public static func template(folder: String, language: Language) throws(PipelineError) -> ReportTemplate {
    let path = "\(folder)/report.\(language.rawValue).md.mustache"
    let text: String
    do { text = try readText(path) } catch {
      throw PipelineError("cannot read the report template \(path)", hint: "pass --templates DIR (a folder holding report.en.md.mustache and report.zh.md.mustache), or leave the report out with --format csv xlsx")
    }
    do { return try ReportTemplate(text: text, name: path) } catch { throw PipelineError("\(error)") }
  }

  /// Writes the chosen outputs of one account into `<output>/<province>/<methodology>/`.
  /// Every file is first written under a temporary name in that folder; only when all of them
  /// are complete are they renamed into place, so a failure leaves the previous outputs as
  /// they were and the folder never holds a mix of old and new files from a finished run.
  public static func write(
    _ record: RunRecord, formats: Set<OutputFormat>, template: ReportTemplate?, to output: String
  ) throws(PipelineError) -> [String] {
    let folder = outputFolder(output, province: record.account.province, methodology: record.account.methodology.name)
    var staging = StagedFiles(folder: folder)
    defer { staging.discard() }
    if formats.contains(.csv) {
      try staging.stage("emissions.csv", bytes: Array(EmissionsCSV.render(record.account).utf8))
      if let cost = record.carbonCost {
        try staging.stage("carbon-cost.csv", bytes: Array(CarbonCostCSV.render(cost, methodology: record.account.methodology.name).utf8))
      }
      if let uncertainty = record.uncertainty { try staging.stage("uncertainty.csv", bytes: Array(UncertaintyCSV.render(uncertainty).utf8)) }
    }
    // The workbook, the longest output, is written while the report is rendered: inside a
    // busy batch the two run one after the other, and a single `run`, or the last province
    // of a batch, gets both cores.
    let workbook = formats.contains(.xlsx) ? try staging.reserve("workbook.xlsx") : nil
    let figure = "report-figure.svg"
    let template = formats.contains(.md) ? template : nil
    let written = ResultSlots<Void, PipelineError>(count: 1)
    let report = ResultSlots<(markdown: String, chart: String)?, Never>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 2) { part in
      if part == 0 {
        written[0] = Result { () throws(PipelineError) in
          guard let workbook else { return }
          do { try WorkbookWriter.write(record, to: workbook) } catch { throw PipelineError("cannot write the workbook: \(error)") }
        }
      } else {
        report[0] = .success(template.map { ($0.render(record, figure: figure), ReportWriter.svgChart(record)) })
      }
    }
    try written[0]!.get()
    if let rendered = report[0]?.get() {
      try staging.stage(figure, bytes: Array(rendered.chart.utf8))
      if let svg = CarbonCostReport.svg(record) { try staging.stage(CarbonCostReport.figureFile, bytes: Array(svg.utf8)) }
      if let uncertainty = record.uncertainty {
        try staging.stage(UncertaintyChart.file, bytes: Array(UncertaintyChart(analysis: uncertainty, language: record.language).render().utf8))
      }
      try staging.stage("report.md", bytes: Array(rendered.markdown.utf8))
    }
    try staging.stageIndex(title: "\(record.account.province) · \(record.account.methodology.name)", language: record.language)
    return try staging.commit()
  }
}
