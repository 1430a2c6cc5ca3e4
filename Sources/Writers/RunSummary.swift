import Accounting
import CementModel

/// The short summary `run` prints: years, totals, peak, shares, and what was filled or flagged.
public enum RunSummary {
  public static func render(_ account: Account, outputs: [String]) -> String {
    let mt = MeasurementUnit<CO2Mass>.megatonnesCO2
    guard let first = account.years.first, let last = account.years.last else { return "no years accounted\n" }
    let stages = StageAnalysis(account: account)
    let total = account.years.sum { $0.total(.total) }
    // An energy-only account (no products table) has no process figure: not available, not 0.
    let hasProcess = account.years.contains { $0.entries.contains { $0.scope == .process } }
    var lines = [
      "\(account.province) · \(account.methodology.name): \(first.year)–\(last.year), \(account.years.count) years",
      "  total CO₂ over the period: \(Format.fixed(total.value(in: mt), 2)) Mt "
        + "(combustion \(Format.fixed(account.years.sum { $0.total(.combustion) }.value(in: mt), 2)), "
        + "electricity \(Format.fixed(account.years.sum { $0.total(.electricity) }.value(in: mt), 2)), "
        + "process \(hasProcess ? Format.fixed(account.years.sum { $0.total(.process) }.value(in: mt), 2) : "not available"))",
    ]
    if let peak = stages.peakYear, let peakYear = account[peak] {
      lines.append("  peak of \(stages.series.rawValue) emissions: \(peak) (\(Format.fixed(peakYear.total(stages.series).value(in: mt), 2)) Mt)")
    }
    for stage in stages.declared {
      let growth = stage.compoundAnnualGrowth.map { Format.fixed($0 * 100, 2) + " % a year" } ?? "n/a"
      lines.append("  \(stage.name) (\(stage.first)–\(stage.last)): \(growth), peak \(stage.peakYear)")
    }
    if !stages.suggested.isEmpty {
      lines.append("  suggested stages (best three-segment fit): " + stages.suggested.map { "\($0.first)–\($0.last)" }.joined(separator: ", "))
    }
    for year in [first, last] {
      let process = hasProcess ? Indicators.share(year.total(.process), of: year.total(.total)).map { Format.fixed($0 * 100, 2) + " %" } ?? "n/a" : "not available"
      lines.append("  \(year.year): total \(Format.fixed(year.total(.total).value(in: mt), 2)) Mt, process share \(process)")
    }
    let warnings = account.findings.filter { $0.severity >= .warning }
    if !warnings.isEmpty {
      lines.append("  \(warnings.count) warning(s):")
      lines += warnings.map { "    \($0.description)" }
    }
    if !outputs.isEmpty { lines.append("  wrote " + outputs.joined(separator: ", ")) }
    return lines.joined(separator: "\n") + "\n"
  }
}
