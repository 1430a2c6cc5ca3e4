import Accounting
import Calculation
import CementModel
import TestSupport
import Testing
@testable import Writers

/// Every figure of the bundled account computed twice: in Swift from its expression, and from
/// the formula the workbook holds, evaluated over the written cells (no LibreOffice).
@Suite struct FormulaAgreementTests {
  @Test func everyFigureOfTheBundledAccountAgreesWithItsFormula() throws {
    let record = try WorkbookFixture.record()
    let scratch = try ScratchFolder("formula-agreement")
    defer { scratch.remove() }
    let path = scratch.file("workbook.xlsx")
    try WorkbookWriter.write(record, to: path)
    let stored = try StoredWorkbook(path)
    var values: [String: Double] = [:]
    var formulas: [String: String] = [:]
    for sheet in stored.sheetNames {
      for (reference, cell) in try stored.cells(sheet) {
        if let number = cell.number { values["\(sheet)!\(reference)"] = number }
        if let formula = cell.formula { formulas["\(sheet)!\(reference)"] = formula }
      }
    }
    let cells = WorkbookWriter.WorkbookCells(record.account, layout: WorkbookWriter.Layout(record))
    func key(_ place: WorkbookWriter.Place) -> String { "\(place.sheet)!\(WorkbookGrid.reference(place.row, place.column))" }

    var figures: [Figure] = []
    for year in record.account.years {
      figures += year.entries.map(\.figure)
      figures += Aggregate.allCases.map(year.figure)
    }
    for (fuel, factors) in record.account.methodology.factorSet.fuels {
      figures.append(Accountant.emissionFactor(fuel, factors, record.account.methodology))
    }
    var checked = 0
    for figure in figures {
      for named in [figure] + figure.expression.namedFigures {
        guard let place = cells.figures[named.id] else { continue }
        let formula = try #require(formulas[key(place)], "no formula in \(key(place)) for \(named.id)")
        let evaluator = FormulaEvaluator(cells: values, currentSheet: place.sheet)
        let fromFormula = try evaluator.evaluate(formula)
        let inSwift = named.value / place.scale
        #expect((fromFormula - inSwift).magnitude <= 1e-12 * inSwift.magnitude, "\(named.id): \(formula) = \(fromFormula), Swift \(inSwift)")
        checked += 1
      }
      for term in figure.expression.terms {
        guard let place = cells.terms[term.id], let written = values[key(place)] else { continue }
        #expect((written - term.value / place.scale).magnitude <= 1e-12 * (term.value / place.scale).magnitude, "\(term) in \(key(place))")
      }
    }
    #expect(checked > 200)
  }
}

extension Expression {
  /// The named figures inside the expression, at every depth, as figures.
  var namedFigures: [Figure] {
    switch self {
    case .term: []
    case .figure(let id, let inner): [Figure(id, inner)] + inner.namedFigures
    case .sum(let es), .product(let es): es.flatMap(\.namedFigures)
    case .difference(let a, let b), .quotient(let a, let b), .maximum(let a, let b), .minimum(let a, let b): a.namedFigures + b.namedFigures
    case .power(let a, _): a.namedFigures
    }
  }
}
