/// Makes text from the record safe to place in a Markdown report. The templates are logic-less,
/// so every escape happens here, when the view model is built.
enum MarkdownText {
  /// Prose: line breaks and runs of white space become one space, and the characters that
  /// would start emphasis, code, HTML or a link are escaped, so data never changes the layout.
  static func inline(_ text: String) -> String {
    let line = oneLine(text)
    if scalarsAreCharacters(line) { return byteEscaping(line, { Self.markup.contains($0) }) }
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

  /// The text with a backslash before each byte `escaped` picks, for text whose ASCII
  /// characters are single bytes (``scalarsAreCharacters``).
  private static func byteEscaping(_ text: String, _ escaped: (UInt8) -> Bool) -> String {
    replacingASCII(in: text) { escaped($0) ? [UInt8(ascii: "\\"), $0] : nil }
  }

  /// True when every character of `text` is a single scalar (no combining marks, joiners,
  /// CR LF …): then white space and ASCII can be handled by bytes, several times faster than
  /// by characters, with the same result. Data text, Chinese included, is so.
  static func scalarsAreCharacters(_ text: String) -> Bool {
    text.utf8.allSatisfy { $0 < 0x80 } || text.count == text.unicodeScalars.count
  }

  /// The length in bytes of the white-space scalar (Unicode White_Space) that starts at `i`,
  /// or 0.
  private static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    let first = bytes[i]
    if first == 0x20 || (0x09...0x0D).contains(first) { return 1 }
    guard first >= 0xC2 else { return 0 }
    let second = i + 1 < bytes.count ? bytes[i + 1] : 0, third = i + 2 < bytes.count ? bytes[i + 2] : 0
    switch (first, second, third) {
    case (0xC2, 0x85, _), (0xC2, 0xA0, _): return 2  // U+0085, U+00A0
    case (0xE1, 0x9A, 0x80): return 3  // U+1680
    case (0xE2, 0x80, 0x80...0x8A), (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9), (0xE2, 0x80, 0xAF): return 3  // U+2000–200A, 2028, 2029, 202F
    case (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80): return 3  // U+205F, U+3000
    default: return 0
    }
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
    guard scalarsAreCharacters(text) else { return text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    var text = text
    return text.withUTF8 { bytes in
      var line: [UInt8] = []
      line.reserveCapacity(bytes.count)
      var spaceBefore = false
      var i = 0
      while i < bytes.count {
        let space = whitespaceLength(bytes, at: i)
        if space > 0 {
          spaceBefore = !line.isEmpty
          i += space
          continue
        }
        if spaceBefore { line.append(UInt8(ascii: " ")) }
        spaceBefore = false
        line.append(bytes[i])
        i += 1
      }
      return String(decoding: line, as: UTF8.self)
    }
  }

  private static func escapingPipes(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "|")) else { return text }
    if scalarsAreCharacters(text) { return byteEscaping(text, { $0 == UInt8(ascii: "|") }) }
    var result = ""
    for character in text {
      if character.asciiValue == UInt8(ascii: "|") { result.append("\\") }
      result.append(character)
    }
    return result
  }
}

/// `text` with each byte that `replacement` maps (ASCII bytes only) replaced by the bytes it
/// gives. UTF-8 never uses an ASCII byte inside a longer sequence, so this replaces those
/// characters' scalars, and is much faster than working by characters.
func replacingASCII(in text: String, _ replacement: (UInt8) -> [UInt8]?) -> String {
  guard text.utf8.contains(where: { replacement($0) != nil }) else { return text }
  var bytes: [UInt8] = []
  bytes.reserveCapacity(text.utf8.count + 16)
  for byte in text.utf8 {
    if let replaced = replacement(byte) { bytes += replaced } else { bytes.append(byte) }
  }
  return String(decoding: bytes, as: UTF8.self)
}

/// Makes text safe to place in SVG (XML) character data and attribute values.
enum SVGText {
  private static let entities: [UInt8: [UInt8]] = [
    UInt8(ascii: "&"): Array("&amp;".utf8), UInt8(ascii: "<"): Array("&lt;".utf8), UInt8(ascii: ">"): Array("&gt;".utf8),
    UInt8(ascii: "\""): Array("&quot;".utf8), UInt8(ascii: "'"): Array("&apos;".utf8),
  ]

  static func escape(_ text: String) -> String { replacingASCII(in: text) { entities[$0] } }
}
