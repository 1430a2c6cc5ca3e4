import CementModel
import Importing
import Testing

/// ceads-national.yaml: a factor for every combusted CEADs energy type, the formerly
/// unaccounted ones computed by hand.
struct CEADsNationalMethodologyTests {
  static let folder = "/" + #filePath.split(separator: "/").dropLast(3).joined(separator: "/") + "/Inputs/methodologies"
  let methodology: Methodology

  init() throws {
    methodology = try MethodologyLoader(read: { try String(contentsOfFile: $0, encoding: .utf8) }).load(path: Self.folder + "/ceads-national.yaml")
  }

  /// t CO₂ per tonne (per 10⁴ m³ for gases) of a fuel's factors: NCV × CC × OF × 44/12.
  func factor(_ fuel: Fuel) throws -> Double {
    let f = try #require(methodology.factorSet.fuels[fuel], "\(fuel) has no factor")
    let ncv: Double =
      switch f.netCalorificValue {
      case .perMass(let rate): rate.value(in: .gigajoules, per: .tonnes)
      case .perVolume(let rate): rate.value(in: .gigajoules, per: .tenThousandCubicMetres)
      }
    return ncv * f.carbonContent.value(in: .tonnesOfCarbon, per: .terajoules) / 1000 * f.oxidationRate.value * 44 / 12
  }

  @Test func otherGasAndOtherCokingProductsHaveDocumentedFactors() throws {
    // Other gas: GB/T 2589 producer gas 52.27 GJ/10⁴ m³ × 31.41 tC/TJ × 0.99 × 44/12 = 5.9597 t/10⁴ m³ (CEADs implies 5.9593).
    #expect(abs(try factor("other_gas") - 5.9597) < 5e-5)
    // Other coking products: coal tar 33.453 GJ/t × 22.0 tC/TJ (IPCC 2006) × 0.93 × 44/12 = 2.50964 t/t (CEADs 2.5158).
    #expect(abs(try factor("other_coking_products") - 2.50964) < 1e-5)
  }

  @Test func theCoalFactorsAreCheckedAgainstCEADs() throws {
    // CEADs' Nonmetal emissions ÷ activity, 30 provinces × 2011–2019: raw coal 1.7921, cleaned
    // coal 2.2581, other washed coal 1.3194, briquettes 1.5254 t CO₂/t.
    #expect(abs(try factor("raw_coal") / 1.7921 - 1) < 1e-4)
    #expect(abs(try factor("cleaned_coal") / 2.2581 - 1) < 1e-4)
    #expect(abs(try factor("other_washed_coal") / 1.3194 - 1) < 0.002)
    #expect(abs(try factor("briquettes") / 1.5254 - 1) < 0.005)
  }

  @Test func everyCombustedCEADsEnergyTypeHasAFactor() throws {
    let notCombusted: Set<Fuel> = ["heat", "other_energy", "other_petroleum_products", .electricity]
    for fuel in CEADsFixture.catalogueFuels where !notCombusted.contains(fuel) {
      #expect(methodology.factorSet.fuels[fuel] != nil, "\(fuel) has no factor in ceads-national")
    }
    #expect(methodology.files.map { String($0.split(separator: "/").last!) } == ["ceads-national.yaml", "ceads-provincial.yaml", "study-2025.yaml"])
  }

  @Test func processIsOnClinkerWithARatioForEveryYear() throws {
    guard case .cementTimesRatio(let ratios, _) = methodology.process.clinker else {
      Issue.record("expected cement-times-ratio")
      return
    }
    #expect(ratios.value(for: 2013) == 0.584)
    #expect(methodology.years.allSatisfy { ratios.value(for: $0) != nil })
    #expect(methodology.electricity.gridFactor.value(for: 2021)?.value(in: .tonnesCO2, per: .megawattHours) == 0.5568)
  }
}
