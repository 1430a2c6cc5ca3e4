import CementModel
import Testing

@testable import Accounting

/// The accountant over a small two-year activity series with hand-computed results.
struct AccountantTests {
  static func methodology(clinker: ClinkerMethod = .cementTimesRatio(.constant(1), source: "test"), stages: [StageDefinition] = []) -> Methodology {
    Methodology(
      name: "test", title: "test", files: ["test.yaml"], years: 2000...2001,
      factorSet: FactorSet(name: "P", source: "test", fuels: [
        .coal: FuelFactors(
          netCalorificValue: .perMass(Rate(20.908, .gigajoules, per: .tonnes)), carbonContent: Rate(baseValue: 26.37e-3),
          oxidationRate: Fraction(0.94), source: "test"),
      ]),
      electricity: ElectricityMethod(gridFactor: .constant(Rate(0.6101, .tonnesCO2, per: .megawattHours)), source: "test", isAssumption: true),
      process: ProcessMethod(emissionFactor: Sourced(Rate(0.525, .tonnesCO2, per: .tonnes), source: "CSI"), clinker: clinker),
      allocation: AllocationRule(share: .constant(.one), source: "test"), gapFilling: .carryForward, copiedYears: .flag,
      stageSeries: .energy, stages: stages)
  }

  static func activity(lpg: Bool = false) -> ActivitySeries {
    func mass(_ v: Double) -> ActivityValue { Traced(ActivityUnit(.tenThousandTonnes).amount(v)) }
    var fuels: [Fuel: [Int: ActivityValue]] = [
      .coal: [2000: mass(100), 2001: mass(200)],
      .electricity: [2000: Traced(ActivityUnit(.hundredMillionKilowattHours).amount(1)), 2001: Traced(ActivityUnit(.hundredMillionKilowattHours).amount(2))],
    ]
    if lpg { fuels["lpg"] = [2000: mass(3.49)] }
    return ActivitySeries(
      province: "test", years: 2000...2001, fuels: fuels,
      products: [.cement: [2000: Traced(Quantity(1000, .tenThousandTonnes)), 2001: Traced(Quantity(2000, .tenThousandTonnes))]])
  }

  @Test func accountsCombustionElectricityAndProcess() throws {
    let account = try Accountant(methodology: Self.methodology()).account(Self.activity())
    let y2000 = try #require(account[2000])
    #expect(abs(try #require(y2000.emissions(of: "coal")).value(in: .tonnesCO2) - 1_900_298.8488) < 1e-3)
    #expect(abs(try #require(y2000.emissions(of: "electricity")).value(in: .tonnesCO2) - 61_010) < 1e-6)
    #expect(abs(try #require(y2000.emissions(of: "calcination")).value(in: .tonnesCO2) - 5_250_000) < 1e-6)
    #expect(abs(y2000.total(.energy).value(in: .tonnesCO2) - (1_900_298.8488 + 61_010)) < 1e-3)
    #expect(abs(y2000.total(.total).value(in: .tonnesCO2) - (1_900_298.8488 + 61_010 + 5_250_000)) < 1e-3)
  }

  @Test func clinkerFromTheTableIsRequiredWhenTheMethodologySaysSo() {
    #expect(throws: AccountingError.self) {
      try Accountant(methodology: Self.methodology(clinker: .table)).account(Self.activity())
    }
  }

  @Test func aFuelWithoutFactorsIsReportedNotDropped() throws {
    let account = try Accountant(methodology: Self.methodology()).account(Self.activity(lpg: true))
    let finding = try #require(account.findings.first { $0.check == "unaccounted-fuel" })
    #expect(finding.message.contains("lpg"))
    #expect(finding.message.contains("3.49"))
  }

  @Test func stagesGiveCompoundGrowthFromTheirBase() throws {
    let account = try Accountant(methodology: Self.methodology(stages: [StageDefinition(name: "all", first: 2000, last: 2001)]))
      .account(Self.activity())
    let stage = try #require(StageAnalysis(account: account).declared.first)
    let expected = (2 * 1_900_298.8488 + 122_020) / (1_900_298.8488 + 61_010) - 1
    #expect(abs(try #require(stage.compoundAnnualGrowth) - expected) < 1e-9)
    #expect(stage.peakYear == 2001)
  }
}
