/// The view model of the Markdown report: what a template may show, with every number already
/// formatted, every label in the record's language, and every table cell escaped.
///
/// Templates reach the fields by their Swift names (`{{summary.total}}`,
/// `{{#combustion.rows}}…{{/combustion.rows}}`); `Templates/README.md` lists them. Booleans
/// named `has…`/`is…` exist so that a template can show a block only when it has content.
public struct ReportModel: Sendable {
  /// `en` or `zh`.
  public let language: String
  public let toolVersion: String
  /// The province's name in the report's language (`Liaoning`, `辽宁`).
  public let province: String
  /// The province as the inputs name it (`liaoning`).
  public let provinceID: String
  /// `2000–2022`.
  public let period: String
  public let firstYear: String
  public let lastYear: String
  public let yearCount: String
  /// The day after the period (`2023-01-01`), the date every output records.
  public let referenceDate: String
  public let units: Units
  public let figure: Figure
  public let summary: Summary
  public let method: Method
  /// The study's Table 1 layout: year × fuel, electricity included, with the total.
  public let combustion: CombustionTable
  /// The study's Table 3 layout: year, cement output, clinker, process CO₂.
  public let process: ProcessTable
  public let totals: TotalsTable
  /// Marks on years with filled or copied values, explained once below the tables.
  public let marks: [Mark]
  public let hasMarks: Bool
  public let stages: Stages
  public let structure: Structure
  public let checks: Checks
  public let verification: Verification
  public let provenance: Provenance
  /// What the carbon costs: one section, or none without a market.
  public var carbonCost: [CarbonCostReport] = []
  /// How sure the figures are: one section when the run computed it (`--uncertainty`), else none.
  public var uncertainty: [UncertaintySection] = []

  /// Unit labels in the report's language.
  public struct Units: Sendable {
    /// `10⁴ t CO₂`, the unit of the study's tables.
    public let table: String
    /// `10⁴ t`, output of cement and clinker.
    public let mass: String
    /// `Mt`.
    public let megatonnes: String
    /// `Mt CO₂`.
    public let megatonnesCO2: String
  }

  /// The chart written next to the report.
  public struct Figure: Sendable {
    /// The SVG file name, ready for a `(<…>)` link destination.
    public let file: String
    public let alt: String
  }

  /// Figures of the whole period, in Mt.
  public struct Summary: Sendable {
    public let total: String
    public let combustion: String
    public let electricity: String
    public let energy: String
    public let process: String
    /// The series the stages are read on, named (`energy (combustion + electricity)`).
    public let stageSeries: String
    public let peakYear: String
    public let peak: String
    public let hasPeak: Bool
    public let firstTotal: String
    public let lastTotal: String
  }

  // MARK: - Method

  /// Every choice of the methodology, as the account applied it.
  public struct Method: Sendable {
    public let name: String
    public let title: String
    /// The files the methodology was read from, itself first, then what it inherits.
    public let files: [String]
    public let factorSet: FactorSet
    public let grid: Grid
    public let processFactor: ProcessFactor
    public let clinker: Clinker
    public let allocation: Allocation
    /// The gap-filling rule's name (`carry-forward`) and what it does.
    public let gapFilling: Rule
    /// The copied-year rule's name (`flag`) and what it does.
    public let copiedYears: Rule
  }

  /// The combustion factors (formulas 2 and 3).
  public struct FactorSet: Sendable {
    public let name: String
    public let source: String
    public let rows: [FactorRow]
    /// `t C/TJ`.
    public let carbonContentUnit: String
    /// `t CO₂/TJ`.
    public let emissionFactorUnit: String
  }

  /// One fuel's factors; cells escaped.
  public struct FactorRow: Sendable {
    public let fuel: String
    public let netCalorificValue: String
    /// `GJ/t` or `GJ/10⁴ m³`.
    public let netCalorificValueUnit: String
    public let carbonContent: String
    public let oxidationRate: String
    /// Formula (3): CC × OF × 44/12.
    public let emissionFactor: String
  }

  /// The grid factor of indirect electricity emissions.
  public struct Grid: Sendable {
    /// The value, or its range when given year by year.
    public let value: String
    /// `t CO₂/MWh`.
    public let unit: String
    public let isByYear: Bool
    public let source: String
    /// True when no source states the value and the methodology assumes it.
    public let isAssumption: Bool
  }

  /// The process emission factor of formula (4).
  public struct ProcessFactor: Sendable {
    public let value: String
    /// `t CO₂/t clinker`.
    public let unit: String
    public let source: String
  }

  /// How clinker output is obtained for formula (4).
  public struct Clinker: Sendable {
    public let sentence: String
    public let isFromTable: Bool
    /// The source of the clinker ratio, empty when clinker is read from the table.
    public let source: String
  }

  /// The share of the industry's fuel use attributed to cement.
  public struct Allocation: Sendable {
    /// `100 %`, or a range when given year by year.
    public let share: String
    public let source: String
  }

  /// A rule of the methodology: its name and what it does.
  public struct Rule: Sendable {
    public let name: String
    public let sentence: String
  }

  // MARK: - Results

  /// Combustion and electricity emissions by fuel, in 10⁴ t CO₂.
  public struct CombustionTable: Sendable {
    /// Fuel names, electricity last; escaped.
    public let columns: [String]
    public let rows: [CombustionRow]
  }

  /// One year of the combustion table.
  public struct CombustionRow: Sendable {
    /// The year with its marks (`2008 †`).
    public let year: String
    /// One value per column; `–` where the account has no figure.
    public let cells: [String]
    /// Combustion + electricity, the study's Table 1 total.
    public let total: String
  }

