/// Reads the cells of one worksheet part (`xl/worksheets/sheetN.xml`).
///
/// Only `<sheetData>` is looked at, and the scan stops at its end tag: column widths,
/// views, merged ranges and formatting are not needed to read values. Per cell, it reads the
/// `r` and `t` attributes and the `<v>` or `<is>` child; a formula's `<f>` is skipped, its
/// cached `<v>` kept.
struct WorksheetParser {
  /// The cells in document order, keyed by ``XLSXSheet/key(row:column:)``.
  var keys: [Int] = []
  var cells: [StoredCell] = []
  /// The shared-string table, when a cell used it; ``StoredCell/Kind/sharedText`` indexes it.
  var sharedStrings: [String] = []
  /// Every other text (inline strings, formula results, error codes), in document order.
  var texts: [String] = []
  var rowCount = 0
  var columnCount = 0

  /// Parses `bytes`; `sharedStrings` is called (once) when the first `t="s"` cell appears.
  init(
    _ bytes: UnsafeBufferPointer<UInt8>, partName: String,
    sharedStrings: () throws(ReadFailure) -> [String]
  ) throws(ReadFailure) {
    var scanner = XMLScanner(bytes, partName: partName)
    var sawWorksheet = false
    var sheetDataStart = 0
    while true {
      guard let tag = try scanner.nextTag() else {
        throw ReadFailure(
          sawWorksheet
            ? "\(partName) ends before its <sheetData> (the sheet XML is truncated)"
            : "\(partName) is not a worksheet (it has no <worksheet> with <sheetData>)",
          hint: "the workbook is damaged; open it in Excel or LibreOffice and save it again")
      }
      if scanner.isNamed(tag, "worksheet") {
        if tag.kind == .close { return }  // no <sheetData> at all: an empty sheet
        sawWorksheet = true
      }
      guard scanner.isNamed(tag, "sheetData") else { continue }
      if tag.kind == .empty { return }
      if tag.kind == .open {
        sheetDataStart = tag.start
        break
      }
    }
    // A cell element is at least `<c r="A1"/>` long; the reservation avoids regrowth.
    let estimate = min(bytes.count / 24, 4_000_000)
    keys.reserveCapacity(estimate)
    cells.reserveCapacity(estimate)

    var strings: [String]?
    var currentRow = -1
    var nextColumn = 0
    var lastRow = -1
    var lastColumn = -1
    while true {
      // A cell's start tag as spreadsheet programs write it is read in one pass; anything
      // else (rows, end tags, unusual spellings) by the general scan.
      let tag: XMLScanner.Tag
      var attributes: (reference: Range<Int>?, type: Range<Int>?)?
      if let cell = scanner.plainCellTag() {
        tag = cell.tag
        attributes = (cell.reference, cell.type)
      } else {
        guard let next = try scanner.nextTag() else {
          throw scanner.truncated(at: sheetDataStart, inside: "<sheetData>")
        }
        tag = next
      }
      if tag.kind == .close {
        if scanner.isNamed(tag, "sheetData") { break }
        if scanner.isNamed(tag, "row") { continue }
        throw scanner.malformed("</\(scanner.name(tag))> inside <sheetData>", at: tag.start)
      }
      if scanner.isNamed(tag, "row") {
        if let reference = scanner.attribute("r", of: tag) {
          guard let number = Self.positiveInteger(scanner, reference, limit: XLSXSheet.maximumRowCount) else {
            throw ReadFailure(
              "row number r=\"\(scanner.string(of: reference))\" is not between 1 and \(XLSXSheet.maximumRowCount)",
              hint: "Excel's sheets end at row 1048576; the workbook is damaged or not written by a spreadsheet program"
            )
          }
          currentRow = number - 1
        } else {
          currentRow += 1
          guard currentRow < XLSXSheet.maximumRowCount else {
            throw ReadFailure("the sheet has more than \(XLSXSheet.maximumRowCount) rows")
          }
        }
        nextColumn = 0
        continue
      }
      guard scanner.isNamed(tag, "c") else {
        try scanner.skipElement(tag)
        continue
      }
      let (reference, type) = attributes ?? scanner.attributes("r", "t", of: tag)

      // Position: the cell's own reference, or the next column of the current row.
      var row = max(currentRow, 0)
      var column = nextColumn
      if let reference {
        (row, column) = try Self.cellPosition(scanner, reference)
      } else if column >= XLSXSheet.maximumColumnCount {
        throw ReadFailure(
          "row \(row + 1) has more than \(XLSXSheet.maximumColumnCount) cells",
          hint: "Excel's sheets end at column XFD; the workbook is damaged")
      }
      nextColumn = column + 1
      guard tag.kind == .open else { continue }  // `<c r="A1" s="3"/>`: formatted, no value

      var cell: StoredCell?
      do throws(ReadFailure) {
        var valueText: XMLScanner.Text?
        var inlineText: String?
        if let plain = scanner.plainCellValue() {
          valueText = XMLScanner.Text(range: plain, collected: nil)
        } else {
          while true {
            guard let child = try scanner.nextTag() else { throw scanner.truncated(at: tag.start, inside: "<c>") }
            if child.kind == .close {
              if scanner.isNamed(child, "c") { break }
              throw scanner.malformed("</\(scanner.name(child))> where </c> was expected", at: child.start)
            }
            if scanner.isNamed(child, "v") {
              valueText = try scanner.readText(of: child)
            } else if scanner.isNamed(child, "is") {
              inlineText = try Self.richText(&scanner, child)
            } else {
              try scanner.skipElement(child)  // <f>, <extLst>
            }
          }
        }

        // The two kinds of cell a yearbook table is made of, without detours:
        // a plain number, and a shared string.
        if type == nil, let text = valueText, let raw = text.raw,
          case .value(let number) = parseNumber(scanner.rawBytes(raw))
        {
          cell = StoredCell(number: number)
        } else if let type, scanner.equal(type, "s"), let text = valueText, let raw = text.raw,
          let index = Self.positiveInteger(scanner.rawBytes(raw), allowZero: true, limit: Int(Int32.max))
        {
          if strings == nil { strings = try sharedStrings() }
          guard let strings, index < strings.count else {
            throw ReadFailure(
              "shared-string index \(index) is out of range (the workbook has \(strings?.count ?? 0) shared strings)",
              hint: "the workbook is damaged; open it in Excel or LibreOffice and save it again")
          }
          cell = StoredCell(kind: .sharedText, payload: UInt64(index))
        } else if let value = try Self.value(scanner, type: type, text: valueText, inlineText: inlineText) {
          cell = store(value)
        }
      } catch {
        var located = error
        located.cell = located.cell ?? XLSXSheet.cellReference(row: row, column: column)
        throw located
      }
      guard let cell else { continue }
      keys.append(XLSXSheet.key(row: row, column: column))
      cells.append(cell)
      lastRow = max(lastRow, row)
      lastColumn = max(lastColumn, column)
    }
    rowCount = lastRow + 1
    columnCount = lastColumn + 1
    self.sharedStrings = strings ?? []
  }

