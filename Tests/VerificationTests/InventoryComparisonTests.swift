import CementModel
import Testing
import Verification

/// The inventory comparison on made-up provinces with one fault planted at a time: a fuel whose
/// published factor differs from the account's, an activity that differs between the two files,
/// zeros, and a process figure on another basis.
struct InventoryComparisonTests {
  static let provinces = ["alpha", "beta", "gamma", "delta"]
  static let years = Array(2011...2016)
  /// t CO₂ per reporting unit (10⁴ t, 10⁸ m³).
  static let coalFactor = 17_921.5, gasFactor = 88_638.0

  /// Activity in reporting units, never repeating.
  static func activity(_ province: Int, _ year: Int, _ base: Double) -> Double { base * (1 + 0.1 * Double(province)) + 3 * Double(year - 2010) }

  /// Every cell agrees, except where `plant` gives another published value.
  static func cells(plant: (String, String, Int, Double) -> Double? = { _, _, _, _ in nil }) -> [InventoryCell] {
    var cells: [InventoryCell] = []
    for (p, province) in provinces.enumerated() {
      for year in years {
        for (fuel, factor, base) in [("raw_coal", coalFactor, 400.0), ("coke_oven_gas", gasFactor, 2.0)] {
          let a = activity(p, year, base), r = a * factor
          cells.append(
            InventoryCell(
              province: province, year: year, source: fuel, recomputed: r, published: plant(province, fuel, year, r) ?? r, activity: a,
              accountFactor: factor, location: "inventory!\(province)\(year)!B31"))
        }
        let process = 1e7 * (1 + Double(p)) + 1e5 * Double(year - 2010)
        cells.append(
          InventoryCell(
            province: province, year: year, source: InventoryCell.process, recomputed: process,
            published: plant(province, InventoryCell.process, year, process) ?? process, activity: nil, accountFactor: nil,
            location: "inventory!\(province)\(year)!V31"))
      }
    }
    return cells
  }

  let explainer = DeviationExplainer(tolerance: 1000)

  @Test func agreeingCellsGiveNoFindingAndEveryProvinceYearWithin() {
    let result = explainer.explainInventory(Self.cells())
    #expect(result.findings.isEmpty)
    #expect(result.within == Self.provinces.count * Self.years.count)
    #expect(result.unexplained.isEmpty)
  }

  @Test func aPlantedFactorRatioIsNamedWithBothFactors() throws {
    // The inventory counts coke-oven gas at 1.3 × the account's factor, everywhere.
    let result = explainer.explainInventory(Self.cells { _, fuel, _, r in fuel == "coke_oven_gas" ? r * 1.3 : nil })
    let finding = try #require(result.findings.first { $0.source == "coke_oven_gas" })
    #expect(result.findings.count == 1)
    #expect(finding.kind == .factorRatio)
    #expect(finding.cells.count == Self.provinces.count * Self.years.count)
    #expect(abs((finding.fit?.mean ?? 0) - 1.3) < 1e-9)
    // Both factors, per 10⁴ m³: 88 638 × 1.3 ÷ 10⁴ = 11.5229 and 8.8638.
    #expect(finding.explanation.contains("the inventory's factor 11.5229"), "\(finding.explanation)")
    #expect(finding.explanation.contains("against the account's 8.8638"), "\(finding.explanation)")
  }

  @Test func aPlantedActivityDisagreementIsNamedAndExplainsItsProvinceYear() throws {
    // Beta 2013: the emission inventory's raw coal implies 30 % less coal than the energy inventory holds.
    let result = explainer.explainInventory(Self.cells { province, fuel, year, r in
      province == "beta" && fuel == "raw_coal" && year == 2013 ? r * 0.7 : nil
    })
    let finding = try #require(result.findings.first)
    #expect(result.findings.count == 1)
    #expect(finding.kind == .activityDisagreement)
    #expect(finding.cells == [InventoryCellKey(province: "beta", year: 2013)])
    // Activity 400 × 1.1 + 9 = 449 against 314.3 implied at the inventory's (median) factor.
    #expect(finding.explanation.contains("beta 2013, activity 449.00 against 314.30 implied"), "\(finding.explanation)")
    #expect(finding.explanation.contains("inventory!beta2013!B31"))
    let outside = result.provinceYears.filter { !$0.withinTolerance }
    #expect(outside.map(\.key) == [InventoryCellKey(province: "beta", year: 2013)])
    #expect(outside.first?.causes.map(\.kind) == [.activityDisagreement])
    #expect(result.unexplained.isEmpty)
  }

  @Test func zerosOnEitherSideAreNamed() {
    let result = explainer.explainInventory(Self.cells { province, fuel, year, r in
      province == "gamma" && fuel == "raw_coal" && year == 2016 ? 0 : nil
    })
    #expect(result.findings.map(\.kind) == [.zeroPublished])
    #expect(result.findings.first?.cells == [InventoryCellKey(province: "gamma", year: 2016)])
  }

  @Test func aProcessOnAnotherBasisIsOneRatioPerYear() throws {
    // Published process = account × a ratio that changes by year but not by province.
    let result = explainer.explainInventory(Self.cells { _, fuel, year, r in
      fuel == InventoryCell.process ? r * (0.9 + 0.01 * Double(year - 2011)) : nil
    })
    let finding = try #require(result.findings.first)
    #expect(finding.kind == .processBasis)
    #expect(finding.cells.count == Self.provinces.count * Self.years.count)
    #expect(finding.explanation.contains("2011 0.9000, 2012 0.9100"), "\(finding.explanation)")
    // Process is not part of the combustion totals.
    #expect(result.within == Self.provinces.count * Self.years.count)
  }

  @Test func thePublishersFactorIsFoundWhereMostCellsDisagree() throws {
    // Raw coal differs in every year of three provinces of four (by 10 % to 40 %), as in
    // Shandong's files; alpha's six years still hold the factor, so all 18 are disagreements.
    let result = explainer.explainInventory(Self.cells { province, fuel, year, r in
      fuel == "raw_coal" && province != "alpha" ? r * (0.6 + 0.05 * Double(year - 2011) + 0.01 * Double(province.count)) : nil
    })
    let finding = try #require(result.findings.first)
    #expect(result.findings.count == 1)
    #expect(finding.kind == .activityDisagreement)
    #expect(finding.cells.count == 18)
    #expect(finding.publishedFactor == Self.coalFactor)
  }
}
