import ArgumentParser

@main
struct CementAccounts: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cement-accounts",
    abstract: "Turn statistical-yearbook tables into an auditable CO₂ account of a province's cement industry.",
    discussion: """
      Reads the energy-consumption-by-industry and industrial-products tables of a
      province (see Inputs/README.md for the layouts), reconciles them, allocates the
      non-metallic mineral products industry's fuel use to cement, and accounts
      combustion, electricity and process CO₂ under a methodology file
      (Inputs/methodologies/*.yaml).

      Examples:
        cement-accounts run                  # the bundled province, study-2025
        cement-accounts run --province liaoning --methodology study-2025
        cement-accounts verify               # against the study's published tables
        cement-accounts batch --inputs ../shared/data/ceads    # 30 provinces
        cement-accounts run --ceads ../shared/data/ceads \\
            --methodology study-2025-spliced # yearbook 2000-2010 + CEADs 2011-
        cement-accounts diff study-2025 gap-linear    # what a revision changes
      """,
    version: "0.1.0",
    subcommands: [Run.self, Verify.self, Batch.self, Diff.self, PathwaysCommand.self],
    defaultSubcommand: Run.self)
}

/// Options every command shares.
struct InputOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The inputs folder: yearbook/, methodologies/, published/.", valueName: "dir"))
  var inputs = "Inputs"

  @Option(name: .long, help: ArgumentHelp("The province folder under <dir>/yearbook/ (default: the only one).", valueName: "name"))
  var province: String?

  @Option(
    name: .long,
    help: ArgumentHelp("A folder of CEADs workbooks to combine with the yearbook tables (default: <dir>/ceads when present).", valueName: "dir"))
  var ceads: String?

  @Option(name: .long, help: ArgumentHelp("Account these years instead of the methodology's, e.g. 2005-2020.", valueName: "first-last"))
  var years: YearRange?
}

/// A `first-last` range of years on the command line.
struct YearRange: ExpressibleByArgument {
  let range: ClosedRange<Int>

  init?(argument: String) {
    let parts = argument.split(whereSeparator: { "-–:".contains($0) }).compactMap { Int($0) }
    guard parts.count == 2, parts[0] <= parts[1], (1900...2200).contains(parts[0]), (1900...2200).contains(parts[1]) else { return nil }
    range = parts[0]...parts[1]
  }
}
