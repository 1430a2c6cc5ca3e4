/// The largest row count of a worksheet (Excel 2007 and later).
public let maximumRowCount = 1_048_576
/// The largest column count of a worksheet (column `XFD`).
public let maximumColumnCount = 16_384

/// The letters of a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`.
public func columnName(_ column: Int) -> String {
  precondition(column >= 0, "column index must not be negative")
  // Built as ASCII bytes: a string of `Character`s costs several times more, and formulas need
  // thousands of names.
  var letters: [UInt8] = []
  var rest = column + 1  // bijective base 26: there is no zero digit
  while rest > 0 {
    let digit = (rest - 1) % 26
    letters.append(UInt8(65 + digit))
    rest = (rest - 1) / 26
  }
  letters.reverse()
  return String(decoding: letters, as: UTF8.self)
}

/// An A1 reference to a 0-based cell: (4, 2) → `C5`, or `$C$5` when `absolute`.
public func cellReference(row: Int, column: Int, absolute: Bool = false) -> String {
  precondition(row >= 0, "row index must not be negative")
  let dollar = absolute ? "$" : ""
  return "\(dollar)\(columnName(column))\(dollar)\(row + 1)"
}

/// A sheet name as it must appear before `!` in a formula: `Data` stays as it is,
/// `Totals and shares` becomes `'Totals and shares'` and `Bob's` becomes `'Bob''s'`.
///
/// Quotes are added unless the name is a plain identifier (ASCII letters, digits, `_`, `.`,
/// not starting with a digit or `.`) that Excel could not mistake for a cell reference
/// such as `A1` or `R1C1`. Quoting more than needed is always valid.
public func quotedSheetName(_ name: String) -> String {
  if isPlainSheetName(name) { return name }
  return "'" + name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
}

private func isPlainSheetName(_ name: String) -> Bool {
  let bytes = Array(name.utf8)
  guard let first = bytes.first, isLetter(first) || first == UInt8(ascii: "_") else { return false }
  guard bytes.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") })
  else { return false }
  return !looksLikeA1Reference(bytes) && !looksLikeR1C1Reference(bytes)
}

/// `A1`, `XFD1048576`, `ab12`: one to three letters followed only by digits.
private func looksLikeA1Reference(_ bytes: [UInt8]) -> Bool {
  let letters = bytes.prefix(while: isLetter)
  let rest = bytes.dropFirst(letters.count)
  return (1...3).contains(letters.count) && !rest.isEmpty && rest.allSatisfy(isDigit)
}

/// `R`, `C`, `R1C1`, `rc`, `R12`: the R1C1 notation Excel also accepts in names.
private func looksLikeR1C1Reference(_ bytes: [UInt8]) -> Bool {
  var rest = bytes[...]
  func take(_ letter: UInt8) -> Bool {
    guard let first = rest.first, first | 0x20 == letter else { return false }
    rest = rest.dropFirst()
    rest = rest.drop(while: isDigit)
    return true
  }
  let hadRow = take(UInt8(ascii: "r"))
  let hadColumn = take(UInt8(ascii: "c"))
  return (hadRow || hadColumn) && rest.isEmpty
}

private func isLetter(_ byte: UInt8) -> Bool {
  (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
}
private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

/// A rectangle of cells on a named sheet, as charts and formulas refer to it:
/// `'Totals and shares'!$A$2:$A$24`. Rows and columns are 0-based and inclusive.
public struct SheetRange: Sendable, Hashable, CustomStringConvertible {
  /// The worksheet's name, unquoted.
  public var sheet: String
  /// The top row, 0-based.
  public var firstRow: Int
  /// The left column, 0-based.
  public var firstColumn: Int
  /// The bottom row, 0-based and inclusive.
  public var lastRow: Int
  /// The right column, 0-based and inclusive.
  public var lastColumn: Int

  /// A range from (`firstRow`, `firstColumn`) to (`lastRow`, `lastColumn`), all 0-based.
  public init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
    self.sheet = sheet
    self.firstRow = firstRow
    self.firstColumn = firstColumn
    self.lastRow = lastRow
    self.lastColumn = lastColumn
  }

  /// The rows `rows` of one column: `SheetRange(sheet: "Data", column: 1, rows: 1...23)`.
  public init(sheet: String, column: Int, rows: ClosedRange<Int>) {
    self.init(
      sheet: sheet, firstRow: rows.lowerBound, firstColumn: column, lastRow: rows.upperBound, lastColumn: column)
  }

  /// The absolute reference with its quoted sheet name, e.g. `'Sheet name'!$A$2:$A$24`
  /// (a single cell is written once: `Data!$B$3`).
  public var reference: String {
    let first = cellReference(row: firstRow, column: firstColumn, absolute: true)
    let last = cellReference(row: lastRow, column: lastColumn, absolute: true)
    return quotedSheetName(sheet) + "!" + (first == last ? first : "\(first):\(last)")
  }

  /// Same as ``reference``.
  public var description: String { reference }

  /// Why the range cannot be used, or nil when it is valid.
  var problem: String? {
    if sheet.isEmpty { return "the range has no sheet name" }
    if min(firstRow, lastRow, firstColumn, lastColumn) < 0 {
      return "range rows/columns (\(firstRow)...\(lastRow), \(firstColumn)...\(lastColumn)) include a negative index"
    }
    if max(firstRow, lastRow) >= maximumRowCount || max(firstColumn, lastColumn) >= maximumColumnCount {
      return "range rows/columns (\(firstRow)...\(lastRow), \(firstColumn)...\(lastColumn)) exceed the sheet"
    }
    if firstRow > lastRow || firstColumn > lastColumn { return "range \(self) ends before it starts" }
    return nil
  }
}
