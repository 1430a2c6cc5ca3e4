import CementModel
import Verification

/// The text `verify` prints: one line per cell that differs, a count, each statement of the
/// study's text that does not hold, then what explains the deviations (a unit slip, a copied
/// year …) and the differing cells nothing explains.
public enum VerificationText {
  public static func render(_ report: VerificationReport) -> String {
    let unit = report.table.unit.symbol
    var lines: [String] = ["\(report.table.title)"]
    for check in report.differingCells {
      let recomputed = check.recomputed.map { Format.fixed($0, 2) } ?? "missing"
      let difference = check.difference.map { ($0 >= 0 ? "+" : "") + Format.fixed($0, 4) } ?? "n/a"
      lines.append(
        "\(check.cell.location): \(check.cell.year) \(check.cell.column): published \(check.cell.text), recomputed \(recomputed) (difference \(difference) \(unit))")
    }
    let agreeing = report.cells.count - report.differingCells.count
    let outside = report.cellsOutsideYears.isEmpty ? "" : "; \(report.cellsOutsideYears.count) cells of years the account does not cover (\(YearRuns.text(YearRuns.runs(report.cellsOutsideYears.map(\.year))))) not compared"
    lines.append(
      "cells: \(report.cells.count) compared, \(agreeing) agree, \(report.differingCells.count) differ (tolerance \(report.tolerance) \(unit))\(outside)")
    if !report.statements.isEmpty || !report.statementsOutsideYears.isEmpty {
      let failed = report.failedStatements
      let skipped = report.statementsOutsideYears.isEmpty ? "" : "; \(report.statementsOutsideYears.count) about years the account does not cover not checked"
      lines.append("statements: \(report.statements.count) checked, \(report.statements.count - failed.count) hold, \(failed.count) do not hold\(skipped)")
      for check in failed {
        lines.append("  \(check.statement.location): \(check.statement.id): \"\(check.statement.quote)\" — the account gives \(check.recomputed)")
      }
    }
    if !report.explanations.isEmpty || !report.differingCells.isEmpty {
      lines.append("explanations: \(report.explanations.count)")
      for finding in report.explanations {
        lines.append("  \(finding.column ?? "table"), \(YearRuns.text(finding.years)): \(finding.kind.name) — \(finding.explanation)")
      }
      let unexplained = report.unexplainedCells
      if !unexplained.isEmpty {
        lines.append("  not explained: " + unexplained.map { "\($0.cell.year) \($0.cell.column)" }.joined(separator: ", "))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
