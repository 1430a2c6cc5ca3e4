import CarbonCost
import CementModel

/// The provinces side by side on what the carbon costs (`national/<methodology>/carbon-cost.csv`):
/// China's ETS balance and cost in each province's last ETS year, and the CBAM cost per tonne of
/// cement exported at each province's own intensity (actual route) and on default values, in
/// 2026, 2030 and 2034; ranked by the actual route's 2030 cost, highest first.
public enum NationalCarbonCost {
  /// The CBAM years shown.
  static let years = [2026, 2030, 2034]

  public static func csv(_ costs: [CarbonCostAccount], methodology: String) -> String {
    let cbamColumns = years.flatMap { ["cbam_actual_\($0)_eur_per_t_cement", "cbam_default_\($0)_eur_per_t_cement"] }
    var lines = [
      (["rank", "province", "methodology", "ets_year", "ets_balance_tco2", "ets_cost_cny", "ets_cost_cny_per_t_clinker"] + cbamColumns
        + ["cbam_actual_eur_per_t_clinker_2030"]).joined(separator: ",")
    ]
    for (index, cost) in ranked(costs).enumerated() {
      let ets = cost.markets.compactMap { if case .chinaETS(let m) = $0 { m } else { nil } }.first
      let cbam = cost.markets.compactMap { if case .euCBAM(let m) = $0 { m } else { nil } }.first
      let etsYear = ets.flatMap { m in cost.figures(of: m.name).map(\.year).max() }
      func value(_ market: String?, _ route: String, _ year: Int?, _ quantity: String) -> String {
        guard let market, let year, let f = cost.figure(market, route, year, quantity) else { return "" }
        return "\(f.figure.value)"
      }
      var fields = [
        "\(index + 1)", EmissionsCSV.field(cost.province), EmissionsCSV.field(methodology), etsYear.map(String.init) ?? "",
        value(ets?.name, "-", etsYear, "balance"), value(ets?.name, "-", etsYear, "cost"), value(ets?.name, "-", etsYear, "cost_per_tonne_clinker"),
      ]
      for year in years {
        fields.append(value(cbam?.name, "actual", year, "cost_per_tonne_cement"))
        fields.append(value(cbam?.name, "default", year, "cost_per_tonne_cement"))
      }
      fields.append(value(cbam?.name, "actual", 2030, "cost_per_tonne_clinker"))
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The national report's keys: `carbonCost` (rows: `rank`, `province`, `etsYear`,
  /// `etsBalance` Mt CO₂, `etsCost` million CNY, `cbam2026`, `cbam2030`, `cbam2034` €/t cement on
  /// the actual route, `default2030`) and `hasCarbonCost`.
  static func model(_ costs: [CarbonCostAccount]) -> [String: Any] {
    let rows: [[String: Any]] = ranked(costs).enumerated().map { index, cost in
      let ets = cost.markets.compactMap { if case .chinaETS(let m) = $0 { m.name } else { nil } }.first
      let cbam = cost.markets.compactMap { if case .euCBAM(let m) = $0 { m.name } else { nil } }.first
      let etsYear = ets.flatMap { name in cost.figures(of: name).map(\.year).max() }
      func v(_ market: String?, _ route: String, _ year: Int?, _ q: String, _ scale: Double, _ digits: Int) -> String {
        guard let market, let year, let f = cost.figure(market, route, year, q) else { return "–" }
        return Format.fixed(f.figure.value / scale, digits)
      }
      return [
        "rank": "\(index + 1)", "province": MarkdownText.cell(cost.province), "etsYear": etsYear.map(String.init) ?? "–",
        "etsBalance": v(ets, "-", etsYear, "balance", 1e6, 2), "etsCost": v(ets, "-", etsYear, "cost", 1e6, 1),
        "cbam2026": v(cbam, "actual", 2026, "cost_per_tonne_cement", 1, 1), "cbam2030": v(cbam, "actual", 2030, "cost_per_tonne_cement", 1, 1),
        "cbam2034": v(cbam, "actual", 2034, "cost_per_tonne_cement", 1, 1), "default2030": v(cbam, "default", 2030, "cost_per_tonne_cement", 1, 1),
      ]
    }
    return ["carbonCost": rows, "hasCarbonCost": !rows.isEmpty]
  }

  /// Highest actual-route CBAM cost per tonne of cement in 2030 first; provinces without one last, by name.
  static func ranked(_ costs: [CarbonCostAccount]) -> [CarbonCostAccount] {
    func key(_ c: CarbonCostAccount) -> Double {
      c.figures.first { $0.route == "actual" && $0.year == 2030 && $0.quantity == "cost_per_tonne_cement" }?.figure.value ?? -.infinity
    }
    return costs.sorted { (key($0), $1.province) > (key($1), $0.province) }
  }
}
