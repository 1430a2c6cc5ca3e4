import CementModel
import Verification

/// The text `verify --published ceads-emission-inventory` prints, and the lines the national
/// report gives of it: how many province-years agree within the tolerance, what explains each
/// one outside it, and the findings fuel by fuel (factor ratios with both factors, data
/// disagreements, zeros, the process basis).
public enum InventoryVerificationText {
  /// The whole text, for the terminal.
  public static func render(_ verification: InventoryVerification, methodology: String, files: [String]) -> String {
    let years = verification.provinceYears.map(\.key.year)
    let span = years.isEmpty ? "no years" : "\(years.min()!)–\(years.max()!)"
    let provinces = Set(verification.provinceYears.map(\.key.province)).count
    var lines = [
      "CEADs emission inventory (\(files.count) workbooks) against \(methodology): \(provinces) provinces, \(span)",
      headline(verification, language: .en),
    ]
    let outside = verification.provinceYears.filter { !$0.withinTolerance }
    if !outside.isEmpty { lines.append("outside \(Format.fixed(verification.totalTolerance * 100, 0)) %:") }
    for year in outside { lines.append("  " + outsideLine(year)) }
    lines.append("findings: \(verification.findings.count)")
    for finding in verification.findings { lines.append("  " + finding.description) }
    if !verification.unexplained.isEmpty {
      lines.append("not explained: " + verification.unexplained.map(\.key.description).joined(separator: ", "))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `251 of 270 province-years (93.0 %) within 2 % of CEADs' combustion CO₂ …`.
  public static func headline(_ verification: InventoryVerification, language: Language) -> String {
    let count = verification.provinceYears.count, within = verification.within
    let share = count == 0 ? "n/a" : Format.fixed(Double(within) / Double(count) * 100, 1)
    let tolerance = Format.fixed(verification.totalTolerance * 100, 0)
    let unexplained = verification.unexplained.count
    switch language {
    case .en:
      return "combustion CO₂ (the fuels both count): \(within) of \(count) province-years (\(share) %) within \(tolerance) % of CEADs' emission inventory; "
        + (unexplained == 0 ? "every one outside is explained below" : "\(unexplained) outside are not explained")
    case .zh:
      return "燃烧 CO₂（双方均计入的燃料）：\(count) 个省份-年份中有 \(within) 个（\(share) %）与 CEADs 排放清单相差在 \(tolerance) % 以内；"
        + (unexplained == 0 ? "其余均有下列解释" : "\(unexplained) 个未能解释")
    }
  }

  /// `shandong 2015: account ÷ CEADs 0.8195 (account 14.227 Mt, CEADs 17.360 Mt): raw_coal activity-disagreement +2.517 Mt, …`.
  public static func outsideLine(_ year: InventoryProvinceYear, language: Language = .en) -> String {
    let causes = year.causes.prefix(3).map { cause in
      "\(cause.source) \(cause.kind.rawValue) \(cause.gap >= 0 ? "+" : "−")\(Format.fixed(abs(cause.gap) / 1e6, 3)) Mt"
    }
    let ratio = Format.fixed(year.ratio, 4), account = Format.fixed(year.recomputed / 1e6, 3), ceads = Format.fixed(year.published / 1e6, 3)
    switch language {
    case .en:
      return "\(year.key): account ÷ CEADs \(ratio) (account \(account) Mt, CEADs \(ceads) Mt): "
        + (causes.isEmpty ? "not explained" : causes.joined(separator: ", "))
    case .zh:
      return "\(year.key)：本核算 ÷ CEADs \(ratio)（本核算 \(account) Mt，CEADs \(ceads) Mt）："
        + (causes.isEmpty ? "未能解释" : causes.joined(separator: "，"))
    }
  }

  /// One finding: in English its explanation; in Chinese the same evidence.
  public static func findingLine(_ finding: InventoryFinding, language: Language) -> String {
    guard language == .zh else { return finding.description }
    let factor = { (value: Double?) in value.map { Format.fixed($0 / 1e4, 4) } ?? "无" }
    let factors = "清单因子 \(factor(finding.publishedFactor)) t CO₂/t（气体为每 10⁴ m³），本核算因子 \(factor(finding.accountFactor))"
    let gap = "清单 − 本核算 = \(Format.fixed(finding.gap / 1e6, 3)) Mt CO₂"
    let head = "\(finding.source)：\(finding.kind.rawValue)，\(finding.cells.count) 个单元格："
    switch finding.kind {
    case .factorRatio:
      return head + "清单 = 本核算 × \(finding.fit.map(\.description) ?? "–")，因子不同：\(factors)；\(gap)"
    case .activityDisagreement:
      let largest = finding.largest.map { cell in
        let implied = finding.publishedFactor.map { Format.fixed(cell.published / $0, 2) } ?? "–"
        return "（最大：\(cell.province) \(cell.year)，活动量 \(cell.activity.map { Format.fixed($0, 2) } ?? "–")，清单隐含 \(implied)，\(cell.location)）"
      } ?? ""
      return head + "按\(factors)，清单的 CO₂ 隐含的活动量与本核算不同：两份文件不一致\(largest)；\(gap)"
    case .zeroPublished:
      return head + "本核算有排放而清单为零；\(gap)"
    case .zeroRecomputed:
      return head + (finding.accountFactor == nil ? "方法学未给该燃料因子（不燃烧）而清单计入 CO₂" : "本核算活动量为零而清单计入 CO₂：两份文件不一致") + "；\(gap)"
    case .processBasis:
      let years = finding.yearRatios.keys.sorted().map { "\($0) \(Format.fixed(finding.yearRatios[$0]!, 4))" }.joined(separator: "，")
      return head + "清单 ÷ 本核算在每一年的所有省份中为同一值（\(years)）：过程排放口径不同，而非活动量不同；\(gap)"
    }
  }
}
