import CementModel

// Every string the report's view model and its figure write lives in this file, in English and
// in Chinese: names of fuels and aggregates, units, and the sentences built from figures. The
// prose around them lives in the templates (`Templates/report.<language>.md.mustache`).

/// The report's labels in one language. Built only as ``english`` and ``chinese``; the
/// memberwise initialiser makes sure neither misses a label.
struct ReportLabels: Sendable {
  // MARK: Names
  let fuelName: @Sendable (FuelDefinition) -> String
  /// The name of the process source (`calcination`).
  let processSource: String
  let aggregate: @Sendable (Aggregate) -> String
  let provinceName: @Sendable (String) -> String
  let inputRole: @Sendable (String) -> String
  let segmentName: @Sendable (_ number: Int) -> String

  // MARK: Units and small words
  /// The unit of the tables, as the study: 10⁴ t CO₂.
  let tableUnit: String
  /// Output of cement and clinker in the tables: 10⁴ t.
  let massUnit: String
  /// Million tonnes, the unit of the sentences.
  let megatonnes: String
  let megatonnesCO2: String
  /// The unit of the process emission factor: t CO₂/t clinker.
  let processFactorUnit: String
  let percent: @Sendable (String) -> String
  let notAvailable: String
  /// `a, b and c` (`a、b、c`).
  let list: @Sendable ([String]) -> String
  /// Between the items of a plain enumeration: `, ` or `、`.
  let separator: String

  // MARK: Method
  let gapFilling: @Sendable (GapFilling) -> String
  let copiedYears: @Sendable (CopiedYearRule) -> String
  let clinkerFromTable: String
  let clinkerRatio: @Sendable (_ ratio: String) -> String
  let clinkerRatioByYear: @Sendable (_ lowest: String, _ highest: String) -> String
  /// A value given year by year, shown as its range.
  let byYear: @Sendable (_ lowest: String, _ highest: String) -> String

  // MARK: Results
  let stageSentence: @Sendable (ReportLabels.StageText) -> String
  let peakSentence: @Sendable (_ series: String, _ year: Int, _ value: String) -> String
  let segmentsSentence: @Sendable (_ breaks: [Int]) -> String
  /// What a stage or peak sentence rests on when it includes anomalous points: ` (it rests on
  /// anomalous values: 2019 cement output outlier, replaced)`.
  let anomalyCaveat: @Sendable (_ items: [String]) -> String
  let structureSentence: @Sendable (ReportLabels.StructureText) -> String
  let processShareSentence: @Sendable (_ firstYear: Int, _ first: String, _ lastYear: Int, _ last: String) -> String

  // MARK: Checks
  /// What a flag on filled or copied values means, for the checks list and the table marks.
  /// `… and 12 more jump notes (the workbook's Checks sheet lists them all)`.
  let moreNotes: @Sendable (String, Int) -> String
  let flagMeaning: @Sendable (Flag) -> String

  // MARK: Figure
  let chartTitle: @Sendable (_ province: String, _ period: String) -> String
  let chartSubtitle: @Sendable (_ methodology: String) -> String
  let figureAlt: @Sendable (_ province: String, _ period: String) -> String

  /// The pieces of a stage sentence, already formatted.
  struct StageText: Sendable {
    let name: String
    let first: Int
    let last: Int
    let base: Int
    /// The values in Mt at the base year and the last year.
    let start: String
    let end: String
    /// Compound annual growth in percent, or nil when it is undefined (a zero start).
    let compoundGrowth: String?
    let peakYear: Int
    /// `end / start − 1` in percent with its sign, or nil.
    let change: String?
  }

  /// The pieces of the leading fuel's structure sentence, already formatted.
  struct StructureText: Sendable {
    let fuel: String
    let firstYear: Int
    let firstShare: String
    let peakYear: Int
    let peak: String
    let peakShare: String
    let lastYear: Int
    let lastShare: String
  }

  static func of(_ language: Language) -> ReportLabels {
    switch language {
    case .en: english
    case .zh: chinese
    }
  }

  // MARK: - English

