/// Number formatting shared by the text outputs: fixed decimals, no locale.
public enum Format {
  /// `value` with exactly `decimals` digits after the point, rounded half away from zero.
  public static func fixed(_ value: Double, _ decimals: Int) -> String {
    guard let (rounded, negative) = scaledAndRounded(value, decimals) else { return "\(value)" }
    // Built as ASCII bytes, which is several times faster than inserting into a string.
    var digits = Array((rounded < 0x1p63 ? String(Int64(rounded)) : String(UInt128(rounded))).utf8)
    if decimals > 0 {
      if digits.count <= decimals { digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: decimals + 1 - digits.count), at: 0) }
      digits.insert(UInt8(ascii: "."), at: digits.count - decimals)
    }
    if negative { digits.insert(UInt8(ascii: "-"), at: 0) }
    return String(decoding: digits, as: UTF8.self)
  }

  /// The number of characters of `fixed(value, decimals)`, counted without building it
  /// (the workbook sizes its columns by the widest number).
  public static func fixedLength(_ value: Double, _ decimals: Int) -> Int {
    guard let (rounded, negative) = scaledAndRounded(value, decimals) else { return "\(value)".utf8.count }
    func decimalDigits<Integer: BinaryInteger>(_ integer: Integer) -> Int {
      var integer = integer, digits = 1
      while integer >= 10 {
        integer /= 10
        digits += 1
      }
      return digits
    }
    let digits = rounded < 0x1p63 ? decimalDigits(Int64(rounded)) : decimalDigits(UInt128(rounded))
    return max(digits, decimals + 1) + (decimals > 0 ? 1 : 0) + (negative ? 1 : 0)
  }

  /// |value| × 10^decimals rounded half away from zero, and whether `fixed` shows a minus sign;
  /// nil when the digits cannot be written out (not finite, or 10^38 and beyond).
  private static func scaledAndRounded(_ value: Double, _ decimals: Int) -> (rounded: Double, negative: Bool)? {
    guard value.isFinite else { return nil }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    guard rounded < 0x1p127 else { return nil }
    return (rounded, value < 0 && rounded != 0)
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
