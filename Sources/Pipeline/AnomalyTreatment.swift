import Accounting
import Allocation
import CementModel
import Reconciliation

extension Pipeline {
  /// Allocates and accounts the reconciled series, screens them for anomalies against the
  /// account's figures, and treats what it finds as the methodology says: flagged, replaced
  /// (the series accounted again with the replacements) or refused. Pure.
  static func screenedAccount(
    _ industry: ActivitySeries, methodology: Methodology, catalogue: FuelCatalogue, references: [SeriesName: [Corroborating]] = [:]
  ) throws(PipelineError) -> Account {
    let first = try allocatedAccount(industry, methodology: methodology, catalogue: catalogue)
    let screen = AnomalyScreen(rules: methodology.anomalies, standardCoal: standardCoal(of: methodology), catalogue: catalogue)
    let found = screen.screen(industry, weights: weights(of: first), corroborating: references)
    let serious = found.filter { $0.level >= .warning && $0.kind != .confirmedChange }
    if methodology.anomalies.treatment == .refuse, !serious.isEmpty {
      throw PipelineError(
        "\(industry.province): \(serious.count) anomal\(serious.count == 1 ? "y" : "ies") at warning level or above, and the methodology refuses them (anomalies.treatment: refuse):\n"
          + serious.map { "  \(finding($0, treatment: .refused))" }.joined(separator: "\n"),
        hint: "correct the inputs, or set anomalies.treatment to flag or replace in \(methodology.files.first ?? methodology.name)")
    }
    let (treatedSeries, anomalies) = screen.treat(industry, anomalies: found)
    let account = anomalies.contains { $0.treatment == .replaced }
      ? try allocatedAccount(treatedSeries, methodology: methodology, catalogue: catalogue) : first
    var effect: [Int: Quantity<CO2Mass>] = [:]
    if account.years != first.years {
      for year in account.years { effect[year.year] = year.total(.total) - (first[year.year]?.total(.total) ?? .zero) }
    }
    return Account(
      province: account.province, methodology: methodology, years: account.years, activity: account.activity,
      findings: account.findings + anomalies.map { finding($0, treatment: $0.treatment) }, anomalies: anomalies, treatmentEffect: effect)
  }

  /// The standard-coal coefficients (t ce per base unit) for the total-energy corroboration: the
  /// checks', else the energy proxy's.
  static func standardCoal(of methodology: Methodology) -> [Fuel: Double] {
    guard methodology.checks.standardCoal.isEmpty, case .energyProxy(let proxy) = methodology.allocation.basis else {
      return methodology.checks.standardCoal
    }
    return proxy.standardCoal.value.mapValues(\.tonnesPerBaseUnit)
  }

  private static func allocatedAccount(_ industry: ActivitySeries, methodology: Methodology, catalogue: FuelCatalogue) throws(PipelineError) -> Account {
    do {
      let cement = try ProxyAllocation(methodology: methodology).allocate(industry)
      return try Accountant(methodology: methodology, catalogue: catalogue).account(cement)
    } catch {
      throw PipelineError(error)
    }
  }

  /// Each series' CO₂ by year, and the province's total: fuels by their combustion or
  /// electricity CO₂, products by the process CO₂.
  static func weights(of account: Account) -> AnomalyScreen.Weights {
    var emissions: [SeriesName: [Int: Double]] = [:]
    var total: [Int: Double] = [:]
    for year in account.years {
      total[year.year] = year.total(.total).baseValue
      for entry in year.entries {
        if entry.scope == .process {
          for product in Product.allCases { emissions[.product(product), default: [:]][year.year, default: 0] += entry.emissions.baseValue }
        } else {
          emissions[.fuel(Fuel(entry.source)), default: [:]][year.year, default: 0] += entry.emissions.baseValue
        }
      }
    }
    return AnomalyScreen.Weights(emissions: emissions, total: total)
  }

  /// The finding a reader sees in the summary and the `Checks` sheet.
  static func finding(_ a: Anomaly, treatment: Anomaly.Treatment) -> Finding {
    let what: String
    switch treatment {
    case .flagged: what = "kept and flagged"
    case .refused: what = "refused"
    case .replaced: what = "replaced by \(a.replacement.map(Format.significant) ?? "?")"
    }
    let corroboration = a.corroboration.isEmpty ? "" : "; \(a.corroboration)"
    // The run goes on whatever the level: its finding is at most a warning, the level in the text.
    return Finding(
      min(a.level, .warning), check: "anomaly",
      "\(a.label) \(a.year): \(Format.significant(a.value)) \(a.unit), expected \(Format.significant(a.expectedLow))–\(Format.significant(a.expectedHigh)): "
        + "\(a.kind.rawValue) (\(a.level.rawValue) level), score \(Format.fixed(a.score, 1)), \(Format.fixed(a.share * 100, 1)) % of the province's CO₂\(corroboration) (\(what))",
      at: a.location, year: a.year)
  }
}
