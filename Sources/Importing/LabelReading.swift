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
      switch UnitReading.reading(group) {
      case .unit(let unit): units.append(WrittenUnit(text: TextForms.trim(group), unit: unit))
      case .unitLike: unknownUnits.append(TextForms.trim(group))
      case .other: remarks.append(TextForms.trim(group))
      }
    }
    // The runs must all name the same thing: one name kept, and whether another differed
    // (cheaper than a set of names, which hashes each).
    var found: Name?, several = false, unmatched = false
    func add(_ name: Name) {
      if let found, found != name { several = true }
      found = found ?? name
    }
    for run in TextForms.scriptRuns(residual) {
      switch readRun(run) {
      case .ignored: continue
      case .name(let name): add(name)
      case .unit(let unit): units.append(unit)
      case .nameAndUnit(let name, let unit):
        add(name)
        units.append(unit)
      case .unmatched: unmatched = true
      }
    }
    let name = !unmatched && !several ? found : nil
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
    switch UnitReading.reading(text) {
    case .unit(let unit): return .unit(WrittenUnit(text: text, unit: unit))
    case .unitLike: return splitUnitSuffix(text) ?? .unmatched
    case .other: return .unmatched
    }
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

/// A name index that reads each text once. The header rows of a table are looked at several
/// times (to tell the table's kind, to find the header, then column by column); reading a label
/// is the import's main cost, so one table's readings are kept while it is read.
final class TableLabels<Name: Hashable & Sendable> {
  let index: NameIndex<Name>
  private var readings: [String: LabelReading<Name>] = [:]

  init(_ index: NameIndex<Name>) { self.index = index }

  func read(_ text: String) -> LabelReading<Name> {
    if let reading = readings[text] { return reading }
    let reading = index.read(text)
    readings[text] = reading
    return reading
  }

  func name(of text: String) -> Name? { read(text).name }
}

/// `UnitReading.reading` of a table's texts, each text read once: a unit row repeats one unit
/// across its columns, and is looked at more than once.
final class TableUnitReadings {
  private var readings: [String: UnitReading.Reading] = [:]

  func reading(_ text: String) -> UnitReading.Reading {
    if let reading = readings[text] { return reading }
    let reading = UnitReading.reading(text)
    readings[text] = reading
    return reading
  }

  /// As ``UnitReading/parse(_:)``.
  func parse(_ text: String) -> ActivityUnit? {
    if case .unit(let unit) = reading(text) { unit } else { nil }
  }

  /// As ``UnitReading/looksLikeUnit(_:)``.
  func looksLikeUnit(_ text: String) -> Bool { reading(text) != .other }
}

/// Words that may stand next to a name (see `NameIndex.ignorable`).
private let ignorableWords: Set<String> = ["其中", "ofwhich"]
