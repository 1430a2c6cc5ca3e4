import ArgumentParser
import Foundation
import Pipeline
import Writers

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct Batch: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Account every province of the inputs under every methodology, and write a national workbook and report.",
    discussion: """
      Provinces are the yearbook folders of the inputs and the provinces of any CEADs
      workbooks (an inputs folder may be a folder of CEADs workbooks itself, such as
      ../shared/data/ceads; methodologies are then taken from
      ./Inputs/methodologies). Each province is written to
      <output>/<province>/<methodology>/ as `run` writes it, and each methodology
      gets <output>/national/<methodology>/ with national-provinces.csv,
      national-years.csv, national.xlsx and national.md: the provinces side by side (total, combustion, electricity,
      process, intensity per tonne of cement, process share, peak year and stage
      pattern), ranked, and their sum per year; and carbon-cost.csv: China's ETS
      balance and cost and the CBAM cost per tonne of cement at each province's own
      intensity, ranked (see `run --help` for the markets).

      The work is spread over the machine's cores. A province that cannot be
      accounted is reported (and listed in national.md and national.xlsx, left out of
      national-provinces.csv's figures) while the others are written; the exit status is then
      1. Every folder is replaced whole or not at all.

      Examples:
        cement-accounts batch --inputs ../shared/data/ceads
        cement-accounts batch --inputs ../shared/data/ceads \\
            --province liaoning --province sichuan
        cement-accounts batch --inputs ../shared/data/ceads \\
            --methodology ceads-provincial --format csv xlsx
        cement-accounts batch --inputs ../shared/data/ceads --market eu-cbam \
            --carbon-price 90
        cement-accounts batch --inputs ../shared/data/ceads --uncertainty --draws 10000
      """)

  @Option(name: .long, help: ArgumentHelp("The inputs folder: yearbook/, methodologies/, CEADs workbooks.", valueName: "dir"))
  var inputs = "Inputs"

  @Option(name: .long, help: ArgumentHelp("A folder of CEADs workbooks to use beside the inputs (default: found in the inputs folder).", valueName: "dir"))
  var ceads: String?

  @Option(name: .long, help: ArgumentHelp("A province to account; repeat for several (default: every province of the inputs).", valueName: "name"))
  var province: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A methodology name or .yaml path; repeat for several (default: ceads-national for CEADs inputs, else study-2025; ceads-provincial reproduces the study's conventions).",
      valueName: "name-or-path"))
  var methodology: [String] = []

  @Option(name: .long, help: ArgumentHelp("Account these years instead of the methodology's, e.g. 2011-2020.", valueName: "first-last"))
  var years: YearRange?

  @Option(name: .long, help: ArgumentHelp("The folder outputs are written under.", valueName: "dir"))
  var output = "Output"

  @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Which files to write: csv, xlsx, md.", valueName: "format"))
  var format: [OutputFormat] = OutputFormat.allCases

  @Option(name: .long, help: ArgumentHelp("Language of the reports and the workbooks' labels: en or zh.", valueName: "language"))
  var language: Language = .en

  @Option(name: .long, help: ArgumentHelp("The folder holding the report templates (default: ./Templates).", valueName: "dir"))
  var templates: String?

  @Flag(name: .long, help: "Treat warnings as errors: a province with warnings fails.")
  var strict = false

  @OptionGroup(title: "Carbon cost") var markets: MarketOptions
  @OptionGroup var uncertainty: UncertaintyOptions
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Also project this scenario (name in Inputs/scenarios/ or .yaml path; repeat for several) and write each province's decomposition.csv, pathways.csv and pathways.md, and national/<methodology>/national-pathways.csv; the baseline is always projected.",
      valueName: "name-or-path"))
  var scenario: [String] = []

  func run() throws {
    let result: BatchResult
    do {
      let pipeline = Pipeline(inputs: inputs, ceads: ceads)
      try pipeline.refuseOutputInsideInputs(output)
      let names = methodology.isEmpty ? [pipeline.defaultMethodology] : methodology
      let methodologies = try names.map { name throws(PipelineError) in
        let loaded = try pipeline.methodology(name)
        return years.map { loaded.over(years: $0.range) } ?? loaded
      }
      var job = BatchJob(
        provinces: province.isEmpty ? nil : province.map { $0.lowercased() }, methodologies: methodologies, formats: Set(format),
        language: language, templates: pipeline.templatesFolder(templates), output: output, strict: strict)
      job.markets = try markets.markets(pipeline)
      job.marketsNamed = !markets.market.isEmpty
      job.uncertainty = uncertainty.request
      if !scenario.isEmpty {
        // Scenario files live beside the methodologies (./Inputs when the inputs are CEADs workbooks).
        let scenarios = try scenario.map { name throws(PipelineError) in try pipeline.scenario(name) }
        job.pathways = (try pipeline.scenario("baseline"), scenarios)
      }
      let showProgress = isatty(STDERR_FILENO) == 1
      result = try pipeline.batch(job) { done, total, province in
        guard showProgress else { return }
        let line = "\r[\(done)/\(total)] \(province)"
        FileHandle.standardError.write(Data((line.padding(toLength: max(line.count, 40), withPad: " ", startingAt: 0)).utf8))
        if done == total { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
      }
    } catch {
      throw CLIError.report(error)
    }
    let accounted = result.outcomes.filter { $0.error == nil }
    print("accounted \(accounted.count) of \(result.outcomes.count) province × methodology pairs; wrote \(accounted.reduce(0) { $0 + $1.written.count }) files under \(output)/")
    for file in result.national { print("  \(file)") }
    for line in result.provinceSummary { print(line) }
    for name in Set(result.outcomes.map(\.methodology)).sorted() where !result.outcomes.contains(where: { $0.methodology == name && $0.error == nil }) {
      print("no national files for \(name): every province failed")
    }
    if !result.failures.isEmpty {
      var message = "\(result.failures.count) failed:\n"
      for failure in result.failures {
        // The error's own lines (its hint, a --strict list) indented under the province.
        let error = (failure.error ?? "").trimmingCharacters(in: .newlines).replacingOccurrences(of: "\n", with: "\n    ")
        message += "  \(failure.province) · \(failure.methodology): \(error)\n"
      }
      FileHandle.standardError.write(Data(message.utf8))
    }
    // The process ends here, with the batch's values alive: freeing every account's traced
    // values one by one would take a tenth of the batch's time, on one core, for memory the
    // system takes back at exit anyway. (exit flushes standard output.)
    withExtendedLifetime(result) { Foundation.exit(result.failures.isEmpty ? EXIT_SUCCESS : EXIT_FAILURE) }
  }
}
