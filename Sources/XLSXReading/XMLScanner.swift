#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Darwin)
  internal import Darwin
#endif

/// A forward-only scanner over the bytes of one XML part, just enough for SpreadsheetML:
/// tags with attributes, text, comments, processing instructions, CDATA and a skipped
/// DOCTYPE. It never builds a tree and never copies what it skips; names and values are byte
/// ranges into the part until a caller turns one into a `String` or a number.
///
/// Element and attribute names are matched by their local name, so `x:c` is `c`. Entities
/// are the five predefined ones and character references; a DOCTYPE's own entities are
/// never expanded (no "billion laughs").
///
/// Every read is bounds-checked against `bytes.count`: the part may be truncated or garbage.
struct XMLScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  private(set) var position = 0
  /// What the part is called in messages: `xl/worksheets/sheet2.xml`.
  let partName: String

  init(_ bytes: UnsafeBufferPointer<UInt8>, partName: String) {
    self.bytes = bytes
    self.partName = partName
    // A UTF-8 byte order mark is allowed before the XML declaration.
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
  }

  enum TagKind { case open, close, empty }

  /// A start, end or empty-element tag.
  struct Tag {
    var kind: TagKind
    /// The name after any namespace prefix.
    var localName: Range<Int>
    /// Everything between the name and `>` or `/>` (empty for end tags).
    var attributes: Range<Int>
    /// Where the tag's `<` is, for messages.
    var start: Int
  }

  /// The text of an element, still encoded: a range of the part when it is one run of
  /// characters (the usual case), else the runs collected around comments and CDATA.
  struct Text {
    var range: Range<Int>
    var collected: [UInt8]?

    /// The undecoded bytes when the text is one run of the part.
    var raw: Range<Int>? { collected == nil ? range : nil }
  }

  // MARK: Tags

  /// The next tag, skipping text, comments, processing instructions, CDATA and DOCTYPE;
  /// nil at the end of the part.
  mutating func nextTag() throws(ReadFailure) -> Tag? {
    while true {
      guard let lt = find(UInt8(ascii: "<"), from: position) else {
        position = bytes.count
        return nil
      }
      let second = byte(lt + 1)
      if second == UInt8(ascii: "/") {
        let nameStart = lt + 2
        var nameEnd = nameStart
        while nameEnd < bytes.count, !isNameEnd(bytes[nameEnd]) { nameEnd += 1 }
        guard let gt = find(UInt8(ascii: ">"), from: nameEnd) else { throw truncated(at: lt, inside: "an end tag") }
        position = gt + 1
        return Tag(kind: .close, localName: localName(nameStart..<nameEnd), attributes: nameEnd..<nameEnd, start: lt)
      }
      if second == UInt8(ascii: "?") {
        guard let end = find(sequence: "?>", from: lt + 2) else {
          throw truncated(at: lt, inside: "a processing instruction")
        }
        position = end + 2
        continue
      }
      if second == UInt8(ascii: "!") {
        position = try skipMarkupDeclaration(at: lt)
        continue
      }
      let nameStart = lt + 1
      var nameEnd = nameStart
      while nameEnd < bytes.count, !isNameEnd(bytes[nameEnd]) { nameEnd += 1 }
      guard nameEnd > nameStart else { throw malformed("a '<' that does not start a tag", at: lt) }
      // Find the closing '>', stepping over quoted attribute values (which may hold '>').
      var index = nameEnd
      while true {
        guard index < bytes.count else { throw truncated(at: lt, inside: "a start tag") }
        let current = bytes[index]
        if current == UInt8(ascii: ">") { break }
        if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
          guard let close = find(current, from: index + 1) else {
            throw truncated(at: lt, inside: "an attribute value")
          }
          index = close + 1
          continue
        }
        if current == UInt8(ascii: "<") { throw malformed("a tag that is not closed with '>'", at: lt) }
        index += 1
      }
      position = index + 1
      let isEmpty = index > nameEnd && bytes[index - 1] == UInt8(ascii: "/")
      return Tag(
        kind: isEmpty ? .empty : .open, localName: localName(nameStart..<nameEnd),
        attributes: nameEnd..<(isEmpty ? index - 1 : index), start: lt)
    }
  }

  /// Skips the children and text of the element `tag` opened, up to and including its end tag.
  mutating func skipElement(_ tag: Tag) throws(ReadFailure) {
    guard tag.kind == .open else { return }
    var depth = 1
    while let next = try nextTag() {
      switch next.kind {
      case .open: depth += 1
      case .close: depth -= 1
      case .empty: break
      }
      if depth == 0 { return }
    }
    throw truncated(at: tag.start, inside: "<\(name(tag))>")
  }

  /// The text of the element `tag` opened, up to its end tag, which must be next: text-only
  /// elements (`<v>`, `<t>`, `<f>`) may hold comments and CDATA but no child elements.
  mutating func readText(of tag: Tag) throws(ReadFailure) -> Text {
    guard tag.kind == .open else { return Text(range: position..<position, collected: nil) }
    let start = position
    guard let lt = find(UInt8(ascii: "<"), from: start) else {
      throw truncated(at: tag.start, inside: "<\(name(tag))>")
    }
    if byte(lt + 1) == UInt8(ascii: "/") {
      // The common case: plain text, then the end tag.
      try consumeEndTag(of: tag, at: lt)
      return Text(range: start..<lt, collected: nil)
    }
    // Text interleaved with comments, CDATA or processing instructions.
    var collected = Array(bytes[start..<lt])
    var cursor = lt
    while true {
      if byte(cursor + 1) == UInt8(ascii: "/") {
        try consumeEndTag(of: tag, at: cursor)
        return Text(range: start..<cursor, collected: collected)
      }
      if matches("<![CDATA[", at: cursor) {
        guard let end = find(sequence: "]]>", from: cursor + 9) else { throw truncated(at: cursor, inside: "CDATA") }
        // CDATA holds no entities: escape its '&' so that decoding leaves it as written.
        for value in bytes[(cursor + 9)..<end] {
          if value == UInt8(ascii: "&") { collected += Array("&amp;".utf8) } else { collected.append(value) }
        }
        cursor = end + 3
      } else if byte(cursor + 1) == UInt8(ascii: "!") {
        cursor = try skipMarkupDeclaration(at: cursor)
      } else if byte(cursor + 1) == UInt8(ascii: "?") {
        guard let end = find(sequence: "?>", from: cursor + 2) else {
          throw truncated(at: cursor, inside: "a processing instruction")
        }
        cursor = end + 2
      } else {
        throw malformed("an element inside <\(name(tag))>, which holds only text", at: cursor)
      }
      guard let next = find(UInt8(ascii: "<"), from: cursor) else {
        throw truncated(at: tag.start, inside: "<\(name(tag))>")
      }
      collected += bytes[cursor..<next]
      cursor = next
    }
  }

  // MARK: Cells as spreadsheet programs write them

  /// The start tag of a cell at the current position when it is written the usual way,
  /// `<c r="B3" s="4" t="s">` or `<c r="B3"/>`: no prefix, each attribute after one space, named
  /// by letters only, its value in double quotes. Returns the tag as ``nextTag()`` would, with
  /// the values of `r` and `t` as ``attributes(_:_:of:)`` would find them, and moves past it;
  /// nil, without moving, for anything else, which ``nextTag()`` then reads.
  mutating func plainCellTag() -> (tag: Tag, reference: Range<Int>?, type: Range<Int>?)? {
    let start = position
    guard start + 2 < bytes.count, bytes[start] == UInt8(ascii: "<"), bytes[start + 1] == UInt8(ascii: "c") else {
      return nil
    }
    var reference: Range<Int>?
    var type: Range<Int>?
    var index = start + 2
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: ">"):
        position = index + 1
        let tag = Tag(kind: .open, localName: (start + 1)..<(start + 2), attributes: (start + 2)..<index, start: start)
        return (tag, reference, type)
      case UInt8(ascii: "/"):
        guard byte(index + 1) == UInt8(ascii: ">") else { return nil }
        position = index + 2
        let tag = Tag(kind: .empty, localName: (start + 1)..<(start + 2), attributes: (start + 2)..<index, start: start)
        return (tag, reference, type)
      case UInt8(ascii: " "):
        let nameStart = index + 1
        var nameEnd = nameStart
        while nameEnd < bytes.count, isLetter(bytes[nameEnd]) { nameEnd += 1 }
        guard nameEnd > nameStart, byte(nameEnd) == UInt8(ascii: "="), byte(nameEnd + 1) == UInt8(ascii: "\""),
          let close = find(UInt8(ascii: "\""), from: nameEnd + 2)
        else { return nil }
        if nameEnd == nameStart + 1 {
          let value = (nameEnd + 2)..<close
          if bytes[nameStart] == UInt8(ascii: "r") {
            reference = reference ?? value
          } else if bytes[nameStart] == UInt8(ascii: "t") {
            type = type ?? value
          }
        }
        index = close + 1
      default:
        return nil
      }
    }
    return nil
  }

  /// The text of a cell's value written the usual way, `<v>12.5</v></c>` right after the
  /// cell's start tag: its range, and the scanner moved past the `</c>`. Nil, without moving,
  /// for anything else (a formula, a prefix, an inline string, a comment); ``nextTag()`` and
  /// ``readText(of:)`` then read the same bytes with every check.
  mutating func plainCellValue() -> Range<Int>? {
    let start = position + 3
    guard start <= bytes.count, bytes[position] == UInt8(ascii: "<"), bytes[position + 1] == UInt8(ascii: "v"),
      bytes[position + 2] == UInt8(ascii: ">"), let lt = find(UInt8(ascii: "<"), from: start), lt + 8 <= bytes.count,
      UnsafeRawPointer(bytes.baseAddress! + lt).loadUnaligned(as: UInt64.self) == Self.valueAndCellEnd
    else { return nil }
    position = lt + 8
    return start..<lt
  }

  /// The bytes of `</v></c>` as one word.
  private static var valueAndCellEnd: UInt64 { UInt64(littleEndian: 0x3E63_2F3C_3E76_2F3C) }

  /// Checks that the end tag at `lt` closes `tag`, and moves past it.
  private mutating func consumeEndTag(of tag: Tag, at lt: Int) throws(ReadFailure) {
    let nameStart = lt + 2
    var nameEnd = nameStart
    while nameEnd < bytes.count, !isNameEnd(bytes[nameEnd]) { nameEnd += 1 }
    guard let gt = find(UInt8(ascii: ">"), from: nameEnd) else { throw truncated(at: lt, inside: "an end tag") }
    let closing = localName(nameStart..<nameEnd)
    guard equal(closing, tag.localName) else {
      throw malformed("</\(string(of: closing))> where </\(name(tag))> was expected", at: lt)
    }
    position = gt + 1
  }

  // MARK: Attributes

  /// The raw value of the attribute `name` (unprefixed, e.g. `r`), without its quotes.
  func attribute(_ name: StaticString, of tag: Tag) -> Range<Int>? {
    findAttribute(of: tag) { nameRange in self.equal(nameRange, name) }
  }

  /// The raw value of a namespaced attribute by its local name (`id` finds `r:id`),
  /// ignoring namespace declarations.
  func prefixedAttribute(localName: StaticString, of tag: Tag) -> Range<Int>? {
    findAttribute(of: tag) { nameRange in
      guard let colon = self.lastIndex(of: UInt8(ascii: ":"), in: nameRange) else { return false }
      if self.equal(nameRange.lowerBound..<colon, "xmlns") { return false }
      return self.equal((colon + 1)..<nameRange.upperBound, localName)
    }
  }

  /// The raw values of the attributes `first` and `second` in one pass over the tag: each as
  /// ``attribute(_:of:)`` would find it (`<c r="B3" t="s">` → `B3`, `s`).
  func attributes(_ first: StaticString, _ second: StaticString, of tag: Tag) -> (Range<Int>?, Range<Int>?) {
    var found: (Range<Int>?, Range<Int>?) = (nil, nil)
    visitAttributes(of: tag) { name, value in
      if found.0 == nil, equal(name, first) {
        found.0 = value
      } else if found.1 == nil, equal(name, second) {
        found.1 = value
      }
      return found.0 != nil && found.1 != nil
    }
    return found
  }

  private func findAttribute(of tag: Tag, where matches: (Range<Int>) -> Bool) -> Range<Int>? {
    var found: Range<Int>?
    visitAttributes(of: tag) { name, value in
      guard matches(name) else { return false }
      found = value
      return true
    }
    return found
  }

  /// Calls `visit` with the name and raw value of each attribute in order, until it returns
  /// true or the attributes end or stop making sense (a name without `=` and a quoted value).
  @inline(__always)
  private func visitAttributes(of tag: Tag, _ visit: (_ name: Range<Int>, _ value: Range<Int>) -> Bool) {
    var index = tag.attributes.lowerBound
    let end = tag.attributes.upperBound
    while index < end {
      while index < end, isSpace(bytes[index]) { index += 1 }
      let nameStart = index
      while index < end, bytes[index] != UInt8(ascii: "="), !isSpace(bytes[index]) { index += 1 }
      let nameEnd = index
      while index < end, isSpace(bytes[index]) { index += 1 }
      guard index < end, bytes[index] == UInt8(ascii: "=") else { return }
      index += 1
      while index < end, isSpace(bytes[index]) { index += 1 }
      guard index < end, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { return }
      let quote = bytes[index]
      let valueStart = index + 1
      guard let valueEnd = find(quote, from: valueStart), valueEnd < end else { return }
      if nameEnd > nameStart, visit(nameStart..<nameEnd, valueStart..<valueEnd) { return }
      index = valueEnd + 1
    }
  }

  // MARK: Names and text

  /// Whether `range` holds exactly the ASCII `literal`.
  @inline(__always) func equal(_ range: Range<Int>, _ literal: StaticString) -> Bool {
    guard range.count == literal.utf8CodeUnitCount, range.lowerBound >= 0, range.upperBound <= bytes.count else {
      return false
    }
    // Names are a few bytes long: a loop beats a call to memcmp.
    let text = literal.utf8Start
    var offset = 0
    while offset < range.count {
      if bytes[range.lowerBound + offset] != text[offset] { return false }
      offset += 1
    }
    return true
  }

  /// Whether the two ranges hold the same bytes.
  func equal(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
    guard first.count == second.count, first.lowerBound >= 0, second.lowerBound >= 0,
      first.upperBound <= bytes.count, second.upperBound <= bytes.count
    else { return false }
    var offset = 0
    while offset < first.count {
      if bytes[first.lowerBound + offset] != bytes[second.lowerBound + offset] { return false }
      offset += 1
    }
    return true
  }

  @inline(__always) func isNamed(_ tag: Tag, _ literal: StaticString) -> Bool { equal(tag.localName, literal) }

  /// The tag's local name as a string, for messages.
  func name(_ tag: Tag) -> String { string(of: tag.localName) }

  /// The bytes of `range` as UTF-8, undecoded.
  func string(of range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[clamped(range)]), as: UTF8.self)
  }

  /// An attribute value with its entities decoded.
  func attributeString(_ range: Range<Int>) -> String {
    let range = clamped(range)
    guard Self.needsDecoding(bytes[range]) else { return string(of: range) }
    return String(decoding: decodeEntities(bytes[range], normalizeLineEnds: false), as: UTF8.self)
  }

  /// Element text as a string: line ends normalized as XML requires, entities and
  /// character references decoded, then OOXML's `_xHHHH_` escapes (`_x000D_` is a carriage
  /// return) decoded.
  func string(_ text: Text) -> String {
    if let collected = text.collected {
      return collected.withUnsafeBufferPointer { collected in
        guard Self.needsDecoding(collected[...]) else { return String(decoding: collected, as: UTF8.self) }
        return String(
          decoding: decodeOOXMLEscapes(decodeEntities(collected[...], normalizeLineEnds: true)), as: UTF8.self)
      }
    }
    let range = clamped(text.range)
    guard Self.needsDecoding(bytes[range]) else { return string(of: range) }
    return String(decoding: decodeOOXMLEscapes(decodeEntities(bytes[range], normalizeLineEnds: true)), as: UTF8.self)
  }

  /// The undecoded bytes of a one-run text, for numbers and indices.
  func rawBytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: bytes[clamped(range)])
  }

  // MARK: Errors

  /// "xl/worksheets/sheet2.xml is not well-formed: … (byte 1234)".
  func malformed(_ problem: String, at offset: Int) -> ReadFailure {
    ReadFailure(
      "\(partName) is not well-formed XML: \(problem) (byte \(offset))",
      hint:
        "the workbook is damaged or was written by a faulty program; open it in Excel or LibreOffice and save it again")
  }

  func truncated(at offset: Int, inside what: String) -> ReadFailure {
    ReadFailure(
      "\(partName) ends inside \(what) that starts at byte \(offset)",
      hint:
        "the workbook is damaged or was written by a faulty program; open it in Excel or LibreOffice and save it again")
  }

  // MARK: Byte helpers

  /// The byte at `index`, or 0 past the end.
  @inline(__always) func byte(_ index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0 }

  /// The first `target` at or after `start`. The target is usually a few bytes away (the
  /// `>` of an end tag, the quote closing a short value), so a short loop comes before memchr.
  @inline(__always) func find(_ target: UInt8, from start: Int) -> Int? {
    let nearEnd = min(start + 16, bytes.count)
    var index = max(start, 0)
    while index < nearEnd {
      if bytes[index] == target { return index }
      index += 1
    }
    guard index < bytes.count, let base = bytes.baseAddress else { return nil }
    guard let hit = memchr(base + index, Int32(target), bytes.count - index) else { return nil }
    return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
  }

  func find(sequence: StaticString, from start: Int) -> Int? {
    let first = sequence.utf8Start.pointee
    var from = start
    while let candidate = find(first, from: from) {
      if matches(sequence, at: candidate) { return candidate }
      from = candidate + 1
    }
    return nil
  }

  @inline(__always) func matches(_ literal: StaticString, at offset: Int) -> Bool {
    offset >= 0 && offset <= bytes.count - literal.utf8CodeUnitCount
      && equal(offset..<(offset + literal.utf8CodeUnitCount), literal)
  }

  private func lastIndex(of target: UInt8, in range: Range<Int>) -> Int? {
    var index = range.upperBound - 1
    while index >= range.lowerBound {
      if bytes[index] == target { return index }
      index -= 1
    }
    return nil
  }

  private func localName(_ range: Range<Int>) -> Range<Int> {
    guard let colon = lastIndex(of: UInt8(ascii: ":"), in: range) else { return range }
    return (colon + 1)..<range.upperBound
  }

  private func clamped(_ range: Range<Int>) -> Range<Int> { range.clamped(to: 0..<bytes.count) }

  /// Whether text needs the slow path: an entity, a carriage return or a `_x` escape.
  static func needsDecoding(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    var index = text.startIndex
    while index < text.endIndex {
      let current = text[index]
      if current == UInt8(ascii: "&") || current == 0x0D { return true }
      if current == UInt8(ascii: "_"), index + 1 < text.endIndex, text[index + 1] == UInt8(ascii: "x") { return true }
      index += 1
    }
    return false
  }

  /// Skips `<!-- … -->`, `<![CDATA[ … ]]>` or `<!DOCTYPE … >` (with an internal subset)
  /// starting at `lt`, returning the offset after it.
  private func skipMarkupDeclaration(at lt: Int) throws(ReadFailure) -> Int {
    if matches("<!--", at: lt) {
      guard let end = find(sequence: "-->", from: lt + 4) else { throw truncated(at: lt, inside: "a comment") }
      return end + 3
    }
    if matches("<![CDATA[", at: lt) {
      guard let end = find(sequence: "]]>", from: lt + 9) else { throw truncated(at: lt, inside: "CDATA") }
      return end + 3
    }
    var index = lt + 2
    var bracketDepth = 0
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "["): bracketDepth += 1
      case UInt8(ascii: "]"): bracketDepth -= 1
      case UInt8(ascii: ">") where bracketDepth <= 0: return index + 1
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        guard let close = find(bytes[index], from: index + 1) else { throw truncated(at: lt, inside: "a declaration") }
        index = close
      default: break
      }
      index += 1
    }
    throw truncated(at: lt, inside: "a declaration")
  }
}

