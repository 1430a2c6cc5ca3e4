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

  /// `shandong 2015: 0.8195 (account 14.23 Mt, CEADs 17.36 Mt): raw_coal activity-disagreement −2.95 Mt, …`.
  public static func outsideLine(_ year: InventoryProvinceYear) -> String {
    let causes = year.causes.prefix(3).map { cause in
      "\(cause.source) \(cause.kind.rawValue) \(cause.gap >= 0 ? "+" : "−")\(Format.fixed(abs(cause.gap) / 1e6, 3)) Mt"
    }
    return "\(year.key): account ÷ CEADs \(Format.fixed(year.ratio, 4)) (account \(Format.fixed(year.recomputed / 1e6, 3)) Mt, "
      + "CEADs \(Format.fixed(year.published / 1e6, 3)) Mt): " + (causes.isEmpty ? "not explained" : causes.joined(separator: ", "))
  }

  /// The lines the national report gives: the headline, each finding and each province-year outside.
  public static func reportLines(_ verification: InventoryVerification, language: Language) -> [String] {
    [headline(verification, language: language)] + verification.findings.map(\.description)
      + verification.provinceYears.filter { !$0.withinTolerance }.map(outsideLine)
  }
}
