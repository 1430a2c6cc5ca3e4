import Accounting
import CementModel
import Foundation
import Testing
@testable import Writers

private typealias Headers = WorkbookWriter.Headers
private typealias Labels = WorkbookWriter.Labels
private typealias Highlight = WorkbookWriter.Highlight

/// LibreOffice, if installed, and the shared `xlsx-recalc` tool beside the repository.
enum WorkbookLibreOffice {
  static let recalcTool = workbookRepositoryRoot + "/../shared/tools/xlsx-recalc"

  /// True when `soffice` is on PATH and `xlsx-recalc` is beside the repository; prints what
  /// is missing when not, as the test is then skipped.
  static var isAvailable: Bool {
    let soffice = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/soffice")
    }
    if !soffice {
      print("note: soffice is not on PATH: the LibreOffice recalculation test is skipped (apt-get install -y libreoffice-calc-nogui)")
    }
    let tool = FileManager.default.isExecutableFile(atPath: recalcTool)
    if !tool {
      print("note: no xlsx-recalc at \(recalcTool): the LibreOffice recalculation test is skipped")
    }
    return soffice && tool
  }
}

/// The live formulas, recalculated by LibreOffice, give the tool's own figures.
///
/// The workbook is written with every formula's cached value set to 0 (an internal option), so
/// each number LibreOffice reports must come from evaluating the formulas, not from the caches.
/// `xlsx-recalc` exports with "save cell contents as shown" off, so the CSVs hold the full
/// values (15 significant digits; percentages as `12.3456789012345%`) rather than the 0.00
/// the sheets display; that is why the comparison can be made to 1e-9 relative.
@Suite struct WorkbookRecalculationTests {
  private static let unit = MeasurementUnit<CO2Mass>.tenThousandTonnesCO2

  @Test(.enabled(if: WorkbookLibreOffice.isAvailable, "needs soffice on PATH and ../shared/tools/xlsx-recalc"))
  func libreOfficeRecomputesEveryFigure() throws {
    let scratch = try WorkbookScratch()
    defer { scratch.remove() }
    let record = try WorkbookFixture.record()
    let path = scratch.file("recalc.xlsx")
    try WorkbookWriter.write(record, to: path, options: .init(cachesComputedValues: false))
    try runWorkbookTool([WorkbookLibreOffice.recalcTool, path, scratch.path + "/csv"])
    func sheet(_ name: String) throws -> WorkbookGrid {
      let text = try String(contentsOfFile: scratch.path + "/csv/recalc-\(name).csv", encoding: .utf8)
      return WorkbookGrid(rows: parseRecalculatedCSV(text))
    }
    try checkCombustion(try sheet("Combustion"), record.account)
    try checkProcess(try sheet("Process"), record.account)
    try checkTotals(try sheet("Totals and shares"), record)
    try checkStages(try sheet("Stages"), record.stages)
    try checkSummary(try sheet("Summary"), record.account)
  }

