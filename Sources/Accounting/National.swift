import CementModel

/// One province's figures in the national comparison, over the accounts' common period.
public struct ProvinceFigures: Sendable, Hashable {
  public let province: String
  public let years: ClosedRange<Int>
  /// Sums over the period.
  public let total: Quantity<CO2Mass>
  public let combustion: Quantity<CO2Mass>
  public let electricity: Quantity<CO2Mass>
  public let process: Quantity<CO2Mass>
  /// Cement output summed over the period, when every year has it.
  public let cementOutput: Quantity<Mass>?
  /// Total CO₂ per tonne of cement over the period (t CO₂/t).
  public let intensity: Double?
  /// Process CO₂ as a share of the total over the period.
  public let processShare: Double?
  /// The last year's total.
  public let lastYearTotal: Quantity<CO2Mass>
  public let peakYear: Int?
  /// The direction of each segment of the best three-segment fit of the total: `rise–peak–decline`.
  public let pattern: String
  /// Rank by the period total, 1 for the largest.
  public let rank: Int
}

/// What one kind of check found across the provinces at one severity: how often and where.
public struct CheckTally: Sendable, Hashable {
  /// The check's stable name (`jump`, `parts-vs-total`, `not-available` …).
  public let check: String
  public let severity: Finding.Severity
  public let findings: Int
  /// The provinces with at least one such finding, sorted.
  public let provinces: [String]
}

/// The provinces side by side, ranked by their total over the period, and their sum per year.
public struct NationalSummary: Sendable {
  public let methodology: Methodology
  public let provinces: [ProvinceFigures]
  /// The findings of every province's account, tallied per check and severity: warnings
  /// first, then by count.
  public let checks: [CheckTally]
  /// Per year, the sum over the provinces of each aggregate, and of cement output.
  public let byYear: [(year: Int, totals: [Aggregate: Quantity<CO2Mass>], cement: Quantity<Mass>, provinces: Int)]
  /// Per year, what the national sum rests on (same order as `byYear`).
  public let coverage: [YearCoverage]
  /// Every province's anomalies, ranked.
  public let anomalies: [Anomaly]

  /// - Parameter accounts: One account per province, all under `methodology`.
  /// - Parameter failed: Provinces that could not be accounted: missing from every year's coverage.
  public init(accounts: [Account], methodology: Methodology, failed: Int = 0) {
    self.methodology = methodology
    anomalies = Self.anomalies(of: accounts)
    let figures = accounts.map(Self.figures)
    let ranked = figures.sorted { ($0.total.baseValue, $1.province) > ($1.total.baseValue, $0.province) }
    provinces = ranked.enumerated().map { index, f in
      ProvinceFigures(
        province: f.province, years: f.years, total: f.total, combustion: f.combustion, electricity: f.electricity, process: f.process,
        cementOutput: f.cementOutput, intensity: f.intensity, processShare: f.processShare, lastYearTotal: f.lastYearTotal,
        peakYear: f.peakYear, pattern: f.pattern, rank: index + 1)
    }
    struct Kind: Hashable {
      let check: String
      let severity: Finding.Severity
    }
    checks = Dictionary(grouping: accounts.flatMap { account in account.findings.map { (account.province, $0) } }) {
      Kind(check: $0.1.check, severity: $0.1.severity)
    }
    .map { kind, found in
      CheckTally(check: kind.check, severity: kind.severity, findings: found.count, provinces: Set(found.map(\.0)).sorted())
    }
      .sorted { ($0.severity, $0.findings, $1.check) > ($1.severity, $1.findings, $0.check) }
    let years = Set(accounts.flatMap { $0.years.map(\.year) }).sorted()
    byYear = years.map { year in
      var totals: [Aggregate: Quantity<CO2Mass>] = [:]
      var cement = 0.0, count = 0
      for account in accounts {
        guard let entry = account[year] else { continue }
        count += 1
        for aggregate in Aggregate.allCases { totals[aggregate] = (totals[aggregate] ?? Quantity(baseValue: 0)) + entry.total(aggregate) }
        cement += account.activity.products[.cement]?[year]?.value.baseValue ?? 0
      }
      return (year, totals, Quantity(baseValue: cement), count)
    }
    coverage = YearCoverage.of(accounts, years: years, failed: failed)
  }

  static func figures(_ account: Account) -> ProvinceFigures {
    func sum(_ aggregate: Aggregate) -> Quantity<CO2Mass> {
      Quantity(baseValue: account.years.reduce(0) { $0 + $1.total(aggregate).baseValue })
    }
    let years = (account.years.first?.year ?? account.methodology.years.lowerBound)...(account.years.last?.year ?? account.methodology.years.upperBound)
    let total = sum(.total), process = sum(.process)
    let cementValues = account.years.map { account.activity.products[.cement]?[$0.year]?.value.baseValue }
    let cement = cementValues.contains(nil) ? nil : Quantity<Mass>(baseValue: cementValues.reduce(0) { $0 + $1! })
    let stages = StageAnalysis(account: account, series: .total)
    return ProvinceFigures(
      province: account.province, years: years, total: total, combustion: sum(.combustion), electricity: sum(.electricity),
      process: process, cementOutput: cement, intensity: cement.flatMap { $0.baseValue > 0 ? total.baseValue / $0.baseValue : nil },
      processShare: Indicators.share(process, of: total), lastYearTotal: account.years.last?.total(.total) ?? Quantity(baseValue: 0),
      peakYear: stages.peakYear, pattern: pattern(stages.suggested), rank: 0)
  }

  /// `rise–flat–decline` from the compound growth of each fitted segment (±1 % a year is flat);
  /// `–` when the period is too short for three segments.
  static func pattern(_ segments: [StageResult]) -> String {
    guard !segments.isEmpty else { return "–" }
    return segments.map { segment in
      guard let growth = segment.compoundAnnualGrowth else { return "?" }
      return growth > 0.01 ? "rise" : growth < -0.01 ? "decline" : "flat"
    }.joined(separator: "–")
  }
}
