import ArgumentParser

@main
struct CementAccounts: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cement-accounts",
    abstract: "Turn statistical-yearbook tables into an auditable CO₂ account of a province's cement industry.",
    discussion: """
      Reads the energy-consumption-by-industry and industrial-products tables of a province
      (see Inputs/README.md for the layouts), reconciles them, allocates the non-metallic
      mineral products industry's fuel use to cement, and accounts combustion, electricity
      and process CO₂ under a methodology file (Inputs/methodologies/*.yaml).

      Examples:
        cement-accounts run                         # the bundled province with study-2025
        cement-accounts run --province liaoning --methodology study-2025
        cement-accounts verify                      # compare with the study's published tables
      """,
    version: "0.1.0",
    subcommands: [Run.self, Verify.self],
    defaultSubcommand: Run.self)
}

/// Options every command shares.
struct InputOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The inputs folder: yearbook/, methodologies/, published/.", valueName: "dir"))
  var inputs = "Inputs"

  @Option(name: .long, help: ArgumentHelp("The province folder under <dir>/yearbook/ (default: the only one).", valueName: "name"))
  var province: String?
}
