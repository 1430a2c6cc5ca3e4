import CementModel
import Testing

@testable import Calculation
import TestSupport

/// Terms of Liaoning's 2013 raw coal, as the study's formulas (1)–(3) use them.
private enum Coal2013 {
  static let record = SourceRecord(
    location: SourceLocation(file: "energy-2013.csv", line: 14, column: 3), originalText: "226.76", originalUnit: "万吨", label: "原煤 Raw coal")
  static let consumption = Term(.fuelConsumption(fuel: "coal"), year: 2013, value: 2_267_600, unit: .tonnes, source: .input(record))
  static let ncv = Term(
    .netCalorificValue(fuel: "coal"), value: 20.908, unit: UnitTag.gigajoules / UnitTag.tonnes,
    source: .dataFile(file: "study-2025.yaml", line: 35, key: "factor_set.fuels.coal.ncv"))
  static let carbon = Term(
    .carbonContent(fuel: "coal"), value: 0.02637, unit: UnitTag.tonnesCarbon / UnitTag.gigajoules,
    source: .dataFile(file: "study-2025.yaml", line: 36, key: "factor_set.fuels.coal.carbon_content"))
  static let oxidation = Term(
    .oxidationRate(fuel: "coal"), value: 0.94, unit: .one, source: .dataFile(file: "study-2025.yaml", line: 37, key: "factor_set.fuels.coal.oxidation"))
  static let emissions = Expression.product([.term(consumption), .term(ncv), .term(carbon), .term(oxidation), .term(.carbonToCO2)])
}

/// A map of the terms above to cells, in the units a workbook shows.
private struct SheetMap: CellMap {
  var terms: [TermID: CellBinding] = [:]
  var figures: [FigureID: CellBinding] = [:]
  func binding(for term: TermID) -> CellBinding? { terms[term] }
  func binding(for figure: FigureID) -> CellBinding? { figures[figure] }

  static func cell(_ sheet: String, _ row: Int, _ column: Int, scale: Double = 1) -> CellBinding {
    .cell(sheetPrefix: sheet.isEmpty ? "" : sheet + "!", reference: FormulaEvaluator.name(row: row + 1, column: column + 1), row: row, column: column, scale: scale)
  }
}

@Suite struct ExpressionTests {
  @Test func combustionOfCoalByHand() {
    // 2 267 600 t × 20.908 GJ/t = 47 410 980.8 GJ; × 0.02637 t C/GJ = 1 250 227.564 t C;
    // × 0.94 = 1 175 213.910 t C; × 44/12 = 4 309 117.670 t CO₂.
    #expect(abs(Coal2013.emissions.value - 4_309_117.670) < 0.001)
    #expect(Coal2013.emissions.unit == .tonnesCO2)
  }

  @Test func termsAreListedOnceInOrderOfUse() {
    let twice = Coal2013.emissions + Coal2013.emissions
    #expect(twice.terms.map(\.id) == [Coal2013.consumption, Coal2013.ncv, Coal2013.carbon, Coal2013.oxidation, Term.carbonToCO2].map(\.id))
    #expect(twice.terms[1].source.description == "study-2025.yaml:35 factor_set.fuels.coal.ncv")
  }

  @Test func valueWithOtherTermValues() {
    // Doubling the NCV doubles the figure; the other terms keep their values.
    let doubled = Coal2013.emissions.value { $0.id == Coal2013.ncv.id ? 2 * $0.value : $0.value }
    #expect(abs(doubled / Coal2013.emissions.value - 2) < 1e-15)
  }

  @Test func rendersWithUnitScalesFolded() {
    var map = SheetMap()
    map.terms[Coal2013.consumption.id] = SheetMap.cell("Activity", 5, 11, scale: 1e4)  // L6, 10⁴ t
    map.terms[Coal2013.ncv.id] = SheetMap.cell("Factors", 5, 1)  // B6, GJ/t
    map.terms[Coal2013.carbon.id] = SheetMap.cell("Factors", 5, 2, scale: 1e-3)  // C6, t C/TJ
    map.terms[Coal2013.oxidation.id] = SheetMap.cell("Factors", 5, 3)  // D6
    map.terms[Term.carbonToCO2.id] = .text("44/12")
    let renderer = ExcelFormula(cells: map)
    // Shown in 10⁴ t CO₂: 10⁴ × 1 × 10⁻³ / 10⁴ = 1/1000.
    #expect(renderer.formula(Coal2013.emissions, scale: 1e4) == "=Activity!L6*Factors!B6*Factors!C6*Factors!D6*44/12/1000")
    let evaluator = FormulaEvaluator(
      cells: ["Activity!L6": 226.76, "Factors!B6": 20.908, "Factors!C6": 26.37, "Factors!D6": 0.94], currentSheet: "Combustion")
    let fromFormula = try? evaluator.evaluate(renderer.formula(Coal2013.emissions, scale: 1e4))
    #expect(abs((fromFormula ?? 0) * 1e4 / Coal2013.emissions.value - 1) < 1e-12)
  }