  /// The test workbook differs from the real one only in its cached values: same formulas, same cells.
  @Test func theTestVariantHasTheSameFormulas() throws {
    let scratch = try WorkbookScratch()
    defer { scratch.remove() }
    let record = try WorkbookFixture.record()
    try WorkbookWriter.write(record, to: scratch.file("real.xlsx"))
    try WorkbookWriter.write(record, to: scratch.file("test.xlsx"), options: .init(cachesComputedValues: false))
    let real = try StoredWorkbook(scratch.file("real.xlsx")), test = try StoredWorkbook(scratch.file("test.xlsx"))
    var formulas = 0
    for name in real.sheetNames {
      let realCells = try real.cells(name), testCells = try test.cells(name)
      #expect(realCells.keys.sorted() == testCells.keys.sorted(), "\(name)")
      for (reference, cell) in realCells {
        #expect(testCells[reference]?.formula == cell.formula, "\(name)!\(reference)")
        if cell.formula == nil { #expect(testCells[reference]?.value == cell.value, "\(name)!\(reference)") }
        if cell.formula != nil { formulas += 1 }
      }
    }
    #expect(formulas > 500)
  }

  // MARK: Sheets

  private func checkCombustion(_ grid: WorkbookGrid, _ account: Account) throws {
    let header = try #require(grid.headerRow)
    var compared = 0
    for year in account.years {
      let row = try #require(grid.row(year.year))
      for column in 1..<grid.rows[header].count where !grid[header, column].isEmpty {
        let title = grid[header, column]
        let expected: Double? =
          title == Headers.withUnit(Headers.total, Self.unit.symbol)
          ? year.total(.energy).value(in: Self.unit)
          : year.entries.first { Headers.withUnit(Headers.name(Fuel($0.source)), Self.unit.symbol) == title }?.emissions.value(in: Self.unit)
        let value = try #require(expected, "unknown Combustion column '\(title)'")
        #expect(agreesRelatively(number(grid[row, column]), value), "Combustion \(year.year) \(title): \(grid[row, column]) ≠ \(value)")
        compared += 1
      }
    }
    #expect(compared == account.years.map { $0.entries.filter { $0.scope != .process }.count + 1 }.reduce(0, +))
  }

  private func checkProcess(_ grid: WorkbookGrid, _ account: Account) throws {
    let mass = MeasurementUnit<Mass>.tenThousandTonnes
    let columns = try [Headers.cementOutput, Headers.clinkerRatio, Headers.clinkerOutput, Headers.processFactor, Headers.processCO2].map {
      try #require(grid.column($0), "no Process column '\($0)'")
    }
    for year in account.years {
      let row = try #require(grid.row(year.year))
      let entry = try #require(year.entries.first { $0.scope == .process })
      guard case .process(let clinker, let factor) = entry.calculation,
        let cement = account.activity.products[.cement]?[year.year]
      else {
        Issue.record("no process calculation or cement output for \(year.year)")
        continue
      }
      let expected = [
        cement.value.value(in: mass), clinker.value / cement.value, clinker.value.value(in: mass),
        factor.value(in: .tonnesCO2, per: .tonnes), entry.emissions.value(in: Self.unit),
      ]
      for (column, value) in zip(columns, expected) {
        #expect(agreesRelatively(number(grid[row, column]), value), "Process \(year.year), column \(column): \(grid[row, column]) ≠ \(value)")
      }
    }
  }

  private func checkTotals(_ grid: WorkbookGrid, _ record: RunRecord) throws {
    let account = record.account
    let shareOfTotal = try #require(grid.column(Headers.processShare))
    let sources = account.sources.filter { $0.scope != .process }.map { Fuel($0.source) }
    for (index, year) in account.years.enumerated() {
      let row = try #require(grid.row(year.year))
      for aggregate in Aggregate.allCases {
        let column = try #require(grid.column(Headers.withUnit(Headers.name(aggregate), Self.unit.symbol)))
        #expect(agreesRelatively(number(grid[row, column]), year.total(aggregate).value(in: Self.unit)), "Totals \(year.year) \(aggregate)")
      }
      #expect(agreesRelatively(number(grid[row, shareOfTotal]), try #require(Indicators.share(year.total(.process), of: year.total(.total)))))
      for fuel in sources {
        let column = try #require(grid.column(Headers.share(of: fuel)))
        let emissions = try #require(year.emissions(of: fuel.id))
        #expect(agreesRelatively(number(grid[row, column]), try #require(Indicators.share(emissions, of: year.total(.energy)))), "\(fuel) share \(year.year)")
      }
      let previous = index > 0 ? account.years[index - 1] : nil
      for aggregate in [Aggregate.total, record.stages.series] {
        let column = try #require(grid.column(Headers.growth(of: aggregate)))
        guard let previous else {
          #expect(grid[row, column].isEmpty)
          continue
        }
        let growth = try #require(Indicators.growth(from: previous.total(aggregate), to: year.total(aggregate)))
        #expect(agreesRelatively(number(grid[row, column]), growth), "\(aggregate) growth \(year.year)")
      }
      for stage in record.stages.declared {
        let column = try #require(grid.column(Headers.withUnit(stage.name, Self.unit.symbol)))
        if (stage.first...stage.last).contains(year.year) {
          #expect(agreesRelatively(number(grid[row, column]), year.total(record.stages.series).value(in: Self.unit)))
        } else {
          #expect(grid[row, column].isEmpty, "\(stage.name) has a value in \(year.year)")
        }
      }
    }
  }

  private func checkStages(_ grid: WorkbookGrid, _ stages: StageAnalysis) throws {
    let named = stages.declared.map { ($0.name, $0) }
      + stages.suggested.enumerated().map { (Labels.english.segmentName($0 + 1), $1) }
    #expect(named.count == 6)
    let headerRow = try #require(grid.rows.firstIndex { $0.first == Headers.stage })
    func column(_ header: String) throws -> Int { try #require(grid.rows[headerRow].firstIndex(of: header)) }
    for (name, stage) in named {
      let row = try #require(grid.rows.firstIndex { $0.first == name }, "no Stages row '\(name)'")
      let expected: [(String, Double?)] = [
        (Headers.startValue, stage.startValue.value(in: Self.unit)), (Headers.endValue, stage.endValue.value(in: Self.unit)),
        (Headers.change, stage.change), (Headers.compoundGrowth, stage.compoundAnnualGrowth),
        (Headers.peakYear, Double(stage.peakYear)), (Headers.peakValue, stage.peakValue.value(in: Self.unit)),
        (Headers.meanGrowth, stage.meanAnnualGrowth),
      ]
      for (header, value) in expected {
        let value = try #require(value, "\(name): no \(header)")
        let text = grid[row, try column(header)]
        #expect(agreesRelatively(number(text), value), "\(name) \(header): \(text) ≠ \(value)")
      }
    }
  }

  private func checkSummary(_ grid: WorkbookGrid, _ account: Account) throws {
    let row = try #require(grid.rows.firstIndex { $0.first == Labels.english.totalOverPeriod })
    #expect(agreesRelatively(number(grid[row, 1]), account.years.sum { $0.total(.total) }.value(in: Self.unit)))
  }

  /// A CSV number; LibreOffice writes a percentage cell as `12.34%`.
  private func number(_ text: String) -> Double? {
    text.hasSuffix("%") ? Double(text.dropLast()).map { $0 / 100 } : Double(text)
  }
}
