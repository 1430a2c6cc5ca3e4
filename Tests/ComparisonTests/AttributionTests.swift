import CementModel
import Comparison
import Testing

/// The split of a change into parts, on hand-made figures whose floating-point differences do
/// not add up (0.1 + 0.2 ≠ 0.3), to show that the parts telescope exactly.
@Suite struct AttributionTests {
  static let key = FigureKey(province: "p", year: 2000, scope: "combustion", source: "coal")

  static func table(_ tonnes: Double?) -> FigureTable {
    FigureTable(province: "p", methodology: "m", values: tonnes.map { [key: $0] } ?? [:])
  }

  @Test func partsAddUpExactlyEvenWhenFloatsDoNot() throws {
    let a = Fixtures.methodology(grid: 0.6101, ratio: 1)
    let b = Fixtures.methodology(grid: 0.5366, ratio: 0.6)
    // Steps whose double differences do not sum to the total: 0.1 → 0.3 → 0.7 (t), with noise.
    let values = [0.1, 0.1 + 0.2, 0.7000000000000001]
    var step = 0
    let attribution = Attribution.attribute(from: a, to: b, accountA: Self.table(values[0]), accountB: Self.table(values[2])) { _ in
      step += 1
      return Self.table(values[step])
    }
    #expect(attribution.groups == [.electricity, .process])
    let parts = try #require(attribution.parts[Self.key])
    #expect(parts[.electricity] == 200_000)
    #expect(parts[.process] == 400_000)
    #expect(parts.values.reduce(0, +) == attribution.totals[Self.key])
    #expect(attribution.totals[Self.key] == 600_000)
  }

  @Test func aFigureOnlyOneSideHasCountsFromZero() {
    let a = Fixtures.methodology(grid: 0.6101, ratio: 1)
    let b = Fixtures.methodology(grid: 0.6101, ratio: 0.5)
    let attribution = Attribution.attribute(from: a, to: b, accountA: Self.table(nil), accountB: Self.table(12.5)) { _ in Self.table(nil) }
    #expect(attribution.parts[Self.key]?[.process] == 12_500_000)
  }

  @Test func keysFlattenAndGroup() {
    let a = MethodologyKeys.flatten(Fixtures.methodology(grid: 0.6101, ratio: 1))
    let b = MethodologyKeys.flatten(Fixtures.methodology(grid: 0.5366, ratio: 1))
    let differences = MethodologyKeys.differences(a, b)
    #expect(differences.count == 2)  // the grid factor of each of the two years
    #expect(differences.first?.key == "electricity.grid_factor.2000" && differences.first?.group == .electricity)
    #expect(differences.first?.a == "0.6101 tCO2/MWh" && differences.first?.b == "0.5366 tCO2/MWh")
  }

  @Test func emissionsCSVErrorsNameTheLine() {
    let text = "province,methodology,year,scope,source,tco2,flags\np,m,2000,combustion,coal,12x,\n"
    #expect(throws: ComparisonError.self) { try FigureTable.parse(csv: text, file: "e.csv") }
    do {
      _ = try FigureTable.parse(csv: text, file: "e.csv")
    } catch {
      #expect(error.description.hasPrefix("e.csv:2:6: error: expected tonnes of CO₂"))
    }
  }
}

enum Fixtures {
  static func methodology(grid: Double, ratio: Double) -> Methodology {
    Methodology(
      name: "m", title: "m", files: [], years: 2000...2001,
      factorSet: FactorSet(name: "f", source: "", fuels: [:]),
      electricity: ElectricityMethod(gridFactor: .constant(Rate(baseValue: grid)), source: "s", isAssumption: false),
      process: ProcessMethod(
        emissionFactor: Sourced(Rate(baseValue: 0.525), source: "CSI"), clinker: .cementTimesRatio(.constant(ratio), source: "r")),
      allocation: AllocationRule(share: .constant(.one), source: "a"), gapFilling: .carryForward, copiedYears: .flag,
      stageSeries: .energy, stages: [])
  }
}
