import Comparison
import Foundation

/// Renders a comparison as `diff.md`: totals by year, the methodology keys that differ side by
/// side, the attribution of each change to the groups of keys, every figure that changed, the
/// input files and cells that changed, and what was not compared. Figures in 10⁴ t CO₂, the
/// study's unit; `diff.xlsx` holds them in tonnes at full precision.
public enum DiffMarkdown {
  public static func render(_ c: Comparison) -> String {
    var out: [String] = []
    out.append("# \(MarkdownText.inline(c.a)) → \(MarkdownText.inline(c.b)) (\(MarkdownText.inline(c.province)))")
    out.append("")
    out.append(DiffSummary.sentences(c).joined(separator: " "))
    out.append("")

    out.append("## Totals by year (10⁴ t CO₂)")
    out.append("")
    out.append("| year | \(cell(c.a)) | \(cell(c.b)) | change | change % | combustion | electricity | process |")
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for total in c.yearTotals {
      let byScope = ["combustion", "electricity", "process"].map { scope in
        c.totals.first { $0.year == total.year && $0.scope == scope }.map { signed($0.absolute) } ?? ""
      }
      out.append(
        "| \(total.year) | \(tenThousand(total.old)) | \(tenThousand(total.new)) | \(signed(total.absolute)) | \(percent(total.relative)) | "
          + byScope.joined(separator: " | ") + " |")
    }
    out.append("")
    out.append("The scope columns give each scope's change.")
    out.append("")

    out.append("## Methodology keys that differ")
    out.append("")
    if !c.methodologiesKnown {
      out.append("Not compared: a methodology is not known (see the notes).")
    } else if c.methodologyDifferences.isEmpty {
      out.append("None: the two methodologies make the same choices.")
    } else {
      out.append("| group | key | \(cell(c.a)) | \(cell(c.b)) |")
      out.append("|---|---|---|---|")
      for d in c.methodologyDifferences {
        out.append("| \(d.group) | `\(d.key)` | \(d.a.map(cell) ?? "—") | \(d.b.map(cell) ?? "—") |")
      }
    }
    out.append("")

    out.append("## Attribution of each change")
    out.append("")
    if let attribution = c.attribution {
      out.append(DiffSummary.attributionMethod(attribution))
      out.append("")
      if attribution.groups.isEmpty {
        out.append("No group of choices differs.")
      } else {
        out.append("| year | total change | " + attribution.groups.map { cell($0.rawValue) }.joined(separator: " | ") + " |")
        out.append("|---:|---:|" + String(repeating: "---:|", count: attribution.groups.count))
        for year in c.yearTotals.map(\.year) {
          let parts = attribution.yearParts(year)
          out.append(
            "| \(year) | \(signed(Attribution.tonnes(attribution.yearTotal(year)))) | "
              + attribution.groups.map { signed(Attribution.tonnes(parts[$0] ?? 0)) }.joined(separator: " | ") + " |")
        }
        out.append("")
        out.append("Each figure's split is in `diff.xlsx`, sheet `Attribution`.")
      }
    } else {
      out.append(
        "Not computed: attribution runs the methodology of each side over the same inputs, one group of keys at a time; "
          + "it is made when A and B are methodologies run on the fly (`cement-accounts diff study-2025 gap-linear`).")
    }
    out.append("")

    out.append("## Figures that changed (10⁴ t CO₂)")
    out.append("")
    if c.changes.isEmpty {
      out.append("None beyond the tolerance.")
    } else {
      out.append("| year | scope | source | \(cell(c.a)) | \(cell(c.b)) | change | change % | flags |")
      out.append("|---:|---|---|---:|---:|---:|---:|---|")
      for change in c.changes {
        let flags = change.oldFlags == change.newFlags ? change.newFlags : "\(change.oldFlags.isEmpty ? "—" : change.oldFlags) → \(change.newFlags.isEmpty ? "—" : change.newFlags)"
        out.append(
          "| \(change.key.year) | \(change.key.scope) | \(change.key.source) | \(tenThousand(change.old)) | \(tenThousand(change.new)) | "
            + "\(signed(change.absolute)) | \(percent(change.relative)) | \(cell(flags)) |")
      }
    }
    out.append("")

    if !c.inputFiles.isEmpty || !c.inputCells.isEmpty {
      out.append("## Inputs that changed")
      out.append("")
      if !c.inputFiles.isEmpty {
        out.append("| file | role | SHA-256 in \(cell(c.a)) | SHA-256 in \(cell(c.b)) |")
        out.append("|---|---|---|---|")
        for f in c.inputFiles {
          out.append("| \(cell(f.path)) | \(cell(f.role)) | \(f.oldSHA256.map { String($0.prefix(12)) } ?? "—") | \(f.newSHA256.map { String($0.prefix(12)) } ?? "—") |")
        }
        out.append("")
      }
      if !c.inputCells.isEmpty {
        out.append("| year | series | \(cell(c.a)) | \(cell(c.b)) | unit | cell in \(cell(c.b)) | text | figure change (10⁴ t CO₂) |")
        out.append("|---:|---|---:|---:|---|---|---|---:|")
        for cellChange in c.inputCells {
          let text = "\(cellChange.old?.originalText ?? "—") → \(cellChange.new?.originalText ?? "—")"
          out.append(
            "| \(cellChange.year) | \(cell(cellChange.item)) | \(number(cellChange.old?.value)) | \(number(cellChange.new?.value)) | "
              + "\(cell(cellChange.new?.unit ?? cellChange.old?.unit ?? "")) | \(cell(cellChange.new?.location ?? cellChange.old?.location ?? "")) | "
              + "\(cell(text)) | \(cellChange.downstream.map { signed($0.absolute) } ?? "—") |")
        }
        out.append("")
      }
    }

    if !c.notes.isEmpty {
      out.append("## Notes")
      out.append("")
      for note in c.notes { out.append("- \(MarkdownText.inline(note))") }
      out.append("")
    }
    return out.joined(separator: "\n")
  }

