import Foundation
import Testing
@testable import Writers

/// The `Carbon cost` sheet, written with every cached value 0 and recalculated by LibreOffice,
/// gives the tool's own carbon-cost figures (to 1e-9 relative).
@Suite struct CarbonCostRecalculationTests {
  @Test(.enabled(if: WorkbookLibreOffice.isAvailable, "needs soffice on PATH and ../shared/tools/xlsx-recalc"))
  func libreOfficeRecomputesTheCarbonCost() throws {
    let scratch = try WorkbookScratch()
    defer { scratch.remove() }
    let record = try BundledRun.recordWithCarbonCost()
    let cost = try #require(record.carbonCost)
    let path = scratch.file("recalc.xlsx")
    try WorkbookWriter.write(record, to: path, options: .init(cachesComputedValues: false))
    try runWorkbookTool([WorkbookLibreOffice.recalcTool, path, scratch.path + "/csv"])
    let text = try String(contentsOfFile: scratch.path + "/csv/recalc-\(WorkbookWriter.CarbonCostSheet.name).csv", encoding: .utf8)
    let grid = WorkbookGrid(rows: parseRecalculatedCSV(text))
    let context = WorkbookWriter.Context(record, options: .init(cachesComputedValues: false))
    var checked = 0
    for cell in WorkbookWriter.CarbonCostSheet(context: context, cost: cost).plan() {
      guard case .formula(_, let value) = cell.content else { continue }
      let got = try #require(Double(grid[cell.row, cell.column]), "row \(cell.row) column \(cell.column): '\(grid[cell.row, cell.column])'")
      #expect(abs(got - value) <= 1e-9 * max(1, abs(value)), "row \(cell.row) column \(cell.column): \(got) vs \(value)")
      checked += 1
    }
    #expect(checked == cost.figures.count)
  }
}
