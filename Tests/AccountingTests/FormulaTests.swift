import CementModel
import Testing

@testable import Accounting

/// Each formula of the study against a value computed by hand.
struct FormulaTests {
  let coalNCV = NetCalorificValue.perMass(Rate(20.908, .gigajoules, per: .tonnes))
  let gasNCV = NetCalorificValue.perVolume(Rate(389.31, .gigajoules, per: .tenThousandCubicMetres))
  let tonnesCarbonPerTerajoule = { (v: Double) in Rate<CarbonMass, HeatEnergy>(baseValue: v / 1000) }

  @Test func activityDataIsNCVTimesFuelConsumption() throws {
    // 100 × 10⁴ t of coal × 20.908 GJ/t = 20 908 000 GJ
    let ad = try StudyFormulas.activityData(netCalorificValue: coalNCV, fuelConsumption: ActivityUnit(.tenThousandTonnes).amount(100))
    #expect(ad.value(in: .gigajoules) == 20_908_000)
    // 1 × 10⁸ m³ of gas × 389.31 GJ/10⁴ m³ = 3 893 100 GJ
    let gas = try StudyFormulas.activityData(
      netCalorificValue: gasNCV, fuelConsumption: ActivityUnit(.hundredMillionCubicMetres).amount(1))
    #expect(abs(gas.value(in: .gigajoules) - 3_893_100) < 1e-6)
  }

  @Test func activityDataRefusesAVolumeNCVForAMass() {
    #expect(throws: UnitMismatch.self) {
      try StudyFormulas.activityData(netCalorificValue: gasNCV, fuelConsumption: ActivityUnit(.tenThousandTonnes).amount(1))
    }
  }

  @Test func emissionFactorIsCarbonContentTimesOxidationTimes44Over12() {
    // 26.37 t C/TJ × 0.94 × 44/12 = 90.8886 t CO₂/TJ
    let ef = StudyFormulas.emissionFactor(carbonContent: tonnesCarbonPerTerajoule(26.37), oxidationRate: Fraction(0.94))
    #expect(abs(ef.value(in: .tonnesCO2, per: .terajoules) - 90.8886) < 1e-9)
  }

  @Test func combustionEmissionsSumActivityTimesFactor() throws {
    let coal = try StudyFormulas.activityData(netCalorificValue: coalNCV, fuelConsumption: ActivityUnit(.tenThousandTonnes).amount(100))
    let gas = try StudyFormulas.activityData(
      netCalorificValue: gasNCV, fuelConsumption: ActivityUnit(.hundredMillionCubicMetres).amount(1))
    let e = StudyFormulas.combustionEmissions([
      (coal, StudyFormulas.emissionFactor(carbonContent: tonnesCarbonPerTerajoule(26.37), oxidationRate: Fraction(0.94))),
      (gas, StudyFormulas.emissionFactor(carbonContent: tonnesCarbonPerTerajoule(15.3), oxidationRate: Fraction(0.99))),
    ])
    // 1 900 298.8488 t (coal) + 216 218.8809 t (gas)
    #expect(abs(e.value(in: .tonnesCO2) - (1_900_298.8488 + 216_218.8809)) < 1e-3)
  }

  @Test func electricityEmissionsAreConsumptionTimesGridFactor() {
    // 1 × 10⁸ kWh = 100 000 MWh × 0.6101 t/MWh = 61 010 t = 6.101 × 10⁴ t (not 0.6101: the ×10 the study missed)
    let e = StudyFormulas.electricityEmissions(
      electricity: Quantity(1, .hundredMillionKilowattHours), gridFactor: Rate(0.6101, .tonnesCO2, per: .megawattHours))
    #expect(abs(e.value(in: .tonnesCO2) - 61_010) < 1e-6)
    #expect(abs(e.value(in: .tenThousandTonnesCO2) - 6.101) < 1e-12)
  }

  @Test func processEmissionsAreFactorTimesClinker() {
    // 1954.88 × 10⁴ t × 0.525 t/t = 10 263 120 t
    let e = StudyFormulas.processEmissions(clinkerOutput: Quantity(1954.88, .tenThousandTonnes), emissionFactor: Rate(0.525, .tonnesCO2, per: .tonnes))
    #expect(abs(e.value(in: .tonnesCO2) - 10_263_120) < 1e-6)
  }

  @Test func clinkerIsCementTimesRatio() {
    let clinker = StudyFormulas.estimatedClinker(cementOutput: Quantity(1000, .tenThousandTonnes), clinkerRatio: 0.584)
    #expect(abs(clinker.value(in: .tenThousandTonnes) - 584) < 1e-9)
  }

  @Test func compoundGrowthAndShares() throws {
    let start = Quantity<CO2Mass>(2471.88, .tenThousandTonnesCO2), end = Quantity<CO2Mass>(4468.15, .tenThousandTonnesCO2)
    let cagr = try #require(Indicators.compoundAnnualGrowth(from: start, to: end, years: 4))
    #expect(abs(cagr - 0.159512) < 1e-6)
    #expect(Indicators.share(start, of: .zero) == nil)
    #expect(Indicators.growth(from: .zero, to: end) == nil)
  }
}
