import Calculation
import CarbonCost
import Testing

/// The regulation's path and China's ETS, hand-computed with a test fixture's parameters
/// (round numbers, not the law's).
struct PathTests {
  static func p(_ key: String, _ value: Double, _ unit: UnitTag, year: Int? = nil) -> MarketParameter {
    MarketParameter(key: key, year: year, value: value, unit: unit, file: "fixture.yaml", line: 1, source: "test fixture")
  }

  /// Free share 50 %, 25 %, 0 in 2026–2028; mark-ups 10/20/30 %; default 2.0 t/t; benchmark
  /// 1.0 t/t; €100/t; 7 CNY/€; a deduction of 70 CNY/t on a net share `netShare`.
  static func cbam(netShare: Double = 0, deductionPrice: Double = 70) -> EUCBAM {
    let shares = [2026: 0.5, 2027: 0.25, 2028: 0.0]
    let markups = [2026: 0.1, 2027: 0.2, 2028: 0.3]
    return EUCBAM(
      name: "cbam", file: "fixture.yaml",
      goods: [
        CBAMGood(name: "cement", basis: .cement, cnCode: "2523 29 00", defaultValue: p("cbam.cement.default", 2.0, MarketUnits.intensity), benchmark: p("cbam.cement.benchmark", 1.0, MarketUnits.intensity)),
        CBAMGood(name: "clinker", basis: .clinker, cnCode: "2523 10 00", defaultValue: p("cbam.clinker.default", 1.0, MarketUnits.intensity), benchmark: p("cbam.clinker.benchmark", 0.5, MarketUnits.intensity)),
      ],
      markup: markups.reduce(into: [:]) { r, e in r[e.key] = p("cbam.markup", e.value, .one, year: e.key) },
      freeAllocationShare: shares.reduce(into: [:]) { r, e in r[e.key] = p("cbam.free_share", e.value, .one, year: e.key) },
      crossSectoralCorrection: p("cbam.cscf", 1, .one),
      certificatePrice: [2026: p("cbam.price", 100, MarketUnits.euroPerTonneCO2), 2027: p("cbam.price", 100, MarketUnits.euroPerTonneCO2), 2028: p("cbam.price", 100, MarketUnits.euroPerTonneCO2)],
      exchangeRate: p("cbam.rate", 7, MarketUnits.yuanPerEuro), deductionPrice: p("cbam.deduction.price", deductionPrice, MarketUnits.yuanPerTonneCO2),
      deductionNetShare: p("cbam.deduction.net_share", netShare, .one), deMinimis: p("cbam.de_minimis", 50, .tonnes))
  }

  /// One year, 2022: combustion 300 t, process 500 t, electricity 100 t CO₂; clinker 1 000 t, cement 1 200 t.
  static let account: AccountFigures = {
    func t(_ name: String, _ value: Double, _ unit: UnitTag) -> (String, Term) {
      (name, Term(.accountFigure(name), year: 2022, scope: "fixture", value: value, unit: unit, source: .figure(FigureID(name, year: 2022, scope: "fixture"))))
    }
    typealias N = AccountFigures.Name
    let terms = Dictionary(uniqueKeysWithValues: [
      t(N.combustion, 300, .tonnesCO2), t(N.process, 500, .tonnesCO2), t(N.electricity, 100, .tonnesCO2), t(N.clinker, 1000, .tonnes), t(N.cement, 1200, .tonnes),
    ])
    return AccountFigures(province: "fixture", years: [2022: terms])
  }()

  static func value(_ cost: CarbonCostAccount, _ market: String, _ route: String, _ year: Int, _ quantity: String) throws -> Double {
    try #require(cost.figure(market, route, year, quantity), "\(market) \(route) \(year) \(quantity)").figure.value
  }

  @Test func actualRouteOnTheAccountsIntensity() throws {
    let cost = CarbonCostAccount(Self.account, markets: [.euCBAM(Self.cbam())])
    // SEE = (300 + 500 + 100) / 1200 = 0.75; adjustment 1.0 × 0.5 = 0.5; 0.25 certificates; €25; 175 CNY.
    #expect(abs(try Self.value(cost, "cbam", "actual", 2026, "embedded_emissions_cement") - 0.75) < 1e-12)
    #expect(abs(try Self.value(cost, "cbam", "-", 2026, "free_allocation_adjustment_cement") - 0.5) < 1e-12)
    #expect(abs(try Self.value(cost, "cbam", "actual", 2026, "cost_per_tonne_cement") - 25) < 1e-9)
    #expect(abs(try Self.value(cost, "cbam", "actual", 2026, "cost_per_tonne_cement_cny") - 175) < 1e-9)
    // Clinker: direct only, (300 + 500) / 1000 = 0.8; adjustment 0.5 × 0.25 = 0.125 in 2027; 0.675 × 100 = €67.5.
    #expect(abs(try Self.value(cost, "cbam", "actual", 2027, "cost_per_tonne_clinker") - 67.5) < 1e-9)
  }

  @Test func theYearTheFreeShareReachesZeroPricesEveryTonne() throws {
    let cost = CarbonCostAccount(Self.account, markets: [.euCBAM(Self.cbam())])
    #expect(try Self.value(cost, "cbam", "-", 2028, "free_allocation_adjustment_cement") == 0)
    #expect(abs(try Self.value(cost, "cbam", "actual", 2028, "cost_per_tonne_cement") - 75) < 1e-9)
    // Default: 2.0 × 1.3 = 2.6 t/t, all of it: €260; verified data is worth 260 − 75 = €185.
    #expect(abs(try Self.value(cost, "cbam", "default", 2028, "cost_per_tonne_cement") - 260) < 1e-9)
    #expect(abs(try Self.value(cost, "cbam", "difference", 2028, "cost_per_tonne_cement") - 185) < 1e-9)
  }

