/// A checked unit tag: a product of base-unit symbols with integer exponents, such as
/// `t CO₂ · GJ⁻¹` for an emission factor per unit of heat.
///
/// Every term's value is stored in base units (t, GJ, MWh, m³, t C, t CO₂, tce, CNY, EUR …), so
/// building an expression only has to check that the tags combine: a sum needs equal tags,
/// a product multiplies them. A mismatch is a programming error in the builder of the
/// expression and traps when the expression is built, never later in a writer.
public struct UnitTag: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
  /// Exponent of each base symbol; symbols with exponent 0 are absent.
  public let exponents: [String: Int]

  /// A tag from its exponents (zero exponents are dropped).
  public init(exponents: [String: Int]) { self.exponents = exponents.filter { $0.value != 0 } }

  /// One base unit: `UnitTag("t CO₂")`.
  public init(_ symbol: String) { self.init(exponents: [symbol: 1]) }

  /// `"t CO₂"` as a literal.
  public init(stringLiteral symbol: String) { self.init(symbol) }

  /// A pure number.
  public static let one = UnitTag(exponents: [:])

  /// The base units of the account.
  public static let tonnes: UnitTag = "t"
  public static let gigajoules: UnitTag = "GJ"
  public static let cubicMetres: UnitTag = "m³"
  public static let megawattHours: UnitTag = "MWh"
  public static let tonnesCarbon: UnitTag = "t C"
  public static let tonnesCO2: UnitTag = "t CO₂"

  /// The product of two tags.
  public static func * (a: UnitTag, b: UnitTag) -> UnitTag {
    a.exponents.isEmpty ? b : b.exponents.isEmpty ? a : UnitTag(exponents: a.exponents.merging(b.exponents, uniquingKeysWith: +))
  }

  /// The quotient of two tags.
  public static func / (a: UnitTag, b: UnitTag) -> UnitTag { a * b.raised(to: -1) }

  /// The tag to an integer power.
  public func raised(to power: Int) -> UnitTag { UnitTag(exponents: exponents.mapValues { $0 * power }) }

  /// `t CO₂/GJ`, `GJ/t`, `1` for a pure number: numerator symbols, then `/` and the denominator.
  public var description: String {
    if exponents.isEmpty { return "1" }
    func part(_ entries: [(String, Int)]) -> String {
      entries.sorted { $0.0 < $1.0 }.map { $0.1 == 1 ? $0.0 : "\($0.0)^\($0.1)" }.joined(separator: "·")
    }
    let numerator = exponents.filter { $0.value > 0 }.map { ($0.key, $0.value) }
    let denominator = exponents.filter { $0.value < 0 }.map { ($0.key, -$0.value) }
    let top = numerator.isEmpty ? "1" : part(numerator)
    return denominator.isEmpty ? top : "\(top)/\(part(denominator))"
  }

  public static func < (a: UnitTag, b: UnitTag) -> Bool { a.description < b.description }
}
