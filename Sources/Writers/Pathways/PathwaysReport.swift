import CementModel
import Pathways

/// The labels of the pathways section, in both languages.
final class PathwaysLabels: Sendable {
  let title, decompositionTitle, decompositionIntro, scenariosTitle, scenariosIntro: String
  let stage, change, largest, effect, scenario, peak, cumulative, abatement, valued, targets, met, missed, unchecked, against, by2030, belowBaseline, derived: String
  let effects: [Effect: String]
  let units: Units

  init(
    title: String, decompositionTitle: String, decompositionIntro: String, scenariosTitle: String, scenariosIntro: String, stage: String,
    change: String, largest: String, effect: String, scenario: String, peak: String, cumulative: String, abatement: String, valued: String,
    targets: String, met: String, missed: String, unchecked: String, against: String, by2030: String, belowBaseline: String, derived: String,
    effects: [Effect: String], units: Units
  ) {
    self.title = title
    self.decompositionTitle = decompositionTitle
    self.decompositionIntro = decompositionIntro
    self.scenariosTitle = scenariosTitle
    self.scenariosIntro = scenariosIntro
    self.stage = stage
    self.change = change
    self.largest = largest
    self.effect = effect
    self.scenario = scenario
    self.peak = peak
    self.cumulative = cumulative
    self.abatement = abatement
    self.valued = valued
    self.targets = targets
    self.met = met
    self.missed = missed
    self.unchecked = unchecked
    self.against = against
    self.by2030 = by2030
    self.belowBaseline = belowBaseline
    self.derived = derived
    self.effects = effects
    self.units = units
  }

  /// The units of the section's numbers.
  struct Units: Sendable {
    let mt: String
    let cny: String
  }

  static func of(_ language: Language) -> PathwaysLabels { language == .en ? english : chinese }

  static let english = PathwaysLabels(
        title: "Why the past moved and where the future can go",
        decompositionTitle: "Decomposition of the account (LMDI-I)",
        decompositionIntro:
          "The change of total CO₂ over each stage is split by the additive LMDI-I method (Ang 2004, 2005, 2015) into the effects of cement output, clinker ratio, kiln energy per tonne of clinker, fuel mix, fuel emission factors, electricity per tonne of cement, grid factor and process factor; the effects add up to the change exactly.",
        scenariosTitle: "Reduction scenarios to 2060",
        scenariosIntro:
          "Each scenario starts from the account's last year, every lever at its value computed from the account, and moves the levers its file sets (Inputs/scenarios/). Wedges split baseline − scenario by LMDI-I, so they add up to it exactly.",
        stage: "Stage", change: "change", largest: "largest effects", effect: "Effect", scenario: "Scenario", peak: "peak year",
        cumulative: "cumulative", abatement: "abatement against the baseline", valued: "valued at", targets: "Targets", met: "met",
        missed: "missed", unchecked: "cannot be checked on this account", against: "against the baseline",
        by2030: "emissions are", belowBaseline: "below the baseline, by lever",
        derived: "Cement or clinker output of a year in this pair is derived, not read: the activity and clinker-ratio effects rest on the derivation.",
        effects: [
          .activity: "cement output", .clinkerRatio: "clinker ratio", .thermalIntensity: "kiln energy per t clinker", .fuelMix: "fuel mix",
          .fuelFactors: "fuel emission factors", .electricityIntensity: "electricity per t cement", .gridFactor: "grid factor",
          .processFactor: "process factor", .ccus: "CCUS",
        ],
        units: Units(mt: "Mt CO₂", cny: "million CNY"))

