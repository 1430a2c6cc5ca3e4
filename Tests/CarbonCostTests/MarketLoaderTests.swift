import CarbonCost
import Calculation
import Foundation
import Importing
import Testing

/// The market files: the shipped ones load with every value, and broken ones give
/// `file:line:column: error:` messages.
struct MarketLoaderTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
  static func shipped(_ name: String) throws -> String { try String(contentsOfFile: "\(repository)/Inputs/markets/\(name).yaml", encoding: .utf8) }

  @Test func theShippedMarketsLoad() throws {
    guard case .euCBAM(let cbam) = try MarketLoader.parse(yaml: try Self.shipped("eu-cbam"), file: "eu-cbam.yaml") else { Issue.record("not a CBAM"); return }
    #expect(cbam.years == Array(2026...2034))
    #expect(cbam.freeAllocationShare[2034]?.value == 0)
    #expect(cbam.freeAllocationShare[2030]?.value == 0.515)
    #expect(cbam.markup[2027]?.value == 0.2)
    let cement = try #require(cbam.goods.first { $0.basis == .cement })
    #expect(cement.defaultValue.value == 1.42 && cement.defaultValue.unverified)
    #expect(cement.benchmark.unit == MarketUnits.intensity)
    #expect(cement.defaultValue.line != nil)
    guard case .chinaETS(let ets) = try MarketLoader.parse(yaml: try Self.shipped("china-ets"), file: "china-ets.yaml") else { Issue.record("not the ETS"); return }
    #expect(ets.years == Array(2021...2025))
    #expect(ets.allocation[2024] == .verifiedEmissions)
    guard case .study(let study) = try MarketLoader.parse(yaml: try Self.shipped("ets-cbam-2025"), file: "ets-cbam-2025.yaml") else { Issue.record("not the study"); return }
    #expect(study.chinaPrice.value == 60 && study.euPrice.value == 80 && study.exchangeRate.value == 8)
    #expect(study.cases.map(\.product) == ["cement", "aluminium"])
  }

  /// The error a broken copy of a shipped file gives.
  static func error(_ name: String, replacing target: String, with replacement: String) throws -> String {
    let text = try shipped(name)
    #expect(text.contains(target), "fixture edit: \(target)")
    do {
      _ = try MarketLoader.parse(yaml: text.replacingOccurrences(of: target, with: replacement), file: "\(name).yaml")
      Issue.record("no error")
      return ""
    } catch { return error.description }
  }

  static func line(of target: String, in name: String) throws -> Int {
    let lines = try shipped(name).split(separator: "\n", omittingEmptySubsequences: false)
    return 1 + (lines.firstIndex { $0.contains(target) } ?? -1)
  }

  @Test func aMissingYear() throws {
    let message = try Self.error("eu-cbam", replacing: "  2029: {value: 0.775", with: "  # 2029: {value: 0.775")
    #expect(message.contains("eu-cbam.yaml:"), "\(message)")
    #expect(message.contains("error: 'free_allocation_share' has no entry for 2029"), "\(message)")
    let price = try Self.error("china-ets", replacing: "  2023: {value: 80.08", with: "  # 2023: {value: 80.08")
    #expect(price.contains("error: 'price' has no entry for 2023") || price.contains("error: 'price' has no value for 2023"), "\(price)")
  }

  @Test func aMissingLastYear() throws {
    let message = try Self.error("eu-cbam", replacing: "  2034: {value: 0, unit: \"1\"", with: "  # 2034: {value: 0, unit: \"1\"")
    #expect(message.contains("error: 'free_allocation_share' has no value for 2034"), "\(message)")
  }

  @Test func aNegativePrice() throws {
    let message = try Self.error("china-ets", replacing: "2022: {value: 57.05", with: "2022: {value: -57.05")
    let line = try Self.line(of: "2022: {value: 57.05", in: "china-ets")
    #expect(message.hasPrefix("china-ets.yaml:\(line):"), "\(message)")
    #expect(message.contains("'price.2022' is negative"), "\(message)")
  }

  @Test func anUnknownKey() throws {
    let message = try Self.error("eu-cbam", replacing: "de_minimis:", with: "de_minimus:")
    let line = try Self.line(of: "de_minimis:", in: "eu-cbam")
    #expect(message.hasPrefix("eu-cbam.yaml:\(line):1: error: unknown key 'de_minimus' (did you mean 'de_minimis'?)"), "\(message)")
  }

  @Test func aBenchmarkInTheWrongUnit() throws {
    let target = "benchmark: {value: 0.666, unit: tCO2/t, source: \"IR 2025/2620, CBAM Column B grey Portland"
    let message = try Self.error("eu-cbam", replacing: target, with: target.replacingOccurrences(of: "unit: tCO2/t", with: "unit: kgCO2/t"))
    let line = try Self.line(of: target, in: "eu-cbam")
    #expect(message.hasPrefix("eu-cbam.yaml:\(line):"), "\(message)")
    #expect(message.contains("'goods.cement.benchmark' must be in tCO2/t, not 'kgCO2/t'"), "\(message)")
    #expect(message.contains("hint:"))
  }

  @Test func aValueWithoutASource() throws {
    let message = try Self.error("eu-cbam", replacing: "de_minimis: {value: 50, unit: t, source:", with: "de_minimis: {value: 50, unit: t, note:")
    #expect(message.contains("missing key 'de_minimis.source'"), "\(message)")
  }

  @Test func theSeedStudysTablesRecompute() throws {
    guard case .study(let study) = try MarketLoader.parse(yaml: try Self.shipped("ets-cbam-2025"), file: "ets-cbam-2025.yaml") else { return }
    let expected: [(String, String, String, Double)] = [
      ("cement", "without_cbam", "carbon_cost", 48), ("cement", "without_cbam", "total_cost", 235), ("cement", "without_cbam", "profit", 165),
      ("cement", "with_cbam", "carbon_cost", 512), ("cement", "with_cbam", "total_cost", 699), ("cement", "with_cbam", "profit", -299),
      ("aluminium", "without_cbam", "carbon_cost", 780), ("aluminium", "without_cbam", "total_cost", 11_780), ("aluminium", "without_cbam", "profit", 12_220),
      ("aluminium", "with_cbam", "carbon_cost", 8_320), ("aluminium", "with_cbam", "total_cost", 19_320), ("aluminium", "with_cbam", "profit", 4_680),
    ]
    let cells = expected.map { StudyCell(table: "x", product: $0.0, scenario: $0.1, item: $0.2, value: $0.3, location: "t") }
    #expect(SeedStudyVerification.verify(study, cells: cells).allSatisfy { $0.agrees })
    let broken = [StudyCell(table: "2", product: "cement", scenario: "with_cbam", item: "profit", value: -298, location: "t")]
    #expect(!SeedStudyVerification.verify(study, cells: broken)[0].agrees)
  }
}
