import CementModel

// Every string the workbook shows lives in this file: the labels in the record's language
// (titles, notes, Summary field names, the legend …) and the bilingual column headers, which
// are the same in both languages, as in the yearbooks (`煤炭 Coal`).

extension WorkbookWriter {
  /// The workbook's labels in one language. Built only by ``english`` and ``chinese``; the
  /// memberwise initialiser makes sure neither misses a label.
  struct Labels: Sendable {
    // MARK: Document properties
    let documentTitle: @Sendable (_ province: String, _ methodology: String) -> String
    let documentComments: @Sendable (_ toolVersion: String, _ inputCount: Int) -> String

    // MARK: Sheet titles and notes
    let summaryTitle: String
    let activityTitle: String
    let activityNote: String
    let factorsTitle: String
    let combustionTitle: String
    let combustionNote: String
    let processTitle: String
    let processNote: String
    let totalsTitle: String
    let totalsNote: @Sendable (_ series: String) -> String
    let stagesTitle: String
    let stagesNote: String
    let checksTitle: String
    let checksNote: String
    let provenanceTitle: String
    let provenanceNote: String
    /// `liaoning · study-2025 · 2000–2022`, the second line of every sheet.
    let sheetSubtitle: @Sendable (_ province: String, _ methodology: String, _ first: Int, _ last: Int) -> String

    // MARK: Summary
    let province: String
    let years: String
    let yearsValue: @Sendable (_ first: Int, _ last: Int, _ count: Int) -> String
    let methodology: String
    let methodologyTitle: String
    let methodologyFiles: String
    let factorSet: String
    let toolVersion: String
    let inputFilesSection: String
    let keyFiguresSection: String
    let totalOverPeriod: String
    let combustionOverPeriod: String
    let electricityOverPeriod: String
    let processOverPeriod: String
    let peakYear: @Sendable (_ series: String) -> String
    let peakValue: @Sendable (_ series: String) -> String
    let yearTotal: @Sendable (_ year: Int) -> String
    let yearProcessShare: @Sendable (_ year: Int) -> String
    let declaredStagesSection: @Sendable (_ series: String) -> String
    let suggestedStagesSection: @Sendable (_ series: String) -> String
    let segmentName: @Sendable (_ number: Int) -> String
    let overallPeak: @Sendable (_ series: String) -> String

    // MARK: Factors
    let gridSection: String
    let processFactorSection: String
    let clinkerSection: String
    let clinkerFromCement: String
    let clinkerFromTable: String
    let allYears: String
    let yes: String
    let no: String

    // MARK: Checks
    let findingsSection: String
    let noFindings: String
    let severity: @Sendable (Finding.Severity) -> String
    let verificationSection: @Sendable (_ title: String) -> String
    let differingCellsSection: String
    let noDifferingCells: String
    let cellsCount: @Sendable (_ compared: Int, _ agree: Int, _ differ: Int, _ tolerance: String) -> String
    let statementsSection: String
    let statementsCount: @Sendable (_ checked: Int, _ hold: Int, _ fail: Int) -> String
    let holds: String
    let doesNotHold: String

    // MARK: Legend and charts
    let legendTitle: String
    let highlight: @Sendable (Highlight) -> String
    let combustionChartTitle: String
    let totalsChartTitle: String
    let yearAxis: String
    /// The name of an aggregate in running text (`energy`, `能源`).
    let aggregate: @Sendable (Aggregate) -> String

    static func of(_ language: Language) -> Labels {
      switch language {
      case .en: english
      case .zh: chinese
      }
    }

