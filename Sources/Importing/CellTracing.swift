import CementModel
import Foundation

/// Reads one value cell under a unit and records where it came from and what was done to it.
struct CellTracer {
  let table: YearbookTable

  /// The amount in `cell`, read in `unit`, with its source and a step such as
  /// `read 123.4 万吨 = 1 234 000 t`; nil (flagged not available) for an empty or `…` cell.
  /// - Parameter context: How the cell is named in an error: `column "Coke (10 000 t)"`.
  func amount(_ cell: TableCell, unit: WrittenUnit, label: String, context: String) throws(ImportError) -> Traced<ActivityAmount?> {
    let source = SourceRecord(location: table.location(cell), originalText: cell.text, originalUnit: unit.text, label: label)
    let reading = try read(cell, context: context)
    switch reading {
    case .notAvailable:
      let step = cell.isBlank ? "empty cell: not available" : "read \"\(TextForms.trim(cell.text))\" as not available"
      return Traced(nil, sources: [source], steps: [step], flags: [.notAvailable])
    case .dash:
      let step = "read \"\(TextForms.trim(cell.text))\" (none) as 0 \(unit.text) = 0 \(Self.baseSymbol(unit.unit.dimension))"
      return Traced(unit.unit.amount(0), sources: [source], steps: [step])
    case .number(let value, let digits):
      let amount = unit.unit.amount(value)
      guard amount.baseValue.isFinite else { throw problem(.tooLarge, cell: cell, context: context) }
      let step = "read \(digits) \(unit.text) = \(Self.grouped(amount.baseValue)) \(Self.baseSymbol(unit.unit.dimension))"
      return Traced(amount, sources: [source], steps: [step])
    }
  }

  /// The cell's reading, or an error naming the cell, its column and the text found.
  func read(_ cell: TableCell, context: String) throws(ImportError) -> CellReading {
    do {
      return try CellReader.read(cell.text)
    } catch {
      throw problem(error, cell: cell, context: context)
    }
  }

  private func problem(_ problem: CellProblem, cell: TableCell, context: String) -> ImportError {
    let found = TextForms.trim(cell.text)
    switch problem {
    case .notANumber:
      return ImportError(
        "expected a number in \(context), found \"\(found)\"", at: table.location(cell),
        hint: "write a plain number (1234.5 or 1,234.5); leave the cell empty or write … when the value is not available, - when it is zero")
    case .negative:
      return ImportError(
        "expected a number of zero or more in \(context), found \"\(found)\"", at: table.location(cell),
        hint: "amounts cannot be negative; check the sign in the source table")
    case .tooLarge:
      return ImportError("the number in \(context) is too large: \"\(found)\"", at: table.location(cell))
    }
  }

  static func baseSymbol(_ dimension: ActivityDimension) -> String {
    switch dimension {
    case .mass: Mass.baseSymbol
    case .gasVolume: GasVolume.baseSymbol
    case .electricity: ElectricEnergy.baseSymbol
    case .heat: HeatEnergy.baseSymbol
    case .coalEquivalent: CoalEquivalent.baseSymbol
    }
  }

  /// `1234000` → `1 234 000`; at most six decimals, trailing zeros dropped.
  static func grouped(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    // Worked on as ASCII bytes: every value read is recorded this way.
    var text = Array(fixedSixDecimals(value).utf8)
    while text.last == UInt8(ascii: "0") { text.removeLast() }
    if text.last == UInt8(ascii: ".") { text.removeLast() }
    let negative = text.first == UInt8(ascii: "-")
    if negative { text.removeFirst() }
    let point = text.firstIndex(of: UInt8(ascii: ".")) ?? text.endIndex
    var grouped: [UInt8] = []
    for (offset, digit) in text[..<point].enumerated() {
      if offset > 0 && (point - offset) % 3 == 0 { grouped.append(UInt8(ascii: " ")) }
      grouped.append(digit)
    }
    grouped += text[point...]
    let isZero = grouped == [UInt8(ascii: "0")]
    return (negative && !isZero ? "-" : "") + String(decoding: grouped, as: UTF8.self)
  }

  /// `String(format: "%.6f", value)` straight from the C library: Foundation's formatting costs
  /// more than the rest of the import of a cell. Any finite double fits in 400 bytes.
  private static func fixedSixDecimals(_ value: Double) -> String {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buffer in
      _ = withVaList([value]) { vsnprintf(buffer.baseAddress, buffer.count, "%.6f", $0) }
      return String(cString: buffer.baseAddress!)
    }
  }
}