  /// A value the fast path did not handle, as stored; its text, if any, joins `texts`.
  private mutating func store(_ value: XLSXCell) -> StoredCell {
    switch value {
    case .number(let number): return StoredCell(number: number)
    case .boolean(let flag): return StoredCell(kind: .boolean, payload: flag ? 1 : 0)
    case .text(let text):
      texts.append(text)
      return StoredCell(kind: .text, payload: UInt64(texts.count - 1))
    case .error(let code):
      texts.append(code)
      return StoredCell(kind: .error, payload: UInt64(texts.count - 1))
    }
  }

  // MARK: Values

  /// The value of a cell that the fast path in `init` did not handle: any type but a plain
  /// number or shared-string index, or text with entities, comments or CDATA.
  private static func value(
    _ scanner: XMLScanner, type: Range<Int>?, text: XMLScanner.Text?, inlineText: String?
  ) throws(ReadFailure) -> XLSXCell? {
    guard let type, !scanner.equal(type, "n") else {
      // A number, the default type.
      guard let text else { return nil }
      return try number(scanner, text)
    }
    if scanner.equal(type, "s") {
      // Valid indices were taken by the fast path; an index written with character
      // references is not worth a second one.
      guard let text else { return nil }
      throw ReadFailure("expected a shared-string index, found \"\(scanner.string(text))\"")
    }
    if scanner.equal(type, "inlineStr") {
      if let inlineText { return .text(inlineText) }
      return text.map { .text(scanner.string($0)) }
    }
    if scanner.equal(type, "str") {
      // A formula's text result; an empty result is an empty string, not an empty cell.
      return .text(text.map { scanner.string($0) } ?? "")
    }
    if scanner.equal(type, "b") {
      guard let text else { return nil }
      switch scanner.string(text) {
      case "1", "true", "TRUE": return .boolean(true)
      case "0", "false", "FALSE": return .boolean(false)
      case let other: throw ReadFailure("expected a boolean (1 or 0), found \"\(other)\"")
      }
    }
    if scanner.equal(type, "e") {
      guard let text else { return nil }
      return .error(scanner.string(text))
    }
    if scanner.equal(type, "d") {
      // An ISO 8601 date (strict OOXML); kept as written, since the cell model has no dates.
      guard let text else { return nil }
      return .text(scanner.string(text))
    }
    throw ReadFailure(
      "unknown cell type t=\"\(scanner.attributeString(type))\"",
      hint: "expected one of n, s, str, inlineStr, b, e, d; the workbook may be damaged")
  }

