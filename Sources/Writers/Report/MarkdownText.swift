/// Makes text from the record safe to place in a Markdown report. The templates are logic-less,
/// so every escape happens here, when the view model is built.
enum MarkdownText {
  /// Prose: line breaks and runs of white space become one space, and the characters that
  /// would start emphasis, code, HTML or a link are escaped, so data never changes the layout.
  static func inline(_ text: String) -> String {
    let line = oneLine(text)
    if let escaped = asciiEscaping(line, { Self.markup.contains($0) }) { return escaped }
    var result = ""
    for character in line {
      if let ascii = character.asciiValue, Self.markup.contains(ascii) { result.append("\\") }
      result.append(character)
    }
    return result
  }

  /// The characters that start Markdown markup, as ASCII: looked up by byte, since comparing
  /// characters one by one is slow on Chinese text.
  private static let markup = Set("\\`*_<>[]".utf8)

  /// A table cell: prose escaping, and `|` escaped so that it cannot end the cell.
  static func cell(_ text: String) -> String { escapingPipes(inline(text)) }

  /// A code span's content in a table cell (a path, a checksum): one line, `|` escaped (GFM
  /// reads `\|` as a pipe even inside code spans), backticks replaced since they would end the span.
  static func codeCell(_ text: String) -> String {
    let line = oneLine(text)
    guard line.utf8.contains(UInt8(ascii: "`")) else { return escapingPipes(line) }
    return escapingPipes(String(line.map { $0.asciiValue == UInt8(ascii: "`") ? "'" : $0 }))
  }

  /// ASCII text with a backslash before each byte `escaped` picks; nil for other text, whose
  /// characters are not its bytes. Escaping by bytes is much faster than by characters.
  private static func asciiEscaping(_ text: String, _ escaped: (UInt8) -> Bool) -> String? {
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
    guard text.utf8.contains(where: escaped) else { return text }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 8)
    for byte in text.utf8 {
      if escaped(byte) { bytes.append(UInt8(ascii: "\\")) }
      bytes.append(byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A link destination in the `<…>` form, which allows spaces; `<`, `>` and line breaks are
  /// percent-encoded.
  static func linkDestination(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "<": result += "%3C"
      case ">": result += "%3E"
      case "\n", "\r": result += "%0A"
      default: result.append(character)
      }
    }
    return result
  }

  /// The text on one line: every run of white space (line breaks included) becomes one space.
  static func oneLine(_ text: String) -> String {
    // Speed: ASCII text (most of it) is joined as bytes. Its characters are its bytes, but for
    // CR LF, which is white space either way.
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    var line: [UInt8] = []
    var spaceBefore = false
    for byte in text.utf8 {
      if byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte) {
        spaceBefore = !line.isEmpty
        continue
      }
      if spaceBefore { line.append(UInt8(ascii: " ")) }
      spaceBefore = false
      line.append(byte)
    }
    return String(decoding: line, as: UTF8.self)
  }

  private static func escapingPipes(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "|")) else { return text }
    if let escaped = asciiEscaping(text, { $0 == UInt8(ascii: "|") }) { return escaped }
    var result = ""
    for character in text {
      if character.asciiValue == UInt8(ascii: "|") { result.append("\\") }
      result.append(character)
    }
    return result
  }
}

/// Makes text safe to place in SVG (XML) character data and attribute values.
enum SVGText {
  static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      default: result.append(character)
      }
    }
    return result
  }
}
