import Calculation
import CementModel
import Testing

@testable import Accounting

/// Each entry's figure: an expression over traced terms whose value is the entry's, whose terms
/// are its inputs and factors, each factor traced to its methodology key and line.
struct FigureTests {
  @Test func theCoalFigureIsConsumptionTimesNCVTimesTheEmissionFactor() throws {
    let account = try Accountant(methodology: AccountantTests.methodology()).account(AccountantTests.activity())
    let coal = try #require(account[2000]?.entries.first { $0.source == "coal" })
    #expect(coal.figure.value == coal.emissions.baseValue)
    #expect(coal.figure.unit == UnitTag.tonnesCO2)
    // 100 × 10⁴ t × 20.908 GJ/t × (44/12 × 26.37 t C/TJ × 0.94) = 1 900 298.8488 t CO₂, by hand.
    #expect(abs(coal.figure.value - 1_900_298.8488) < 1e-3)
    let kinds = coal.figure.expression.terms.map(\.kind)
    #expect(kinds == [.fuelConsumption(fuel: "coal"), .netCalorificValue(fuel: "coal"), .constant("44/12"), .carbonContent(fuel: "coal"), .oxidationRate(fuel: "coal")])
    let total = try #require(account[2000]).figure(.total)
    #expect(total.value == account[2000]?.total(.total).baseValue)
  }

  @Test func theTypedFormulasAgreeBitForBitWithTheExpressions() throws {
    let methodology = AccountantTests.methodology()
    let factors = try #require(methodology.factorSet.fuels[.coal])
    let ef = StudyFormulas.emissionFactor(carbonContent: factors.carbonContent, oxidationRate: factors.oxidationRate)
    #expect(ef.baseValue == Accountant.emissionFactor(.coal, factors, methodology).value)
    let account = try Accountant(methodology: methodology).account(AccountantTests.activity())
    let coal = try #require(account[2000]?.entries.first { $0.source == "coal" })
    let ad = try StudyFormulas.activityData(netCalorificValue: factors.netCalorificValue, fuelConsumption: ActivityUnit(.tenThousandTonnes).amount(100))
    #expect(StudyFormulas.combustionEmissions([(ad, ef)]).baseValue == coal.figure.value)
    let process = try #require(account[2000]?.entries.first { $0.scope == .process })
    let clinker = StudyFormulas.estimatedClinker(cementOutput: Quantity(1000, .tenThousandTonnes), clinkerRatio: 1)
    #expect(StudyFormulas.processEmissions(clinkerOutput: clinker, emissionFactor: Rate(0.525, .tonnesCO2, per: .tonnes)).baseValue == process.figure.value)
    let y2000 = try #require(account[2000]), y2001 = try #require(account[2001])
    let growth = try #require(Indicators.growth(from: y2000.figure(.total).reference, to: y2001.figure(.total).reference))
    #expect(growth.value == Indicators.growth(from: y2000.total(.total), to: y2001.total(.total)))
  }

  @Test func aFactorTermCitesItsKeyLineAndTheFileItWasInheritedFrom() throws {
    let base = AccountantTests.methodology()
    let methodology = Methodology(
      name: "child", title: "child", files: ["child.yaml", "base.yaml"], years: base.years, factorSet: base.factorSet,
      electricity: base.electricity, process: base.process, allocation: base.allocation, gapFilling: base.gapFilling,
      copiedYears: base.copiedYears, stageSeries: base.stageSeries, stages: base.stages,
      keyLocations: [
        "factor_set.fuels.coal.ncv": SourceLocation(file: "base.yaml", line: 7, column: 9),
        "electricity.grid_factor": SourceLocation(file: "child.yaml", line: 4, column: 3),
      ])
    let account = try Accountant(methodology: methodology).account(AccountantTests.activity())
    let terms = try #require(account[2000]).entries.flatMap(\.figure.expression.terms)
    let ncv = try #require(terms.first { $0.kind == .netCalorificValue(fuel: "coal") })
    #expect(ncv.source == .dataFile(file: "child.yaml", line: nil, key: "factor_set.fuels.coal.ncv", inheritedFrom: "base.yaml:7"))
    let grid = try #require(terms.first { $0.kind == .gridFactor })
    #expect(grid.source == .dataFile(file: "child.yaml", line: 4, key: "electricity.grid_factor"))
  }
}
