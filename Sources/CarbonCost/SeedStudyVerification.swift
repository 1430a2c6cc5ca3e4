import Calculation

/// A cell of the seed study's Tables 2–3, as `Inputs/published/ets-cbam-2025/tables-2-3.csv` gives it.
public struct StudyCell: Sendable, Hashable {
  public let table: String
  public let product: String
  /// `without_cbam` or `with_cbam`.
  public let scenario: String
  /// `revenue`, `carbon_cost`, `total_cost`, `profit`.
  public let item: String
  public let value: Double
  /// Where the cell was read (`tables-2-3.csv:3`).
  public let location: String

  public init(table: String, product: String, scenario: String, item: String, value: Double, location: String) {
    self.table = table
    self.product = product
    self.scenario = scenario
    self.item = item
    self.value = value
    self.location = location
  }
}

/// One published cell against the figure the study's formula gives.
public struct StudyCheck: Sendable {
  public let cell: StudyCell
  /// The recomputed figure, or nil when the study's parameters have no such product or item.
  public let figure: Figure?
  /// True when the recomputed value equals the published one (to 1e-9 relative: "exactly").
  public var agrees: Bool {
    guard let figure else { return false }
    return abs(figure.value - cell.value) <= 1e-9 * max(1, abs(cell.value))
  }
}

/// A simplification of the study against the regulation's path, with the figure it changes.
public struct Simplification: Sendable {
  public let text: String
  /// The study's figure and the regulation path's, as printed.
  public let effect: String
}

/// Recomputes the seed study's Tables 2–3 with its formulas (1)–(6) and states each of its
/// simplifications against the regulation's path (carbon-cost.md §3).
public enum SeedStudyVerification {
  /// The study's figures for one product: items by scenario, each built from formulas (1)–(6).
  public static func figures(_ study: SeedStudy, _ c: SeedStudy.Case) -> [String: [String: Figure]] {
    func figure(_ scenario: String, _ item: String, _ e: Expression) -> Figure {
      Figure(FigureID("\(study.name)/\(c.product)/\(scenario)/\(item)"), e)
    }
    let revenue = c.revenue.expression
    let carbon = figure("without_cbam", "carbon_cost", SeedStudyFormulas.carbonCost(intensity: c.intensity.expression, chinaPrice: study.chinaPrice.expression))
    let total = figure("without_cbam", "total_cost", SeedStudyFormulas.totalCost(production: c.productionCost.expression, carbon: carbon.reference))
    let profit = figure("without_cbam", "profit", SeedStudyFormulas.profit(revenue: revenue, totalCost: total.reference))
    let cbamCarbon = figure(
      "with_cbam", "carbon_cost",
      SeedStudyFormulas.cbamCarbonCost(intensity: c.intensity.expression, euPrice: study.euPrice.expression, exchangeRate: study.exchangeRate.expression))
    let cbamTotal = figure("with_cbam", "total_cost", SeedStudyFormulas.totalCost(production: c.productionCost.expression, carbon: cbamCarbon.reference))
    let cbamProfit = figure("with_cbam", "profit", SeedStudyFormulas.profit(revenue: revenue, totalCost: cbamTotal.reference))
    return [
      "without_cbam": ["revenue": figure("without_cbam", "revenue", revenue), "carbon_cost": carbon, "total_cost": total, "profit": profit],
      "with_cbam": ["revenue": figure("with_cbam", "revenue", revenue), "carbon_cost": cbamCarbon, "total_cost": cbamTotal, "profit": cbamProfit],
    ]
  }

  /// Every published cell against its recomputed figure.
  public static func verify(_ study: SeedStudy, cells: [StudyCell]) -> [StudyCheck] {
    let byProduct = Dictionary(study.cases.map { ($0.product, figures(study, $0)) }, uniquingKeysWith: { a, _ in a })
    return cells.map { StudyCheck(cell: $0, figure: byProduct[$0.product]?[$0.scenario]?[$0.item]) }
  }

