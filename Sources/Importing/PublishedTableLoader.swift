import CSVReading
import CementModel
import Foundation

/// Reads a published table: a YAML description (citation, unit, column meanings, tolerance,
/// the statements of the text) and the CSV grid it names (a `year` column, one column per figure).
public struct PublishedTableLoader: Sendable {
  public typealias ReadFile = @Sendable (String) throws -> String
  private let read: ReadFile
  private let catalogue: FuelCatalogue

  public init(catalogue: FuelCatalogue = .standard, read: @escaping ReadFile) {
    self.catalogue = catalogue
    self.read = read
  }

  /// The series a column or a statement may name: an aggregate, a fuel of the catalogue,
  /// `electricity` or `calcination`.
  var knownSeries: [String] {
    var names: [String] = []
    for name in Aggregate.allCases.map(\.rawValue) + catalogue.definitions.map(\.fuel.id) + ["electricity", "calcination"] where !names.contains(name) {
      names.append(name)
    }
    return names
  }

  /// The selector `node` names, refused at its place unless it is a known series.
  func selector(_ node: ConfigNode, path: String) throws(MethodologyError) -> SeriesSelector {
    let text = try ConfigMapping.scalar(node, path: path)
    guard knownSeries.contains(text) else {
      throw MethodologyError(node.location, "unknown series '\(text)' for '\(path)'", hint: "allowed: \(knownSeries.joined(separator: ", "))")
    }
    return SeriesSelector(text)
  }

  static let keys = ["title", "citation", "methodology", "table", "unit", "tolerance", "columns", "statements"]
  static let units: [String: MeasurementUnit<CO2Mass>] = [
    "10^4tco2": .tenThousandTonnesCO2, "tco2": .tonnesCO2, "mtco2": .megatonnesCO2, "10^6tco2": .megatonnesCO2,
  ]

  /// Loads the description at `path` and the table beside it.
  public func load(path: String) throws(MethodologyError) -> PublishedTable {
    let text: String
    do { text = try read(path) } catch { throw MethodologyError(SourceLocation(file: path), "cannot read published table description: \(error)") }
    let top = try ConfigMapping(try ConfigNode.parse(yaml: text, file: path), path: "", allowed: Self.keys)
    let unitNode = try top.required("unit")
    let unitText = try ConfigMapping.scalar(unitNode, path: "unit")
    guard let unit = Self.units[UnitValue.normalise(unitText)] else {
      throw MethodologyError(unitNode.location, "unknown unit \"\(unitText)\" for a published table", hint: "accepted: 10^4 t CO2, t CO2, Mt CO2")
    }
    let tolerance = try Self.number(try top.required("tolerance"), path: "tolerance")
    let columns = try self.columns(try top.required("columns"))
    let tablePath = siblingPath(of: path, file: try top.string("table"))
    let cells = try self.cells(tablePath: tablePath, columns: columns)
    return PublishedTable(
      title: try top.string("title"), citation: try top.optionalString("citation") ?? "",
      methodology: try top.optionalString("methodology"), unit: unit, tolerance: tolerance, columns: columns, cells: cells,
      statements: try statements(top.optional("statements")), files: [path, tablePath])
  }

  private func columns(_ node: ConfigNode) throws(MethodologyError) -> [PublishedColumn] {
    guard case .mapping(let pairs, _) = node else {
      throw MethodologyError(node.location, "'columns' must map each table column to a figure (e.g. 'coal: coal', 'process: calcination')")
    }
    var columns: [PublishedColumn] = []
    for pair in pairs {
      columns.append(PublishedColumn(name: pair.key, selector: try selector(pair.value, path: "columns.\(pair.key)")))
    }
    return columns
  }