  private static func number(_ scanner: XMLScanner, _ text: XMLScanner.Text) throws(ReadFailure) -> XLSXCell? {
    let decoded = Array(scanner.string(text).utf8)
    switch decoded.withUnsafeBufferPointer(parseNumber) {
    case .empty: return nil
    case .value(let number): return .number(number)
    case .outOfRange:
      throw ReadFailure(
        "the number \(scanner.string(text)) is too large for a double",
        hint: "Excel's numbers stay below 1.8e308; the workbook is damaged")
    case .invalid:
      throw ReadFailure(
        "expected a number, found \"\(scanner.string(text))\"",
        hint: "the cell has no type, so it must hold a number; the workbook may be damaged")
    }
  }

  /// The text of an `<is>` (inline string) or `<si>` (shared string) element: its `<t>`, or
  /// the `<t>` of each rich-text run `<r>` joined; phonetic guides (`<rPh>`) are left out.
  static func richText(_ scanner: inout XMLScanner, _ container: XMLScanner.Tag) throws(ReadFailure) -> String {
    guard container.kind == .open else { return "" }
    var result = ""
    while let tag = try scanner.nextTag() {
      switch tag.kind {
      case .close:
        if scanner.equal(tag.localName, container.localName) { return result }
        guard scanner.isNamed(tag, "r") else {
          throw scanner.malformed(
            "</\(scanner.name(tag))> where </\(scanner.name(container))> was expected", at: tag.start)
        }
      case .empty:
        continue
      case .open:
        if scanner.isNamed(tag, "t") {
          let text = try scanner.readText(of: tag)
          if result.isEmpty { result = scanner.string(text) } else { result += scanner.string(text) }
        } else if !scanner.isNamed(tag, "r") {
          try scanner.skipElement(tag)  // <rPr>, <rPh>, <phoneticPr>
        }
      }
    }
    throw scanner.truncated(at: container.start, inside: "<\(scanner.name(container))>")
  }

  // MARK: References and integers

  /// (row, column), 0-based, of a reference such as `B30`.
  static func cellPosition(_ scanner: XMLScanner, _ range: Range<Int>) throws(ReadFailure) -> (Int, Int) {
    var index = range.lowerBound
    var column = 0
    var letters = 0
    while index < range.upperBound {
      let byte = scanner.bytes[index] | 0x20  // lowercase
      guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") else { break }
      if letters < 4 { column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1 }
      letters += 1
      index += 1
    }
    let row = positiveInteger(scanner, index..<range.upperBound, limit: Int.max / 2)
    guard letters > 0, let row else {
      throw ReadFailure(
        "malformed cell reference r=\"\(scanner.attributeString(range))\"",
        hint: "a cell reference is column letters and a row number, like B30; the workbook is damaged")
    }
    guard letters <= 3, column <= XLSXSheet.maximumColumnCount, row <= XLSXSheet.maximumRowCount else {
      throw ReadFailure(
        "cell reference \(scanner.attributeString(range)) is outside Excel's grid (A1:XFD1048576)",
        hint: "the workbook is damaged or was not written by a spreadsheet program")
    }
    return (row - 1, column - 1)
  }

