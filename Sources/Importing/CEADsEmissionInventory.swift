import CementModel
import XLSXReading

/// One province-year of CEADs' provincial emission inventory: the `Nonmetal Mineral Products`
/// row of one province sheet, every value in tonnes of CO₂ and traced to its cell
/// (`emission-inventory-30-provinces-2013.xlsx!Liaoning2013!B31`).
public struct CEADsEmissionRow: Sendable, Hashable {
  /// The province id (``CEADsImporter/provinceID(_:)``): `liaoning`, `innermongolia`.
  public let province: String
  public let year: Int
  /// The row's label as written: `Nonmetal Mineral Products`.
  public let label: String
  /// Where the row's label is: `file!Liaoning2013!A31`.
  public let location: SourceLocation
  /// Scope-1 combustion CO₂ by the catalogue's fuel (`raw_coal`, `cleaned_coal`, …,
  /// `natural_gas`, `other_energy`): one entry per fuel column of the sheet, nil where the cell
  /// is empty (flagged not available).
  public let combustion: [Fuel: Traced<Quantity<CO2Mass>?>]
  /// The `Scope 2 …` columns (`heat`, `electricity`), which CEADs leaves at zero: it counts no
  /// indirect emissions.
  public let scope2: [Fuel: Traced<Quantity<CO2Mass>?>]
  /// The row's `Process` column: cement process CO₂ (CEADs: 0.2906 t CO₂ per tonne of cement);
  /// nil when the sheet has no such column.
  public let process: Traced<Quantity<CO2Mass>?>?
  /// The row's `Scope 1 Total` as the sheet states it, when it has that column.
  public let statedTotal: Traced<Quantity<CO2Mass>?>?

  public init(
    province: String, year: Int, label: String, location: SourceLocation, combustion: [Fuel: Traced<Quantity<CO2Mass>?>],
    scope2: [Fuel: Traced<Quantity<CO2Mass>?>] = [:], process: Traced<Quantity<CO2Mass>?>?,
    statedTotal: Traced<Quantity<CO2Mass>?>? = nil
  ) {
    self.province = province
    self.year = year
    self.label = label
    self.location = location
    self.combustion = combustion
    self.scope2 = scope2
    self.process = process
    self.statedTotal = statedTotal
  }

  /// The sum of the combustion CO₂ of `fuels` (all of them when nil); empty cells count as zero.
  public func combustionTotal(of fuels: Set<Fuel>? = nil) -> Quantity<CO2Mass> {
    combustion.reduce(into: Quantity<CO2Mass>.zero) { sum, entry in
      if fuels?.contains(entry.key) ?? true, let value = entry.value.value { sum = sum + value }
    }
  }
}

/// What CEADs' emission inventories gave: one ``CEADsEmissionRow`` per province and year.
public struct CEADsEmissionInventory: Sendable {
  /// The workbooks read, as named in sources and messages.
  public let files: [String]
  /// Sorted by province id, then year.
  public let rows: [CEADsEmissionRow]
  /// Notes on the workbooks: sheets skipped, columns not read.
  public let findings: [Finding]

  public init(files: [String], rows: [CEADsEmissionRow], findings: [Finding]) {
    self.files = files
    self.rows = rows.sorted { ($0.province, $0.year) < ($1.province, $1.year) }
    self.findings = findings
  }

  /// The inventories of several workbooks (one per year, as CEADs publishes them) as one.
  public init(merging parts: [CEADsEmissionInventory]) {
    self.init(files: parts.flatMap(\.files), rows: parts.flatMap(\.rows), findings: parts.flatMap(\.findings))
  }

  /// The row of a province in a year, or nil.
  public subscript(province: String, year: Int) -> CEADsEmissionRow? {
    rows.first { $0.province == province && $0.year == year }
  }

  /// The province ids, in order.
  public var provinceIDs: [String] { Array(Set(rows.map(\.province))).sorted() }