  static func cell(_ text: String) -> String { MarkdownText.cell(text) }

  /// t CO₂ shown in 10⁴ t CO₂ with four decimals; `—` when absent.
  static func tenThousand(_ tonnes: Double?) -> String {
    guard let tonnes else { return "—" }
    return String(format: "%.4f", tonnes / 1e4)
  }

  static func signed(_ tonnes: Double) -> String {
    let text = String(format: "%+.4f", tonnes / 1e4)
    return text == "-0.0000" || text == "+0.0000" ? "0.0000" : text
  }

  static func percent(_ fraction: Double?) -> String {
    guard let fraction else { return "—" }
    return String(format: "%+.2f %%", fraction * 100)
  }

  static func number(_ value: Double?) -> String {
    guard let value else { return "—" }
    return String(format: "%.4f", value)
  }
}

/// The few sentences `diff` prints and `diff.md` opens with.
public enum DiffSummary {
  public static func sentences(_ c: Comparison) -> [String] {
    var s: [String] = []
    s.append("\(c.changes.count) figure(s) changed by more than \(trim(c.tolerance)) t CO₂.")
    if !c.yearsAdded.isEmpty { s.append("Years only in \(c.b): \(c.yearsAdded.map(String.init).joined(separator: ", ")).") }
    if !c.yearsRemoved.isEmpty { s.append("Years only in \(c.a): \(c.yearsRemoved.map(String.init).joined(separator: ", ")).") }
    if c.methodologiesKnown {
      let groups = c.differingGroups
      s.append(
        groups.isEmpty
          ? "The methodologies make the same choices."
          : "\(c.methodologyDifferences.count) methodology key(s) differ, in: \(groups.map(\.rawValue).joined(separator: ", ")).")
    }
    if !c.inputFiles.isEmpty { s.append("\(c.inputFiles.count) input file(s) differ; \(c.inputCells.count) activity value(s) changed.") }
    return s
  }

  public static func attributionMethod(_ a: Attribution) -> String {
    guard !a.groups.isEmpty else { return "The two methodologies differ in no group of choices." }
    return "The groups of keys that differ were applied to A one at a time, in this order: "
      + a.groups.map(\.rawValue).joined(separator: ", ")
      + "; each intermediate methodology was accounted over the same inputs, and each group's part is the change its step made. "
      + "Parts are counted in whole grams of CO₂, so they add up exactly to each figure's change (B − A). "
      + "The split depends on the order: a later group's part is measured with the earlier groups already applied."
  }

  /// The lines `cement-accounts diff` prints (``DiffConsole``).
  public static func text(_ c: Comparison, outputs: [String]) -> String { DiffConsole.text(c, outputs: outputs) }

  static func trim(_ x: Double) -> String {
    var t = "\(x)"
    if t.hasSuffix(".0") { t.removeLast(2) }
    return t
  }
}