  static let english = ReportLabels(
    fuelName: { $0.englishName },
    processSource: "Process (calcination)",
    aggregate: { aggregate in
      switch aggregate {
      case .combustion: "fuel combustion"
      case .electricity: "electricity (indirect)"
      case .energy: "energy (combustion + electricity)"
      case .process: "process"
      case .total: "total"
      }
    },
    provinceName: { ProvinceName.english($0) },
    inputRole: { $0 },
    segmentName: { "Segment \($0)" },
    tableUnit: "10⁴ t CO₂",
    massUnit: "10⁴ t",
    megatonnes: "Mt",
    megatonnesCO2: "Mt CO₂",
    processFactorUnit: "t CO₂/t clinker",
    percent: { "\($0) %" },
    notAvailable: "n/a",
    list: { items in
      items.count <= 2 ? items.joined(separator: " and ") : items.dropLast().joined(separator: ", ") + " and " + items.last!
    },
    separator: ", ",
    gapFilling: { rule in
      switch rule {
      case .carryForward: "a year without data takes the previous year's values"
      case .linear: "a year without data is interpolated linearly between the nearest observed years"
      case .none: "a year without data is left not available: nothing is filled"
      }
    },
    copiedYears: { rule in
      switch rule {
      case .flag: "a year equal to the previous one in every fuel is kept and flagged"
      case .treatAsGap: "a year equal to the previous one in every fuel is treated as missing and filled by the gap-filling rule"
      }
    },
    clinkerFromTable: "clinker output is read from the products table",
    clinkerRatio: { "clinker output is estimated as cement output × \($0)" },
    clinkerRatioByYear: { "clinker output is estimated as cement output × a ratio given year by year (\($0)–\($1))" },
    byYear: { "\($0)–\($1), by year" },
    stageSentence: { s in
      let start = s.base == s.first ? s.start : "\(s.start) (\(s.base))"
      let growth = s.compoundGrowth.map { "\($0) % a year" } ?? "no compound rate"
      let change = s.change.map { "\($0) % on \(s.base)" } ?? "no change on \(s.base)"
      return "\(s.name) (\(s.first)–\(s.last)): from \(start) to \(s.end) Mt, \(growth), peak in \(s.peakYear), \(change)"
    },
    peakSentence: { series, year, value in "Over the whole period, \(series) emissions peak in \(year) at \(value) Mt." },
    segmentsSentence: { breaks in
      "The best three-segment fit (least squares, at least three years a segment) breaks the path after "
        + (breaks.isEmpty ? "no year" : breaks.map(String.init).joined(separator: " and after ")) + ":"
    },
    anomalyCaveat: { items in " (this rests on anomalous values: " + items.joined(separator: "; ") + ")" },
    structureSentence: { s in
      "\(s.fuel) gave \(s.firstShare) % of energy emissions in \(s.firstYear); its emissions peaked in \(s.peakYear) at \(s.peak) Mt "
        + "(\(s.peakShare) % of energy emissions), and in \(s.lastYear) it gave \(s.lastShare) %."
    },
    processShareSentence: { firstYear, first, lastYear, last in
      "Process emissions were \(first) % of total emissions in \(firstYear) and \(last) % in \(lastYear)."
    },
    moreNotes: { check, count in "… and \(count) more `\(check)` notes (the workbook's Checks sheet lists them all)" },
    flagMeaning: { flag in
      switch flag {
      case .carriedForward: "carried forward (a year without data takes the previous year's values)"
      case .interpolated: "interpolated (linear between the nearest observed years)"
      case .copiedYear: "copied year (equal to the previous year in every fuel: probably not observed)"
      case .spliced: "spliced (a second source scaled onto the first by their ratio over the overlapping years)"
      case .surrogate: "surrogate (estimated from a related series, such as cement output)"
      case .extrapolated: "extrapolated (the trend of the nearest observed years)"
      case .derived: "derived from other statistics"
      default: flag.rawValue
      }
    },
    chartTitle: { province, period in "CO₂ emissions of \(province)'s cement industry by source, \(period)" },
    chartSubtitle: { "methodology \($0); stacked: fuel combustion, electricity (indirect) and process" },
    figureAlt: { province, period in "Stacked bars of CO₂ emissions by source, \(province), \(period)" }
  )

  // MARK: - Chinese