    static let english = Labels(
      documentTitle: { province, methodology in "Cement CO₂ account of \(province) (\(methodology))" },
      documentComments: { version, count in
        "Written by cement-accounts \(version) from \(count) input files. Every emission figure is a live formula of the activity and factor sheets."
      },
      summaryTitle: "Cement industry CO₂ account",
      activityTitle: "Activity data: fuel use of the industry and of cement",
      activityNote: "Industry use as reconciled from the yearbook tables; cement use = industry use × allocation share (live formula).",
      factorsTitle: "Emission factors",
      combustionTitle: "CO₂ from fuel combustion and purchased electricity, by fuel (the study's Table 1)",
      combustionNote: "Every figure is a live formula: cement use (Activity) × NCV × emission factor (Factors); electricity × grid factor.",
      processTitle: "Process CO₂ from clinker (the study's Table 3)",
      processNote: "Process CO₂ = clinker × process emission factor (formula 4 of the study); every figure is a live formula.",
      totalsTitle: "Totals, shares and growth",
      totalsNote: { series in
        "Energy = combustion + electricity (the study's Table 1 total); total = energy + process. Stage columns repeat the \(series) value inside each declared stage, for the chart."
      },
      stagesTitle: "Stages of the emission path",
      stagesNote: "Growth is measured from the base year to the last year: change = end / start − 1; CAGR = (end / start)^(1 / (last − base)) − 1.",
      checksTitle: "Checks: findings and comparison with published tables",
      checksNote: "What the stages noticed (filled gaps, copied years, unaccounted fuels …) and every published cell or statement that the account does not reproduce.",
      provenanceTitle: "Provenance of every activity value",
      provenanceNote: "One row per activity value: the source cell as found, and each transformation applied to it, in order.",
      sheetSubtitle: { province, methodology, first, last in "\(province) · \(methodology) · \(first)–\(last)" },
      province: "Province",
      years: "Years",
      yearsValue: { first, last, count in "\(first)–\(last) (\(count) years)" },
      methodology: "Methodology",
      methodologyTitle: "Methodology title",
      methodologyFiles: "Methodology files",
      factorSet: "Factor set",
      toolVersion: "Tool version",
      inputFilesSection: "Input files",
      keyFiguresSection: "Key figures",
      totalOverPeriod: "Total CO₂ over the period",
      combustionOverPeriod: "of which fuel combustion",
      electricityOverPeriod: "of which purchased electricity",
      processOverPeriod: "of which process",
      peakYear: { series in "Peak year of \(series) CO₂" },
      peakValue: { series in "Peak value of \(series) CO₂" },
      yearTotal: { year in "Total CO₂ in \(year)" },
      yearProcessShare: { year in "Process share of the total in \(year)" },
      declaredStagesSection: { series in "Stages of \(series) CO₂ declared by the methodology" },
      suggestedStagesSection: { series in "Suggested stages of \(series) CO₂ (best three-segment piecewise-linear fit)" },
      segmentName: { number in "Segment \(number)" },
      overallPeak: { series in "Peak of \(series) CO₂ over the whole period" },
      gridSection: "Electricity grid factor",
      processFactorSection: "Process emission factor",
      clinkerSection: "Clinker",
      clinkerFromCement: "Clinker output = cement output × clinker ratio",
      clinkerFromTable: "Clinker output read from the products table",
      allYears: "all years",
      yes: "yes",
      no: "no",
      findingsSection: "Findings",
      noFindings: "No findings.",
      severity: { severity in severity.rawValue },
      verificationSection: { title in "Comparison with: \(title)" },
      differingCellsSection: "Published cells that differ",
      noDifferingCells: "Every published cell agrees.",
      cellsCount: { compared, agree, differ, tolerance in
        "Cells: \(compared) compared, \(agree) agree, \(differ) differ (tolerance \(tolerance))"
      },
      statementsSection: "Statements of the text",
      statementsCount: { checked, hold, fail in "Statements: \(checked) checked, \(hold) hold, \(fail) do not hold" },
      holds: "holds",
      doesNotHold: "does not hold",
      legendTitle: "Legend: highlighted cells",
      highlight: { highlight in
        switch highlight {
        case .differsFromPublished: "differs from the published table"
        case .copiedYear: "copied year: equals the previous year in every fuel"
        case .carriedForward: "carried forward from the previous year (gap filled)"
        case .interpolated: "interpolated between observed years (gap filled)"
        case .estimated: "estimated by a time-series method: spliced, surrogate or trend"
        case .derived: "derived from other statistics"
        }
      },
      combustionChartTitle: "CO₂ from fuel combustion and electricity, by fuel",
      totalsChartTitle: "Total, energy and process CO₂, with the declared stages",
      yearAxis: "Year",
      aggregate: { aggregate in aggregate.rawValue })