  @Test func contiguousSumsBecomeRanges() {
    let parts = (0..<4).map { i in
      Figure(FigureID("combustion/fuel\(i)", year: 2013), .term(Term(.accountFigure("f\(i)"), value: Double(i + 1), unit: .tonnesCO2, source: .definition("test"))))
    }
    var map = SheetMap()
    for (i, part) in parts.enumerated() { map.figures[part.id] = SheetMap.cell("", 5, 1 + i, scale: 1e4) }
    let total = Expression.sum(parts.map(\.reference))
    #expect(total.value == 10)
    #expect(ExcelFormula(cells: map).formula(total, scale: 1e4) == "=SUM(B6:E6)")
    // Two operands stay a plain sum; a gap in the row does too.
    #expect(ExcelFormula(cells: map).formula(.sum([parts[0].reference, parts[1].reference]), scale: 1e4) == "=B6+C6")
    #expect(ExcelFormula(cells: map).formula(.sum([parts[0].reference, parts[1].reference, parts[3].reference]), scale: 1e4) == "=B6+C6+E6")
  }

  @Test func compoundGrowthAndBoundsRenderAndAgree() throws {
    let start = Term(.accountFigure("total 2009"), year: 2009, value: 24.72, unit: .tonnesCO2, source: .definition("test"))
    let end = Term(.accountFigure("total 2013"), year: 2013, value: 44.68, unit: .tonnesCO2, source: .definition("test"))
    // (44.68 / 24.72)^(1/4) − 1 = 0.159488 (the study Stage 2 rounded inputs).
    let cagr = Expression.power(.term(end) / .term(start), 0.25) - .number(1)
    #expect(abs(cagr.value - 0.159_488) < 1e-6)
    #expect(cagr.unit == .one)
    var map = SheetMap()
    map.terms[start.id] = SheetMap.cell("", 1, 1)
    map.terms[end.id] = SheetMap.cell("", 5, 1)
    let formula = ExcelFormula(cells: map).formula(cagr)
    #expect(formula == "=(B6/B2)^(1/4)-1")
    let evaluator = FormulaEvaluator(cells: ["S!B2": 24.72, "S!B6": 44.68], currentSheet: "S")
    #expect(abs(try evaluator.evaluate(formula) - cagr.value) < 1e-12)

    let floored = Expression.maximum(.number(0), .term(start) - .term(end))
    #expect(floored.value == 0)
    #expect(ExcelFormula(cells: map).formula(floored) == "=MAX(0,B2-B6)")
    let difference = Expression.term(end) - (Expression.term(start) - .term(start))
    #expect(ExcelFormula(cells: map).formula(difference) == "=B6-(B2-B2)")
  }

  @Test func sumsAcrossScalesAlignToTheFirst() throws {
    let a = Term(.accountFigure("a"), value: 20_000, unit: .tonnesCO2, source: .definition("test"))
    let b = Term(.accountFigure("b"), value: 3_000_000, unit: .tonnesCO2, source: .definition("test"))
    var map = SheetMap()
    map.terms[a.id] = SheetMap.cell("", 0, 0, scale: 1e4)  // A1 in 10⁴ t
    map.terms[b.id] = SheetMap.cell("", 0, 1, scale: 1e6)  // B1 in Mt
    let formula = ExcelFormula(cells: map).formula(.term(a) + .term(b), scale: 1e6)
    #expect(formula == "=(A1+B1*100)/100")
    let evaluator = FormulaEvaluator(cells: ["S!A1": 2, "S!B1": 3], currentSheet: "S")
    #expect(try evaluator.evaluate(formula) == 3.02)
  }

  @Test func unitsCombine() {
    #expect((UnitTag.tonnesCO2 / UnitTag.gigajoules * UnitTag.gigajoules) == .tonnesCO2)
    #expect((UnitTag.gigajoules / UnitTag.tonnes).description == "GJ/t")
    #expect(UnitTag.one.description == "1")
  }

  @Test func sumOfUnlikeUnitsIsRefusedWhenBuilt() async {
    await #expect(processExitsWith: .failure) {
      _ = Expression.term(Coal2013.consumption) + .term(Coal2013.ncv)
    }
  }
}
