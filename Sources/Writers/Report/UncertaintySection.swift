import CementModel
import Mustache
import Uncertainty

/// The report's section on how sure the figures are (IPCC 2006 Vol. 1 Ch. 3, Approaches 1 and
/// 2): every number formatted, every sentence in the record's language.
public struct UncertaintySection: Sendable {
  public struct Row: Sendable {
    public let year: String
    public let central: String
    public let approachOne: String
    public let monteCarlo: String
    public let u: String
  }
  public struct Stage: Sendable {
    public let name: String
    public let central: String
    public let interval: String
    public let direction: String
    public let probability: String
  }
  public struct Contribution: Sendable {
    public let rank: String
    public let input: String
    public let share: String
  }
  public struct Input: Sendable {
    public let input: String
    public let distribution: String
    public let range: String
    public let source: String
  }
  public struct Line: Sendable {
    public let text: String
  }

  public let draws: String
  public let seed: String
  public let figure: String
  public let structure: [Line]
  public let inputs: [Input]
  public let totals: [Row]
  public let stages: [Stage]
  public let hasStages: Bool
  public let peakSentence: String
  public let rankingSentence: String
  public let contributions: [Contribution]
  public let agreementSentence: String
  public let trendSentence: String

  init(_ a: UncertaintyAnalysis, labels: UncertaintyLabels) {
    func mt(_ x: Double) -> String { Format.fixed(x / 1e6, 2) }
    func pct(_ x: Double, _ d: Int = 1) -> String { Format.fixed(x * 100, d) }
    draws = "\(a.draws)"
    seed = "\(a.seed)"
    figure = UncertaintyChart.file
    structure = labels.structure(a).map { Line(text: MarkdownText.inline($0)) }
    inputs = a.inputs.map { i in
      let range = i.uncertainty.lower == -i.uncertainty.upper
        ? "±\(pct(i.uncertainty.upper)) %" : "\(pct(i.uncertainty.lower)) % … +\(pct(i.uncertainty.upper)) %"
      return Input(
        input: MarkdownText.cell(labels.inputClass(i.inputClass) + (i.fuel.map { " (\($0.id))" } ?? "")), distribution: labels.shape(i.uncertainty.shape),
        range: range, source: MarkdownText.cell(i.uncertainty.source))
    }
    totals = a.figures.filter { $0.key.scope == "total" }.map { f in
      Row(
        year: "\(f.key.year)", central: mt(f.central), approachOne: "\(mt(f.central - f.approachOneHalfWidth))–\(mt(f.central + f.approachOneHalfWidth))",
        monteCarlo: "\(mt(f.lower))–\(mt(f.upper))", u: "±\(pct(f.approachOneU))")
    }
    stages = a.stages.map { s in
      Stage(
        name: MarkdownText.cell(s.name), central: pct(s.central, 2), interval: "\(pct(s.lower, 2)) … \(pct(s.upper, 2))",
        direction: s.grows ? labels.growth : labels.decline, probability: pct(s.probability))
    }
    hasStages = !a.stages.isEmpty
    peakSentence = labels.peak(a.peakYear, a.peakProbability.map { pct($0) }, labels.aggregate(a.stageSeries))
    rankingSentence = labels.ranking(a.rankingYear)
    contributions = a.contributions.prefix(10).enumerated().map { i, c in
      Contribution(rank: "\(i + 1)", input: MarkdownText.cell(c.input), share: pct(c.share))
    }
    agreementSentence = labels.agreement(a.disagreements.map { ("\($0.year)", pct($0.difference), $0.reason) }, a.wideInputs)
    if let last = a.trend.last, let base = a.baseYear {
      trendSentence = labels.trend("\(base)", "\(last.year)", pct(last.trend), pct(last.uncertainty))
    } else {
      trendSentence = ""
    }
  }
}

/// The section's words in one language.
struct UncertaintyLabels: Sendable {
  let inputClass: @Sendable (InputClass) -> String
  let shape: @Sendable (DistributionShape) -> String
  let aggregate: @Sendable (Aggregate) -> String
  let growth: String
  let decline: String
  let structure: @Sendable (UncertaintyAnalysis) -> [String]
  let peak: @Sendable (_ year: Int?, _ probability: String?, _ series: String) -> String
  let ranking: @Sendable (_ year: Int?) -> String
  let agreement: @Sendable (_ years: [(year: String, difference: String, reason: String)], _ wide: [String]) -> String
  let trend: @Sendable (_ base: String, _ year: String, _ trend: String, _ uncertainty: String) -> String
  let chartTitle: String
  let chartUnit: String

  static func of(_ language: Language) -> UncertaintyLabels { language == .zh ? chinese : english }

