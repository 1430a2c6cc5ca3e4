import CementModel

/// The words of the national report in its language: province names (``ProvinceName``), the
/// stage patterns, severities and the unit of its tables (Mt in English, 万吨 in Chinese, the
/// unit of the Chinese yearbooks).
struct NationalWords {
  let language: Language
  init(_ language: Language) { self.language = language }

  /// A province id as the report names it: `innermongolia` → Inner Mongolia / 内蒙古.
  func province(_ id: String) -> String { language == .zh ? ProvinceName.chinese(id) : id }

  /// CO₂ in the report's table unit: Mt CO₂ with two decimals, or 万吨 CO₂ with two decimals.
  func mass(_ q: Quantity<CO2Mass>) -> String {
    language == .zh ? Format.fixed(q.value(in: .tenThousandTonnesCO2), 2) : Format.fixed(q.value(in: .megatonnesCO2), 2)
  }

  /// Cement output (tonnes) in the table unit: Mt with one decimal, or 万吨 with one decimal.
  func cement(_ tonnes: Double) -> String { Format.fixed(tonnes / (language == .zh ? 1e4 : 1e6), 1) }

  /// A three-segment pattern (`rise–flat–decline`) in the report's language (上升—平稳—下降).
  func pattern(_ pattern: String) -> String {
    guard language == .zh, pattern.contains(where: \.isLetter) else { return pattern }
    let words = ["rise": "上升", "flat": "平稳", "decline": "下降"]
    return pattern.split(separator: "–").map { words[String($0)] ?? String($0) }.joined(separator: "—")
  }

  /// A finding's severity (`warning`, `error`, `note`).
  func severity(_ severity: String) -> String {
    guard language == .zh else { return severity }
    return ["warning": "警告", "error": "错误", "note": "说明", "info": "说明"][severity] ?? severity
  }

  /// Names joined, at most `limit` of them, then an ellipsis.
  func list(_ names: [String], limit: Int) -> String {
    let separator = language == .zh ? "、" : ", "
    return names.count > limit ? names.prefix(limit).joined(separator: separator) + " …" : names.joined(separator: separator)
  }
}
