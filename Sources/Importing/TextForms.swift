/// The text forms labels and numbers are compared in.
///
/// Yearbook exports mix full-width and half-width characters (`（万吨）`, `１２３．４`), Chinese and
/// English in one cell, and spellings that differ in case, spaces and hyphens between editions.
/// Everything is compared after the same normalisation, never by substring, so `煤油` (kerosene)
/// never matches `煤` (coal).
enum TextForms {
  /// Full-width ASCII (U+FF01–U+FF5E) to ASCII, the ideographic and other wide spaces to a space,
  /// and the CJK brackets `【】〔〕` to `[]()`.
  static func halfWidth(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { scalars.append(halfWidth(scalar)) }
    return String(scalars)
  }

  static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar.value {
    case 0xFF01...0xFF5E: Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
    case 0x3000, 0x00A0, 0x2002...0x200A, 0x202F: " "
    case 0x3010: "["
    case 0x3011: "]"
    case 0x3014: "("
    case 0x3015: ")"
    default: scalar
    }
  }

  /// The text without surrounding white space (full-width spaces and line breaks included).
  static func trim(_ text: String) -> String {
    // Speed: most cells start and end with a visible ASCII or Chinese scalar, so they cannot start
    // or end with a white-space character, and need not be broken into characters.
    if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last, isPlainEnd(first), isPlainEnd(last) {
      return text
    }
    guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(text[first...last])
  }

  /// The text on one line, runs of white space collapsed: how a header is quoted in messages.
  static func display(_ text: String) -> String {
    isSimple(text) ? display(of: text.unicodeScalars) : display(of: text)
  }

  private static func display<Units: Sequence>(of units: Units) -> String where Units.Element: TextUnit {
    var line = ""
    var spaceBefore = false
    for unit in units {
      if unit.isWhitespace || unit == Units.Element("\u{3000}") {
        spaceBefore = !line.isEmpty
        continue
      }
      if spaceBefore { line.append(" ") }
      spaceBefore = false
      unit.append(to: &line)
    }
    return line
  }

  private static func isPlainEnd(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x21...0x7E, 0x3400...0x4DBF, 0x4E00...0x9FFF: true
    default: false
    }
  }

  private static func isSpace(_ character: Character) -> Bool {
    character.isWhitespace || character == "\u{3000}"
  }

  /// The comparison key of a label: half-width, lower case, letters and digits only.
  /// `焦炭 Coke`, `Raw_Coal`, `Non-metallic Mineral Products` → `焦炭coke`, `rawcoal`, `nonmetallicmineralproducts`.
  static func key(_ text: String) -> String {
    // Speed: built as UTF-8 bytes; appending scalars to a string one by one is several times slower.
    var key: [UInt8] = []
    key.reserveCapacity(text.utf8.count)
    for original in text.unicodeScalars {
      let scalar = halfWidth(original)
      switch scalar.value {
      case 0x41...0x5A: key.append(UInt8(scalar.value + 0x20))
      case 0x61...0x7A, 0x30...0x39: key.append(UInt8(scalar.value))
      case 0..<0x80: continue
      // CJK ideographs need no property lookup: they are kept as they are.
      case 0x3400...0x4DBF, 0x4E00...0x9FFF: key.append(contentsOf: scalar.utf8)
      default:
        guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { continue }
        key.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
      }
    }
    return String(decoding: key, as: UTF8.self)
  }

  /// Splits off bracketed parts: `焦炭(万吨) Coke (10 000 t)` → `焦炭 Coke `, [`万吨`, `10 000 t`].
  /// Brackets are `()`, `[]`, and their full-width forms; an unclosed bracket stays in the text.
  /// The parts keep their original characters, so a unit is quoted as written.
  static func bracketGroups(_ text: String) -> (residual: String, groups: [String]) {
    // Speed: most cells have no bracket at all, and the rest are nearly always simple text.
    guard text.unicodeScalars.contains(where: { isOpeningBracket(halfWidth($0)) }) else { return (text, []) }
    return isSimple(text) ? bracketGroups(of: Array(text.unicodeScalars)) : bracketGroups(of: Array(text))
  }

  private static func bracketGroups<Unit: TextUnit>(of units: [Unit]) -> (residual: String, groups: [String]) {
    let folded = units.map { unit in unit.singleScalar.map { Unit(halfWidth($0)) } ?? unit }
    var residual = "", groups: [String] = []
    var index = 0
    while index < units.count {
      if let close = closingBracket(folded[index]), let end = folded[(index + 1)...].firstIndex(of: close) {
        groups.append(Unit.string(units[(index + 1)..<end]))
        residual.append(" ")
        index = end + 1
      } else {
        units[index].append(to: &residual)
        index += 1
      }
    }
    return (residual, groups)
  }

  private static func isOpeningBracket(_ scalar: Unicode.Scalar) -> Bool { scalar == "(" || scalar == "[" }

  private static func closingBracket<Unit: TextUnit>(_ unit: Unit) -> Unit? {
    if unit == Unit("(") { return Unit(")") }
    if unit == Unit("[") { return Unit("]") }
    return nil
  }

  /// Splits text into runs of Chinese characters and runs of everything else, so a bilingual
  /// cell `焦炭 Coke` can be read as two names that must agree.
  static func scriptRuns(_ text: String) -> [String] {
    isSimple(text) ? scriptRuns(of: text.unicodeScalars) : scriptRuns(of: text)
  }

  private static func scriptRuns<Units: Sequence>(of units: Units) -> [String] where Units.Element: TextUnit {
    var runs: [String] = []
    var current = "", currentIsHan: Bool?
    for unit in units {
      let isHan = unit.isHan
      if isHan != currentIsHan, !current.isEmpty {
        runs.append(current)
        current = ""
      }
      unit.append(to: &current)
      currentIsHan = isHan
    }
    if !current.isEmpty { runs.append(current) }
    return runs
  }

  /// Whether every scalar of `text` is a character of its own, from a set in which no two are
  /// canonically equivalent, so that reading the text scalar by scalar (see `TextUnit`) gives
  /// what reading it character by character gives: ASCII (CR LF, one character, reads the same
  /// either way), CJK ideographs and punctuation, full-width forms, superscript digits, `·`, `•`
  /// and `×`. Nearly every yearbook cell is.
  static func isSimple(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy(isSimple)
  }

  private static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0..<0x80, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: true
    case 0x3000...0x3002, 0x3010, 0x3011, 0x3014, 0x3015: true
    case 0xB2, 0xB3, 0xB9, 0x2070, 0x2074...0x2079, 0xB7, 0xD7, 0x2022: true
    default: false
    }
  }

  /// `halfWidth(text).lowercased()`, in one pass over simple text (see `isSimple`), which once
  /// half-width has no cased letters but ASCII ones; the general `lowercased()` is slow on
  /// Chinese text.
  static func lowercasedHalfWidth(_ text: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for original in text.unicodeScalars {
      let scalar = halfWidth(original)
      guard isSimple(scalar) else { return halfWidth(text).lowercased() }
      if (0x41...0x5A).contains(scalar.value) {
        bytes.append(UInt8(scalar.value + 0x20))
      } else {
        bytes.append(contentsOf: scalar.utf8)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// 4-digit numbers in the text with no digit on either side, with where each starts.
  static func fourDigitNumbers(in text: String) -> [(value: Int, range: Range<String.Index>)] {
    var found: [(Int, Range<String.Index>)] = []
    var index = text.startIndex
    while index < text.endIndex {
      guard isDigit(text[index]) else {
        index = text.index(after: index)
        continue
      }
      let start = index
      while index < text.endIndex, isDigit(text[index]) { index = text.index(after: index) }
      if text.distance(from: start, to: index) == 4, let value = Int(text[start..<index]) {
        found.append((value, start..<index))
      }
    }
    return found
  }

  /// Whether `part` occurs in `text`, compared byte for byte. (Foundation's `contains`, which
  /// `import Foundation` elsewhere in the module makes the default, is many times slower here.)
  static func contains(_ text: String, _ part: String) -> Bool {
    var text = text, part = part
    return text.withUTF8 { haystack in part.withUTF8 { contains(haystack, $0) } }
  }

  /// Whether the UTF-8 bytes `needle` occur in `haystack`.
  static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: some Collection<UInt8>) -> Bool {
    guard let first = needle.first else { return true }
    guard haystack.count >= needle.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start] == first {
      if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
  }

  /// `0`–`9` only, not other scripts' digits.
  static func isDigit(_ character: Character) -> Bool {
    character.asciiValue.map { (0x30...0x39).contains($0) } ?? false
  }
}