    static let chinese = Labels(
      documentTitle: { province, methodology in "\(province)水泥行业二氧化碳排放核算（\(methodology)）" },
      documentComments: { version, count in
        "由 cement-accounts \(version) 根据 \(count) 个输入文件生成。所有排放数据均为引用活动水平表和排放因子表的实时公式。"
      },
      summaryTitle: "水泥行业二氧化碳排放核算",
      activityTitle: "活动水平：行业及水泥能源消费量",
      activityNote: "行业用量为年鉴表格整理后的数值；水泥用量 = 行业用量 × 分配比例（实时公式）。",
      factorsTitle: "排放因子",
      combustionTitle: "分能源品种化石燃料燃烧及外购电力CO₂排放（研究表1）",
      combustionNote: "每个数值均为实时公式：水泥用量（活动水平表）× 低位发热量 × 排放因子（排放因子表）；电力 × 电网排放因子。",
      processTitle: "熟料生产过程CO₂排放（研究表3）",
      processNote: "过程排放 = 熟料产量 × 过程排放因子（研究公式4）；每个数值均为实时公式。",
      totalsTitle: "排放合计、占比与增长",
      totalsNote: { series in
        "能源排放 = 燃料燃烧 + 电力（研究表1合计）；总排放 = 能源排放 + 过程排放。各阶段列仅在该阶段年份内重复\(series)数值，用于作图。"
      },
      stagesTitle: "排放阶段分析",
      stagesNote: "增长自基准年计至末年：变化率 = 末值 / 初值 − 1；年均复合增长率 = (末值 / 初值)^(1 / (末年 − 基准年)) − 1。",
      checksTitle: "核查：问题清单及与公开数据的比对",
      checksNote: "各环节发现的问题（缺年补齐、疑似复制年份、未核算燃料等），以及核算结果未能重现的公开数据单元格和文中表述。",
      provenanceTitle: "活动水平数据来源",
      provenanceNote: "每个活动水平数值一行：原始单元格及依次进行的每一步处理。",
      sheetSubtitle: { province, methodology, first, last in "\(province) · \(methodology) · \(first)—\(last)年" },
      province: "省份",
      years: "核算年份",
      yearsValue: { first, last, count in "\(first)—\(last)年（共\(count)年）" },
      methodology: "核算方法",
      methodologyTitle: "方法名称",
      methodologyFiles: "方法文件",
      factorSet: "排放因子集",
      toolVersion: "工具版本",
      inputFilesSection: "输入文件",
      keyFiguresSection: "主要结果",
      totalOverPeriod: "核算期CO₂排放总量",
      combustionOverPeriod: "其中：化石燃料燃烧",
      electricityOverPeriod: "其中：外购电力",
      processOverPeriod: "其中：工业过程",
      peakYear: { series in "\(series)CO₂排放峰值年份" },
      peakValue: { series in "\(series)CO₂排放峰值" },
      yearTotal: { year in "\(year)年CO₂排放总量" },
      yearProcessShare: { year in "\(year)年过程排放占总排放比例" },
      declaredStagesSection: { series in "核算方法规定的\(series)CO₂排放阶段" },
      suggestedStagesSection: { series in "\(series)CO₂排放建议阶段划分（三段分段线性最优拟合）" },
      segmentName: { number in "第\(number)段" },
      overallPeak: { series in "核算期内\(series)CO₂排放峰值" },
      gridSection: "电网排放因子",
      processFactorSection: "过程排放因子",
      clinkerSection: "熟料",
      clinkerFromCement: "熟料产量 = 水泥产量 × 熟料系数",
      clinkerFromTable: "熟料产量取自产品产量表",
      allYears: "所有年份",
      yes: "是",
      no: "否",
      findingsSection: "问题清单",
      noFindings: "未发现问题。",
      severity: { severity in
        switch severity {
        case .note: "提示"
        case .warning: "警告"
        case .error: "错误"
        }
      },
      verificationSection: { title in "与公开数据比对：\(title)" },
      differingCellsSection: "不一致的公开数据单元格",
      noDifferingCells: "所有公开数据单元格均一致。",
      cellsCount: { compared, agree, differ, tolerance in
        "单元格：共比对\(compared)个，一致\(agree)个，不一致\(differ)个（容差 \(tolerance)）"
      },
      statementsSection: "文中表述",
      statementsCount: { checked, hold, fail in "文中表述：共核查\(checked)条，成立\(hold)条，不成立\(fail)条" },
      holds: "成立",
      doesNotHold: "不成立",
      legendTitle: "图例：标色单元格",
      highlight: { highlight in
        switch highlight {
        case .differsFromPublished: "与公开数据不一致"
        case .copiedYear: "疑似复制年份：各燃料数值均与上一年相同"
        case .carriedForward: "沿用上一年数值（缺年补齐）"
        case .interpolated: "按相邻年份线性插值（缺年补齐）"
        case .estimated: "按时间序列方法估算：拼接、替代指标或趋势外推"
        case .derived: "由其他统计数据推算"
        }
      },
      combustionChartTitle: "分能源品种燃料燃烧及电力CO₂排放",
      totalsChartTitle: "总排放、能源排放与过程排放及排放阶段",
      yearAxis: "年份",
      aggregate: { aggregate in
        switch aggregate {
        case .combustion: "燃料燃烧"
        case .electricity: "外购电力"
        case .energy: "能源"
        case .process: "工业过程"
        case .total: "总"
        }
      })
  }

