/// One step through a text for the readers of `TextForms` and `UnitReading`: a `Character`, or
/// a `Unicode.Scalar` when the text is simple (``TextForms/isSimple(_:)``).
///
/// Each reader is written once, generically, and steps by scalar whenever it can. In simple text
/// every scalar is a character of its own and equals no other one, so the result is the same;
/// stepping by scalar skips the grapheme breaking and the normalising comparisons that make
/// `Character` work slow on Chinese text (most of the import's time before).
protocol TextUnit: Equatable {
  init(_ scalar: Unicode.Scalar)
  /// The unit's only scalar; nil for a character of several.
  var singleScalar: Unicode.Scalar? { get }
  var isWhitespace: Bool { get }
  /// Whether the unit is a Chinese character (its first scalar is ideographic).
  var isHan: Bool { get }
  func append(to text: inout String)
  /// The units `text` reads as.
  static func units(of text: String) -> [Self]
}

extension TextUnit {
  static func string(_ units: some Sequence<Self>) -> String {
    var text = ""
    for unit in units { unit.append(to: &text) }
    return text
  }
}

extension Character: TextUnit {
  var singleScalar: Unicode.Scalar? { unicodeScalars.count == 1 ? unicodeScalars.first : nil }
  var isHan: Bool { unicodeScalars.first?.isHan ?? false }
  func append(to text: inout String) { text.append(self) }
  static func units(of text: String) -> [Character] { Array(text) }
}

extension Unicode.Scalar: TextUnit {
  var singleScalar: Unicode.Scalar? { self }

  /// As `Character.isWhitespace`; ASCII without a property lookup.
  var isWhitespace: Bool {
    isASCII ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
  }

  /// As `properties.isIdeographic`; ASCII and the CJK ideograph blocks without a property lookup.
  var isHan: Bool {
    switch value {
    case 0..<0x80: false
    case 0x3400...0x4DBF, 0x4E00...0x9FFF: true
    default: properties.isIdeographic
    }
  }

  func append(to text: inout String) { text.unicodeScalars.append(self) }
  static func units(of text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }
}
