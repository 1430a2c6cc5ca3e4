import ArgumentParser
import Foundation
import Pipeline

struct Verify: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Recompute every cell of the published tables and check the statements of the study's text.",
    discussion: """
      For each published table of the province (<dir>/published/<province>/*.yaml)
      the account is computed with the table's methodology (or --methodology) and
      every cell compared. One line is printed per cell that differs, then a count;
      statements of the text that do not hold are listed with what the account gives.
      Under them, the deviations are explained where a usual suspect fits across
      years (a unit slip, carbon for CO2, a factor on cement instead of clinker, a
      slipped cell, a copied or shifted year, a borrowed column, a total that is not
      its parts' sum, an arithmetic-mean growth rate), with the fitted factor and its
      spread. Exits 0 when every cell agrees (and, with --strict, every statement
      holds), 1 otherwise.

      --published chooses what to verify against: tables (default), the province's
      published tables; ceads-emission-inventory, CEADs' emission inventories
      (emission-inventory/emission-inventory-30-provinces-YYYY.xlsx): every province
      × year × fuel of the Nonmetal Mineral Products row and the cement process CO2
      against the account of every CEADs province (default methodology ceads-national),
      each deviation named (a factor ratio with both factors, a disagreement between
      CEADs' energy and emission files, a zero, the process basis). It exits 1 when a
      province-year outside 2 % is left unexplained; ets-cbam-2025, the ETS/CBAM
      seed study's Tables 2-3 (all 16 cells recomputed with its formulas (1)-(6),
      then its simplifications against the CBAM regulation's path).

      Examples:
        cement-accounts verify
        cement-accounts verify --province liaoning --tolerance 0.005
        cement-accounts verify --published ceads-emission-inventory --inputs ../shared/data/ceads
        cement-accounts verify --published ets-cbam-2025
      """)

  @Option(
    name: .long,
    help: ArgumentHelp("What to verify against: \(PublishedSource.all.map(\.name).joined(separator: ", ")) (default: tables).", valueName: "name"))
  var published = PublishedSource.tables.name

  @OptionGroup var options: InputOptions

  @Option(name: .long, help: ArgumentHelp("Methodology to recompute with (default: the one the published table names).", valueName: "name-or-path"))
  var methodology: String?

  @Option(name: .long, help: ArgumentHelp("Largest difference, in the table's unit, for a cell to agree (default: the table's own).", valueName: "value"))
  var tolerance: Double?

  @Flag(name: .long, help: "Also fail when a statement of the text does not hold.")
  var strict = false

  func run() throws {
    let agrees: Bool
    do {
      let pipeline = Pipeline(inputs: options.inputs, ceads: options.ceads)
      let source = try PublishedSource.named(published)
      let province = source.perProvince ? try pipeline.inputs.resolveProvince(options.province) : options.province
      let request = PublishedSource.Request(province: province, methodology: methodology, years: options.years?.range, tolerance: tolerance)
      let verification = try pipeline.verify(published: source, request)
      print(verification.text, terminator: "")
      agrees = verification.cellsAgree && (!strict || verification.statementsHold)
    } catch {
      throw CLIError.report(error)
    }
    if !agrees { throw ExitCode.failure }
  }
}

/// Prints an error for people on standard error and ends with exit status 1.
enum CLIError {
  static func report(_ error: any Error) -> ExitCode {
    var text = "\(PipelineError(error))"
    if !text.hasSuffix("\n") { text += "\n" }
    FileHandle.standardError.write(Data(text.utf8))
    return ExitCode.failure
  }
}
