import CementModel

/// A unit as a table writes it, with the unit it stands for.
struct WrittenUnit: Sendable, Hashable {
  /// The unit text as found, e.g. `万吨` or `10^8 kWh`.
  let text: String
  let unit: ActivityUnit
}

/// Reads the units yearbook headers are written in: a multiplier and a base unit,
/// `万` + `吨`, `10^8` + `kWh`, `100 million` + `cu.m`, `万百万` + `千焦`.
///
/// The result must be one of CementModel's units (10⁴ t, 10⁸ m³, 10⁸ kWh …); any other
/// combination, such as `亿吨`, is reported as unknown rather than guessed.
enum UnitReading {
  /// What a text says as a unit.
  enum Reading: Equatable {
    /// A unit of CementModel's.
    case unit(ActivityUnit)
    /// No known unit, but a unit word (`万桶`, `barrels`): an unknown unit, not a remark.
    case unitLike
    /// Not a unit: a remark such as `含煤泥`, or a name.
    case other
  }

  /// What `text` says as a unit; ``parse(_:)`` and ``looksLikeUnit(_:)`` in one look.
  static func reading(_ text: String) -> Reading {
    let form = normalForm(text)
    if let unit = spellings[form] { return .unit(unit) }
    var utf8 = form
    let mentionsUnitWord = utf8.withUTF8 { bytes in unitWords.contains { word in TextForms.contains(bytes, word) } }
    return mentionsUnitWord ? .unitLike : .other
  }

  /// The unit `text` names, or nil.
  static func parse(_ text: String) -> ActivityUnit? {
    spellings[normalForm(text)]
  }

  /// True when `text` is a unit or mentions a unit word, so a bracket holding it is a unit, not a
  /// remark such as `(含煤泥)`; used to report unknown units instead of ignoring them.
  static func looksLikeUnit(_ text: String) -> Bool {
    reading(text) != .other
  }

  /// Spellings to suggest for a dimension, in messages.
  static func accepted(for dimension: ActivityDimension) -> String {
    switch dimension {
    case .mass: "万吨, 吨, 10^4 t, 10 000 t, 10,000 tons, tons"
    case .gasVolume: "亿立方米, 万立方米, 立方米, 10^8 cu.m, 100 million cu.m, 10^4 cu.m, 10^8 m3"
    case .electricity: "亿千瓦时, 亿千瓦小时, 万千瓦时, 10^8 kWh, 100 million kWh, 10^4 kWh"
    case .heat: "万百万千焦, 百亿千焦, 10^10 kJ, GJ, TJ"
    case .coalEquivalent: "万吨标准煤, 吨标准煤, 10^4 tce, tce"
    }
  }

  /// How a dimension is called in messages.
  static func dimensionName(_ dimension: ActivityDimension) -> String {
    switch dimension {
    case .mass: "mass"
    case .gasVolume: "gas volume"
    case .electricity: "electricity"
    case .heat: "heat"
    case .coalEquivalent: "standard coal equivalent"
    }
  }

  // MARK: - Tables

  /// Multipliers. A spelling that two combinations could make (none today) goes to the first.
  private static let multipliers: [(String, Double)] = [
    ("hundredmillion", 1e8), ("100million", 1e8), ("100000000", 1e8), ("tenthousand", 1e4), ("10thousand", 1e4),
    ("million", 1e6), ("10^10", 1e10), ("10000", 1e4), ("万百万", 1e10), ("10^4", 1e4), ("10^6", 1e6), ("10^8", 1e8),
    ("百亿", 1e10), ("百万", 1e6), ("亿", 1e8), ("万", 1e4), ("", 1),
  ]

  private struct Base {
    let dimension: ActivityDimension
    /// Multiply by this to get the dimension's base unit (t, m³, MWh, GJ, tce).
    let toBase: Double
  }

  private static let bases: [String: Base] = {
    var table: [String: Base] = [:]
    func add(_ names: [String], _ dimension: ActivityDimension, _ toBase: Double) {
      for name in names { table[name] = Base(dimension: dimension, toBase: toBase) }
    }
    add(["吨", "t", "ton", "tons", "tonne", "tonnes"], .mass, 1)
    add(["立方米", "标准立方米", "m3", "nm3", "cu.m", "cu.m.", "cum", "cubicm", "cubicmetre", "cubicmetres", "cubicmeter", "cubicmeters"],
        .gasVolume, 1)
    add(["千瓦时", "千瓦小时", "度", "kwh", "kw.h"], .electricity, 1e-3)
    add(["mwh", "兆瓦时"], .electricity, 1)
    add(["千焦", "千焦耳", "kj"], .heat, 1e-6)
    add(["gj", "吉焦"], .heat, 1)
    add(["tj", "太焦"], .heat, 1e3)
    add(["吨标准煤", "吨标煤", "tce", "tsce", "tonsce", "tonsofsce", "tonsofstandardcoal", "tonnesofstandardcoal",
         "tonsofcoalequivalent", "tonnesofcoalequivalent"], .coalEquivalent, 1)
    return table
  }()

