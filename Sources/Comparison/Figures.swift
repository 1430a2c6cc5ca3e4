import Accounting
import CementModel
import Foundation

/// Which figure of an account: `liaoning, 2013, combustion, coal`. The same key names the same
/// figure in `emissions.csv` and in an `Account`.
public struct FigureKey: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let province: String
  public let year: Int
  /// `combustion`, `electricity` or `process`.
  public let scope: String
  /// The fuel id, `electricity` or `calcination`.
  public let source: String

  public init(province: String, year: Int, scope: String, source: String) {
    self.province = province
    self.year = year
    self.scope = scope
    self.source = source
  }

  /// Province, year, scope in reporting order (combustion, electricity, process), then the
  /// fuels in catalogue order.
  public static func < (a: FigureKey, b: FigureKey) -> Bool {
    (a.province, a.year, scopeRank(a.scope), sourceRank(a.source), a.source) < (b.province, b.year, scopeRank(b.scope), sourceRank(b.source), b.source)
  }

  static func scopeRank(_ scope: String) -> Int { Scope.allCases.firstIndex { $0.rawValue == scope } ?? Scope.allCases.count }
  static func sourceRank(_ source: String) -> Int {
    FuelCatalogue.standard.definitions.firstIndex { $0.fuel.id == source } ?? FuelCatalogue.standard.definitions.count
  }

  public var description: String { "\(province) \(year) \(scope) \(source)" }
}

/// Every figure of one account in tonnes of CO₂, as `emissions.csv` holds them.
public struct FigureTable: Sendable, Hashable {
  public let province: String
  public let methodology: String
  public var values: [FigureKey: Double]
  /// The flags of each figure (`carried-forward;derived`).
  public var flags: [FigureKey: String]

  public init(province: String, methodology: String, values: [FigureKey: Double], flags: [FigureKey: String] = [:]) {
    self.province = province
    self.methodology = methodology
    self.values = values
    self.flags = flags
  }

  /// The figures of an account, exactly as `emissions.csv` writes them.
  public init(account: Account) {
    var values: [FigureKey: Double] = [:]
    var flags: [FigureKey: String] = [:]
    for year in account.years {
      for entry in year.entries {
        let key = FigureKey(province: account.province, year: entry.year, scope: entry.scope.rawValue, source: entry.source)
        values[key, default: 0] += entry.emissions.value(in: .tonnesCO2)
        flags[key] = entry.calculation.flags.sorted().map(\.rawValue).joined(separator: ";")
      }
    }
    self.init(province: account.province, methodology: account.methodology.name, values: values, flags: flags)
  }

  public var years: [Int] { Set(values.keys.map(\.year)).sorted() }

  /// The sum of a year's figures, of one scope or (nil) of all.
  public func total(year: Int, scope: String?) -> Double {
    values.filter { $0.key.year == year && (scope == nil || $0.key.scope == scope) }.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
  }

  /// Reads `emissions.csv` (`province,methodology,year,scope,source,tco2,flags`).
  public static func parse(csv text: String, file: String) throws(ComparisonError) -> FigureTable {
    let rows = try CSVText.rows(text, file: file)
    guard let header = rows.first else { throw ComparisonError(file: file, "the file is empty", hint: "pass a folder written by 'cement-accounts run'") }
    let expected = ["province", "methodology", "year", "scope", "source", "tco2", "flags"]
    guard header.fields == expected else {
      throw ComparisonError(
        file: file, line: header.line, column: 1, "expected the header \(expected.joined(separator: ",")), found \(header.fields.joined(separator: ","))",
        hint: "pass a folder written by 'cement-accounts run'")
    }
    var values: [FigureKey: Double] = [:]
    var flags: [FigureKey: String] = [:]
    var province: String?
    var methodology: String?
    for row in rows.dropFirst() {
      guard row.fields.count == expected.count else {
        throw ComparisonError(file: file, line: row.line, column: 1, "expected \(expected.count) fields, found \(row.fields.count)")
      }
      let f = row.fields
      guard let year = Int(f[2]) else { throw ComparisonError(file: file, line: row.line, column: 3, "expected a year, found \"\(f[2])\"") }
      guard let tonnes = Double(f[5]), tonnes.isFinite else {
        throw ComparisonError(file: file, line: row.line, column: 6, "expected tonnes of CO₂, found \"\(f[5])\"")
      }
      guard Scope(rawValue: f[3]) != nil else {
        throw ComparisonError(file: file, line: row.line, column: 4, "unknown scope \"\(f[3])\"", hint: "scopes: combustion, electricity, process")
      }
      if let p = province, p != f[0] {
        throw ComparisonError(file: file, line: row.line, column: 1, "a second province \"\(f[0])\" (the file began with \"\(p)\")")
      }
      province = f[0]
      methodology = methodology ?? f[1]
      let key = FigureKey(province: f[0], year: year, scope: f[3], source: f[4])
      guard values[key] == nil else { throw ComparisonError(file: file, line: row.line, column: 1, "\(key) is given twice") }
      values[key] = tonnes
      flags[key] = f[6]
    }
    return FigureTable(province: province ?? "", methodology: methodology ?? "", values: values, flags: flags)
  }
}

/// A small RFC 4180 reader for the files this tool writes itself.
enum CSVText {
  struct Row {
    let line: Int
    let fields: [String]
  }

  static func rows(_ text: String, file: String) throws(ComparisonError) -> [Row] {
    var rows: [Row] = []
    var fields: [String] = []
    var field = ""
    var quoted = false
    var afterQuote = false
    var line = 1
    var rowLine = 1
    var iterator = Array(text.unicodeScalars).makeIterator()
    var pending: Unicode.Scalar? = nil
    func next() -> Unicode.Scalar? {
      if let p = pending { pending = nil; return p }
      return iterator.next()
    }
    while let c = next() {
      if quoted {
        if c == "\"" {
          if let n = iterator.next() {
            if n == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; afterQuote = true; pending = n }
          } else {
            quoted = false
          }
        } else {
          if c == "\n" { line += 1 }
          field.unicodeScalars.append(c)
        }
        continue
      }
      switch c {
      case "\"":
        guard field.isEmpty, !afterQuote else { throw ComparisonError(file: file, line: line, column: fields.count + 1, "a stray quote") }
        quoted = true
      case ",":
        fields.append(field); field = ""; afterQuote = false
      case "\r": continue
      case "\n":
        fields.append(field)
        if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
        fields = []; field = ""; afterQuote = false
        line += 1
        rowLine = line
      default:
        field.unicodeScalars.append(c)
      }
    }
    if quoted { throw ComparisonError(file: file, line: rowLine, column: fields.count + 1, "a quoted field is not closed") }
    if !field.isEmpty || !fields.isEmpty {
      fields.append(field)
      rows.append(Row(line: rowLine, fields: fields))
    }
    return rows
  }
}

/// A comparison that cannot be made, with the file and place when one is to blame.
public struct ComparisonError: Error, Sendable, CustomStringConvertible {
  public let location: SourceLocation?
  public let message: String
  public let hint: String?

  public init(file: String? = nil, line: Int? = nil, column: Int? = nil, _ message: String, hint: String? = nil) {
    self.location = file.map { SourceLocation(file: $0, line: line, column: column) }
    self.message = message
    self.hint = hint
  }

  public var description: String {
    (location.map { "\($0): " } ?? "") + "error: \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
  }
}