  /// The study's simplifications against the regulation's path (`cbam`, China's ETS), each
  /// with the figure it changes, computed with the path's own rules at the study's inputs.
  public static func simplifications(_ study: SeedStudy, cbam: EUCBAM) -> [Simplification] {
    guard let cement = study.cases.first(where: { $0.product == "cement" }),
      let good = cbam.goods.first(where: { $0.basis == .cement })
    else { return [] }
    let all = figures(study, cement)
    let before = all["without_cbam"]!, after = all["with_cbam"]!
    let rise = after["total_cost"]!.value - before["total_cost"]!.value
    var result: [Simplification] = []
    result.append(
      Simplification(
        text: "The text's \"RMB 464 per ton, equivalent to a 97% surge\": the increase over C_total",
        effect: "\(f(rise)) / \(f(before["total_cost"]!.value)) = +\(f(100 * rise / before["total_cost"]!.value, 1)) % (×\(f(after["total_cost"]!.value / before["total_cost"]!.value, 2))), not +97 %"))
    // The path at the study's own intensity, EU price and exchange rate.
    func path(_ year: Int, defaultRoute: Bool) -> Double? {
      guard let share = cbam.freeAllocationShare[year], let markup = cbam.markup[year] else { return nil }
      let see = defaultRoute ? CBAMRules.defaultEmissions(good.defaultValue.expression, markup: markup.expression) : cement.intensity.expression
      let adjustment = CBAMRules.freeAllocationAdjustment(
        benchmark: good.benchmark.expression, freeShare: share.expression, correction: cbam.crossSectoralCorrection.expression)
      let certificates = CBAMRules.certificates(emissions: see, adjustment: adjustment, deduction: .number(0) * see)
      return CBAMRules.inYuan(CBAMRules.cost(certificates: certificates, price: study.euPrice.expression), exchangeRate: study.exchangeRate.expression).value
    }
    let years = [2026, 2030, 2034].filter { cbam.freeAllocationShare[$0] != nil }
    let studyCost = after["carbon_cost"]!.value
    result.append(
      Simplification(
        text: "No free-allocation adjustment (benchmark \(f(good.benchmark.value, 3)) × the free share, 97.5 % in 2026, 0 in 2034): formula (4) prices every tonne",
        effect: "C_carbon-CBAM \(f(studyCost)) CNY/t is the 2034 cost; at the study's 0.8 t/t: " + years.map { "\($0) \(f(path($0, defaultRoute: false) ?? 0))" }.joined(separator: ", ")))
    result.append(
      Simplification(
        text: "No default values or mark-ups: without verified data the base is the China default \(f(good.defaultValue.value, 3)) t/t × (1 + mark-up), not 0.8",
        effect: "default route, CNY/t: " + years.map { "\($0) \(f(path($0, defaultRoute: true) ?? 0))" }.joined(separator: ", ")))
    let kept = after["total_cost"]!.value + before["carbon_cost"]!.value
    result.append(
      Simplification(
        text: "China's carbon cost is dropped under CBAM, as if fully deducted (Art. 9 deducts only the price paid net of free allocation, ≈ 0 while allowances ≈ verified emissions)",
        effect: "C_total-CBAM 699 = 187 + 512; keeping formula (1)'s \(f(before["carbon_cost"]!.value)): \(f(kept)) CNY/t, profit \(f(cement.revenue.value - kept))"))
    result.append(
      Simplification(
        text: "Formula (1) prices all emissions at the CEA price: China's ETS covers combustion and process on clinker only (electricity, ~5 % per the study, excluded) and its 2024 allowances equal verified emissions",
        effect: "C_carbon 48 → \(f(0.95 * before["carbon_cost"]!.value, 1)) CNY/t without electricity; 0 net under the 2024 rule"))
    result.append(
      Simplification(
        text: "Aluminium is direct-only under CBAM (Annex II), but its 13 t/t includes coal-grid power (13 300 kWh/t × 0.8273 t/MWh ≈ 11.0 t)",
        effect: "C_carbon-CBAM 8 320 → about \(f((13 - 13.3 * 0.8273) * study.euPrice.value * study.exchangeRate.value)) CNY/t on direct emissions alone"))
    if let price = cbam.certificatePrice[years.first ?? 2026] {
      result.append(
        Simplification(
          text: "€\(f(study.euPrice.value)) instead of the published certificate price €\(f(price.value, 2)) (2026-Q1); 8 CNY/€ assumed",
          effect: "C_carbon-CBAM \(f(studyCost)) → \(f(cement.intensity.value * price.value * study.exchangeRate.value, 1)) CNY/t"))
    }
    result.append(Simplification(text: "The importer (the EU authorised declarant), not the exporter, owes the certificates", effect: "who pays; no figure changes"))
    return result
  }

  /// A number as printed in the lines (`96.4`, `1 181`).
  static func f(_ x: Double, _ decimals: Int = 0) -> String {
    let p = pow10(decimals)
    let rounded = (x * p).rounded() / p
    if decimals == 0 { return String(Int64(rounded)) }
    var text = String(rounded)
    let parts = text.split(separator: ".")
    if parts.count == 2, parts[1].count < decimals { text += String(repeating: "0", count: decimals - parts[1].count) }
    return text
  }

  static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }
}
