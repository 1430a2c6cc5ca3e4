/// A small evaluator of the Excel formulas the renderer writes (`+ - * / ^`, parentheses,
/// `SUM`, `MAX`, `MIN`, numbers, A1 references with an optional sheet), over a dictionary of
/// cell values: the check that a rendered formula computes what the expression computes,
/// without LibreOffice.
public struct FormulaEvaluator: Sendable {
  /// Cell values by `Sheet!A1` (sheet unquoted, references without `$`).
  public var cells: [String: Double]
  /// The sheet a reference without a sheet name belongs to.
  public var currentSheet: String

  /// An evaluator over `cells`, for formulas of `currentSheet`.
  public init(cells: [String: Double], currentSheet: String) {
    self.cells = cells
    self.currentSheet = currentSheet
  }

  /// A formula the evaluator cannot read, or a cell it does not have.
  public struct Failure: Error, CustomStringConvertible {
    public let description: String
    /// A failure described for people.
    public init(description: String) { self.description = description }
  }

  /// The value of `formula` (with or without its leading `=`).
  public func evaluate(_ formula: String) throws -> Double {
    var parser = Parser(bytes: Array(formula.utf8), evaluator: self)
    if parser.peek == UInt8(ascii: "=") { parser.index += 1 }
    let value = try parser.sum()
    guard parser.index == parser.bytes.count else { throw Failure(description: "unparsed text at \(parser.index) in \(formula)") }
    return value
  }

  func cell(_ sheet: String, _ reference: String) throws -> Double {
    guard let value = cells["\(sheet)!\(reference)"] else { throw Failure(description: "no cell \(sheet)!\(reference)") }
    return value
  }

  /// Every cell of a range, in row-major order.
  func range(_ sheet: String, _ first: String, _ last: String) throws -> [Double] {
    let (r1, c1) = try Self.coordinates(first)
    let (r2, c2) = try Self.coordinates(last)
    var values: [Double] = []
    for row in r1...r2 {
      for column in c1...c2 { values.append(try cell(sheet, Self.name(row: row, column: column))) }
    }
    return values
  }

  static func coordinates(_ reference: String) throws -> (row: Int, column: Int) {
    var column = 0
    var row = 0
    for byte in reference.utf8 {
      if byte >= 65 && byte <= 90 { column = column * 26 + Int(byte - 64) } else if byte >= 48 && byte <= 57 { row = row * 10 + Int(byte - 48) }
    }
    guard row > 0, column > 0 else { throw Failure(description: "bad reference \(reference)") }
    return (row, column)
  }

  /// `B12` for the 1-based row 12 and column 2.
  public static func name(row: Int, column: Int) -> String {
    var letters = ""
    var rest = column
    while rest > 0 {
      letters = String(UnicodeScalar(UInt8(65 + (rest - 1) % 26))) + letters
      rest = (rest - 1) / 26
    }
    return "\(letters)\(row)"
  }

  struct Parser {
    let bytes: [UInt8]
    let evaluator: FormulaEvaluator
    var index = 0

    init(bytes: [UInt8], evaluator: FormulaEvaluator) {
      self.bytes = bytes
      self.evaluator = evaluator
    }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func sum() throws -> Double {
      var value = try product()
      while let c = peek, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
        index += 1
        let rhs = try product()
        value = c == UInt8(ascii: "+") ? value + rhs : value - rhs
      }
      return value
    }

    mutating func product() throws -> Double {
      var value = try power()
      while let c = peek, c == UInt8(ascii: "*") || c == UInt8(ascii: "/") {
        index += 1
        let rhs = try power()
        value = c == UInt8(ascii: "*") ? value * rhs : value / rhs
      }
      return value
    }

    mutating func power() throws -> Double {
      let base = try unary()
      if peek == UInt8(ascii: "^") {
        index += 1
        let exponent = try unary()
        return pow(base, exponent)
      }
      return base
    }

    mutating func unary() throws -> Double {
      if peek == UInt8(ascii: "-") {
        index += 1
        return -(try unary())
      }
      return try atom()
    }

    mutating func atom() throws -> Double {
      guard let c = peek else { throw Failure(description: "formula ends early") }
      if c == UInt8(ascii: "(") {
        index += 1
        let value = try sum()
        try expect(UInt8(ascii: ")"))
        return value
      }
      if (c >= 48 && c <= 57) || c == UInt8(ascii: ".") { return try number() }
      let name = word()
      if peek == UInt8(ascii: "(") , ["SUM", "MAX", "MIN"].contains(name) {
        index += 1
        var values: [Double] = []
        while true {
          values += try argument()
          if peek == UInt8(ascii: ",") { index += 1; continue }
          try expect(UInt8(ascii: ")"))
          break
        }
        switch name {
        case "SUM": return values.reduce(0, +)
        case "MAX": return values.max() ?? 0
        default: return values.min() ?? 0
        }
      }
      let (sheet, first) = try reference(startingWith: name)
      if peek == UInt8(ascii: ":") {
        index += 1
        let last = word().replacingDollars
        let values = try evaluator.range(sheet, first, last)
        guard values.count == 1 else { throw Failure(description: "range outside a function") }
        return values[0]
      }
      return try evaluator.cell(sheet, first)
    }

    /// One argument of a function: a range or an expression.
    mutating func argument() throws -> [Double] {
      let start = index
      if let c = peek, c == UInt8(ascii: "'") || (c >= 65 && c <= 90) || c == UInt8(ascii: "$") {
        let name = word()
        if let (sheet, first) = try? reference(startingWith: name), peek == UInt8(ascii: ":") {
          index += 1
          let last = word().replacingDollars
          return try evaluator.range(sheet, first, last)
        }
        index = start
      }
      return [try sum()]
    }

    mutating func reference(startingWith name: String) throws -> (sheet: String, cell: String) {
      if peek == UInt8(ascii: "!") {
        index += 1
        let cell = word().replacingDollars
        return (name, cell)
      }
      return (evaluator.currentSheet, name.replacingDollars)
    }

    /// A word: letters, digits, `$`, `_`, `.`, or a quoted sheet name (returned unquoted).
    mutating func word() -> String {
      if peek == UInt8(ascii: "'") {
        index += 1
        var out: [UInt8] = []
        while index < bytes.count {
          if bytes[index] == UInt8(ascii: "'") {
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "'") {
              out.append(UInt8(ascii: "'"))
              index += 2
              continue
            }
            index += 1
            break
          }
          out.append(bytes[index])
          index += 1
        }
        return String(decoding: out, as: UTF8.self)
      }
      let start = index
      while let c = peek, (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == UInt8(ascii: "$") || c == UInt8(ascii: "_") || c == UInt8(ascii: ".") || c >= 0x80 {
        index += 1
      }
      return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    mutating func number() throws -> Double {
      let start = index
      while let c = peek, (c >= 48 && c <= 57) || c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
        || ((c == UInt8(ascii: "-") || c == UInt8(ascii: "+")) && index > start && (bytes[index - 1] == UInt8(ascii: "e") || bytes[index - 1] == UInt8(ascii: "E")))
      {
        index += 1
      }
      guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else { throw Failure(description: "bad number") }
      return value
    }

    mutating func expect(_ byte: UInt8) throws {
      guard peek == byte else { throw Failure(description: "expected \(UnicodeScalar(byte)) at \(index)") }
      index += 1
    }
  }
}

extension String {
  fileprivate var replacingDollars: String { String(self.utf8.filter { $0 != UInt8(ascii: "$") }.map { Character(UnicodeScalar($0)) }) }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