  /// The years, in order.
  public var years: [Int] { Array(Set(rows.map(\.year))).sorted() }
}

extension CEADsImporter {
  /// Reads the `Nonmetal Mineral Products` row of every province sheet of a CEADs provincial
  /// emission inventory (`emission-inventory-30-provinces-YYYY.xlsx`, 1997–2019).
  ///
  /// The workbook has a `NOTE` sheet (`Unit/单位`: `Mt 百万吨`), then one sheet per province
  /// named `<Province><year>` (`Liaoning2013`). On each, row 1 names the energy types from
  /// column B (`Raw Coal` … `Natural Gas`, `Scope 2 Heat`, `Scope 2 Electricity`,
  /// `Other Energy`, `Process`, `Scope 1 Total`), row 2 gives each column's unit (`Mt CO2`), and
  /// column A labels `Total Consumption` and the 47 sectors; the `Process` column of the
  /// `Nonmetal Mineral Products` row holds the province's cement process CO₂.
  ///
  /// Fuel headers are matched against the fuel catalogue (names and aliases); a header the
  /// catalogue does not know is reported as an `unknown-column` warning and not read. Units
  /// are read per column, from the unit row, the header or the `NOTE` sheet; cells follow the
  /// yearbook importer's conventions (empty → not available, a dash → 0, no negative numbers).
  ///
  /// - Parameters:
  ///   - path: The workbook's path.
  ///   - file: The name to record in sources and messages; the path as given when nil.
  /// - Throws: ``ImportError`` when the workbook cannot be read, a province sheet has no fuel
  ///   header, no unit of CO₂ for a column, or no `Nonmetal Mineral Products` row, or a value is
  ///   not a number of zero or more.
  public func importEmissionInventory(path: String, file: String? = nil) throws(ImportError) -> CEADsEmissionInventory {
    let name = file ?? path
    return try emissionInventory(try Self.open(path: path, file: name), file: name)
  }

  /// Reads several workbooks (CEADs publishes one per year) and merges them.
  /// - Throws: The first workbook's ``ImportError``.
  public func importEmissionInventory(paths: [String]) throws(ImportError) -> CEADsEmissionInventory {
    var parts: [CEADsEmissionInventory] = []
    for path in paths { parts.append(try importEmissionInventory(path: path)) }
    return CEADsEmissionInventory(merging: parts)
  }

  /// As ``importEmissionInventory(path:file:)``, for a workbook already in memory.
  public func importEmissionInventory(bytes: [UInt8], file: String) throws(ImportError) -> CEADsEmissionInventory {
    try emissionInventory(try Self.open(bytes: bytes, file: file), file: file)
  }

  func emissionInventory(_ reader: XLSXWorkbookReader, file: String) throws(ImportError) -> CEADsEmissionInventory {
    var findings: [Finding] = []
    var noteUnit: CEADsCO2Unit?
    var rows: [CEADsEmissionRow] = []
    var seen: [String: String] = [:]
    for (index, name) in reader.sheetNames.enumerated() {
      guard let (province, year) = Self.provinceSheet(name) else {
        if TextForms.key(name) == "note" {
          noteUnit = CEADsCO2Unit.stated(in: CEADsCells(sheet: try Self.sheet(at: index, of: reader, file: file), file: file))
        } else {
          findings.append(Self.skipped(name, file: file, expected: "<Province><year>, such as Liaoning2013"))
        }
        continue
      }
      let key = "\(province) \(year)"
      if let earlier = seen[key] {
        throw ImportError(
          "sheets '\(earlier)' and '\(name)' both hold province \(province) in \(year)",
          at: SourceLocation(file: file, cell: CEADsCells.quoted(name)), hint: "keep one sheet per province and year")
      }
      seen[key] = name
      let cells = CEADsCells(sheet: try Self.sheet(at: index, of: reader, file: file), file: file)
      let sheet = try CEADsEmissionSheet(cells: cells, year: year, noteUnit: noteUnit, fuels: fuels)
      findings += sheet.findings
      rows.append(try sheet.row(province: province))
    }
    guard !rows.isEmpty else { throw Self.noSheets(reader, file: file, expected: "<Province><year>, such as Liaoning2013") }
    return CEADsEmissionInventory(files: [file], rows: rows, findings: findings)
  }
}