  static let chinese = PathwaysLabels(
        title: "过去为何变化，未来可以走向何处",
        decompositionTitle: "核算结果的分解（LMDI-I）",
        decompositionIntro:
          "用加法 LMDI-I 方法（Ang 2004、2005、2015）把各阶段 CO₂ 总量的变化分解为水泥产量、熟料系数、单位熟料燃料能耗、燃料结构、燃料排放因子、单位水泥电耗、电网排放因子和过程排放因子的效应；各效应之和恰等于总变化。",
        scenariosTitle: "2060 年前的减排情景",
        scenariosIntro: "每个情景从核算的最后一年出发，各杠杆取该年由核算算得的值，再按情景文件（Inputs/scenarios/）变化。楔形用 LMDI-I 分解基准情景与该情景之差，各楔形之和恰等于该差。",
        stage: "阶段", change: "变化", largest: "最大的效应", effect: "效应", scenario: "情景", peak: "峰值年", cumulative: "累计",
        abatement: "相对基准情景的减排量", valued: "按价格计", targets: "目标", met: "达到", missed: "未达到", unchecked: "本核算无法检验", against: "相对基准情景", by2030: "排放比基准情景低", belowBaseline: "，按杠杆",
        derived: "该时段某年的水泥或熟料产量为推算值而非读取值：产量和熟料系数效应依赖于推算。",
        effects: [
          .activity: "水泥产量", .clinkerRatio: "熟料系数", .thermalIntensity: "单位熟料燃料能耗", .fuelMix: "燃料结构", .fuelFactors: "燃料排放因子",
          .electricityIntensity: "单位水泥电耗", .gridFactor: "电网排放因子", .processFactor: "过程排放因子", .ccus: "CCUS",
        ],
        units: Units(mt: "百万吨 CO₂", cny: "百万元"))
}

/// The pathways section: the stage decompositions in words with a waterfall figure, and the
/// scenarios with their 2030 and 2060 emissions, peak, cumulative total, targets, abatement
/// value and a wedge figure.
public struct PathwaysReport: Sendable {
  let record: PathwaysRecord
  let labels: PathwaysLabels

  public init(_ record: PathwaysRecord, language: Language) {
    self.record = record
    self.labels = .of(language)
  }

  public static func mt(_ tonnes: Double) -> String { Format.fixed(tonnes / 1e6, 2) }
  public static func signedMt(_ tonnes: Double) -> String { (tonnes > 0 ? "+" : "") + mt(tonnes) }

  /// The decompositions shown: the methodology's stages, else the first year to the last.
  var shown: [Decomposition] {
    let stages = record.decompositions.filter { $0.stage != nil }
    return stages.isEmpty ? Array(record.decompositions.suffix(1)) : stages
  }

  /// One sentence per decomposition: the change and its two largest effects.
  public func stageSentences() -> [String] {
    shown.map { d in
      let name = d.stage ?? "\(d.from)–\(d.to)"
      let largest = d.largest.map { "\(labels.effects[$0.effect]!) \(Self.signedMt($0.tco2)) \(labels.units.mt)" }.joined(separator: ", ")
      return "\(name) (\(d.from)→\(d.to)): \(labels.change) \(Self.signedMt(d.toTotal - d.fromTotal)) \(labels.units.mt) (\(Self.mt(d.fromTotal)) → \(Self.mt(d.toTotal))); \(labels.largest): \(largest)."
    }
  }