  @Test func defaultRouteWithTheMarkup() throws {
    let cost = CarbonCostAccount(Self.account, markets: [.euCBAM(Self.cbam())])
    // 2.0 × 1.1 = 2.2; − 0.5 = 1.7 certificates; €170; difference 170 − 25 = 145.
    #expect(abs(try Self.value(cost, "cbam", "default", 2026, "embedded_emissions_cement") - 2.2) < 1e-12)
    #expect(abs(try Self.value(cost, "cbam", "default", 2026, "cost_per_tonne_cement") - 170) < 1e-9)
    #expect(abs(try Self.value(cost, "cbam", "difference", 2026, "cost_per_tonne_cement") - 145) < 1e-9)
  }

  @Test func aDeductionLargerThanTheObligationLeavesZeroCertificates() throws {
    // Paid in full at 7000 CNY/t: 0.75 × 1 × 7000 / (7 × 100) = 7.5 certificates, more than the 0.25 owed.
    let cost = CarbonCostAccount(Self.account, markets: [.euCBAM(Self.cbam(netShare: 1, deductionPrice: 7000))])
    #expect(abs(try Self.value(cost, "cbam", "actual", 2026, "deduction_cement") - 7.5) < 1e-12)
    #expect(try Self.value(cost, "cbam", "actual", 2026, "certificates_per_tonne_cement") == 0)
    #expect(try Self.value(cost, "cbam", "actual", 2026, "cost_per_tonne_cement") == 0)
    // A partial one: net share 0.5 at 70 CNY: 0.75 × 0.5 × 70 / 700 = 0.0375; 0.25 − 0.0375 = 0.2125 → €21.25.
    let partial = CarbonCostAccount(Self.account, markets: [.euCBAM(Self.cbam(netShare: 0.5))])
    #expect(abs(try Self.value(partial, "cbam", "actual", 2026, "cost_per_tonne_cement") - 21.25) < 1e-9)
  }

  @Test func theDeMinimisThreshold() {
    let threshold = Expression.term(Self.p("cbam.de_minimis", 50, .tonnes).term)
    let perTonne = Expression.term(Self.p("cost", 25, MarketUnits.euro / .tonnes).term)
    func mass(_ m: Double) -> Expression { .term(Term(.parameter("mass"), value: m, unit: .tonnes, source: .definition("imported mass"))) }
    #expect(CBAMRules.importerCost(mass: mass(50), costPerTonne: perTonne, threshold: threshold).value == 0)
    #expect(CBAMRules.importerCost(mass: mass(50.5), costPerTonne: perTonne, threshold: threshold).value == 1262.5)
    #expect(CBAMRules.importerCost(mass: mass(40), costPerTonne: perTonne, threshold: threshold).unit == MarketUnits.euro)
  }

  static func ets(_ rule: ChinaETS.Allocation) -> ChinaETS {
    ChinaETS(
      name: "ets", file: "fixture.yaml", allocation: [2022: rule], price: [2022: p("ets.price", 50, MarketUnits.yuanPerTonneCO2, year: 2022)],
      threshold: p("ets.threshold", 26000, .tonnesCO2))
  }

  @Test func chinaETSIntensityRule() throws {
    let rule = ChinaETS.Allocation.intensity(benchmark: Self.p("ets.benchmark", 0.6, MarketUnits.intensity, year: 2022), adjustment: Self.p("ets.adjustment", 1, .one, year: 2022))
    let cost = CarbonCostAccount(Self.account, markets: [.chinaETS(Self.ets(rule))])
    // Covered 300 + 500 = 800 (electricity out); allowances 1000 × 0.6 = 600; balance −200; cost 200 × 50 = 10 000 CNY.
    #expect(try Self.value(cost, "ets", "-", 2022, "covered_emissions") == 800)
    #expect(abs(try Self.value(cost, "ets", "-", 2022, "balance") + 200) < 1e-9)
    #expect(abs(try Self.value(cost, "ets", "-", 2022, "cost") - 10_000) < 1e-9)
    #expect(abs(try Self.value(cost, "ets", "-", 2022, "cost_per_tonne_clinker") - 10) < 1e-12)
    #expect(abs(try Self.value(cost, "ets", "-", 2022, "cost_per_tonne_cement") - 10_000.0 / 1200) < 1e-12)
  }

  @Test func chinaETSVerifiedEmissionsRuleCostsNothing() throws {
    let cost = CarbonCostAccount(Self.account, markets: [.chinaETS(Self.ets(.verifiedEmissions))])
    #expect(try Self.value(cost, "ets", "-", 2022, "balance") == 0)
    #expect(try Self.value(cost, "ets", "-", 2022, "cost") == 0)
  }

  @Test func everyFigureTracesItsParametersAndAccountCells() throws {
    let cost = CarbonCostAccount(Self.account, markets: [.euCBAM(Self.cbam())])
    let figure = try #require(cost.figure("cbam", "actual", 2026, "cost_per_tonne_cement")).figure
    let kinds = Set(figure.expression.terms.map(\.kind))
    #expect(kinds.contains(.accountFigure(AccountFigures.Name.electricity)))
    #expect(kinds.contains(.parameter("cbam.price")))
    #expect(figure.unit == MarketUnits.euro / .tonnes)
  }
}