  private func cells(tablePath: String, columns: [PublishedColumn]) throws(MethodologyError) -> [PublishedCell] {
    let text: String
    do { text = try read(tablePath) } catch { throw MethodologyError(SourceLocation(file: tablePath), "cannot read published table: \(error)") }
    let rows: [CSVRow]
    do { rows = try CSVReader.parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text) } catch {
      throw MethodologyError(SourceLocation(file: tablePath, line: error.line, column: error.column), error.message)
    }
    guard let header = rows.first else { throw MethodologyError(SourceLocation(file: tablePath), "the published table is empty") }
    let names = header.fields.map { $0.text.trimmingCharacters(in: .whitespaces) }
    guard let yearIndex = names.firstIndex(where: { $0.lowercased() == "year" }) else {
      throw MethodologyError(SourceLocation(file: tablePath, line: header.line, column: 1), "the published table needs a 'year' column, found \(names.joined(separator: ", "))")
    }
    for column in columns where !names.contains(column.name) {
      throw MethodologyError(SourceLocation(file: tablePath, line: header.line), "column '\(column.name)' named in the description is not in the table")
    }
    var cells: [PublishedCell] = []
    var yearLines: [Int: Int] = [:]
    for row in rows.dropFirst() {
      guard yearIndex < row.fields.count else { continue }
      let yearField = row.fields[yearIndex]
      guard let year = Int(yearField.text.trimmingCharacters(in: .whitespaces)) else {
        throw MethodologyError(SourceLocation(file: tablePath, line: yearField.line, column: yearField.column), "expected a year, found \"\(yearField.text)\"")
      }
      if let earlier = yearLines[year] {
        throw MethodologyError(
          SourceLocation(file: tablePath, line: yearField.line, column: yearField.column),
          "\(year) appears twice in the published table: on line \(earlier) and on line \(yearField.line)",
          hint: "keep one row per year")
      }
      yearLines[year] = yearField.line
      for (index, field) in row.fields.enumerated() where index != yearIndex && index < names.count {
        guard columns.contains(where: { $0.name == names[index] }) else { continue }
        let text = field.text.trimmingCharacters(in: .whitespaces)
        guard let value = Double(text), value.isFinite else {
          throw MethodologyError(
            SourceLocation(file: tablePath, line: field.line, column: field.column),
            "expected a number in column \"\(names[index])\", found \"\(field.text)\"")
        }
        cells.append(PublishedCell(
          year: year, column: names[index], value: value, text: field.text,
          location: SourceLocation(file: tablePath, line: field.line, column: field.column)))
      }
    }
    guard !yearLines.isEmpty else {
      throw MethodologyError(
        SourceLocation(file: tablePath, line: header.line), "the published table has a header and no rows: nothing to verify",
        hint: "add one row per year below the header")
    }
    return cells
  }

  private func statements(_ node: ConfigNode?) throws(MethodologyError) -> [Statement] {
    guard let node else { return [] }
    guard case .sequence(let items, _) = node else {
      throw MethodologyError(node.location, "'statements' must be a list")
    }
    var result: [Statement] = []
    for (i, item) in items.enumerated() {
      let path = "statements[\(i + 1)]"
      let map = try ConfigMapping(item, path: path, allowed: ["id", "quote", "value", "share", "growth", "peak", "trough"])
      let kinds = ["value", "share", "growth", "peak", "trough"].filter { map.optional($0) != nil }
      guard kinds.count == 1, let kind = kinds.first, let body = map.optional(kind) else {
        throw MethodologyError(item.location, "\(path) must state exactly one of value, share, growth, peak, trough")
      }
      result.append(Statement(
        id: try map.optionalString("id") ?? "\(i + 1)", quote: try map.optionalString("quote") ?? "",
        claim: try claim(kind, body, path: "\(path).\(kind)"), location: item.location))
    }
    return result
  }

  private func claim(_ kind: String, _ node: ConfigNode, path: String) throws(MethodologyError) -> Statement.Claim {
    switch kind {
    case "value":
      let m = try ConfigMapping(node, path: path, allowed: ["series", "year", "stated", "tolerance"])
      return .value(
        try selector(try m.required("series"), path: path + ".series"), year: try MethodologyLoader.integer(try m.required("year"), path: path + ".year"),
        stated: try Self.number(try m.required("stated"), path: path + ".stated"),
        tolerance: try Self.number(try m.required("tolerance"), path: path + ".tolerance"))
    case "share":
      let m = try ConfigMapping(node, path: path, allowed: ["part", "of", "year", "stated", "tolerance"])
      return .share(
        try selector(try m.required("part"), path: path + ".part"), of: try selector(try m.required("of"), path: path + ".of"),
        year: try MethodologyLoader.integer(try m.required("year"), path: path + ".year"),
        statedPercent: try Self.number(try m.required("stated"), path: path + ".stated"),
        tolerance: try Self.number(try m.required("tolerance"), path: path + ".tolerance"))
    case "growth":
      let m = try ConfigMapping(node, path: path, allowed: ["series", "from", "to", "method", "stated", "tolerance"])
      return .growth(
        try selector(try m.required("series"), path: path + ".series"), from: try MethodologyLoader.integer(try m.required("from"), path: path + ".from"),
        to: try MethodologyLoader.integer(try m.required("to"), path: path + ".to"),
        method: try MethodologyLoader.choice(m, "method", GrowthMethod.self),
        statedPercent: try Self.number(try m.required("stated"), path: path + ".stated"),
        tolerance: try Self.number(try m.required("tolerance"), path: path + ".tolerance"))
    default:
      let m = try ConfigMapping(node, path: path, allowed: ["series", "year", "within"])
      let series = try selector(try m.required("series"), path: path + ".series")
      let year = try MethodologyLoader.integer(try m.required("year"), path: path + ".year")
      let within = try m.optional("within").map { n throws(MethodologyError) in try MethodologyLoader.years(n, path: path + ".within") }
      return kind == "peak" ? .peak(series, year: year, within: within) : .trough(series, year: year, within: within)
    }
  }

  static func number(_ node: ConfigNode, path: String) throws(MethodologyError) -> Double {
    let text = try ConfigMapping.scalar(node, path: path)
    guard let value = Double(text), value.isFinite else {
      throw MethodologyError(node.location, "'\(path)' must be a number, found \"\(text)\"")
    }
    return value
  }
}
