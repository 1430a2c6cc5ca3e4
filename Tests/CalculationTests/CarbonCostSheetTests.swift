import Accounting
import CarbonCost
import CementModel
import Foundation
import Pipeline
import TestSupport
import Testing

@testable import Writers

/// The `Carbon cost` sheet's formulas, evaluated by ``FormulaEvaluator`` over the account's
/// cells and the sheet's parameter cells, give the figures the tool computed; and a changed
/// price cell changes them as the expressions say.
@Suite struct CarbonCostSheetTests {
  /// The evaluator's A1 name of a 0-based cell.
  static func a1(_ row: Int, _ column: Int) -> String { FormulaEvaluator.name(row: row + 1, column: column + 1) }

  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  static func record() throws -> RunRecord {
    let pipeline = Pipeline(inputs: repository + "/Inputs")
    let account = try Pipeline.account(try pipeline.importProvince("liaoning"), methodology: try pipeline.methodology("study-2025"))
    let markets = try ["china-ets", "eu-cbam"].map { try pipeline.market(repository + "/Inputs/markets/\($0).yaml") }
    var record = RunRecord(account: account, inputFiles: [], toolVersion: "test")
    record.carbonCost = Pipeline.carbonCost(account, markets: markets)
    return record
  }

  /// The cells the sheet refers to on other sheets, from the account (in 10⁴ t, as shown there).
  static func accountCells(_ record: RunRecord, _ context: WorkbookWriter.Context) -> [String: Double] {
    var cells: [String: Double] = [:]
    let figures = AccountFigures(record.account)
    for (year, terms) in figures.years {
      guard let row = context.layout.row(year) else { continue }
      func put(_ sheet: String, _ column: Int, _ name: String) {
        if let t = terms[name] { cells["\(sheet)!\(Self.a1(row, column))"] = t.value / 1e4 }
      }
      typealias N = AccountFigures.Name
      typealias L = WorkbookWriter.Layout
      put(L.Sheet.totals, WorkbookWriter.TotalsColumns.combustion, N.combustion)
      put(L.Sheet.totals, WorkbookWriter.TotalsColumns.electricity, N.electricity)
      put(L.Sheet.totals, WorkbookWriter.TotalsColumns.process, N.process)
      put(L.Sheet.process, WorkbookWriter.ProcessColumns.cement, N.cement)
      put(L.Sheet.process, WorkbookWriter.ProcessColumns.clinker, N.clinker)
    }
    return cells
  }

  /// Evaluates every planned formula, in as many passes as the references between them need.
  static func evaluate(_ plan: [WorkbookWriter.CarbonCostSheet.Planned], cells start: [String: Double]) throws -> [String: Double] {
    var cells = start
    let sheet = WorkbookWriter.CarbonCostSheet.name
    for cell in plan { if case .number(let x) = cell.content { cells["\(sheet)!\(Self.a1(cell.row, cell.column))"] = x } }
    var pending = plan.compactMap { cell -> (String, String)? in
      guard case .formula(let text, _) = cell.content else { return nil }
      return ("\(sheet)!\(Self.a1(cell.row, cell.column))", text)
    }
    while !pending.isEmpty {
      var still: [(String, String)] = []
      for (name, text) in pending {
        let evaluator = FormulaEvaluator(cells: cells, currentSheet: sheet)
        if let value = try? evaluator.evaluate(text) {
          cells[name] = value
        } else {
          still.append((name, text))
        }
      }
      guard still.count < pending.count else { throw FormulaEvaluator.Failure(description: "unresolvable: \(still.prefix(3))") }
      pending = still
    }
    return cells
  }

  @Test func theSheetsFormulasRecomputeTheToolsFigures() throws {
    let record = try Self.record()
    let cost = try #require(record.carbonCost)
    let context = WorkbookWriter.Context(record, options: WorkbookWriter.Options())
    let plan = WorkbookWriter.CarbonCostSheet(context: context, cost: cost).plan()
    let cells = try Self.evaluate(plan, cells: Self.accountCells(record, context))
    var checked = 0
    for cell in plan {
      guard case .formula(_, let value) = cell.content else { continue }
      let got = try #require(cells["\(WorkbookWriter.CarbonCostSheet.name)!\(Self.a1(cell.row, cell.column))"])
      #expect(abs(got - value) <= 1e-9 * max(1, abs(value)), "row \(cell.row) column \(cell.column): \(got) vs \(value)")
      checked += 1
    }
    #expect(checked == cost.figures.count)
  }

  @Test func aChangedPriceCellChangesTheCost() throws {
    let record = try Self.record()
    let cost = try #require(record.carbonCost)
    let context = WorkbookWriter.Context(record, options: WorkbookWriter.Options())
    let sheet = WorkbookWriter.CarbonCostSheet(context: context, cost: cost)
    let plan = sheet.plan()
    // The certificate price's parameter row: its value is in column C.
    let priceRow = try #require(plan.first { if case .text("eu-cbam.certificate_price") = $0.content { true } else { false } }).row
    let changed = plan.map { cell -> WorkbookWriter.CarbonCostSheet.Planned in
      cell.row == priceRow && cell.column == 2 ? .init(row: cell.row, column: 2, content: .number(150.72), style: nil) : cell
    }
    let cells = try Self.evaluate(changed, cells: Self.accountCells(record, context))
    let figure = try #require(cost.figure("eu-cbam", "default", 2034, "cost_per_tonne_cement"))
    let planned = try #require(plan.first { if case .formula(_, let v) = $0.content { v == figure.figure.value } else { false } })
    let got = try #require(cells["\(WorkbookWriter.CarbonCostSheet.name)!\(Self.a1(planned.row, planned.column))"])
    #expect(abs(got - 2 * figure.figure.value) < 1e-9)  // twice the price, twice the 2034 cost (no free allocation left)
  }
}
