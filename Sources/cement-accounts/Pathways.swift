import ArgumentParser
import Pathways
import Pipeline
import Writers

struct PathwaysCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pathways",
    abstract: "Explain the account (LMDI-I decomposition) and project reduction scenarios to 2060.",
    discussion: """
      Accounts the province exactly as `run` would (same input options), then writes into
      Output/<province>/<methodology>/:
        decomposition.csv  province,methodology,from_year,to_year,effect,tco2: each stage of
                           the methodology, each pair of consecutive years and the first
                           year to the last, split by additive LMDI-I into the effects of
                           cement output, clinker ratio, kiln energy per t clinker, fuel mix,
                           fuel factors, electricity per t cement, grid factor and process
                           factor; each pair's effects sum to its change exactly.
        pathways.csv       province,methodology,scenario,year,scope,source,tco2: each
                           scenario from the base year (the account's last) to its end year,
                           net CO2 by scope and source, totals, memo rows (captured,
                           biogenic), intensity, and wedge rows (scope = wedge, source = the
                           lever's effect) that add up to baseline - scenario.
        pathways.md        the stage decomposition in words, the scenarios' 2030 and 2060
                           emissions, peaks, cumulative totals, targets and abatement value,
                           with pathways-waterfall.svg and pathways-wedges.svg.
      Scenarios are YAML files in <inputs>/scenarios/ (format: Inputs/scenarios/README.md):
      every lever starts from its base-year value computed from the account and follows
      the milestones the file gives; a lever the file does not name is held.

      Examples:
        cement-accounts pathways                     # every bundled scenario
        cement-accounts pathways --scenario study-pathway --scenario deep-decarbonisation
        cement-accounts pathways --scenario my-plan.yaml --language zh
        cement-accounts pathways --ceads ../shared/data/ceads --province Anhui \\
            --methodology ceads-provincial
      """)

  @OptionGroup var options: InputOptions

  @Option(
    name: .long,
    help: ArgumentHelp("A methodology name in <dir>/methodologies/ or a path to a .yaml file.", valueName: "name-or-path"))
  var methodology = "study-2025"

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A scenario name in <dir>/scenarios/ or a path to a .yaml file; repeat for several (default: every file there).", valueName: "name-or-path"))
  var scenario: [String] = []

  @Option(name: .long, help: ArgumentHelp("The scenario the wedges are measured from.", valueName: "name-or-path"))
  var baseline = "baseline"

  @Option(name: .long, help: ArgumentHelp("The folder outputs are written under.", valueName: "dir"))
  var output = "Output"

  @Option(name: .long, help: ArgumentHelp("Language of pathways.md: en or zh.", valueName: "language"))
  var language: Language = .en

  func run() throws {
    do {
      let pipeline = Pipeline(inputs: options.inputs, ceads: options.ceads)
      let province = try pipeline.inputs.resolveProvince(options.province)
      let loaded = try pipeline.methodology(methodology)
      let m = options.years.map { loaded.over(years: $0.range) } ?? loaded
      let ceads = try pipeline.ceads(for: [m])
      let combined = try Pipeline.combine(try pipeline.importYearbook(province), ceads: ceads, province: province, methodology: m)
      let account = try Pipeline.account(options.years.map { combined.restricted(to: $0.range) } ?? combined, methodology: m)
      let reference = try pipeline.scenario(baseline)
      let names = scenario.isEmpty ? pipeline.scenarioNames() : scenario
      let scenarios = try names.map { name throws(PipelineError) in try pipeline.scenario(name) }
      let record = try Pipeline.pathways(account, baseline: reference, scenarios: scenarios)
      let written = try Pipeline.writePathways(record, report: language, to: output)
      print(PathwaysSummary.render(record, outputs: written), terminator: "")
    } catch {
      throw CLIError.report(error)
    }
  }
}

/// What `pathways` prints: each stage's change with its two largest effects, each scenario's
/// 2030 and 2060 totals, peak and cumulative total, and the files written.
enum PathwaysSummary {
  static func render(_ record: PathwaysRecord, outputs: [String]) -> String {
    var text = "\(record.account.province) (\(record.account.methodology.name))\n"
    for sentence in PathwaysReport(record, language: .en).stageSentences() { text += "  \(sentence)\n" }
    for r in record.results {
      let at = { (year: Int) in r[year].map { PathwaysReport.mt($0.total) } ?? "-" }
      text += "  \(r.scenario.name): \(r.baseYear) \(PathwaysReport.mt(r.years.first!.total)), 2030 \(at(2030)), 2060 \(at(2060)) Mt CO2; peak \(r.peakYear); cumulative \(r.baseYear + 1)-\(r.scenario.endYear) \(PathwaysReport.mt(r.cumulative)) Mt"
      let targets = r.targets.map { "\($0.target.year) \($0.target.lever) \($0.met.map { $0 ? "met" : "missed" } ?? "not checkable")" }
      text += targets.isEmpty ? "\n" : "; targets: \(targets.joined(separator: ", "))\n"
    }
    for path in outputs { text += "  wrote \(path)\n" }
    return text
  }
}
