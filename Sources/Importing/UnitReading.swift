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
  /// The unit `text` names, or nil.
  static func parse(_ text: String) -> ActivityUnit? {
    spellings[normalForm(text)]
  }

  /// True when `text` is a unit or mentions a unit word, so a bracket holding it is a unit, not a
  /// remark such as `(含煤泥)`; used to report unknown units instead of ignoring them.
  static func looksLikeUnit(_ text: String) -> Bool {
    let form = normalForm(text)
    return spellings[form] != nil || unitWords.contains { TextForms.contains(form, $0) }
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

  private static let unitWords = [
    "吨", "立方", "千瓦", "焦", "标准煤", "标煤", "桶", "度",
    "ton", "tce", "kwh", "wh", "kj", "gj", "tj", "m3", "cu.m", "cubic", "joule", "barrel",
  ]

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
        guard table[prefix + name] == nil, let unit = knownUnit(base.dimension, toBase: multiplier * base.toBase) else { continue }
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
    var form = ""
    var afterDigit = false, inPower = false
    for character in TextForms.halfWidth(text).lowercased() {
      if let digit = superscriptDigits[character] {
        if afterDigit && !inPower {
          form.append("^")
          inPower = true
        }
        form.append(digit)
        continue
      }
      inPower = false
      afterDigit = TextForms.isDigit(character)
      if character.isWhitespace || character == "," || character == "·" || character == "•" || character == "\u{00D7}" && form.isEmpty {
        continue
      }
      form.append(character)
    }
    return stripLabel(stripBrackets(form))
  }

  private static func stripBrackets(_ form: String) -> String {
    guard let first = form.first, let last = form.last, form.count >= 2,
      (first == "(" && last == ")") || (first == "[" && last == "]")
    else { return form }
    return String(form.dropFirst().dropLast())
  }

  private static func stripLabel(_ form: String) -> String {
    for label in ["计量单位", "单位", "units", "unit"] where form.hasPrefix(label) {
      let rest = form.dropFirst(label.count)
      return stripBrackets(String(rest.first == ":" ? rest.dropFirst() : rest))
    }
    return form
  }

  private static let superscriptDigits: [Character: Character] = [
    "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
  ]
}
