import CementModel
import Testing
import Verification
import Writers

/// The inventory findings in both languages, from the same evidence.
struct InventoryVerificationTextTests {
  static func cells(ratio: Double) -> [InventoryCell] {
    (2011...2013).map { year in
      let activity = 2 + Double(year - 2011), r = activity * 88_638
      return InventoryCell(
        province: "alpha", year: year, source: "coke_oven_gas", recomputed: r, published: r * ratio, activity: activity,
        accountFactor: 88_638, location: "inventory!Alpha\(year)!G31")
    }
  }

  @Test func aFactorRatioGivesBothFactorsInEnglishAndChinese() throws {
    let verification = DeviationExplainer(tolerance: 1000).explainInventory(Self.cells(ratio: 1.3))
    let finding = try #require(verification.findings.first)
    let en = InventoryVerificationText.findingLine(finding, language: .en)
    let zh = InventoryVerificationText.findingLine(finding, language: .zh)
    #expect(en.hasPrefix("coke_oven_gas: factor-ratio in 3 cell(s): published = account × 1.3000 ± 0.0000"), "\(en)")
    #expect(en.contains("the inventory's factor 11.5229") && en.contains("against the account's 8.8638"), "\(en)")
    #expect(zh.hasPrefix("coke_oven_gas：factor-ratio，3 个单元格：清单 = 本核算 × 1.3000 ± 0.0000"), "\(zh)")
    #expect(zh.contains("清单因子 11.5229") && zh.contains("本核算因子 8.8638"), "\(zh)")
    // Three cells of 2, 3 and 4 × 10⁸ m³ at 8.8638 t/10⁴ m³ × 0.3: 0.3 × 9 × 88 638 t = 0.239 Mt.
    #expect(zh.hasSuffix("清单 − 本核算 = 0.239 Mt CO₂"), "\(zh)")
    let headline = InventoryVerificationText.headline(verification, language: .zh)
    #expect(headline.contains("3 个省份-年份中有 0 个（0.0 %）"), "\(headline)")
  }
}
