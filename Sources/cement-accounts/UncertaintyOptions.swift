import ArgumentParser
import Pipeline

/// `--uncertainty [--draws N] [--seed S]`, on `run` and `batch`.
struct UncertaintyOptions: ParsableArguments {
  @Flag(
    name: .long,
    help: "Compute how sure each figure is (IPCC Approach 1 and Monte Carlo): uncertainty.csv, the workbook's Uncertainty sheet, a report section; on batch also the national sum, correlated and independent.")
  var uncertainty = false

  @Option(name: .long, help: ArgumentHelp("Monte Carlo draws (default: the methodology's, 200000 in study-2025).", valueName: "N"))
  var draws: Int?

  @Option(name: .long, help: ArgumentHelp("The seed of the draws (default: the methodology's); the same seed and draws give byte-identical outputs.", valueName: "S"))
  var seed: UInt64?

  func validate() throws {
    if let draws, draws < 100 { throw ValidationError("--draws must be at least 100") }
  }

  /// The request; `--draws` or `--seed` alone also ask for it.
  var request: UncertaintyRequest { UncertaintyRequest(requested: uncertainty || draws != nil || seed != nil, draws: draws, seed: seed) }
}
