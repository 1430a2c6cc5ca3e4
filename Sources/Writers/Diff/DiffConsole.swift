import CementModel
import Comparison
import Foundation

/// The lines `cement-accounts diff` prints: what changed, largest first, in 10⁴ t CO₂ (the
/// unit of `diff.md` and of the study's tables); "no change" when nothing did; a year that
/// one side lacks is said to be missing, not shown as a change of −100 %.
enum DiffConsole {
  /// How many years and figures the summary lists.
  static let listed = 5

  static func text(_ c: Comparison, outputs: [String]) -> String {
    var lines = ["\(c.a) → \(c.b) (\(c.province))"]
    lines += DiffSummary.sentences(c).map { "  " + $0 }
    let missing = Set(c.yearsAdded + c.yearsRemoved)
    let years = c.yearTotals.filter { !missing.contains($0.year) && abs($0.absolute) > c.tolerance }
    if c.changes.isEmpty && missing.isEmpty {
      lines.append("  no change: every figure of \(c.b) equals its figure in \(c.a) (within \(DiffSummary.trim(c.tolerance)) t CO₂)")
    }
    for year in c.yearsRemoved { lines.append("  \(year): missing in \(c.b) (\(c.a): total \(amount(c.yearTotals.first { $0.year == year }?.old)) 10⁴ t CO₂)") }
    for year in c.yearsAdded { lines.append("  \(year): missing in \(c.a) (\(c.b): total \(amount(c.yearTotals.first { $0.year == year }?.new)) 10⁴ t CO₂)") }
    if !years.isEmpty {
      let largest = years.sorted { (abs($0.absolute), $1.year) > (abs($1.absolute), $0.year) }.prefix(listed)
      lines.append("  years with the largest changes of the total (10⁴ t CO₂)\(years.count > listed ? ", \(listed) of \(years.count)" : ""):")
      for t in largest {
        lines.append("    \(t.year): \(amount(t.old)) → \(amount(t.new)) (\(signed(t.absolute)), \(DiffMarkdown.percent(t.relative)))")
      }
    }
    let figures = c.changes.filter { $0.old != nil && $0.new != nil }
    if !figures.isEmpty {
      let largest = figures.sorted { (abs($0.absolute), $1.key) > (abs($1.absolute), $0.key) }.prefix(listed)
      lines.append("  figures with the largest changes (10⁴ t CO₂)\(figures.count > listed ? ", \(listed) of \(figures.count)" : ""):")
      for f in largest {
        lines.append(
          "    \(f.key.year) \(f.key.scope) \(sourceName(f.key.source)): \(amount(f.old)) → \(amount(f.new)) (\(signed(f.absolute)), \(DiffMarkdown.percent(f.relative)))")
      }
    }
    if let attribution = c.attribution, !attribution.groups.isEmpty {
      var overall: [KeyGroup: Int64] = [:]
      for year in c.yearTotals.map(\.year) { for (g, part) in attribution.yearParts(year) { overall[g, default: 0] += part } }
      lines.append(
        "  attribution over the period (10⁴ t CO₂): "
          + attribution.groups.map { "\($0.rawValue) \(signed(Attribution.tonnes(overall[$0] ?? 0)))" }.joined(separator: ", "))
    }
    for output in outputs { lines.append("  wrote \(output)") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A source as people name it: the catalogue's English name (`Fuel Oil`), else the id.
  static func sourceName(_ source: String) -> String {
    FuelCatalogue.standard[Fuel(source)]?.englishName ?? source
  }

  /// t CO₂ in 10⁴ t CO₂, two decimals (the study's precision); `—` when absent.
  static func amount(_ tonnes: Double?) -> String { tonnes.map { String(format: "%.2f", $0 / 1e4) } ?? "—" }

  /// A signed change in 10⁴ t CO₂, two decimals, or four when two would show 0.00.
  static func signed(_ tonnes: Double) -> String {
    let two = String(format: "%+.2f", tonnes / 1e4)
    if two != "+0.00" && two != "-0.00" { return two }
    let four = String(format: "%+.4f", tonnes / 1e4)
    return four == "+0.0000" || four == "-0.0000" ? "0.00" : four
  }
}