  /// The bilingual column headers, identical in both languages: Chinese, then English, then the
  /// unit in parentheses on a second line.
  enum Headers {
    static let year = "年份 Year"
    static let total = "合计 Total"
    static let fuel = "燃料 Fuel"
    static let item = "项目 Item"
    static let value = "数值 Value"
    static let unit = "单位 Unit"
    static let source = "来源 Source"
    static let assumed = "是否假设 Assumed"
    static let path = "文件 File"
    static let role = "用途 Role"
    static let sha256 = "SHA-256"
    static let encoding = "编码 Encoding"
    static let industryUse = "非金属矿物制品业用量 Industry use (non-metallic mineral products)"
    static let cementUse = "水泥用量 Cement use"
    static let allocationShare = "水泥分配比例 Allocation share\n(%)"
    static let totalEnergyReference = "能源消费总量（参考） Total energy use (reference)\n(10⁴ tce)"
    static let ncvUnit = "低位发热量单位 NCV unit"
    static let ncv = "低位发热量 NCV"
    static let carbonContent = "单位热值含碳量 Carbon content\n(t C/TJ)"
    static let oxidationRate = "碳氧化率 Oxidation rate"
    static let emissionFactorPerHeat = "排放因子 Emission factor\n(t CO₂/GJ)"
    static let emissionFactorPerUnit = "单位实物量排放因子 Emission factor per physical unit"
    static let emissionFactorUnit = "因子单位 Factor unit"
    static let gridFactor = "电网排放因子 Grid factor\n(t CO₂/MWh)"
    static let processFactor = "过程排放因子 Process factor\n(t CO₂/t clinker)"
    static let clinkerRatio = "熟料系数 Clinker ratio\n(t clinker/t cement)"
    static let cementOutput = "水泥产量 Cement output\n(10⁴ t)"
    static let clinkerOutput = "熟料产量 Clinker output\n(10⁴ t)"
    static let processCO2 = "过程排放 Process CO₂\n(10⁴ t CO₂)"
    static let stage = "阶段 Stage"
    static let first = "起始年 First year"
    static let last = "末年 Last year"
    static let base = "基准年 Base year"
    static let startValue = "初值 Start value\n(10⁴ t CO₂)"
    static let endValue = "末值 End value\n(10⁴ t CO₂)"
    static let change = "变化率 Change\n(%)"
    static let compoundGrowth = "年均复合增长率 Compound annual growth\n(%)"
    static let peakYear = "峰值年份 Peak year"
    static let peakValue = "峰值 Peak value\n(10⁴ t CO₂)"
    static let meanGrowth = "年增长率算术平均 Mean annual growth\n(%)"
    static let severity = "级别 Severity"
    static let check = "检查项 Check"
    static let location = "位置 Location"
    static let message = "说明 Message"
    static let column = "列 Column"
    static let published = "公布值 Published"
    static let recomputed = "重算值 Recomputed"
    static let difference = "差值 Difference"
    static let statementID = "编号 ID"
    static let quote = "原文 Quote"
    static let result = "结论 Result"
    static let accountGives = "核算结果 The account gives"
    static let file = "文件 File"
    static let line = "行 Line"
    static let sourceColumn = "列 Column"
    static let originalText = "原文 Original text"
    static let originalUnit = "原单位 Original unit"
    static let sourceHeader = "原表头 Source header"
    static let transformations = "处理步骤 Transformations"
    static let flags = "标记 Flags"
    static let processShare = "过程排放占比 Process share of total\n(%)"

    /// `煤炭 Coal`, from the fuel catalogue; the fuel id when the catalogue lacks the fuel.
    static func name(_ fuel: Fuel) -> String {
      guard let definition = FuelCatalogue.standard[fuel] else { return fuel.id }
      return "\(definition.chineseName) \(definition.englishName)"
    }

    /// `水泥 Cement`.
    static func name(_ product: Product) -> String {
      switch product {
      case .cement: "水泥 Cement"
      case .clinker: "熟料 Clinker"
      }
    }

    /// `能源 Energy` …: the aggregates of the account.
    static func name(_ aggregate: Aggregate) -> String {
      switch aggregate {
      case .combustion: "燃料燃烧 Fuel combustion"
      case .electricity: "外购电力 Electricity (indirect)"
      case .energy: "能源合计 Energy (combustion + electricity)"
      case .process: "工业过程 Process"
      case .total: "总排放 Total"
      }
    }

    /// A name with its unit on a second line: `煤炭 Coal\n(10⁴ t CO₂)`.
    static func withUnit(_ name: String, _ unit: String) -> String { "\(name)\n(\(unit))" }

    static func share(of fuel: Fuel) -> String { "\(name(fuel)) 占能源排放比例 share of energy\n(%)" }
    static func growth(of aggregate: Aggregate) -> String { "\(name(aggregate)) 年增长率 year-on-year growth\n(%)" }
  }
}
