import CementModel

/// The report's number formats: fixed decimals, no locale, so the same record always gives the
/// same text.
enum ReportNumber {
  /// Million tonnes of CO₂, two decimals: the unit of the sentences.
  static func megatonnes(_ quantity: Quantity<CO2Mass>) -> String {
    Format.fixed(quantity.value(in: .megatonnesCO2), 2)
  }

  /// 10⁴ t CO₂, two decimals: the unit and precision of the study's tables.
  static func tableValue(_ quantity: Quantity<CO2Mass>) -> String {
    Format.fixed(quantity.value(in: .tenThousandTonnesCO2), 2)
  }

  /// 10⁴ t, two decimals: cement and clinker output.
  static func tenThousandTonnes(_ quantity: Quantity<Mass>) -> String {
    Format.fixed(quantity.value(in: .tenThousandTonnes), 2)
  }

  /// A fraction as a percentage number (`43.16`), or nil.
  static func percent(_ fraction: Double?, decimals: Int = 2) -> String? {
    fraction.map { Format.fixed($0 * 100, decimals) }
  }

  /// A fraction as a signed percentage number (`+80.8`, `-54.7`), or nil.
  static func signedPercent(_ fraction: Double?, decimals: Int = 1) -> String? {
    guard let fraction else { return nil }
    let text = Format.fixed(fraction * 100, decimals)
    return fraction > 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "+" + text : text
  }

  /// A factor as written in a methodology: at most `decimals` digits, trailing zeros dropped
  /// (`389.31`, `0.525`, `1`).
  static func factor(_ value: Double, decimals: Int = 4) -> String {
    var text = Format.fixed(value, decimals)
    guard text.contains(".") else { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }

  /// The lowest and highest of a year-by-year value, formatted.
  static func range(_ values: some Sequence<Double>, format: (Double) -> String) -> (lowest: String, highest: String)? {
    guard let lowest = values.min(), let highest = values.max() else { return nil }
    return (format(lowest), format(highest))
  }
}
