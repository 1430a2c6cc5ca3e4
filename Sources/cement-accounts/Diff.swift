import ArgumentParser
import Comparison
import Pipeline
import Writers

struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare two accounts: what changed, by how much, and which methodology choices made each change.",
    discussion: """
      A and B are each either a run folder written by 'run'
      (Output/<province>/<methodology>/, holding emissions.csv and, for the input
      cells and methodology, workbook.xlsx) or a methodology (a name in
      <dir>/methodologies/ or a .yaml path) accounted on the fly over the province's
      inputs, as 'run' would.

      Writes diff.md and diff.xlsx (into --output, by default
      Output/diff/<A>-vs-<B>/; both files or neither) and prints a summary:
        - every figure (year, scope, source) that changed by more than --tolerance t
          CO₂, with old, new, absolute and relative change; totals per year and per
          scope; years added or removed;
        - the methodology keys that differ, side by side (factor_set.fuels.coal.ncv
          …);
        - for two methodologies: the ATTRIBUTION of each figure's change to the
          groups of keys, applied to A one at a time in this order: factor set, grid
          factor / electricity, process method, allocation, gap filling / copied
          years, other choices. The parts add up exactly to the change (they are
          counted in whole grams of CO₂);
        - for two run folders: the input files whose SHA-256 differs and every
          activity value (with its source cell) that changed, with the change of the
          figure it feeds.

      Examples:
        cement-accounts diff study-2025 study-2025-clinker
        cement-accounts diff study-2025 china-enterprise-guideline --tolerance 1
        cement-accounts diff Output/liaoning/study-2025 /tmp/new/liaoning/study-2025
        cement-accounts diff study-2025 gap-linear --inputs Inputs \\
            --province liaoning --output /tmp/diff
      """)

  @Argument(help: ArgumentHelp("The account to compare from: a run folder or a methodology.", valueName: "A"))
  var a: String

  @Argument(help: ArgumentHelp("The account to compare to: a run folder or a methodology.", valueName: "B"))
  var b: String

  @OptionGroup var options: InputOptions

  @Option(name: .long, help: ArgumentHelp("Figures that differ by at most this many tonnes of CO₂ count as unchanged.", valueName: "t"))
  var tolerance: Double = 0.001

  @Option(name: .long, help: ArgumentHelp("The folder diff.md and diff.xlsx are written into (default: Output/diff/<A>-vs-<B>).", valueName: "dir"))
  var output: String?

  func validate() throws {
    guard tolerance >= 0, tolerance.isFinite else { throw ValidationError("--tolerance must be a number of tonnes of zero or more") }
  }

  func run() throws {
    do {
      let pipeline = Pipeline(inputs: options.inputs)
      let comparison = try pipeline.diff(a, b, province: options.province, years: options.years?.range, tolerance: tolerance)
      let folder = output ?? Pipeline.diffFolder("Output", comparison)
      let written = try Pipeline.writeDiff(comparison, to: folder)
      print(DiffSummary.text(comparison, outputs: written), terminator: "")
    } catch {
      throw CLIError.report(error)
    }
  }
}