  static let english = UncertaintyLabels(
    inputClass: { c in
      switch c {
      case .fuelConsumption: "fuel consumption"
      case .electricityConsumption: "electricity consumption"
      case .netCalorificValue: "net calorific value"
      case .carbonContent: "carbon content"
      case .oxidationRate: "oxidation rate"
      case .gridFactor: "grid factor"
      case .processFactor: "process factor"
      case .clinkerRatio: "clinker ratio"
      case .clinkerOutput: "clinker output"
      case .cementOutput: "cement output"
      case .allocationShare: "allocation share"
      }
    },
    shape: { $0.rawValue },
    aggregate: { a in
      switch a {
      case .combustion: "combustion"
      case .electricity: "electricity"
      case .energy: "energy (combustion + electricity)"
      case .process: "process"
      case .total: "total"
      }
    },
    growth: "growth", decline: "decline",
    structure: { $0.structure },
    peak: { year, p, series in
      guard let year, let p else { return "The draws give no peak year." }
      return "The \(series) series peaks in \(year) in the account; \(p) % of the draws peak in \(year) too."
    },
    ranking: { year in
      "Contribution of each input to the variance of the \(year.map(String.init) ?? "") total (squared correlation of the input's draw with the total, normalised to 100 %): where better data pays most."
    },
    agreement: { years, wide in
      var text = years.isEmpty
        ? "Approach 1 and the Monte Carlo half-widths of every year's total agree within 10 %."
        : "Approach 1 and the Monte Carlo half-widths of the total differ by more than 10 % in " + years.map { "\($0.year) (\($0.difference) %: \($0.reason))" }.joined(separator: "; ") + "."
      if !wide.isEmpty { text += " σ/μ is 0.3 or more for \(wide.joined(separator: ", ")): Approach 1 is not valid there (IPCC 2006 Vol. 1 Ch. 3); use the Monte Carlo interval." }
      return text
    },
    trend: { base, year, trend, u in
      "Trend of the total from \(base) to \(year) (Approach 1, IPCC 2006 Vol. 1 §3.2.3.1; factors shared by both years as type A, activity as type B): \(trend) % ± \(u) percentage points."
    },
    chartTitle: "Total CO₂ with its 95 % interval (Monte Carlo)", chartUnit: "Mt CO₂")

  static let chinese = UncertaintyLabels(
    inputClass: { c in
      switch c {
      case .fuelConsumption: "燃料消费量"
      case .electricityConsumption: "电力消费量"
      case .netCalorificValue: "平均低位发热量"
      case .carbonContent: "单位热值含碳量"
      case .oxidationRate: "碳氧化率"
      case .gridFactor: "电网排放因子"
      case .processFactor: "工艺排放因子"
      case .clinkerRatio: "熟料比例"
      case .clinkerOutput: "熟料产量"
      case .cementOutput: "水泥产量"
      case .allocationShare: "分配比例"
      }
    },
    shape: { s in
      switch s {
      case .normal: "正态"
      case .lognormal: "对数正态"
      case .triangular: "三角"
      case .uniform: "均匀"
      }
    },
    aggregate: { a in
      switch a {
      case .combustion: "燃烧"
      case .electricity: "电力"
      case .energy: "能源（燃烧＋电力）"
      case .process: "工艺过程"
      case .total: "合计"
      }
    },
    growth: "增长", decline: "下降",
    structure: { a in
      [
        "每个数值的分布都是其自身表达式在各输入项联合抽样下的取值；每次迭代共 \(a.inputs.reduce(0) { $0 + $1.terms }) 个输入项。",
        "排放因子（各燃料的低位发热量、含碳量、氧化率，工艺排放因子，以及各年通用的电网因子和熟料比例）各抽一次，所有年份、燃料和省份共用。",
        a.structure.count > 2 && a.structure[2].contains("correlated") && !a.structure[2].contains("independent")
          ? "活动水平数据（燃料和电力消费、水泥或熟料产量）每种燃料、每个省份各年共用一次抽样。"
          : "活动水平数据（燃料和电力消费、水泥或熟料产量）按燃料、省份和年份各自独立抽样。",
        "分配比例：各年通用时每省抽一次，否则每年抽一次，同年各燃料共用。",
      ]
    },
    peak: { year, p, series in
      guard let year, let p else { return "抽样未给出峰值年份。" }
      return "核算中\(series)排放在 \(year) 年达峰；\(p)% 的抽样同样在 \(year) 年达峰。"
    },
    ranking: { year in
      "各输入项对 \(year.map(String.init) ?? "") 年合计排放方差的贡献（输入抽样与合计的相关系数平方，归一化为 100%）：改进数据收益最大之处。"
    },
    agreement: { years, wide in
      var text = years.isEmpty
        ? "方法 1 与蒙特卡洛得到的各年合计半宽相差均在 10% 以内。"
        : "方法 1 与蒙特卡洛的合计半宽相差超过 10% 的年份：" + years.map { "\($0.year)（\($0.difference)%：\($0.reason)）" }.joined(separator: "；") + "。"
      if !wide.isEmpty { text += "\(wide.joined(separator: "、")) 的 σ/μ ≥ 0.3，方法 1 不适用（IPCC 2006 第1卷第3章），请采用蒙特卡洛区间。" }
      return text
    },
    trend: { base, year, trend, u in
      "\(base)–\(year) 年合计排放趋势（方法 1，IPCC 2006 第1卷 §3.2.3.1；两年共用的因子按 A 类、活动水平按 B 类）：\(trend)% ± \(u) 个百分点。"
    },
    chartTitle: "合计 CO₂ 及其 95% 区间（蒙特卡洛）", chartUnit: "Mt CO₂")
}

extension UncertaintySection: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "draws": draws
    case "seed": seed
    case "figure": figure
    case "structure": structure
    case "inputs": inputs
    case "totals": totals
    case "stages": stages
    case "hasStages": hasStages
    case "peakSentence": peakSentence
    case "rankingSentence": rankingSentence
    case "contributions": contributions
    case "agreementSentence": agreementSentence
    case "trendSentence": trendSentence
    default: nil
    }
  }
}

extension UncertaintySection.Row: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "year": year
    case "central": central
    case "approachOne": approachOne
    case "monteCarlo": monteCarlo
    case "u": u
    default: nil
    }
  }
}

extension UncertaintySection.Stage: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "name": name
    case "central": central
    case "interval": interval
    case "direction": direction
    case "probability": probability
    default: nil
    }
  }
}

extension UncertaintySection.Contribution: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "rank": rank
    case "input": input
    case "share": share
    default: nil
    }
  }
}

extension UncertaintySection.Input: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "input": input
    case "distribution": distribution
    case "range": range
    case "source": source
    default: nil
    }
  }
}

extension UncertaintySection.Line: MustacheParent {
  public func child(named key: String) -> Any? { key == "text" ? text : nil }
}
