import Accounting
import CementModel
import XLSXWriting

extension WorkbookWriter {
  /// Where every figure sits. Sheets refer to each other's cells, so all positions are worked out
  /// before anything is written. Rows and columns are 0-based, as in XLSXWriting.
  struct Layout {
    static let titleRow = 0
    static let subtitleRow = 1
    static let noteRow = 2
    /// Headers spanning several columns (Activity's "industry use" and "cement use").
    static let groupRow = 3
    static let headerRow = 4
    static let firstDataRow = 5

    /// The sheet names, in order; formulas refer to them, so they do not change with the language.
    enum Sheet {
      static let summary = "Summary"
      static let activity = "Activity"
      static let factors = "Factors"
      static let combustion = "Combustion"
      static let process = "Process"
      static let totals = "Totals and shares"
      static let stages = "Stages"
      static let checks = "Checks"
      static let provenance = "Provenance"
      static let all = [summary, activity, factors, combustion, process, totals, stages, checks, provenance]
    }

    let years: [Int]
    private let rowByYear: [Int: Int]
    let activity: ActivityColumns
    let factors: FactorsRows
    let combustion: CombustionColumns
    let totals: TotalsColumns
    let stages: StagesRows

    init(_ record: RunRecord) {
      let account = record.account
      years = account.years.map(\.year)
      rowByYear = Dictionary(years.enumerated().map { ($1, Layout.firstDataRow + $0) }, uniquingKeysWith: { first, _ in first })
      activity = ActivityColumns(account.activity)
      factors = FactorsRows(account.methodology, years: years)
      combustion = CombustionColumns(account)
      totals = TotalsColumns(combustion: combustion, stages: record.stages)
      stages = StagesRows(record.stages)
    }

    /// The data row of `year` on the year-by-row sheets (Activity, Combustion, Process, Totals).
    func row(_ year: Int) -> Int? { rowByYear[year] }

    /// The last data row of the year-by-row sheets.
    var lastDataRow: Int { Layout.firstDataRow + max(years.count, 1) - 1 }

    /// The data rows of the years `first`…`last` that the account has.
    func rows(_ first: Int, _ last: Int) -> ClosedRange<Int>? {
      guard let top = row(first), let bottom = row(last), top <= bottom else { return nil }
      return top...bottom
    }
  }

  /// `Sheet!$C$5`, `'Totals and shares'!F12`: a cell reference for a formula.
  static func reference(_ sheet: String?, _ row: Int, _ column: Int, absolute: Bool = false) -> String {
    let cell = cellReference(row: row, column: column, absolute: absolute)
    return sheet.map { quotedSheetName($0) + "!" + cell } ?? cell
  }

  /// `Sheet!$D$5:$D$13`: a column range for a formula.
  static func reference(_ sheet: String?, rows: ClosedRange<Int>, column: Int) -> String {
    let top = cellReference(row: rows.lowerBound, column: column, absolute: true)
    let bottom = cellReference(row: rows.upperBound, column: column, absolute: true)
    return (sheet.map { quotedSheetName($0) + "!" } ?? "") + "\(top):\(bottom)"
  }

  /// Activity: year, industry use per fuel, the allocation share, cement use per fuel, and the
  /// table's total energy use as a reference.
  struct ActivityColumns {
    let fuels: [Fuel]
    let share: Int
    let totalEnergy: Int?
    private let position: [Fuel: Int]

    init(_ activity: ActivitySeries) {
      fuels = FuelCatalogue.standard.reportingOrder(activity.fuels.keys)
      position = Dictionary(uniqueKeysWithValues: fuels.enumerated().map { ($1, $0) })
      share = 1 + fuels.count
      totalEnergy = activity.totalEnergy.isEmpty ? nil : 2 + 2 * fuels.count
    }

    func industry(_ fuel: Fuel) -> Int? { position[fuel].map { 1 + $0 } }
    func cement(_ fuel: Fuel) -> Int? { position[fuel].map { share + 1 + $0 } }
  }

  /// Combustion: year, one column per combusted fuel, electricity, and the total.
  struct CombustionColumns {
    /// Fuels with combustion figures, in reporting order.
    let fuels: [Fuel]
    let hasElectricity: Bool
    let total: Int
    private let position: [Fuel: Int]

