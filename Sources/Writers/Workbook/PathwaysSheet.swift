import Calculation
import CementModel
import Pathways
import XLSXWriting

/// The `Pathways` sheet: per scenario a block with one row per year, the levers as editable
/// input cells (in the units scenario files use) and each source's CO₂ as a live formula over
/// them, rendered from the projection's own expressions by ``ExcelFormula``; the year's total
/// sums the sources. Editing a lever cell recomputes that year.
struct PathwaysSheet {
  let record: PathwaysRecord
  static let name = "Pathways"
  static let levers = Lever.allCases
  /// Emission cells are in 10⁴ t CO₂, as the study's tables.
  static let scale = 1e4

  /// Where each lever term and each component figure of a block is written.
  struct Cells: CellMap {
    var terms: [TermID: CellBinding] = [:]
    var figures: [FigureID: CellBinding] = [:]
    func binding(for term: TermID) -> CellBinding? { terms[term] }
    func binding(for figure: FigureID) -> CellBinding? { figures[figure] }
  }

  func write(_ sheet: Worksheet) throws(XLSXError) {
    let input = CellStyle(fillColor: 0xFFF2CC, border: .thin)
    try sheet.write(.text("Scenario paths: lever cells (yellow) are inputs; CO₂ cells (10⁴ t) are formulas over them / 情景路径：黄色为杠杆输入，CO₂ 为公式"), row: 0, column: 0, style: CellStyle(bold: true))
    var row = 2
    for result in record.results {
      guard let first = result.years.first else { continue }
      let sources = first.components.map { "\($0.scope)/\($0.source)" }
      try sheet.write(.text("\(result.scenario.name): \(result.scenario.title)"), row: row, column: 0, style: CellStyle(bold: true))
      row += 1
      let header = ["year"] + Self.levers.map { "\($0.rawValue) (\($0.unit.symbol))" } + sources.map { "\($0) (10⁴ t CO₂)" } + ["total (10⁴ t CO₂)"]
      try sheet.writeRow(header.map { .text($0) }, row: row, style: .header)
      row += 1
      var cells = Cells()
      for year in result.years {
        for (column, lever) in Self.levers.enumerated() {
          let id = TermID(kind: .parameter("lever/\(lever)"), year: year.year, scope: result.province)
          cells.terms[id] = .cell(sheetPrefix: "", reference: cellReference(row: row, column: column + 1), row: row, column: column + 1, scale: lever.unit.toBase)
        }
        for (index, component) in year.components.enumerated() {
          let column = 1 + Self.levers.count + index
          cells.figures[component.figure.id] = .cell(
            sheetPrefix: "", reference: cellReference(row: row, column: column), row: row, column: column, scale: Self.scale)
        }
        let formula = ExcelFormula(cells: cells)
        try sheet.write(.number(Double(year.year)), row: row, column: 0)
        for (column, lever) in Self.levers.enumerated() {
          let value = (year.levers[lever]?.value ?? 0) / lever.unit.toBase
          try sheet.write(.number(value), row: row, column: column + 1, style: input)
        }
        for (index, component) in year.components.enumerated() {
          try sheet.write(
            .formula(formula.formula(component.figure.expression, scale: Self.scale), cachedValue: component.figure.value / Self.scale),
            row: row, column: 1 + Self.levers.count + index, style: .number2)
        }
        let total = Expression.sum(year.components.map(\.figure.reference))
        try sheet.write(
          .formula(formula.formula(total, scale: Self.scale), cachedValue: year.total / Self.scale), row: row,
          column: 1 + Self.levers.count + year.components.count, style: .number2.with { $0.bold = true })
        row += 1
      }
      row += 1
    }
    try sheet.setColumnWidth(1...(Self.levers.count + 12), width: 14)
    try sheet.freezePanes(row: 0, column: 1)
  }
}

/// The `Decomposition` sheet: for each pair of years (stages first), each LMDI-I effect in
/// 10⁴ t CO₂, and the sum of the effects as a live formula over them beside the change of the
/// totals, which it equals.
struct DecompositionSheet {
  let record: PathwaysRecord
  static let name = "Decomposition"

  func write(_ sheet: Worksheet) throws(XLSXError) {
    let effects = Effect.allCases.filter { $0 != .ccus }
    let header = ["stage", "from", "to"] + effects.map { "\($0.rawValue) (10⁴ t CO₂)" } + ["sum of effects", "from total", "to total", "change"]
    try sheet.write(.text("LMDI-I decomposition (Ang 2004, 2005, 2015) / LMDI-I 分解"), row: 0, column: 0, style: CellStyle(bold: true))
    try sheet.writeRow(header.map { .text($0) }, row: 1, style: .header)
    var row = 2
    for d in record.decompositions {
      var cells = PathwaysSheet.Cells()
      var terms: [Expression] = []
      for (index, effect) in effects.enumerated() {
        let term = Term(
          .accountFigure("effect/\(effect)"), year: d.to, scope: "\(d.from)", value: d.effects[effect] ?? 0, unit: .tonnesCO2,
          source: .definition("LMDI-I effect \(effect), \(d.from)→\(d.to)"))
        cells.terms[term.id] = .cell(sheetPrefix: "", reference: cellReference(row: row, column: 3 + index), row: row, column: 3 + index, scale: 1e4)
        terms.append(.term(term))
      }
      let sum = Expression.sum(terms)
      try sheet.writeRow([.text(d.stage ?? ""), .number(Double(d.from)), .number(Double(d.to))], row: row)
      try sheet.writeRow(effects.map { .number((d.effects[$0] ?? 0) / 1e4) }, row: row, column: 3, style: .number2)
      let column = 3 + effects.count
      try sheet.write(.formula(ExcelFormula(cells: cells).formula(sum, scale: 1e4), cachedValue: sum.value / 1e4), row: row, column: column, style: .number2)
      try sheet.writeRow(
        [.number(d.fromTotal / 1e4), .number(d.toTotal / 1e4), .number((d.toTotal - d.fromTotal) / 1e4)], row: row, column: column + 1, style: .number2)
      row += 1
    }
    try sheet.setColumnWidth(0, width: 34)
    try sheet.setColumnWidth(3...(effects.count + 7), width: 14)
  }
}

/// Writes `pathways.xlsx`: the `Decomposition` and `Pathways` sheets of a record.
public enum PathwaysWorkbook {
  public static func write(_ record: PathwaysRecord, to path: String) throws(XLSXError) {
    let workbook = try Workbook(
      path: path,
      properties: DocumentProperties(
        title: "\(record.account.province) pathways", author: "cement-accounts", created: CreationDate(year: 2026, month: 1, day: 1)))
    try DecompositionSheet(record: record).write(try workbook.addWorksheet(named: DecompositionSheet.name))
    try PathwaysSheet(record: record).write(try workbook.addWorksheet(named: PathwaysSheet.name))
    try workbook.close()
  }
}
