import Accounting
import CementModel
import Foundation
import Importing
import Pathways
import Writers

extension Pipeline {
  /// The folders scenarios are looked up in: the inputs' own, then the bundled `Inputs/scenarios`
  /// (for an inputs folder of CEADs workbooks), as for methodologies.
  var scenarioFolders: [String] {
    let own = inputs.root + "/scenarios", bundled = "Inputs/scenarios"
    return (own == bundled ? [own] : [own, bundled]) + [BuiltIn.scenariosFolder]
  }

  /// The scenario files of the scenario folders, by name.
  public func scenarioNames() -> [String] {
    Array(Set(scenarioFolders.flatMap(BuiltIn.yamlNames))).sorted()
  }

  /// Loads a scenario by name (`<inputs>/scenarios/NAME.yaml`, else `Inputs/scenarios/NAME.yaml`) or path.
  public func scenario(_ nameOrPath: String) throws(PipelineError) -> Scenario {
    let path: String
    if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
      path = nameOrPath
      guard FileManager.default.fileExists(atPath: path) else { throw PipelineError("scenario file '\(path)' does not exist") }
    } else {
      guard let found = scenarioFolders.map({ $0 + "/" + nameOrPath + ".yaml" }).first(where: BuiltIn.exists) else {
        let known = scenarioNames()
        throw PipelineError(
          "no scenario '\(nameOrPath)' in \(scenarioFolders.joined(separator: " or "))",
          hint: known.isEmpty ? "pass a path to a .yaml file" : "available: \(known.joined(separator: ", "))")
      }
      path = found
    }
    do { return try ScenarioLoader(read: readText).load(path: path) } catch { throw PipelineError(error) }
  }

  /// The decompositions and scenario results of an account. Pure. `baseline` is projected
  /// first; every scenario's wedges are measured from it.
  public static func pathways(_ account: Account, baseline: Scenario, scenarios: [Scenario]) throws(PipelineError) -> PathwaysRecord {
    do {
      let projection = try Projection(account: account)
      let reference = try projection.project(baseline)
      var results: [ScenarioResult] = []
      for scenario in [baseline] + scenarios.filter({ $0.name != baseline.name }) {
        results.append(try projection.result(scenario, baseline: reference))
      }
      return PathwaysRecord(account: account, decompositions: Decomposition.standard(account), results: results)
    } catch {
      throw PipelineError(error)
    }
  }

  /// Writes `decomposition.csv` and `pathways.csv`, `pathways.xlsx` (the `Decomposition` and
  /// `Pathways` sheets) when `workbook` is set, and `pathways.md` with its two figures when
  /// `report` is set, into the account's output folder, staged like every other output.
  public static func writePathways(
    _ record: PathwaysRecord, report language: Language?, workbook: Bool = true, to output: String
  ) throws(PipelineError) -> [String] {
    let folder = outputFolder(output, province: record.account.province, methodology: record.account.methodology.name)
    var staging = StagedFiles(folder: folder)
    defer { staging.discard() }
    try staging.stage("decomposition.csv", bytes: Array(DecompositionCSV.render(record).utf8))
    try staging.stage("pathways.csv", bytes: Array(PathwaysCSV.render(record).utf8))
    if workbook {
      let path = try staging.reserve("pathways.xlsx")
      do { try PathwaysWorkbook.write(record, to: path) } catch { throw PipelineError("cannot write the pathways workbook: \(error)") }
    }
    if let language {
      let report = PathwaysReport(record, language: language)
      try staging.stage("pathways-waterfall.svg", bytes: Array(report.waterfallSVG.utf8))
      try staging.stage("pathways-wedges.svg", bytes: Array(report.wedgeSVG.utf8))
      try staging.stage("pathways.md", bytes: Array(report.markdown(waterfall: "pathways-waterfall.svg", wedges: "pathways-wedges.svg").utf8))
    }
    return try staging.commit()
  }

  /// Writes `<output>/national/<methodology>/national-pathways.csv`: each province's total CO₂
  /// per scenario and year, and the national sum of the provinces that have the year.
  static func writeNationalPathways(_ records: [PathwaysRecord], methodology: String, to output: String) throws(PipelineError) -> [String] {
    var staging = StagedFiles(folder: "\(output)/national/\(methodology)")
    defer { staging.discard() }
    try staging.stage("national-pathways.csv", bytes: Array(NationalPathwaysCSV.render(records, methodology: methodology).utf8))
    return try staging.commit()
  }
}