    init(_ account: Account) {
      let sources = account.sources
      fuels = sources.filter { $0.scope == .combustion }.map { Fuel($0.source) }
      hasElectricity = sources.contains { $0.scope == .electricity }
      let all = fuels + (hasElectricity ? [Fuel.electricity] : [])
      position = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1, 1 + $0) })
      total = 1 + all.count
    }

    /// The combustion fuels, then electricity: the sources of the study's Table 1.
    var sources: [Fuel] { fuels + (hasElectricity ? [.electricity] : []) }
    func column(_ fuel: Fuel) -> Int? { position[fuel] }
    /// The columns of the combustion fuels, without electricity.
    var fuelColumns: ClosedRange<Int>? { fuels.isEmpty ? nil : 1...fuels.count }
  }

  /// Process: year, cement output, clinker ratio, clinker, process factor, process CO₂.
  enum ProcessColumns {
    static let cement = 1
    static let ratio = 2
    static let clinker = 3
    static let factor = 4
    static let emissions = 5
  }

  /// Totals and shares: year, the five aggregates, the process share, each source's share of
  /// energy, growth, and one column per declared stage.
  struct TotalsColumns {
    static let combustion = 1
    static let electricity = 2
    static let energy = 3
    static let process = 4
    static let total = 5
    static let processShare = 6
    let sourceShares: [Fuel: Int]
    let totalGrowth: Int
    /// The growth of the stage series, when that is not the total.
    let seriesGrowth: Int?
    let stageSeries: Aggregate
    let stageColumns: [Int]

    init(combustion: CombustionColumns, stages: StageAnalysis) {
      let sources = combustion.sources
      sourceShares = Dictionary(uniqueKeysWithValues: sources.enumerated().map { ($1, Self.processShare + 1 + $0) })
      totalGrowth = Self.processShare + 1 + sources.count
      stageSeries = stages.series
      seriesGrowth = stages.series == .total ? nil : totalGrowth + 1
      let firstStage = (seriesGrowth ?? totalGrowth) + 1
      stageColumns = stages.declared.indices.map { firstStage + $0 }
    }

    static func column(_ aggregate: Aggregate) -> Int {
      switch aggregate {
      case .combustion: combustion
      case .electricity: electricity
      case .energy: energy
      case .process: process
      case .total: total
      }
    }

    /// The growth column of `aggregate`, if the sheet has one.
    func growth(_ aggregate: Aggregate) -> Int? {
      if aggregate == .total { return totalGrowth }
      return aggregate == stageSeries ? seriesGrowth : nil
    }
  }

  /// Stages: the declared stages' table, then the suggested segments'.
  struct StagesRows {
    static let name = 0
    static let first = 1
    static let last = 2
    static let base = 3
    static let start = 4
    static let end = 5
    static let change = 6
    static let compoundGrowth = 7
    static let peakYear = 8
    static let peakValue = 9
    static let meanGrowth = 10

    /// The row of each declared stage.
    let declared: [Int]
    /// Where the suggested segments' section starts.
    let suggestedSection: Int
    let suggested: [Int]
    /// The row of the whole-period peak.
    let overallPeak: Int

    init(_ stages: StageAnalysis) {
      declared = stages.declared.indices.map { Layout.firstDataRow + $0 }
      let section = Layout.firstDataRow + stages.declared.count + 1
      suggestedSection = section
      suggested = stages.suggested.indices.map { section + 2 + $0 }
      overallPeak = section + 2 + stages.suggested.count + 1
    }
  }

  /// Factors: one row per fuel of the factor set, then the grid factor (one row, or one per
  /// year), the process factor, and the clinker ratio (one row, or one per year).
  struct FactorsRows {
    static let fuel = 0
    static let ncvUnit = 1
    static let ncv = 2
    static let carbonContent = 3
    static let oxidationRate = 4
    static let factorPerHeat = 5
    static let factorPerUnit = 6
    static let factorUnit = 7
    static let source = 8
    /// The value column of the grid, process and clinker sections.
    static let sectionValue = 1

    let fuels: [Fuel]
    private let fuelRow: [Fuel: Int]
    let gridSection: Int
    /// One row for a constant factor, otherwise one per year.
    let gridRows: [(year: Int?, row: Int)]
    let processSection: Int
    let processFactor: Int
    let clinkerSection: Int
    /// Empty when clinker is read from the products table.
    let ratioRows: [(year: Int?, row: Int)]

    init(_ methodology: Methodology, years: [Int]) {
      fuels = FuelCatalogue.standard.reportingOrder(methodology.factorSet.fuels.keys)
      fuelRow = Dictionary(uniqueKeysWithValues: fuels.enumerated().map { ($1, Layout.firstDataRow + $0) })
      gridSection = Layout.firstDataRow + fuels.count + 1
      gridRows = Self.rows(constant: Self.isConstant(methodology.electricity.gridFactor), years: years, from: gridSection + 2)
      processSection = (gridRows.last?.row ?? gridSection + 1) + 2
      processFactor = processSection + 2
      clinkerSection = processFactor + 2
      switch methodology.process.clinker {
      case .table: ratioRows = []
      case .cementTimesRatio(let ratio, _):
        ratioRows = Self.rows(constant: Self.isConstant(ratio), years: years, from: clinkerSection + 3)
      }
    }

    func row(_ fuel: Fuel) -> Int? { fuelRow[fuel] }
    func gridRow(_ year: Int) -> Int? { gridRows.first { $0.year == nil || $0.year == year }?.row }
    func ratioRow(_ year: Int) -> Int? { ratioRows.first { $0.year == nil || $0.year == year }?.row }

    private static func isConstant<V>(_ value: YearlyValue<V>) -> Bool {
      if case .constant = value { return true }
      return false
    }

    private static func rows(constant: Bool, years: [Int], from first: Int) -> [(year: Int?, row: Int)] {
      constant ? [(nil, first)] : years.enumerated().map { ($1, first + $0) }
    }
  }
}
