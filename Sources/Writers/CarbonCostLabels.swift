import CarbonCost

/// The words of the carbon-cost outputs (the `Carbon cost` sheet and the report's section), in
/// English and Chinese.
struct CarbonCostLabels {
  let language: Language

  private func t(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

  var sheetTitle: String { t("What the carbon costs: China's national ETS and the EU CBAM", "碳成本：全国碳排放权交易市场与欧盟碳边境调节机制") }
  var sheetNote: String {
    t(
      "Every figure is a formula over the account's cells (Totals and shares, Process) and the parameters below: change a price or a benchmark and the costs follow. Parameters marked unverified rest on third-party transcriptions.",
      "每个数字都是引用核算表（Totals and shares、Process）和下方参数的公式：修改价格或基准值，成本随之更新。标注“未核实”的参数来自未经官方文本核对的转录。")
  }
  var parameters: String { t("Market parameters", "市场参数") }
  var parameterHeaders: [String] {
    [t("Parameter", "参数"), t("Year", "年份"), t("Value", "数值"), t("Unit", "单位"), t("Source", "来源"), t("Unverified", "未核实")]
  }
  var unverified: String { t("unverified", "未核实") }
  var year: String { t("Year", "年份") }
  func marketTitle(_ market: Market) -> String {
    switch market {
    case .chinaETS: t("China national ETS (covered: combustion + process on clinker; electricity excluded)", "全国碳市场（覆盖熟料生产的燃烧与过程排放，不含外购电力）")
    case .euCBAM: t("EU CBAM per tonne exported, 2026–2034: default values and the account's own intensity", "欧盟CBAM每吨出口成本（2026–2034）：默认值与本核算强度")
    case .study: t("Seed study", "种子研究")
    }
  }

  /// A column header: the route, the quantity and the unit.
  func header(route: String, quantity: String, unit: String) -> String {
    let r: String =
      switch route {
      case "default": t("default values", "默认值") + ": "
      case "actual": t("actual data", "实际数据") + ": "
      case "difference": t("value of verified data", "核证数据的价值") + ": "
      default: ""
      }
    return "\(r)\(name(quantity)) (\(unit))"
  }

  /// A quantity's name.
  func name(_ quantity: String) -> String {
    let good = quantity.hasSuffix("_clinker") || quantity.hasSuffix("_clinker_cny") ? t("clinker", "熟料") : t("cement", "水泥")
    let base = quantity.replacingOccurrences(of: "_cny", with: "").replacingOccurrences(of: "_cement", with: "").replacingOccurrences(of: "_clinker", with: "")
    let text: String =
      switch base {
      case "covered_emissions": t("covered emissions", "覆盖排放")
      case "allowances": t("allowances", "配额")
      case "balance": t("balance (allowances − covered)", "盈缺（配额 − 覆盖排放）")
      case "cost": t("cost of the balance", "盈缺成本")
      case "cost_per_tonne": t("cost per t \(good)", "每吨\(good)成本")
      case "free_allocation_adjustment": t("free-allocation adjustment per t \(good)", "每吨\(good)免费配额调整")
      case "embedded_emissions": t("embedded emissions per t \(good)", "每吨\(good)隐含排放")
      case "deduction": t("deduction per t \(good)", "每吨\(good)抵扣")
      case "certificates_per_tonne": t("certificates per t \(good)", "每吨\(good)证书数")
      default: quantity
      }
    return text
  }

  // MARK: Report

  var reportHeading: String { t("What the carbon costs", "碳成本") }
  var reportFigureCaption: String {
    t("CBAM cost per tonne of cement exported to the EU, by year: default values and the account's own intensity", "出口欧盟每吨水泥的CBAM成本（按年）：默认值与本核算强度")
  }
  var etsHeading: String { t("China national ETS", "全国碳市场") }
  var cbamHeading: String { t("EU CBAM, per tonne exported", "欧盟CBAM，每吨出口") }
  var etsColumns: [String] {
    [t("Year", "年份"), t("Covered (Mt CO₂)", "覆盖排放（百万吨CO₂）"), t("Allowances (Mt CO₂)", "配额（百万吨CO₂）"), t("Balance (Mt CO₂)", "盈缺（百万吨CO₂）"),
     t("Cost (million CNY)", "成本（百万元）"), t("CNY/t clinker", "元/吨熟料"), t("CNY/t cement", "元/吨水泥")]
  }
  var cbamColumns: [String] {
    [t("Year", "年份"), t("Cement, default (€/t)", "水泥，默认值（欧元/吨）"), t("Cement, actual (€/t)", "水泥，实际（欧元/吨）"),
     t("Value of verified data (€/t)", "核证数据的价值（欧元/吨）"), t("Clinker, default (€/t)", "熟料，默认值（欧元/吨）"), t("Clinker, actual (€/t)", "熟料，实际（欧元/吨）")]
  }
  var defaultRoute: String { t("default values", "默认值") }
  var actualRoute: String { t("actual data", "实际数据") }
  func reportNote(referenceYear: Int?, unverified: Int) -> String {
    t(
      "China's ETS: covered emissions are combustion + process on clinker (electricity excluded); a negative balance is a deficit to buy at the CEA price. The cement sector was first covered for 2024: earlier years are a what-if under the 2017 draft benchmark. CBAM: embedded emissions on actual data are the account's own intensity of \(referenceYear.map(String.init) ?? "its last year") (cement: direct + indirect per t cement; clinker: direct per t clinker); minus the benchmark × the year's free-allocation share; minus the deduction of a carbon price paid in China net of free allocation; never below zero; times the certificate price. \(unverified) parameters rest on unverified transcriptions (see the workbook's Carbon cost sheet).",
      "全国碳市场：覆盖排放为熟料生产的燃烧与过程排放（不含电力）；盈缺为负即需按CEA价格购买的缺口。水泥行业自2024年度起纳入，此前年份按2017年征求意见稿基准值作假设测算。CBAM：实际数据的隐含排放取本核算\(referenceYear.map { "\($0)年" } ?? "最后一年")的强度（水泥：每吨水泥的直接+间接排放；熟料：每吨熟料的直接排放）；减去基准值×当年免费配额比例；再减去在中国已支付且扣除免费配额后的碳价抵扣；不低于零；乘以证书价格。共\(unverified)个参数依据未经核实的转录（见工作簿“Carbon cost”表）。")
  }
}
