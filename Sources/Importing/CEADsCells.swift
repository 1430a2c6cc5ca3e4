import CementModel
import XLSXReading

/// Reads the cells of one worksheet by the yearbook importer's conventions and names them the
/// way spreadsheets do: `file!Liaoning2013!B30`.
struct CEADsCells {
  let sheet: XLSXSheet
  let file: String
  /// The sheet's name as it stands in a location, quoted when it is not a plain word.
  let sheetReference: String

  init(sheet: XLSXSheet, file: String) {
    self.sheet = sheet
    self.file = file
    sheetReference = Self.quoted(sheet.name)
  }

  /// The text of a cell, or nil when it is empty or not text.
  func text(_ row: Int, _ column: Int) -> String? {
    if case .text(let text)? = sheet[row, column], !TextForms.trim(text).isEmpty { return text }
    return nil
  }

  /// The cell as written: text as it is, a number as the cell holds it (`226.76118459471232`),
  /// `TRUE`, `#N/A`; empty for an empty cell.
  func written(_ row: Int, _ column: Int) -> String {
    sheet[row, column]?.description ?? ""
  }

  /// `Liaoning2013!B30`.
  func reference(_ row: Int, _ column: Int) -> String {
    sheetReference + "!" + XLSXSheet.cellReference(row: row, column: column)
  }

