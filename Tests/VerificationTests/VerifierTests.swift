import Accounting
import CementModel
import Foundation
import Pipeline
import Testing

@testable import Verification

/// The verifier against the bundled study, with faults planted in copies of its published table.
struct VerifierTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  static func bundled() throws -> (Account, PublishedTable) {
    let pipeline = Pipeline(inputs: repository + "/Inputs")
    let account = try Pipeline.account(try pipeline.importProvince("liaoning"), methodology: try pipeline.methodology("study-2025"))
    return (account, try #require(try pipeline.publishedTables(province: "liaoning").first))
  }

  /// The table with one cell's value replaced.
  static func planting(_ table: PublishedTable, year: Int, column: String, value: Double) -> PublishedTable {
    let cells = table.cells.map { cell in
      cell.year == year && cell.column == column
        ? PublishedCell(year: year, column: column, value: value, text: "\(value)", location: cell.location) : cell
    }
    return PublishedTable(
      title: table.title, citation: table.citation, methodology: table.methodology, unit: table.unit, tolerance: table.tolerance,
      columns: table.columns, cells: cells, statements: table.statements, files: table.files)
  }

  @Test func everyPublishedCellAgrees() throws {
    let (account, table) = try Self.bundled()
    let report = Verifier().verify(account, against: table)
    #expect(report.cells.count == 230)
    #expect(report.tablesAgree)
    #expect(report.tolerance == 0.01)
  }

  @Test func anAccountOverFewerYearsComparesOnlyItsYears() throws {
    let pipeline = Pipeline(inputs: Self.repository + "/Inputs")
    let methodology = try pipeline.methodology("study-2025").over(years: 2011...2022)
    let account = try Pipeline.account(try pipeline.importProvince("liaoning").restricted(to: 2011...2022), methodology: methodology)
    let table = try #require(try pipeline.publishedTables(province: "liaoning").first)
    let report = Verifier().verify(account, against: table)
    #expect(report.cells.count == 120)
    #expect(report.tablesAgree)
    #expect(report.cellsOutsideYears.count == 110)
    #expect(Set(report.cellsOutsideYears.map(\.year)) == Set(2000...2010))
    // energy-2000, the stage-1 and stage-2 growth rates, the 2009 figures, the whole-period peak and trough …
    #expect(report.statementsOutsideYears.contains { $0.id == "energy-2000" })
    #expect(report.statementsOutsideYears.contains { $0.id == "stage-2-growth" })
    #expect(!report.statementsOutsideYears.contains { $0.id == "stage-3-growth" })
    #expect(report.statements.allSatisfy { !$0.recomputed.hasPrefix("no ") })
  }

  @Test func aPlantedCellIsTheOnlyOneThatDiffers() throws {
    let (account, table) = try Self.bundled()
    let report = Verifier().verify(account, against: Self.planting(table, year: 2011, column: "electricity", value: 919.1))
    let differing = report.differingCells
    #expect(differing.count == 1)
    #expect(differing.first?.cell.year == 2011)
    #expect(abs((differing.first?.recomputed ?? 0) - 91.91) < 0.005)
  }

  @Test func aLooserToleranceOverridesTheTables() throws {
    let (account, table) = try Self.bundled()
    let planted = Self.planting(table, year: 2000, column: "coal", value: 1065.10)
    #expect(!Verifier().verify(account, against: planted).tablesAgree)
    #expect(Verifier(tolerance: 0.05).verify(account, against: planted).tablesAgree)
  }

  @Test func statedGrowthRatesAreCheckedAsCompoundRates() throws {
    let (account, table) = try Self.bundled()
    let report = Verifier().verify(account, against: table)
    let stage2 = try #require(report.statements.first { $0.statement.id == "stage-2-growth" })
    #expect(!stage2.holds)
    #expect(stage2.recomputed == "15.95 % compound; arithmetic mean of annual rates 17.00 %")
    let peak = try #require(report.statements.first { $0.statement.id == "peak-on-2009" })
    #expect(peak.holds)
    #expect(report.failedStatements.map(\.statement.id) == ["stage-1-growth", "stage-2-growth", "stage-3-growth", "process-cumulative-growth"])
  }
}