  static let chinese = ReportLabels(
    fuelName: { $0.chineseName },
    processSource: "工艺过程（碳酸盐分解）",
    aggregate: { aggregate in
      switch aggregate {
      case .combustion: "化石燃料燃烧"
      case .electricity: "电力（间接）"
      case .energy: "能源（燃烧 + 电力）"
      case .process: "工艺过程"
      case .total: "总"
      }
    },
    provinceName: { ProvinceName.chinese($0) },
    inputRole: { role in
      switch role {
      case "energy table": "能源消费表"
      case "products table": "产品产量表"
      case "methodology": "方法学文件"
      case "published table": "已发表表格"
      default: role
      }
    },
    segmentName: { "第 \($0) 段" },
    tableUnit: "万吨 CO₂",
    massUnit: "万吨",
    megatonnes: "百万吨",
    megatonnesCO2: "百万吨 CO₂",
    processFactorUnit: "t CO₂/t 熟料",
    percent: { "\($0)%" },
    notAvailable: "无",
    list: { $0.joined(separator: "、") },
    separator: "、",
    gapFilling: { rule in
      switch rule {
      case .carryForward: "缺失年份沿用上一年的数值"
      case .linear: "缺失年份取前后最近观测年份之间的线性插值"
      case .none: "缺失年份不作填补，记为不可得"
      }
    },
    copiedYears: { rule in
      switch rule {
      case .flag: "各燃料数值与上一年完全相同的年份予以保留并标记"
      case .treatAsGap: "各燃料数值与上一年完全相同的年份视为缺失，按缺失值规则填补"
      }
    },
    clinkerFromTable: "熟料产量取自产品产量表",
    clinkerRatio: { "熟料产量按水泥产量 × \($0) 估算" },
    clinkerRatioByYear: { "熟料产量按水泥产量 × 逐年熟料系数（\($0)–\($1)）估算" },
    byYear: { "\($0)–\($1)（逐年取值）" },
    stageSentence: { s in
      let start = s.base == s.first ? "由 \(s.start) 百万吨" : "由 \(s.base) 年的 \(s.start) 百万吨"
      let growth = s.compoundGrowth.map { "年均增长率 \($0)%" } ?? "无法计算年均增长率"
      let change = s.change.map { "较 \(s.base) 年变化 \($0)%" } ?? "较 \(s.base) 年无法计算变化"
      return "\(s.name)（\(s.first)–\(s.last) 年）：\(start)变为 \(s.end) 百万吨，\(growth)，\(s.peakYear) 年达到峰值，\(change)"
    },
    peakSentence: { series, year, value in "整个时期内，\(series)排放于 \(year) 年达到峰值 \(value) 百万吨。" },
    segmentsSentence: { breaks in
      "最优三段线性拟合（最小二乘，每段至少三年）的断点位于 "
        + (breaks.isEmpty ? "（无）" : breaks.map { "\($0) 年" }.joined(separator: "和 ")) + "之后："
    },
    anomalyCaveat: { items in "（此句所依据的数据含异常值：" + items.joined(separator: "；") + "）" },
    structureSentence: { s in
      "\(s.fuel)占能源排放的比重 \(s.firstYear) 年为 \(s.firstShare)%；其排放于 \(s.peakYear) 年达到峰值 \(s.peak) 百万吨"
        + "（占能源排放的 \(s.peakShare)%）；\(s.lastYear) 年比重为 \(s.lastShare)%。"
    },
    processShareSentence: { firstYear, first, lastYear, last in
      "工艺过程排放占总排放的比重由 \(firstYear) 年的 \(first)% 变为 \(lastYear) 年的 \(last)%。"
    },
    moreNotes: { check, count in "……另有 \(count) 条 `\(check)` 提示（工作簿 Checks 表列出全部）" },
    flagMeaning: { flag in
      switch flag {
      case .carriedForward: "沿用上年（缺失年份取上一年的数值）"
      case .interpolated: "线性插值（取前后最近观测年份之间的直线值）"
      case .copiedYear: "疑似复制年份（各燃料数值与上一年完全相同，可能并非实测）"
      case .spliced: "重叠拼接（按重叠年份的比值将第二来源换算到第一来源）"
      case .surrogate: "替代指标推算（按相关序列如水泥产量推算）"
      case .extrapolated: "趋势外推（按最近观测年份的趋势）"
      case .derived: "由其他统计数据推算"
      default: flag.rawValue
      }
    },
    chartTitle: { province, period in "\(province)水泥行业分排放源 CO₂ 排放（\(period) 年）" },
    chartSubtitle: { "方法学 \($0)；堆叠：化石燃料燃烧、电力（间接）与工艺过程" },
    figureAlt: { province, period in "\(province)分排放源 CO₂ 排放堆叠柱状图（\(period) 年）" }
  )
}
