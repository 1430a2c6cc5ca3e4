import ArgumentParser
import Pipeline

struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Account a province's cement CO₂ and write Output/<province>/<methodology>/emissions.csv.",
    discussion: """
      emissions.csv has one row per year, scope (combustion, electricity, process) and source
      (the fuel, or calcination), in tonnes of CO₂ at full precision, with flags such as
      carried-forward. Nothing is written when an input is wrong; files are replaced only
      once complete.

      Examples:
        cement-accounts run
        cement-accounts run --inputs Inputs --province liaoning --methodology study-2025 --output Output
        cement-accounts run --methodology Inputs/methodologies/study-2025.yaml --strict
      """)

  @OptionGroup var options: InputOptions

  @Option(
    name: .long,
    help: ArgumentHelp("A methodology name in <dir>/methodologies/ or a path to a .yaml file; repeat for several.", valueName: "name-or-path"))
  var methodology: [String] = ["study-2025"]

  @Option(name: .long, help: ArgumentHelp("The folder outputs are written under.", valueName: "dir"))
  var output = "Output"

  @Flag(name: .long, help: "Treat warnings (filled gaps, copied years, unknown columns …) as errors.")
  var strict = false

  func run() throws {
    do {
      let pipeline = Pipeline(inputs: options.inputs)
      let province = try pipeline.inputs.resolveProvince(options.province)
      let methodologies = try methodology.map { name throws(PipelineError) in try pipeline.methodology(name) }
      let inputs = try pipeline.importProvince(province)
      let accounts = try methodologies.map { m throws(PipelineError) in try Pipeline.account(inputs, methodology: m) }
      if strict { try Strictness.check(accounts.flatMap(\.findings)) }
      for account in accounts {
        let written = try Pipeline.write(account, to: output)
        print(Pipeline.summary(account, outputs: written), terminator: "")
      }
    } catch {
      throw CLIError.report(error)
    }
  }
}