  func location(_ row: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: file, cell: reference(row, column))
  }

  /// The sheet as a whole: `file!Liaoning2013`.
  var sheetLocation: SourceLocation { SourceLocation(file: file, cell: sheetReference) }

  /// The column's letters, for messages: `B`.
  static func columnName(_ column: Int) -> String {
    String(XLSXSheet.cellReference(row: 0, column: column).dropLast())
  }

  // MARK: - Values

  /// What a value cell says. A stored number of zero or more is taken as it is; anything else
  /// (text, a negative number, `TRUE`, `#N/A`) is read as a yearbook CSV cell is, with the same
  /// messages, placed at the cell.
  /// - Parameter context: How the cell is named in an error: `column "Coke"`.
  func reading(_ row: Int, _ column: Int, context: String) throws(ImportError) -> CellReading {
    let cell = sheet[row, column]
    if case .number(let value)? = cell, value >= 0, value.isFinite {
      return .number(value, digits: cell!.description)
    }
    do {
      return try tracer.read(tableCell(row, column), context: context)
    } catch {
      throw relocated(error, row, column)
    }
  }

  /// The amount in a cell, read in `unit`, with its source (`file!Sheet!B30`, the cell as
  /// written, the unit as written, the header) and the step the yearbook importer records
  /// (`read 226.76 10^4 ton = 2 267 600 t`); nil, flagged not available, for an empty cell.
  /// - Parameters:
  ///   - cell: The cell's A1 reference, `B30`.
  ///   - label: The column's header, for the source and for messages (`column "Coke"`).
  func amount(_ row: Int, _ column: Int, cell reference: String, unit: WrittenUnit, label: String) throws(ImportError)
    -> Traced<ActivityAmount?>
  {
    let location = SourceLocation(file: file, cell: sheetReference + "!" + reference)
    let cell = sheet[row, column]
    // Nearly every cell: a number as Excel stores it, read without going through text.
    if case .number(let value)? = cell, value >= 0 {
      let amount = unit.unit.amount(value)
      if amount.baseValue.isFinite {
        let written = cell!.description
        let base = Self.grouped(amount.baseValue)
        let step = "read " + written + " " + unit.text + " = " + base + " " + CellTracer.baseSymbol(unit.unit.dimension)
        let source = SourceRecord(location: location, originalText: written, originalUnit: unit.text, label: label)
        return Traced(amount, sources: [source], steps: [step])
      }
    }
    let source = SourceRecord(location: location, originalText: written(row, column), originalUnit: unit.text, label: label)
    do {
      var traced = try tracer.amount(tableCell(row, column), unit: unit, label: label, context: "column \"\(label)\"")
      traced.sources = [source]
      return traced
    } catch {
      throw ImportError(error.message, at: location, hint: error.hint)
    }
  }

  /// The yearbook importer's cell reader; its locations (line and column) are replaced by the
  /// cell reference.
  private var tracer: CellTracer { CellTracer(table: YearbookTable(file: file, encoding: "xlsx", rows: [])) }

  private func tableCell(_ row: Int, _ column: Int) -> TableCell {
    TableCell(text: written(row, column), line: row + 1, column: column + 1)
  }

  private func relocated(_ error: ImportError, _ row: Int, _ column: Int) -> ImportError {
    ImportError(error.message, at: location(row, column), hint: error.hint)
  }

  /// `CellTracer.grouped(value)` (`%.6f`, trailing zeros dropped, thousands grouped by
  /// spaces: `2267611.8459471232` → `2 267 611.845947`), several times faster: a value from 0
  /// to 10¹³ is rounded to millionths exactly in integers, ties to even as the C library does;
  /// anything else is left to `CellTracer.grouped`. Every value of an energy sheet gets a step
  /// with its amount in base units, and formatting them was most of the importer's own time.
  static func grouped(_ value: Double) -> String {
    guard value >= 0, value < 1e13 else { return CellTracer.grouped(value) }
    guard let millionths = roundedMillionths(value) else { return CellTracer.grouped(value) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(24)
    let integer = millionths / 1_000_000
    var fraction = millionths % 1_000_000
    // The integer part, grouped by three.
    let digits = Array(String(integer).utf8)
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { bytes.append(0x20) }
      bytes.append(digit)
    }
    if fraction > 0 {
      var places = 6
      while fraction % 10 == 0 {
        fraction /= 10
        places -= 1
      }
      bytes.append(0x2E)
      var decimals = [UInt8](repeating: 0x30, count: places)
      for index in decimals.indices.reversed() {
        decimals[index] = 0x30 + UInt8(fraction % 10)
        fraction /= 10
      }
      bytes += decimals
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `value` × 10⁶ rounded to the nearest integer, ties to even, computed exactly from the
  /// double's significand and exponent; nil for a value that is not finite and non-negative.
  static func roundedMillionths(_ value: Double) -> UInt64? {
    guard value.isFinite, value >= 0, value < 1e13 else { return nil }
    if value == 0 { return 0 }
    let exponentBits = Int(value.exponentBitPattern)
    let significand: UInt64 = exponentBits == 0 ? value.significandBitPattern : (1 << 52) | value.significandBitPattern
    let exponent = (exponentBits == 0 ? 1 : exponentBits) - 1075
    if exponent >= 0 { return (significand << UInt64(exponent)) * 1_000_000 }  // an integer below 10¹³
    let shift = -exponent
    // significand × 10⁶ < 2⁷³: 128 bits as (high, low).
    let (high, low) = significand.multipliedFullWidth(by: 1_000_000)
    guard shift < 74 else { return 0 }  // below one half
    let quotient: UInt64, remainderAboveHalf: Bool, remainderIsHalf: Bool
    if shift < 64 {
      quotient = (high << UInt64(64 - shift)) | (low >> UInt64(shift))
      let remainder = low & ((1 << UInt64(shift)) - 1), half: UInt64 = 1 << UInt64(shift - 1)
      (remainderAboveHalf, remainderIsHalf) = (remainder > half, remainder == half)
    } else if shift == 64 {
      quotient = high
      (remainderAboveHalf, remainderIsHalf) = (low > 1 << 63, low == 1 << 63)
    } else {
      quotient = high >> UInt64(shift - 64)
      let remainderHigh = high & ((1 << UInt64(shift - 64)) - 1), halfHigh: UInt64 = 1 << UInt64(shift - 65)
      remainderAboveHalf = remainderHigh > halfHigh || (remainderHigh == halfHigh && low > 0)
      remainderIsHalf = remainderHigh == halfHigh && low == 0
    }
    return remainderAboveHalf || (remainderIsHalf && quotient & 1 == 1) ? quotient + 1 : quotient
  }

  // MARK: - Names

  /// `Liaoning2013` stays as it is; any other name is quoted as Excel quotes it in formulas
  /// (`'Inner Mongolia 2013'`, inner quotes doubled), so the `!` separators stay unambiguous.
  /// The same rule as `XLSXReadError.location`.
  static func quoted(_ name: String) -> String {
    let plain = !name.isEmpty && name.utf8.allSatisfy { byte in
      (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte | 0x20) || byte == 0x5F || byte == 0x2E
    }
    if plain { return name }
    return "'" + name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
  }
}

/// Readings of texts that repeat on every sheet of a workbook (the fuel header, the unit row,
/// the sector labels), each worked out once per import. Used by one import on one thread.
final class CEADsTextCache {
  let fuels: NameIndex<FuelDefinition>
  private var headers: [String: LabelReading<FuelDefinition>] = [:]
  private var units: [String: CEADsUnit?] = [:]
  private var sectors: [String: Bool] = [:]
  /// The layout of the last sheet read; the next sheet usually has it too.
  var layout: CEADsLayout?
  /// The label column of the last sheet read and the rows in it that name the sector.
  var labels: (sector: CEADsSector, labelColumn: Int, rows: Range<Int>, cells: [XLSXCell?], matches: [Int])?
  private var roles: [String: ColumnRole?] = [:]

  init(fuels: NameIndex<FuelDefinition>) { self.fuels = fuels }

  /// What a header cell names (a fuel, with any unit written in it).
  func header(_ text: String) -> LabelReading<FuelDefinition> {
    if let reading = headers[text] { return reading }
    let reading = fuels.read(text)
    headers[text] = reading
    return reading
  }

  /// `Energy_inventory` → label, `unit` → unit.
  func role(_ text: String) -> ColumnRole? {
    if let role = roles[text] { return role }
    let role = Vocabulary.columnRoles.name(of: text)
    roles[text] = role
    return role
  }

  /// The unit a unit-row cell names; nil when it names none.
  func unit(_ text: String) -> CEADsUnit? {
    if let unit = units[text] { return unit }
    let unit = CEADsUnit.read(text)
    units[text] = unit
    return unit
  }

  /// Whether a label is the sector's.
  func matches(_ sector: CEADsSector, _ label: String) -> Bool {
    if let match = sectors[label] { return match }
    let match = sector.matches(label)
    sectors[label] = match
    return match
  }
}

/// A unit as a CEADs unit row writes it.
struct CEADsUnit: Hashable {
  /// The unit as written (`10^4 ton`, `1010 kj`) and what it stands for.
  let written: WrittenUnit
  /// The spelling it was read as, when the text had lost the `^` of a power of ten
  /// (`1010 kj` → `10^10 kj`, in the 2021 and 2022 workbooks); nil when read as written.
  let readAs: String?

  /// The unit `text` names (see `UnitReading`), or, when it names none, the unit it names once
  /// a lost `^` is put back: `10` followed by a one- or two-digit power and a unit word.
  static func read(_ text: String) -> CEADsUnit? {
    let trimmed = TextForms.trim(text)
    if let unit = UnitReading.parse(trimmed) { return CEADsUnit(written: WrittenUnit(text: trimmed, unit: unit), readAs: nil) }
    guard let repaired = restoredPower(trimmed), let unit = UnitReading.parse(repaired) else { return nil }
    return CEADsUnit(written: WrittenUnit(text: trimmed, unit: unit), readAs: repaired)
  }

  /// `1010 kj` → `10^10 kj`, `104 ton` → `10^4 ton`; nil for anything else.
  static func restoredPower(_ text: String) -> String? {
    guard text.hasPrefix("10") else { return nil }
    let rest = text.dropFirst(2)
    let power = rest.prefix { TextForms.isDigit($0) }
    guard (1...2).contains(power.count), power.first != "0", let next = rest.dropFirst(power.count).first,
      !TextForms.isDigit(next), next != "^", next != "."
    else { return nil }
    return "10^" + power + rest.dropFirst(power.count)
  }
}
