import Foundation
import Testing

@testable import Importing

/// The label and unit readers step through simple text by scalar, for speed (see `TextUnit`).
/// They must read every text as the character-by-character readers they replaced, which are
/// kept here as the reference: on every cell of the fixtures and the bundled inputs, and on texts
/// made to be awkward (combining marks, CR LF, compatibility ideographs, emoji).
@Suite("Text readers: stepping by scalar reads as stepping by character")
struct TextReadingTests {
  static let awkward: [String] = [
    "", " ", "\u{3000}", "\r\n", "a\r\nb", " \r\n 焦炭 \r\n", "\t焦炭 Coke\t", "煤 炭", "焦炭Coke万吨", "Coke10^4t",
    "焦炭(万吨)", "焦炭(万吨) Coke (10 000 t)", "（10⁴ t）", "10⁴⁵ t", "²³", "×10⁴t", "10,000 Tons", "１２３．４", "Ｃｏｋｅ（万吨）",
    "单位：万吨", "单位:万吨 Unit: 10,000 t", "Unit: 10^4 t", "计量单位(万吨)", "units: [t]", "[万吨]", "【万吨】", "〔万吨〕",
    "(", ")(", "((万吨))", "(万吨", "万吨)", "（含煤泥）", "(万桶)", "亿千瓦小时", "100 million kWh", "10^8 cu.m", "·万吨•",
    "e\u{301}", " \u{301}x", "\n\u{301}", "(\n\u{301})", "t\u{301}", "万\u{301}吨", "(\u{301}万吨)", "单\u{301}位：万吨",
    "\u{F97E}", "计\u{F97E}单位：万吨", "\u{0387}万吨", "1\u{0387}5", "İstanbul", "ǅ", "ß", "ﬁ", "🇨🇳煤炭", "👍🏽 Coke",
    "a\u{200D}b", "\u{0600}1", "煤\u{FE0F}", "10\u{00A0}000 t", "Ⅳ", "一〇", "々", "〇 焦炭", "表 9-6 分行业能源消费量(实物量)(2005年)",
    "注：本表数据根据研究公布的排放量反推重建，非观测统计。", "C30 非金属矿物制品业", "Non-metallic Mineral Products\u{2003}Industry",
  ]

  /// Every cell of the importer's fixtures and of the bundled Liaoning tables, and the awkward texts.
  static func corpus() throws -> [String] {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let bundled = repository.appendingPathComponent("Inputs/yearbook/liaoning")
    let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    var texts = awkward
    for folder in [fixtures, bundled] {
      for url in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      where ["csv", "tsv", "txt"].contains(url.pathExtension) {
        guard let table = try? YearbookTable.load(Array(try Data(contentsOf: url)), file: url.path) else { continue }
        texts += table.rows.flatMap { $0.cells.map(\.text) }
      }
    }
    return texts
  }

  @Test func labelsSplitAsByCharacter() throws {
    for text in try Self.corpus() {
      let (residual, groups) = TextForms.bracketGroups(text)
      let expected = Reference.bracketGroups(text)
      #expect(residual == expected.residual && groups == expected.groups, "\(text.debugDescription)")
      #expect(TextForms.scriptRuns(text) == Reference.scriptRuns(text), "\(text.debugDescription)")
      #expect(TextForms.scriptRuns(residual) == Reference.scriptRuns(residual), "\(residual.debugDescription)")
    }
  }

  @Test func textsTrimAndNormaliseAsByCharacter() throws {
    for text in try Self.corpus() {
      #expect(TextForms.trim(text) == Reference.trim(text), "\(text.debugDescription)")
      #expect(TextForms.display(text) == Reference.display(text), "\(text.debugDescription)")
      #expect(TextForms.key(text) == Reference.key(text), "\(text.debugDescription)")
      #expect(TextForms.lowercasedHalfWidth(text) == TextForms.halfWidth(text).lowercased(), "\(text.debugDescription)")
      #expect(UnitReading.normalForm(text) == Reference.normalForm(text), "\(text.debugDescription)")
    }
  }

  @Test func everyScalarOfTheCJKBlocksIsIdeographic() {
    // `Unicode.Scalar.isHan` answers for these blocks without a property lookup.
    for value in Array(0x3400...0x4DBF) + Array(0x4E00...0x9FFF) {
      let scalar = Unicode.Scalar(UInt32(value))!
      #expect(scalar.isHan && scalar.properties.isIdeographic, "U+\(String(value, radix: 16, uppercase: true))")
    }
  }

  @Test func valuesAreGroupedAsFormattedByFoundation() {
    let values: [Double] = [0, -0.0, 1, 999, 1000, 1234.5, 2_267_611.8459471232, 0.000_000_4, 0.000_000_5, 5e-324, -1, -0.000_000_1, 1e15, 1.7e308]
    for value in values {
      #expect(CellTracer.grouped(value) == Reference.grouped(value), "\(value)")
    }
  }
}

/// The readers as they were before stepping by scalar: one character at a time.
private enum Reference {
  static func bracketGroups(_ text: String) -> (residual: String, groups: [String]) {
    let characters = Array(text)
    let folded = characters.map { character in
      character.unicodeScalars.count == 1 ? character.unicodeScalars.first.map { Character(TextForms.halfWidth($0)) } ?? character : character
    }
    let closing: [Character: Character] = ["(": ")", "[": "]"]
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

  static func scriptRuns(_ text: String) -> [String] {
    var runs: [String] = []
    var current = "", currentIsHan: Bool?
    for character in text {
      let isHan = character.unicodeScalars.first?.properties.isIdeographic ?? false
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

  static func trim(_ text: String) -> String {
    guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(text[first...last])
  }

  static func display(_ text: String) -> String {
    text.split(whereSeparator: isSpace).joined(separator: " ")
  }

  private static func isSpace(_ character: Character) -> Bool {
    character.isWhitespace || character == "\u{3000}"
  }

  static func key(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for original in text.unicodeScalars {
      let scalar = TextForms.halfWidth(original)
      switch scalar.value {
      case 0x41...0x5A: scalars.append(Unicode.Scalar(UInt8(scalar.value + 0x20)))
      case 0x61...0x7A, 0x30...0x39: scalars.append(scalar)
      case 0..<0x80: continue
      case 0x3400...0x4DBF, 0x4E00...0x9FFF: scalars.append(scalar)
      default:
        guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { continue }
        scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      }
    }
    return String(scalars)
  }

  static func normalForm(_ text: String) -> String {
    let superscriptDigits: [Character: Character] = [
      "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
    ]
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
      afterDigit = character.asciiValue.map { (0x30...0x39).contains($0) } ?? false
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

  static func grouped(_ value: Double) -> String {
    var text = String(format: "%.6f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    let negative = text.hasPrefix("-")
    if negative { text.removeFirst() }
    let parts = text.split(separator: ".", maxSplits: 1)
    let integer = Array(parts.first ?? "0")
    var groups: [String] = []
    var end = integer.count
    while end > 0 {
      groups.insert(String(integer[max(0, end - 3)..<end]), at: 0)
      end -= 3
    }
    let grouped = groups.joined(separator: " ") + (parts.count == 2 ? "." + parts[1] : "")
    return (negative && grouped != "0" ? "-" : "") + grouped
  }
}
