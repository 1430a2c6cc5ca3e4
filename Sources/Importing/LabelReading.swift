import CementModel

/// What a header or label cell says: the name it gives (if it gives exactly one) and the
/// units written in it.
struct LabelReading<Name: Hashable & Sendable>: Sendable {
  /// The name, when every part of the cell that is not a unit or a code names this one thing.
  let name: Name?
  /// Units written in brackets or after the name: `焦炭(万吨)`, `Coke 10^4 t`.
  let units: [WrittenUnit]
  /// Bracketed texts that look like units but are not known ones, such as `(万桶)`.
  let unknownUnits: [String]
  /// Other bracketed texts: remarks such as `(含煤泥)`, or units in a spelling nobody foresaw.
  let remarks: [String]
}

/// Names a cell may give, compared by ``TextForms/key(_:)``.
///
/// A cell is split into its bracketed parts (units or remarks) and the rest; the rest is split
/// into runs of Chinese and of other characters, and every run must name the same thing, be
/// a unit, or be ignorable (`其中`, an industry code such as `C30`). So `焦炭(万吨) Coke (10 000 t)`
/// names coke in 10⁴ t, `水泥制品` names nothing, and `煤油` never matches `煤`.
struct NameIndex<Name: Hashable & Sendable>: Sendable {
  private let names: [String: Name]
  private let allowsCodes: Bool

  /// - Parameters:
  ///   - spellings: Each name with its spellings; the first name given a key keeps it.
  ///   - allowsCodes: Whether runs may carry a classification code (`30`, `C30`).
  init(_ spellings: [(Name, [String])], allowsCodes: Bool = false) {
    var names: [String: Name] = [:]
    for (name, texts) in spellings {
      for text in texts where names[TextForms.key(text)] == nil { names[TextForms.key(text)] = name }
    }
    self.names = names
    self.allowsCodes = allowsCodes
  }

  func read(_ text: String) -> LabelReading<Name> {
    let (residual, groups) = TextForms.bracketGroups(text)
    var units: [WrittenUnit] = [], unknownUnits: [String] = [], remarks: [String] = []
    for group in groups {
      if let unit = UnitReading.parse(group) {
        units.append(WrittenUnit(text: TextForms.trim(group), unit: unit))
      } else if UnitReading.looksLikeUnit(group) {
        unknownUnits.append(TextForms.trim(group))
      } else {
        remarks.append(TextForms.trim(group))
      }
    }
    var found: Set<Name> = [], unmatched = false
    for run in TextForms.scriptRuns(residual) {
      switch readRun(run) {
      case .ignored: continue
      case .name(let name): found.insert(name)
      case .unit(let unit): units.append(unit)
      case .nameAndUnit(let name, let unit):
        found.insert(name)
        units.append(unit)
      case .unmatched: unmatched = true
      }
    }
    let name = !unmatched && found.count == 1 ? found.first : nil
    return LabelReading(name: name, units: units, unknownUnits: unknownUnits, remarks: remarks)
  }

  /// The name of a whole text, or nil; for quick checks where units do not matter.
  func name(of text: String) -> Name? { read(text).name }

  private enum RunReading {
    case ignored, unmatched
    case name(Name)
    case unit(WrittenUnit)
    case nameAndUnit(Name, WrittenUnit)
  }

  private func readRun(_ run: String) -> RunReading {
    let key = TextForms.key(run)
    if key.isEmpty || Self.ignorable.contains(key) || allowsCodes && Self.isCode(key) { return .ignored }
    if let name = lookup(key) { return .name(name) }
    let text = TextForms.trim(run)
    guard UnitReading.looksLikeUnit(text) else { return .unmatched }
    if let unit = UnitReading.parse(text) { return .unit(WrittenUnit(text: text, unit: unit)) }
    return splitUnitSuffix(text) ?? .unmatched
  }

  private func lookup(_ key: String) -> Name? {
    if let name = names[key] { return name }
    guard allowsCodes, let code = Self.codePrefixLength(key) else { return nil }
    return names[String(key.dropFirst(code))]
  }

  /// `焦炭万吨` → coke + 万吨; `Coke 10^4 t` → coke + 10^4 t.
  private func splitUnitSuffix(_ text: String) -> RunReading? {
    let characters = Array(text)
    for split in characters.indices.dropFirst() {
      guard let name = lookup(TextForms.key(String(characters[..<split]))) else { continue }
      let unitText = TextForms.trim(String(characters[split...]))
      if let unit = UnitReading.parse(unitText) { return .nameAndUnit(name, WrittenUnit(text: unitText, unit: unit)) }
    }
    return nil
  }

  /// Words that may stand next to a name: `其中` and `of which` (a sub-item of the row above).
  private static var ignorable: Set<String> { ignorableWords }

  /// A classification code on its own: `30`, `c30`, `3011`.
  private static func isCode(_ key: String) -> Bool {
    codePrefixLength(key) == key.count
  }

  /// The length of a leading classification code (`c30` in `c30manufactureof…`), if any.
  private static func codePrefixLength(_ key: String) -> Int? {
    var length = 0
    var characters = key.makeIterator()
    var next = characters.next()
    if let letter = next, letter.isLetter, letter.isASCII {
      length += 1
      next = characters.next()
    }
    var digits = 0
    while let character = next, TextForms.isDigit(character) {
      digits += 1
      next = characters.next()
    }
    return (1...4).contains(digits) ? length + digits : nil
  }
}

/// Words that may stand next to a name (see `NameIndex.ignorable`).
private let ignorableWords: Set<String> = ["其中", "ofwhich"]