@inline(__always) private func isSpace(_ byte: UInt8) -> Bool {
  byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}

@inline(__always) private func isLetter(_ byte: UInt8) -> Bool {
  (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
}

@inline(__always) private func isNameEnd(_ byte: UInt8) -> Bool {
  isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
}

// MARK: - Decoding

/// Decodes `&amp; &lt; &gt; &quot; &apos; &#N; &#xH;`; an unknown or malformed reference is
/// kept as written, and a reference to an impossible character becomes U+FFFD. With
/// `normalizeLineEnds`, a literal CR LF or lone CR becomes LF, as an XML parser does for
/// element text (a CR written as `&#13;` or `_x000D_` is kept).
func decodeEntities(_ source: Slice<UnsafeBufferPointer<UInt8>>, normalizeLineEnds: Bool) -> [UInt8] {
  var output: [UInt8] = []
  output.reserveCapacity(source.count)
  var index = source.startIndex
  let end = source.endIndex
  while index < end {
    let current = source[index]
    if current == 0x0D, normalizeLineEnds {
      output.append(0x0A)
      index += (index + 1 < end && source[index + 1] == 0x0A) ? 2 : 1
      continue
    }
    guard current == UInt8(ascii: "&") else {
      output.append(current)
      index += 1
      continue
    }
    // The longest reference is `&#x10FFFF;` (10 bytes); allow leading zeros up to 16.
    var semicolon = index + 1
    while semicolon < end, semicolon - index <= 16, source[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
    guard semicolon < end, source[semicolon] == UInt8(ascii: ";") else {
      output.append(current)
      index += 1
      continue
    }
    let name = source[(index + 1)..<semicolon]
    if let replacement = predefinedEntity(name) {
      output.append(replacement)
    } else if let scalar = characterReference(name) {
      appendUTF8(scalar, to: &output)
    } else {
      output.append(current)
      index += 1
      continue
    }
    index = semicolon + 1
  }
  return output
}

private func predefinedEntity(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> UInt8? {
  switch Array(name) {
  case Array("amp".utf8): UInt8(ascii: "&")
  case Array("lt".utf8): UInt8(ascii: "<")
  case Array("gt".utf8): UInt8(ascii: ">")
  case Array("quot".utf8): UInt8(ascii: "\"")
  case Array("apos".utf8): UInt8(ascii: "'")
  default: nil
  }
}

/// `#65` or `#x41` → the scalar; U+FFFD for a number that is no character; nil when it is
/// not a character reference at all.
private func characterReference(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> UInt32? {
  guard name.count >= 2, name.first == UInt8(ascii: "#") else { return nil }
  var digits = name.dropFirst()
  var radix: UInt32 = 10
  if digits.first == UInt8(ascii: "x") || digits.first == UInt8(ascii: "X") {
    radix = 16
    digits = digits.dropFirst()
  }
  guard !digits.isEmpty else { return nil }
  var value: UInt32 = 0
  for digit in digits {
    guard let number = hexValue(digit), number < radix else { return nil }
    value = value * radix + number
    if value > 0x10FFFF { value = 0x11_0000 }  // saturate; becomes U+FFFD below
  }
  return validScalar(value)
}

/// Decodes OOXML's `_xHHHH_` escapes (ST_Xstring): `_x000D_` is CR, `_x005F_` a literal `_`;
/// a surrogate pair written as two escapes becomes one character.
func decodeOOXMLEscapes(_ bytes: [UInt8]) -> [UInt8] {
  guard bytes.count >= 7 else { return bytes }
  var output: [UInt8] = []
  output.reserveCapacity(bytes.count)
  var index = 0
  func escape(at offset: Int) -> UInt32? {
    guard offset + 7 <= bytes.count, bytes[offset] == UInt8(ascii: "_"), bytes[offset + 1] == UInt8(ascii: "x"),
      bytes[offset + 6] == UInt8(ascii: "_")
    else { return nil }
    var value: UInt32 = 0
    for digit in bytes[(offset + 2)..<(offset + 6)] {
      guard let number = hexValue(digit) else { return nil }
      value = value << 4 | number
    }
    return value
  }
  while index < bytes.count {
    guard let value = escape(at: index) else {
      output.append(bytes[index])
      index += 1
      continue
    }
    index += 7
    if (0xD800...0xDBFF).contains(value), let low = escape(at: index), (0xDC00...0xDFFF).contains(low) {
      index += 7
      appendUTF8(0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00), to: &output)
    } else {
      appendUTF8(validScalar(value), to: &output)
    }
  }
  return output
}

@inline(__always) private func hexValue(_ byte: UInt8) -> UInt32? {
  switch byte {
  case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
  case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
  case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
  default: nil
  }
}

/// `value` when it is a Unicode scalar other than NUL, else U+FFFD.
private func validScalar(_ value: UInt32) -> UInt32 {
  value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) ? 0xFFFD : value
}

private func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
  guard let unicode = Unicode.Scalar(scalar) else {
    output += [0xEF, 0xBF, 0xBD]
    return
  }
  output += UTF8.encode(unicode)!
}