  /// Words that make a text unit-like, in UTF-8.
  private static let unitWords: [[UInt8]] = [
    "吨", "立方", "千瓦", "焦", "标准煤", "标煤", "桶", "度",
    "ton", "tce", "kwh", "wh", "kj", "gj", "tj", "m3", "cu.m", "cubic", "joule", "barrel",
  ].map { Array($0.utf8) }

  /// The units CementModel knows; a parsed unit must be one of them.
  private static let knownUnits: [ActivityUnit] = [
    ActivityUnit(.tonnes), ActivityUnit(.tenThousandTonnes),
    ActivityUnit(.cubicMetres), ActivityUnit(.tenThousandCubicMetres), ActivityUnit(.hundredMillionCubicMetres),
    ActivityUnit(.megawattHours), ActivityUnit(.tenThousandKilowattHours), ActivityUnit(.hundredMillionKilowattHours),
    ActivityUnit(.gigajoules), ActivityUnit(.terajoules), ActivityUnit(.tenToTheTenKilojoules),
    ActivityUnit(.tonnesOfCoalEquivalent), ActivityUnit(.tenThousandTonnesOfCoalEquivalent),
  ]

  /// Every multiplier + base combination that is a known unit, by normal form, built once.
  private static let spellings: [String: ActivityUnit] = {
    var table: [String: ActivityUnit] = [:]
    for (prefix, multiplier) in multipliers {
      for (name, base) in bases {
        guard let unit = knownUnit(base.dimension, toBase: multiplier * base.toBase), table[prefix + name] == nil else { continue }
        table[prefix + name] = unit
      }
    }
    return table
  }()

  private static func knownUnit(_ dimension: ActivityDimension, toBase: Double) -> ActivityUnit? {
    knownUnits.first { $0.dimension == dimension && abs($0.toBase - toBase) <= 1e-9 * $0.toBase }
  }

  // MARK: - Normal form

  /// Half-width, lower case, without spaces, commas, `·`, a `单位：`/`Unit:` prefix or enclosing
  /// brackets; superscript powers written as `^`: `（10⁴ t）` → `10^4t`, `10,000 Tons` → `10000tons`.
  static func normalForm(_ text: String) -> String {
    let lowered = TextForms.lowercasedHalfWidth(text)
    return TextForms.isSimple(lowered) ? normalForm(of: lowered.unicodeScalars) : normalForm(of: lowered)
  }

  private static func normalForm<Units: Sequence>(of units: Units) -> String where Units.Element: TextUnit {
    typealias Unit = Units.Element
    var form = ""
    var afterDigit = false, inPower = false
    for unit in units {
      if let digit = unit.singleScalar.flatMap(superscriptDigit) {
        if afterDigit && !inPower {
          form.append("^")
          inPower = true
        }
        form.unicodeScalars.append(digit)
        continue
      }
      inPower = false
      afterDigit = unit.singleScalar.map { (0x30...0x39).contains($0.value) } ?? false
      if unit.isWhitespace || unit == Unit(",") || unit == Unit("·") || unit == Unit("•") || unit == Unit("\u{00D7}") && form.isEmpty {
        continue
      }
      unit.append(to: &form)
    }
    // The form is stripped as the units it reads as, which may join ones the loop kept apart.
    return Unit.string(stripLabel(stripBrackets(Unit.units(of: form)[...])))
  }

  private static func stripBrackets<Unit: TextUnit>(_ form: ArraySlice<Unit>) -> ArraySlice<Unit> {
    guard let first = form.first, let last = form.last, form.count >= 2,
      (first == Unit("(") && last == Unit(")")) || (first == Unit("[") && last == Unit("]"))
    else { return form }
    return form.dropFirst().dropLast()
  }

  /// Labels a unit may follow, as scalars (each a character of its own).
  private static let unitLabels = ["计量单位", "单位", "units", "unit"].map { Array($0.unicodeScalars) }

  private static func stripLabel<Unit: TextUnit>(_ form: ArraySlice<Unit>) -> ArraySlice<Unit> {
    for label in unitLabels where form.starts(with: label, by: { $0 == Unit($1) }) {
      let rest = form.dropFirst(label.count)
      return stripBrackets(rest.first == Unit(":") ? rest.dropFirst() : rest)
    }
    return form
  }

  /// `⁴` → `4`: the digit a superscript digit stands for.
  private static func superscriptDigit(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    switch scalar {
    case "⁰": "0"
    case "¹": "1"
    case "²": "2"
    case "³": "3"
    case "⁴": "4"
    case "⁵": "5"
    case "⁶": "6"
    case "⁷": "7"
    case "⁸": "8"
    case "⁹": "9"
    default: nil
    }
  }
}