/// One province sheet of an emission inventory: its columns and their units.
struct CEADsEmissionSheet {
  enum Role: Equatable {
    case combustion(FuelDefinition)
    case scope2(FuelDefinition)
    case process
    case total
  }

  struct Column {
    let column: Int
    let role: Role
    let header: String
    let unit: CEADsCO2Unit
  }

  let cells: CEADsCells
  let year: Int
  let headerRow: Int
  let labelColumn: Int
  let columns: [Column]
  let findings: [Finding]

  /// The header is looked for in this many rows from the top.
  static let headerSearchRows = 20

  init(cells: CEADsCells, year: Int, noteUnit: CEADsCO2Unit?, fuels: NameIndex<FuelDefinition>) throws(ImportError) {
    self.cells = cells
    self.year = year
    let sheet = cells.sheet
    var found: (row: Int, roles: [(Int, Role, String)])?
    for row in 0..<min(sheet.rowCount, Self.headerSearchRows) {
      var roles: [(Int, Role, String)] = []
      for column in 0..<sheet.columnCount {
        guard let text = cells.text(row, column), let role = Self.role(text, fuels: fuels) else { continue }
        roles.append((column, role, TextForms.display(text)))
      }
      if roles.filter({ if case .combustion = $0.1 { true } else { false } }).count >= 2 {
        found = (row, roles)
        break
      }
    }
    guard let found else {
      throw ImportError(
        "sheet '\(sheet.name)' has no header row naming the fuels: expected a row such as Raw Coal, Cleaned Coal, Coke … "
          + "in its first \(Self.headerSearchRows) rows",
        at: cells.sheetLocation, hint: "CEADs' emission inventory names the energy types in row 1, from column B")
    }
    headerRow = found.row
    labelColumn = 0
    let unitRow = headerRow + 1 < sheet.rowCount ? headerRow + 1 : nil
    var columns: [Column] = [], findings: [Finding] = []
    var seen: [Fuel: Int] = [:]
    for (column, role, header) in found.roles {
      guard column != labelColumn else { continue }
      if case .combustion(let definition) = role {
        if let earlier = seen[definition.fuel] {
          throw ImportError(
            "columns \(CEADsCells.columnName(earlier)) and \(CEADsCells.columnName(column)) of sheet '\(sheet.name)' both hold "
              + EnergyLayoutReader.fuelName(definition), at: cells.location(headerRow, column), hint: "keep one column per fuel")
        }
        seen[definition.fuel] = column
      }
      let stated = [
        unitRow.flatMap { cells.text($0, column) }.flatMap { text in
          CEADsCO2Unit.unit(text).map { CEADsCO2Unit(unit: $0, text: TextForms.display(text), location: cells.location(unitRow!, column)) }
        },
        CEADsCO2Unit.bracketed(cells.text(headerRow, column) ?? "", at: cells.location(headerRow, column)),
        noteUnit,
      ].compactMap { $0 }
      guard let unit = stated.first else {
        throw ImportError(
          "no unit of CO₂ for column \"\(header)\" of sheet '\(sheet.name)'", at: cells.location(headerRow, column),
          hint: "CEADs writes the unit under the header (Mt CO2) and on the NOTE sheet (Mt 百万吨)")
      }
      if let other = stated.first(where: { $0.unit != unit.unit }) {
        throw ImportError(
          "two different units for column \"\(header)\" of sheet '\(sheet.name)': \(unit.text) (\(unit.location)) and \(other.text)",
          at: other.location, hint: "the units of the NOTE sheet, the unit row and the header must agree")
      }
      columns.append(Column(column: column, role: role, header: header, unit: unit))
    }
    let known = Set(found.roles.map(\.0))
    for column in 0..<sheet.columnCount where column != labelColumn && !known.contains(column) {
      guard let text = cells.text(headerRow, column) else { continue }
      findings.append(
        Finding(
          .warning, check: "unknown-column",
          "column \(CEADsCells.columnName(column)) \"\(TextForms.display(text))\" of sheet '\(sheet.name)' is not a fuel of the "
            + "catalogue; its values were not read", at: cells.location(headerRow, column), year: year))
    }
    self.columns = columns
    self.findings = findings
  }