  /// The section as Markdown, with the two figures' file names.
  public func markdown(waterfall: String, wedges: String) -> String {
    var out = "## \(labels.title)\n\n### \(labels.decompositionTitle)\n\n\(labels.decompositionIntro)\n\n"
    for sentence in stageSentences() { out += "- \(sentence)\n" }
    if shown.contains(where: \.derivedOutput) { out += "\n\(labels.derived)\n" }
    out += "\n| \(labels.effect) | " + shown.map { "\($0.from)→\($0.to)" }.joined(separator: " | ") + " |\n"
    out += "|---|" + String(repeating: "---:|", count: shown.count) + "\n"
    for effect in Effect.allCases where effect != .ccus {
      out += "| \(labels.effects[effect]!) | " + shown.map { Self.signedMt($0.effects[effect] ?? 0) }.joined(separator: " | ") + " |\n"
    }
    out += "| **\(labels.change)** | " + shown.map { "**\(Self.signedMt($0.toTotal - $0.fromTotal))**" }.joined(separator: " | ") + " |\n"
    out += "\n![LMDI](\(waterfall))\n\n### \(labels.scenariosTitle)\n\n\(labels.scenariosIntro)\n\n"
    guard let base = record.results.first else { return out }
    let cumulativeYears = "\(base.baseYear + 1)–\(base.scenario.endYear)"
    out += "| \(labels.scenario) | \(base.baseYear) | 2030 | 2060 | \(labels.peak) | \(labels.cumulative) \(cumulativeYears) | 2030 \(labels.against) |\n|---|---:|---:|---:|---:|---:|---:|\n"
    for r in record.results {
      let gap2030 = r.abatement[2030].map { (a: Double) -> String in
        let reference = (base[2030]?.total ?? 0)
        return "\(Self.signedMt(-a)) (\(ReportNumberText.percent(reference == 0 ? 0 : -a / reference)) %)"
      } ?? "–"
      out += "| \(r.scenario.title) | \(Self.mt(r.years.first!.total)) | \(r[2030].map { Self.mt($0.total) } ?? "–") | \(r[2060].map { Self.mt($0.total) } ?? "–") | \(r.peakYear) | \(Self.mt(r.cumulative)) | \(gap2030) |\n"
    }
    out += "\n(\(labels.units.mt))\n\n"
    for r in record.results.dropFirst() {
      guard let gap = r.abatement[2030], let wedges = r.wedges[2030] else { continue }
      let levers = wedges.filter { abs($0.value) >= 5e3 }.sorted { abs($0.value) > abs($1.value) }
        .map { "\(labels.effects[$0.key]!) \(Self.mt($0.value))" }.joined(separator: ", ")
      out += "- \(r.scenario.title): 2030 \(labels.by2030) \(Self.mt(gap)) \(labels.units.mt) \(labels.belowBaseline)" + (levers.isEmpty ? "" : " (\(levers))") + "\n"
    }
    out += "\n#### \(labels.targets)\n\n"
    for r in record.results {
      for t in r.targets {
        let value = t.value.map { ReportNumber.factor($0) } ?? "–", limit = t.limit.map { ReportNumber.factor($0) } ?? "–"
        let verdict = t.met.map { $0 ? labels.met : labels.missed } ?? labels.unchecked
        out += "- \(r.scenario.title): \(t.target.name) — \(t.target.year): \(value) vs \(limit) \(t.target.lever.unit.symbol): **\(verdict)**\n"
      }
      for note in r.notes { out += "- \(r.scenario.title): \(note)\n" }
    }
    out += "\n"
    for r in record.results.dropFirst() where !r.scenario.prices.isEmpty {
      let values = r.abatementValue.map { "\(Format.fixed($0.cny / 1e6, 1)) \(labels.units.cny) (\($0.price.name), \(ReportNumber.factor($0.price.cnyPerTonne)) CNY/t)" }
      out += "- \(r.scenario.title): \(labels.abatement) \(cumulativeYears) \(Self.mt(r.cumulativeAbatement)) \(labels.units.mt); \(labels.valued) \(values.joined(separator: "; "))\n"
    }
    out += "\n![wedges](\(wedges))\n"
    return out
  }

  // MARK: Figures

  static let colours: [Effect: String] = [
    .activity: "#4e79a7", .clinkerRatio: "#f28e2b", .thermalIntensity: "#e15759", .fuelMix: "#76b7b2", .fuelFactors: "#59a14f",
    .electricityIntensity: "#edc948", .gridFactor: "#b07aa1", .processFactor: "#ff9da7", .ccus: "#9c755f",
  ]

