import ArgumentParser
import Pipeline
import Writers

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Account a province's cement CO₂ and write Output/<province>/<methodology>/: emissions.csv, workbook.xlsx, report.md.",
    discussion: """
      Writes emissions.csv, workbook.xlsx and report.md (with report-figure.svg) by
      default. emissions.csv has one row per year, scope (combustion, electricity,
      process) and source (the fuel, or calcination), in tonnes of CO₂ at full
      precision, with flags such as carried-forward. Nothing is written when an input
      is wrong; files are replaced only once complete.

      What the carbon costs (Inputs/markets/): carbon-cost.csv beside emissions.csv,
      a "Carbon cost" sheet of live formulas over the account's cells, and a report
      section. China's ETS per accounted year from 2021 (combustion + process on
      clinker; allowances under each year's rule; balance and its cost at the CEA
      price), and the EU CBAM per year 2026-2034 per tonne of cement and of clinker,
      on default values and on the account's own intensity of its last year.
      --carbon-price and --exchange-rate override the market files for a what-if.

      Examples:
        cement-accounts run
        cement-accounts run --inputs Inputs --province liaoning \\
            --methodology study-2025 --output Output
        cement-accounts run --methodology Inputs/methodologies/study-2025.yaml \\
            --strict
        cement-accounts run --format csv xlsx --language zh
        cement-accounts run --inputs other/Inputs --province sichuan --years 2005-2020
        cement-accounts run --market eu-cbam --carbon-price 100 --exchange-rate 7.8
        cement-accounts run --market china-ets --carbon-price china-ets=80
        cement-accounts run --uncertainty --draws 200000 --seed 2025
      """)

  @OptionGroup var options: InputOptions

  @OptionGroup(title: "Carbon cost") var markets: MarketOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A methodology name in <dir>/methodologies/ or a path to a .yaml file; repeat for several (default: ceads-national with --ceads, else study-2025).",
      valueName: "name-or-path"))
  var methodology: [String] = []

  @Option(name: .long, help: ArgumentHelp("The folder outputs are written under.", valueName: "dir"))
  var output = "Output"

  @Option(
    name: .long, parsing: .upToNextOption,
    help: ArgumentHelp("Which files to write: csv (emissions.csv), xlsx (workbook.xlsx), md (report.md and its figure).", valueName: "format"))
  var format: [OutputFormat] = OutputFormat.allCases

  @Option(name: .long, help: ArgumentHelp("Language of the report text and the workbook's labels: en or zh.", valueName: "language"))
  var language: Language = .en

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The folder holding report.en.md.mustache and report.zh.md.mustache (default: ./Templates, else Templates beside the inputs folder).",
      valueName: "dir"))
  var templates: String?

  @Flag(name: .long, help: "Treat warnings (filled gaps, copied years, unknown columns …) as errors.")
  var strict = false

  @OptionGroup var uncertainty: UncertaintyOptions

  func run() throws {
    do {
      let pipeline = Pipeline(inputs: options.inputs, ceads: options.ceads)
      try pipeline.refuseOutputInsideInputs(output)
      let province = try pipeline.inputs.resolveProvince(options.province)
      let methodologies = try (methodology.isEmpty ? [pipeline.defaultMethodology] : methodology).map { name throws(PipelineError) in
        let loaded = try pipeline.methodology(name)
        return options.years.map { loaded.over(years: $0.range) } ?? loaded
      }
      let markets = try self.markets.markets(pipeline)
      let ceads = try pipeline.ceads(for: methodologies)
      let yearbook = try pipeline.importYearbook(province)
      let runs = try methodologies.map { m throws(PipelineError) in
        let combined = try Pipeline.combine(yearbook, ceads: ceads, province: province, methodology: m)
        let inputs = options.years.map { combined.restricted(to: $0.range) } ?? combined
        return (account: try Pipeline.account(inputs, methodology: m), inputs: inputs)
      }
      if strict { try Strictness.check(runs.flatMap(\.account.findings)) }
      let formats = Set(format)
      let template = formats.contains(.md) ? try Pipeline.template(folder: pipeline.templatesFolder(templates), language: language) : nil
      for (account, inputs) in runs {
        var record = try pipeline.record(account, inputs: inputs, language: language)
        record.carbonCost = Pipeline.carbonCost(account, markets: markets, explicit: !self.markets.market.isEmpty)
        record.uncertainty = uncertainty.request.analysis(account)
        let written = try Pipeline.write(record, formats: formats, template: template, to: output)
        print(Pipeline.summary(account, outputs: written), terminator: "")
      }
    } catch {
      throw CLIError.report(error)
    }
  }
}

extension OutputFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
