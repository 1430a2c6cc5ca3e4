/// Number formatting shared by the text outputs: fixed decimals, no locale.
public enum Format {
  /// `value` with exactly `decimals` digits after the point, rounded half away from zero.
  public static func fixed(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else { return "\(value)" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    let negative = value < 0 && rounded != 0
    // Built as ASCII bytes, which is several times faster than inserting into a string.
    var digits = Array(String(Int64(rounded)).utf8)
    if decimals > 0 {
      if digits.count <= decimals { digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: decimals + 1 - digits.count), at: 0) }
      digits.insert(UInt8(ascii: "."), at: digits.count - decimals)
    }
    if negative { digits.insert(UInt8(ascii: "-"), at: 0) }
    return String(decoding: digits, as: UTF8.self)
  }

  /// `12.3`, `0.0457`, `45168`: four significant digits, at most six decimals, for messages.
  public static func significant(_ value: Double) -> String {
    guard value.isFinite, value != 0 else { return value == 0 ? "0" : "\(value)" }
    var decimals = 0, magnitude = abs(value)
    while magnitude < 1000 && decimals < 6 {
      magnitude *= 10
      decimals += 1
    }
    var text = fixed(value, decimals)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  /// `+12.3 %`, `-0.4 %`: a fraction as a signed percentage with one decimal.
  public static func percent(_ fraction: Double) -> String {
    (fraction > 0 ? "+" : "") + fixed(fraction * 100, 1) + " %"
  }
}