  /// A waterfall per stage: the first year's total, each effect as a floating bar, the last total.
  public var waterfallSVG: String {
    let panels = shown
    let width = 720.0, panelHeight = 220.0, left = 60.0
    let height = panelHeight * Double(max(panels.count, 1)) + 20
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"sans-serif\" font-size=\"10\">\n"
    for (index, d) in panels.enumerated() {
      let top = 20 + panelHeight * Double(index)
      let effects = d.orderedEffects.filter { $0.effect != .ccus }
      var levels = [0.0, d.fromTotal]
      var running = d.fromTotal
      for e in effects { running += e.tco2; levels.append(running) }
      let maxValue = max(levels.max() ?? 1, 1), minValue = min(levels.min() ?? 0, 0)
      let plot = panelHeight - 60
      func y(_ v: Double) -> Double { top + 20 + plot * (maxValue - v) / (maxValue - minValue) }
      svg += "<text x=\"\(left)\" y=\"\(top + 10)\" font-size=\"12\">\(SVGText.escape(d.stage ?? "")) \(d.from)→\(d.to) (\(labels.units.mt))</text>\n"
      let bars = effects.count + 2
      let step = (width - left - 10) / Double(bars)
      func bar(_ i: Int, _ from: Double, _ to: Double, _ colour: String, _ label: String) {
        let x = left + step * Double(i) + 4
        let y0 = min(y(from), y(to)), h = max(abs(y(from) - y(to)), 0.5)
        svg += "<rect x=\"\(Format.fixed(x, 1))\" y=\"\(Format.fixed(y0, 1))\" width=\"\(Format.fixed(step - 8, 1))\" height=\"\(Format.fixed(h, 1))\" fill=\"\(colour)\"/>\n"
        svg += "<text x=\"\(Format.fixed(x, 1))\" y=\"\(Format.fixed(top + panelHeight - 28, 1))\" font-size=\"8\">\(SVGText.escape(label))</text>\n"
        svg += "<text x=\"\(Format.fixed(x, 1))\" y=\"\(Format.fixed(y0 - 2, 1))\" font-size=\"8\">\(Self.signedMt(to - from))</text>\n"
      }
      bar(0, 0, d.fromTotal, "#888888", "\(d.from)")
      running = d.fromTotal
      for (i, e) in effects.enumerated() {
        bar(i + 1, running, running + e.tco2, Self.colours[e.effect]!, labels.effects[e.effect]!)
        running += e.tco2
      }
      bar(bars - 1, 0, d.toTotal, "#444444", "\(d.to)")
    }
    return svg + "</svg>\n"
  }

  /// The wedges of each scenario other than the baseline: stacked bars per year of each
  /// effect's part of baseline − scenario, under the baseline's total.
  public var wedgeSVG: String {
    let scenarios = Array(record.results.dropFirst())
    let width = 720.0, panelHeight = 240.0, left = 60.0
    let height = panelHeight * Double(max(scenarios.count, 1)) + 40
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"sans-serif\" font-size=\"10\">\n"
    for (i, effect) in Effect.allCases.enumerated() {
      let x = left + Double(i) * 72
      svg += "<rect x=\"\(Format.fixed(x, 1))\" y=\"4\" width=\"8\" height=\"8\" fill=\"\(Self.colours[effect]!)\"/><text x=\"\(Format.fixed(x + 10, 1))\" y=\"12\" font-size=\"8\">\(SVGText.escape(labels.effects[effect]!))</text>\n"
    }
    for (index, r) in scenarios.enumerated() {
      let top = 40 + panelHeight * Double(index)
      let years = r.years.map(\.year)
      guard let base = record.results.first else { break }
      let maxValue = max(base.years.map(\.total).max() ?? 1, r.years.map(\.total).max() ?? 1, 1)
      let plot = panelHeight - 40
      func y(_ v: Double) -> Double { top + 16 + plot * (1 - v / maxValue) }
      let step = (width - left - 10) / Double(max(years.count, 1))
      svg += "<text x=\"\(left)\" y=\"\(top + 8)\" font-size=\"12\">\(SVGText.escape(r.scenario.title)) (\(labels.units.mt), \(Self.mt(maxValue)) max)</text>\n"
      for (i, year) in r.years.enumerated() {
        let x = left + step * Double(i)
        var level = year.total
        svg += "<rect x=\"\(Format.fixed(x, 1))\" y=\"\(Format.fixed(y(level), 1))\" width=\"\(Format.fixed(step * 0.9, 1))\" height=\"\(Format.fixed(max(y(0) - y(level), 0), 1))\" fill=\"#cccccc\"/>\n"
        for effect in Effect.allCases {
          guard let w = r.wedges[year.year]?[effect], w > 0 else { continue }
          svg += "<rect x=\"\(Format.fixed(x, 1))\" y=\"\(Format.fixed(y(level + w), 1))\" width=\"\(Format.fixed(step * 0.9, 1))\" height=\"\(Format.fixed(y(level) - y(level + w), 1))\" fill=\"\(Self.colours[effect]!)\"/>\n"
          level += w
        }
        if year.year % 10 == 0 {
          svg += "<text x=\"\(Format.fixed(x, 1))\" y=\"\(Format.fixed(top + panelHeight - 10, 1))\" font-size=\"8\">\(year.year)</text>\n"
        }
      }
    }
    return svg + "</svg>\n"
  }
}

enum ReportNumberText {
  static func percent(_ fraction: Double) -> String { Format.fixed(fraction * 100, 1) }
}