  /// What a header names: a fuel of the catalogue, a `Scope 2 …` fuel, `Process` or `Scope 1 Total`.
  static func role(_ text: String, fuels: NameIndex<FuelDefinition>) -> Role? {
    let key = TextForms.key(text)
    if key == "process" || key.hasPrefix("process") { return .process }
    if key.hasPrefix("scope1total") || key == "total" || key == "totalemissions" { return .total }
    if key.hasPrefix("scope2") {
      return fuels.read(String(key.dropFirst("scope2".count))).name.map(Role.scope2)
    }
    guard let definition = fuels.read(text).name, definition.role != .total else { return nil }
    return .combustion(definition)
  }

  func row(province: String) throws(ImportError) -> CEADsEmissionRow {
    let sheet = cells.sheet
    let matches = (headerRow + 1..<max(headerRow + 1, sheet.rowCount)).filter { row in
      cells.text(row, labelColumn).map(Vocabulary.isNonMetallicIndustry) ?? false
    }
    guard let row = matches.first else {
      throw ImportError(
        "sheet '\(sheet.name)' has no row for \(Vocabulary.industryName)", at: cells.sheetLocation,
        hint: "CEADs labels the row Nonmetal Mineral Products in column A")
    }
    let label = TextForms.trim(cells.text(row, labelColumn) ?? "")
    var combustion: [Fuel: Traced<Quantity<CO2Mass>?>] = [:], scope2: [Fuel: Traced<Quantity<CO2Mass>?>] = [:]
    var process: Traced<Quantity<CO2Mass>?>?, total: Traced<Quantity<CO2Mass>?>?
    for column in columns {
      let value = try self.value(row, column, label: label)
      switch column.role {
      case .combustion(let definition): combustion[definition.fuel] = value
      case .scope2(let definition): scope2[definition.fuel] = value
      case .process: process = value
      case .total: total = value
      }
    }
    return CEADsEmissionRow(
      province: province, year: year, label: label, location: cells.location(row, labelColumn), combustion: combustion,
      scope2: scope2, process: process, statedTotal: total)
  }

  private func value(_ row: Int, _ column: Column, label: String) throws(ImportError) -> Traced<Quantity<CO2Mass>?> {
    let reading = try cells.reading(row, column.column, context: "column \"\(column.header)\"")
    let source = SourceRecord(
      location: cells.location(row, column.column), originalText: cells.written(row, column.column), originalUnit: column.unit.text,
      label: "\(label), \(column.header)")
    switch reading {
    case .notAvailable:
      return Traced(nil, sources: [source], steps: ["empty cell: not available"], flags: [.notAvailable])
    case .dash:
      return Traced(.zero, sources: [source], steps: ["read a dash as 0"])
    case .number(let value, let digits):
      let co2 = Quantity<CO2Mass>(value, column.unit.unit)
      guard co2.baseValue.isFinite else {
        throw ImportError("the number in column \"\(column.header)\" is too large: \"\(digits)\"", at: source.location)
      }
      return Traced(co2, sources: [source], steps: ["read \(digits) \(column.unit.text) = \(CEADsCells.grouped(co2.baseValue)) t CO₂"])
    }
  }
}
