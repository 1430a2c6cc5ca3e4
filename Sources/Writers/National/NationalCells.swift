import Accounting
import Calculation
import CementModel
import XLSXWriting

/// The national workbook's figures as expressions over the provinces' (or the years') figures,
/// each in its row of one sheet, rendered by ``ExcelFormula`` (sums written out, `D4+E4+F4`).
struct NationalRowCells: CellMap {
  /// The row's figures by name (`combustion`, `electricity`, `process`, `total`, `cement`), each
  /// a term of `scope` (a province or a year).
  let columns: [String: Int]
  let row: Int
  let scope: String

  /// The term of a column's figure (values in 10⁴ t: the sheet's unit).
  func term(_ name: String, _ value: Double) -> Expression {
    .term(Term(.accountFigure(name), scope: scope, value: value, unit: name == "cement" ? .tonnes : .tonnesCO2, source: .figure(FigureID(name, scope: scope))))
  }

  /// `total = combustion + electricity + process`.
  func total(_ combustion: Double, _ electricity: Double, _ process: Double) -> Expression {
    .sum([term("combustion", combustion), term("electricity", electricity), term("process", process)])
  }

  /// The total as the figure of its cell.
  func totalFigure(_ value: Double) -> Expression { .figure(FigureID("total", scope: scope), term("total", value)) }

  func binding(for term: TermID) -> CellBinding? {
    guard case .accountFigure(let name) = term.kind, let column = columns[name] else { return nil }
    return cell(column)
  }

  func binding(for figure: FigureID) -> CellBinding? { columns[figure.name].map(cell) }

  private func cell(_ column: Int) -> CellBinding {
    .cell(sheetPrefix: "", reference: cellReference(row: row, column: column), row: row, column: column, scale: 1)
  }

  /// The formula text of `expression` (sums written out, never `SUM`).
  func formula(_ expression: Expression) -> String { ExcelFormula(cells: self, minimumRangeSum: .max).text(expression) }
}