  /// Process emissions and the output behind them.
  public struct ProcessTable: Sendable {
    public let rows: [ProcessRow]
  }

  /// One year of the process table; cement and clinker in 10⁴ t, CO₂ in 10⁴ t CO₂.
  public struct ProcessRow: Sendable {
    public let year: String
    public let cement: String
    public let clinker: String
    public let emissions: String
  }

  /// Totals and shares by year, in 10⁴ t CO₂ and percent.
  public struct TotalsTable: Sendable {
    /// The fuel whose share of energy emissions the table shows: the largest combustion source of the period.
    public let leadingFuel: String
    public let rows: [TotalsRow]
  }

  /// One year of the totals table.
  public struct TotalsRow: Sendable {
    public let year: String
    public let combustion: String
    public let electricity: String
    /// Combustion + electricity.
    public let energy: String
    public let process: String
    public let total: String
    /// Process share of the total, in percent.
    public let processShare: String
    /// The leading fuel's share of energy emissions, in percent.
    public let leadingFuelShare: String
  }

  /// A mark on years in the tables and what it means.
  public struct Mark: Sendable {
    public let symbol: String
    public let meaning: String
    public let years: String
  }

  /// The stages of the emission path.
  public struct Stages: Sendable {
    /// The series the stages are read on, named.
    public let series: String
    /// The stages the methodology declares.
    public let declared: [Stage]
    public let hasDeclared: Bool
    /// The peak of the whole period as a sentence, empty when there are no years.
    public let peakSentence: String
    /// The automatic suggestion: where the best three-segment fit breaks the path.
    public let suggestionSentence: String
    public let suggested: [Stage]
    public let hasSuggested: Bool
  }

  /// One stage: its figures (Mt, percent) and the sentence that states them.
  public struct Stage: Sendable {
    public let name: String
    public let first: String
    public let last: String
    /// The year growth is measured from.
    public let base: String
    public let start: String
    public let end: String
    /// Compound annual growth rate, percent, two decimals.
    public let compoundGrowth: String
    /// Mean of the year-on-year rates, percent, two decimals.
    public let meanGrowth: String
    /// `end / start − 1`, percent with its sign, one decimal.
    public let change: String
    public let peakYear: String
    public let peak: String
    /// `Stage 2 (2009–2013): from 24.72 to 44.68 Mt, 15.95 % a year, peak in 2013, +80.8 % on 2009`.
    public let sentence: String
  }

  /// How the emission structure shifted.
  public struct Structure: Sendable {
    public let leadingFuel: String
    public let leadingFuelSentence: String
    public let processShareSentence: String
    public let processShareFirst: String
    public let processShareLast: String
    public let hasYears: Bool
  }

  // MARK: - Checks

  /// What was filled, flagged or warned about.
  public struct Checks: Sendable {
    /// Years filled or copied, one entry per kind that occurs.
    public let filled: [FilledYears]
    public let hasFilled: Bool
    /// Warnings of every stage, as `` `file:line:column`: message `` (the location when known).
    public let warnings: [String]
    public let hasWarnings: Bool
    public let notes: [String]
    public let hasNotes: Bool
  }

  /// The years of one kind of filled or flagged values.
  public struct FilledYears: Sendable {
    /// `carried-forward`, `interpolated` or `copied-year`.
    public let flag: String
    public let meaning: String
    public let years: String
    public let symbol: String
  }

  /// The comparison with every published table of the run.
  public struct Verification: Sendable {
    public let tables: [PublishedComparison]
    public let hasTables: Bool
  }

  /// One published table compared cell by cell and statement by statement.
  public struct PublishedComparison: Sendable {
    public let title: String
    public let citation: String
    public let unit: String
    public let tolerance: String
    public let cellsCompared: String
    public let cellsAgree: String
    public let cellsDiffer: String
    public let allCellsAgree: Bool
    public let differingCells: [DifferingCell]
    public let statementsChecked: String
    public let statementsHold: String
    public let statementsFail: String
    public let hasStatements: Bool
    public let failedStatements: [FailedStatement]
    public let hasFailedStatements: Bool
    /// The ids of the statements that hold, joined.
    public let holdingStatements: String
  }

  /// A published cell the account does not reproduce; cells escaped.
  public struct DifferingCell: Sendable {
    public let location: String
    public let year: String
    public let column: String
    public let published: String
    public let recomputed: String
    public let difference: String
  }

  /// A statement of the text that does not hold, with what the account gives; cells escaped.
  public struct FailedStatement: Sendable {
    public let id: String
    public let quote: String
    public let gives: String
    public let location: String
  }

  // MARK: - Provenance

  /// Where every input came from.
  public struct Provenance: Sendable {
    public let inputFiles: [InputFileRow]
    public let hasInputFiles: Bool
    public let methodologyFiles: [String]
    public let publishedFiles: [String]
    public let hasPublishedFiles: Bool
    /// Every factor term of the account's figures, with the methodology key it was read from.
    public let factors: [ProvenanceFactorRow]
    public let hasFactors: Bool
  }

  /// One factor of the account (an NCV, a carbon content, a grid or process factor, a clinker
  /// ratio): its value in base units and its source (`file:line key`); cells escaped.
  public struct ProvenanceFactorRow: Sendable {
    public let name: String
    public let year: String
    public let value: String
    public let unit: String
    public let source: String
  }

  /// One input file; cells escaped.
  public struct InputFileRow: Sendable {
    public let path: String
    public let role: String
    public let encoding: String
    public let sha256: String
  }
}
