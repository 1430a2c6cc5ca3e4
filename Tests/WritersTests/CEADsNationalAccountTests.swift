import Accounting
import CementModel
import Foundation
import Pipeline
import Testing

/// Liaoning 2013 under ceads-national, computed by hand from the same cells as
/// `CEADsAccountTests.expected2013` (row 30 of Liaoning2013 of provincial-energy-inventory-2013.xlsx,
/// H5 of sheet 2013 of the apparent inventory), with the factors of ceads-national.yaml.
@Suite("Liaoning under ceads-national", .enabled(if: CEADsInputs.available, "needs the CEADs workbooks in \(CEADsInputs.folder)"))
struct CEADsNationalAccountTests {
  /// t CO₂. Process on clinker: Mt × 10⁶ ÷ 0.2906 t CO₂/t cement (cement output) × 0.584 (the
  /// 2013 clinker-to-cement ratio, China Cement Association) × 0.525 t CO₂/t clinker.
  /// The fuels whose factors ceads-national inherits (coke, coke-oven gas, the oils, LPG,
  /// refinery gas, natural gas) and electricity (0.6101 in 2013) are ceads-provincial's.
  static let changed: [String: Double] = [
    "raw_coal": 226.76118459471232 * 1e4 * 20.908 * 25.41e-3 * 0.92 * 44 / 12,
    "cleaned_coal": 25.021375573917943 * 1e4 * 26.344 * 25.41e-3 * 0.92 * 44 / 12,
    "other_washed_coal": 4.9683027683499006 * 1e4 * 15.373 * 25.41e-3 * 0.92 * 44 / 12,
    "briquettes": 2.7871794010366679 * 1e4 * 17.460 * 26.6e-3 * 0.90 * 44 / 12,
    "other_gas": 31.394654363465747 * 1e4 * 52.27 * 31.41e-3 * 0.99 * 44 / 12,
    "other_coking_products": 2.0403692493439203 * 1e4 * 33.453 * 22.0e-3 * 0.93 * 44 / 12,
    "calcination": 17.523092820000002 * 1e6 / 0.2906 * 0.584 * 0.525,
  ]
  static let expected2013: [String: Double] = CEADsAccountTests.expected2013.merging(changed) { _, national in national }

  @Test func liaoning2013OnAClinkerBasisWithEveryCombustedFuelMatchesTheHandComputation() throws {
    let account = try CEADsInputs.account("ceads-national", inputs: CEADsInputs.folder)
    let year = try #require(account[2013])
    #expect(Set(year.entries.map(\.source)) == Set(Self.expected2013.keys))
    for (source, expected) in Self.expected2013 {
      let value = try #require(year.emissions(of: source), "\(source)").value(in: .tonnesCO2)
      #expect(CEADsInputs.relativeDifference(value, expected) <= 1e-9, "2013 \(source): account \(value), by hand \(expected)")
    }
    // The process is CEADs' own figure × 0.525 × 0.584 ÷ 0.2906 = 1.0551 of it.
    let process = try #require(year.emissions(of: "calcination")).value(in: .tonnesCO2)
    #expect(abs(process / 17.523092820000002e6 - 1.0551) < 1e-4)
    // Only the energy types that are not combusted are left without a factor.
    let unaccounted = account.findings.filter { $0.check == "unaccounted-fuel" }.map { String($0.message.prefix { $0 != " " }) }
    #expect(Set(unaccounted) == ["heat", "other_energy", "other_petroleum_products"])
  }

  @Test func theDefaultForCEADsInputsIsCEADsNational() {
    #expect(Pipeline(inputs: CEADsInputs.folder).defaultMethodology == "ceads-national")
    #expect(Pipeline(inputs: BundledRun.repository + "/Inputs").defaultMethodology == "study-2025")
    #expect(Pipeline(inputs: BundledRun.repository + "/Inputs", ceads: CEADsInputs.folder).defaultMethodology == "ceads-national")
  }
}
