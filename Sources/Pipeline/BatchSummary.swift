import Accounting
import CementModel

extension BatchResult {
  /// The batch's terminal summary by province: errors (a province that failed), warnings, and
  /// anomalies by level, one line each, then the totals; provinces with nothing to report are
  /// counted in the totals only.
  public var provinceSummary: [String] {
    struct Counts { var errors = 0, warnings = 0, anomalyErrors = 0, anomalyWarnings = 0, anomalyNotes = 0 }
    var byProvince: [String: Counts] = [:]
    for outcome in outcomes {
      var c = byProvince[outcome.province] ?? Counts()
      if outcome.error != nil { c.errors += 1 }
      if let account = outcome.account {
        c.warnings += account.findings.filter { $0.severity == .warning && $0.check != "anomaly" }.count
        c.errors += account.findings.filter { $0.severity == .error && $0.check != "anomaly" }.count
        c.anomalyErrors += account.anomalies.filter { $0.level == .error }.count
        c.anomalyWarnings += account.anomalies.filter { $0.level == .warning }.count
        c.anomalyNotes += account.anomalies.filter { $0.level == .note }.count
      }
      byProvince[outcome.province] = c
    }
    let width = max(8, byProvince.keys.map(\.count).max() ?? 0)
    let pad = { (s: String) in s.padding(toLength: width, withPad: " ", startingAt: 0) }
    var lines = ["\(pad("province"))  errors  warnings  anomalies: error / warning / note"]
    var total = Counts()
    for (province, c) in byProvince.sorted(by: { $0.key < $1.key }) {
      total.errors += c.errors
      total.warnings += c.warnings
      total.anomalyErrors += c.anomalyErrors
      total.anomalyWarnings += c.anomalyWarnings
      total.anomalyNotes += c.anomalyNotes
      guard c.errors + c.warnings + c.anomalyErrors + c.anomalyWarnings > 0 else { continue }
      lines.append(line(pad(province), c.errors, c.warnings, c.anomalyErrors, c.anomalyWarnings, c.anomalyNotes))
    }
    lines.append(line(pad("all"), total.errors, total.warnings, total.anomalyErrors, total.anomalyWarnings, total.anomalyNotes))
    return lines
  }

  private func line(_ name: String, _ errors: Int, _ warnings: Int, _ e: Int, _ w: Int, _ n: Int) -> String {
    let column = { (value: Int, width: Int) in String(repeating: " ", count: max(0, width - "\(value)".count)) + "\(value)" }
    return "\(name)  \(column(errors, 6))  \(column(warnings, 8))  \(column(e, 16)) / \(column(w, 7)) / \(column(n, 4))"
  }
}
