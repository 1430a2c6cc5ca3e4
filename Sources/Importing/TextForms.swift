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
    guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(text[first...last])
  }

  /// The text on one line, runs of white space collapsed: how a header is quoted in messages.
  static func display(_ text: String) -> String {
    text.split(whereSeparator: isSpace).joined(separator: " ")
  }

  private static func isSpace(_ character: Character) -> Bool {
    character.isWhitespace || character == "\u{3000}"
  }

  /// The comparison key of a label: half-width, lower case, letters and digits only.
  /// `焦炭 Coke`, `Raw_Coal`, `Non-metallic Mineral Products` → `焦炭coke`, `rawcoal`, `nonmetallicmineralproducts`.
  static func key(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for original in text.unicodeScalars {
      let scalar = halfWidth(original)
      switch scalar.value {
      case 0x41...0x5A: scalars.append(Unicode.Scalar(UInt8(scalar.value + 0x20)))
      case 0x61...0x7A, 0x30...0x39: scalars.append(scalar)
      case 0..<0x80: continue
      // CJK ideographs need no property lookup: they are kept as they are.
      case 0x3400...0x4DBF, 0x4E00...0x9FFF: scalars.append(scalar)
      default:
        guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { continue }
        scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      }
    }
    return String(scalars)
  }

  /// Splits off bracketed parts: `焦炭(万吨) Coke (10 000 t)` → `焦炭 Coke `, [`万吨`, `10 000 t`].
  /// Brackets are `()`, `[]`, and their full-width forms; an unclosed bracket stays in the text.
  /// The parts keep their original characters, so a unit is quoted as written.
  static func bracketGroups(_ text: String) -> (residual: String, groups: [String]) {
    let characters = Array(text)
    let folded = characters.map { character in
      character.unicodeScalars.count == 1 ? character.unicodeScalars.first.map { Character(halfWidth($0)) } ?? character : character
    }
    var residual = "", groups: [String] = []
    var index = 0
    while index < characters.count {
      if let close = closing[folded[index]], let end = folded[(index + 1)...].firstIndex(of: close) {
        groups.append(String(characters[(index + 1)..<end]))
        residual.append(" ")
        index = end + 1
      } else {
        residual.append(characters[index])
        index += 1
      }
    }
    return (residual, groups)
  }

  private static let closing: [Character: Character] = ["(": ")", "[": "]"]

  /// Splits text into runs of Chinese characters and runs of everything else, so a bilingual
  /// cell `焦炭 Coke` can be read as two names that must agree.
  static func scriptRuns(_ text: String) -> [String] {
    var runs: [String] = []
    var current = "", currentIsHan: Bool?
    for character in text {
      let isHan = isHanCharacter(character)
      if isHan != currentIsHan, !current.isEmpty {
        runs.append(current)
        current = ""
      }
      current.append(character)
      currentIsHan = isHan
    }
    if !current.isEmpty { runs.append(current) }
    return runs
  }

  static func isHanCharacter(_ character: Character) -> Bool {
    character.unicodeScalars.first?.properties.isIdeographic ?? false
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
    let haystack = Array(text.utf8), needle = Array(part.utf8)
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