  /// A decimal integer from 1 (or 0) to `limit` made only of digits, else nil.
  static func positiveInteger(_ scanner: XMLScanner, _ range: Range<Int>, limit: Int) -> Int? {
    guard range.lowerBound >= 0, range.upperBound <= scanner.bytes.count else { return nil }
    return positiveInteger(UnsafeBufferPointer(rebasing: scanner.bytes[range]), allowZero: false, limit: limit)
  }

  static func positiveInteger(_ digits: UnsafeBufferPointer<UInt8>, allowZero: Bool, limit: Int) -> Int? {
    guard !digits.isEmpty, digits.count <= 18 else { return nil }
    var value = 0
    for digit in digits {
      guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(digit - UInt8(ascii: "0"))
    }
    guard value <= limit, allowZero || value > 0 else { return nil }
    return value
  }
}

// MARK: - Numbers

enum ParsedNumber: Equatable {
  case value(Double)
  case empty
  case invalid
  case outOfRange
}

/// The value of an ASCII decimal digit.
@inline(__always) private func decimalDigit(_ byte: UInt8) -> UInt8? {
  let digit = byte &- UInt8(ascii: "0")
  return digit < 10 ? digit : nil
}

/// The value of the eight ASCII digits at `index`, nil unless all eight are digits; in a few
/// word operations rather than eight steps (the method of Lemire's fast_float).
@inline(__always) private func eightDigits(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64? {
  let word = UInt64(littleEndian: UnsafeRawPointer(text.baseAddress! + index).loadUnaligned(as: UInt64.self))
  // A byte is a digit when adding 0x46 leaves it below 0x80 and subtracting 0x30 does not wrap.
  guard ((word &+ 0x4646_4646_4646_4646) | (word &- 0x3030_3030_3030_3030)) & 0x8080_8080_8080_8080 == 0 else {
    return nil
  }
  var value = word &- 0x3030_3030_3030_3030  // eight values 0…9, the first digit in the low byte
  value = value &* 10 &+ (value >> 8)  // two-digit numbers in bytes 0, 2, 4 and 6
  let pairs: UInt64 = 0x0000_00FF_0000_00FF
  value = ((value & pairs) &* (100 + (1_000_000 << 32)) &+ ((value >> 16) & pairs) &* (1 + (10_000 << 32))) >> 32
  return UInt64(UInt32(truncatingIfNeeded: value))
}

/// Powers of ten that are exact doubles.
private let exactPowersOfTen: [Double] = (0...22).map { power in
  var value = 1.0
  for _ in 0..<power { value *= 10 }
  return value
}

/// Powers of five that fit in 63 bits: 5⁰ … 5²⁷.
private let powersOfFive: [UInt64] = (0...27).map { power in
  var value: UInt64 = 1
  for _ in 0..<power { value *= 5 }
  return value
}

/// `mantissa` × 10^`power` rounded to the nearest double (ties to even), for |power| ≤ 27,
/// worked out in integers: 10^p is 5^p × 2^p, and 5^p fits in 64 bits, so the product
/// (`power` ≥ 0) or the quotient with its remainder (`power` < 0) is exact before the one
/// rounding to 53 bits. Nil outside that range.
func roundedDecimal(_ mantissa: UInt64, powerOfTen power: Int) -> Double? {
  guard mantissa > 0, power >= -27, power <= 27 else { return nil }
  let five = powersOfFive[abs(power)]
  if power >= 0 {
    // mantissa × 5^p < 2¹²⁸, as (high, low); keep its top 64 bits and note what was dropped.
    let (high, low) = mantissa.multipliedFullWidth(by: five)
    guard high > 0 else { return Double(low) * Double(sign: .plus, exponent: power, significand: 1) }
    let dropped = 64 - high.leadingZeroBitCount
    let top = high << UInt64(64 - dropped) | low >> UInt64(dropped)
    let sticky: UInt64 = low << UInt64(64 - dropped) != 0 ? 1 : 0
    return Double(top | sticky) * Double(sign: .plus, exponent: power + dropped, significand: 1)
  }
  // mantissa / 5^p, scaled by 2^shift so that the quotient has 62 or more bits: the bits below
  // the 53 kept include the rounding bit and at least one more, and the remainder makes that one
  // sticky, so the conversion of the quotient rounds as the exact fraction would.
  let shift = 63 + (64 - five.leadingZeroBitCount) - (64 - mantissa.leadingZeroBitCount)
  let dividend: (high: UInt64, low: UInt64) =
    shift >= 64 ? (mantissa << UInt64(shift - 64), 0) : (mantissa >> UInt64(64 - shift), mantissa << UInt64(shift))
  let (quotient, remainder) = five.dividingFullWidth(dividend)
  return Double(quotient | (remainder != 0 ? 1 : 0)) * Double(sign: .plus, exponent: power - shift, significand: 1)
}

/// Parses the decimal text of a `<v>`: `12`, `-0.5`, `3501.7800000000007`, `1.5E-3`.
///
/// Numbers of at most 19 significant digits and a small exponent are rounded correctly here:
/// up to 2⁵³ with one correctly rounded multiplication or division of exact operands, above
/// that (Excel's 17-digit `917.92000000000007`) in integers (``roundedDecimal(_:powerOfTen:)``).
/// The rest go through the standard library's correctly rounded conversion. Either way the
/// result is the double nearest the decimal, as `Double(String)` gives. Hexadecimal, `inf`
/// and `nan`, which that conversion would accept, are refused here first.
func parseNumber(_ text: UnsafeBufferPointer<UInt8>) -> ParsedNumber {
  var start = 0
  var end = text.count
  while start < end, text[start] == 0x20 || text[start] == 0x09 || text[start] == 0x0A || text[start] == 0x0D {
    start += 1
  }
  while end > start, text[end - 1] == 0x20 || text[end - 1] == 0x09 || text[end - 1] == 0x0A || text[end - 1] == 0x0D {
    end -= 1
  }
  guard start < end else { return .empty }

  var index = start
  var negative = false
  if text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
    negative = text[index] == UInt8(ascii: "-")
    index += 1
  }
  // The integer part, then the fraction. At most 19 significant digits are kept (10¹⁹ < 2⁶⁴);
  // a number with more is left to the standard library.
  var mantissa: UInt64 = 0
  var significantDigits = 0
  var decimalExponent = 0
  var exact = true
  var digitCount = 0
  for part in 0..<2 {
    let partStart = index
    while index < end, let digit = decimalDigit(text[index]) {
      // Eight digits at a time once past the leading zeros, while 19 digits are not reached.
      if mantissa != 0, significantDigits <= 11, index + 8 <= end, let eight = eightDigits(text, at: index) {
        mantissa = mantissa * 100_000_000 + eight
        significantDigits += 8
        if part == 1 { decimalExponent -= 8 }
        index += 8
        continue
      }
      if significantDigits < 19 {
        mantissa = mantissa * 10 + UInt64(digit)
        if mantissa != 0 { significantDigits += 1 }  // leading zeros are not significant
        if part == 1 { decimalExponent -= 1 }
      } else {
        exact = false
      }
      index += 1
    }
    digitCount += index - partStart
    guard part == 0, index < end, text[index] == UInt8(ascii: ".") else { break }
    index += 1
  }
  guard digitCount > 0 else { return .invalid }
  if index < end {
    guard text[index] | 0x20 == UInt8(ascii: "e") else { return .invalid }
    index += 1
    var exponentNegative = false
    if index < end, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
      exponentNegative = text[index] == UInt8(ascii: "-")
      index += 1
    }
    guard index < end else { return .invalid }
    var exponent = 0
    while index < end {
      let byte = text[index]
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return .invalid }
      if exponent < 100_000 { exponent = exponent * 10 + Int(byte - UInt8(ascii: "0")) }
      index += 1
    }
    decimalExponent += exponentNegative ? -exponent : exponent
  }

  if exact, mantissa == 0 { return .value(negative ? -0.0 : 0.0) }
  if exact, mantissa <= 1 << 53, decimalExponent >= -22, decimalExponent <= 22 {
    let magnitude =
      decimalExponent >= 0
      ? Double(mantissa) * exactPowersOfTen[decimalExponent]
      : Double(mantissa) / exactPowersOfTen[-decimalExponent]
    if magnitude.isFinite { return .value(negative ? -magnitude : magnitude) }
  }
  if exact, let magnitude = roundedDecimal(mantissa, powerOfTen: decimalExponent) {
    return .value(negative ? -magnitude : magnitude)
  }
  // The syntax is checked, so the standard library sees only a plain decimal.
  guard let value = Double(String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)) else {
    return .invalid
  }
  return value.isFinite ? .value(value) : .outOfRange
}
