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
}
