import CementModel

/// A fuel column of an energy table: which fuel, how its header reads, and its unit.
struct FuelColumn: Sendable {
  let column: Int
  let definition: FuelDefinition
  /// The header as written, all header rows joined: `焦炭(万吨) Coke (10 000 t)`.
  let header: String
  /// The first header cell naming the fuel, for messages.
  let headerCell: TableCell
  let unit: WrittenUnit
}

/// Where things are in an energy-by-industry table.
struct EnergyLayout: Sendable {
  /// The rows above the header: title, table number, unit lines.
  let titleRows: [TableRow]
  let fuelColumns: [FuelColumn]
  /// Columns holding the industry labels (Chinese, English, code).
  let labelColumns: [Int]
  let yearColumn: Int?
  /// The header cell of the year column, for messages.
  let yearHeader: String?
  /// Columns with any header text (fuel, label, year or unknown).
  let headedColumns: Set<Int>
  /// The index of the first row below the header and unit rows.
  let dataStart: Int
  /// The line of the (first) header row.
  let headerLine: Int
  let findings: [Finding]
}

/// Reads the header of an energy table: one or more header rows naming fuels (`焦炭 Coke`, or a
/// Chinese row above an English one), an optional unit row (`单位 Unit`, or cells that are only
/// units), and columns for labels and years.
struct EnergyLayoutReader {
  let table: YearbookTable
  let fuels: TableLabels<FuelDefinition>
  /// Column roles and units of the header cells, each text read once (as `fuels`).
  let roles = TableLabels(Vocabulary.columnRoles)
  let unitReadings = TableUnitReadings()

  /// A header row names at least this many fuels.
  static let fuelsInHeader = 2

  func read() throws(ImportError) -> EnergyLayout {
    // Speed: a row of fewer cells than that (a title) is not read.
    let mayBeHeader = { (row: TableRow) in row.nonBlankCells.count >= Self.fuelsInHeader && fuelCount(row) >= Self.fuelsInHeader }
    guard let first = table.rows.firstIndex(where: mayBeHeader) else {
      throw ImportError(
        "no header row naming the fuels: expected a row with at least two fuel columns such as 煤炭 Coal, 焦炭 Coke, 电力 Electricity",
        at: table.fileLocation,
        hint: "the header must name each fuel as the fuel catalogue does (Chinese or English); units may follow in brackets")
    }
    let headerRows = headerRowIndices(from: first)
    let unitRow = unitRowIndex(after: headerRows.last ?? first)
    let columns = try readColumns(headerRows.map { table.rows[$0] })
    let titleRows = Array(table.rows[..<first])
    let fuelColumns = try fuelColumns(
      columns, unitRow: unitRow.map { table.rows[$0] }, tableUnit: TableUnits.find(in: titleRows))
    let labelColumns = labelColumns(columns, firstFuel: fuelColumns.map(\.column).min() ?? 1)
    guard !labelColumns.isEmpty else {
      throw ImportError(
        "no column for the industry names: the first fuel column is the table's first column",
        at: fuelColumns.first.map { table.location($0.headerCell) } ?? table.fileLocation,
        hint: "keep the industry labels in the column(s) left of the fuels")
    }
    let year = columns.first { $0.role == .year }
    return EnergyLayout(
      titleRows: titleRows, fuelColumns: fuelColumns, labelColumns: labelColumns, yearColumn: year?.column,
      yearHeader: year?.header, headedColumns: Set(columns.filter { !$0.cells.isEmpty }.map(\.column)),
      dataStart: (unitRow ?? headerRows.last ?? first) + 1, headerLine: table.rows[first].line,
      findings: unknownColumnFindings(columns, labelColumns: labelColumns))
  }

  // MARK: - Rows

  /// How many different fuels the row's cells name (a bilingual label `原煤 | Raw Coal` names one).
  private func fuelCount(_ row: TableRow) -> Int {
    Set(row.cells.lazy.filter { !$0.isBlank }.compactMap { fuels.name(of: $0.text)?.fuel }).count
  }

  /// The first header row and the rows right below it that also name fuels and hold no numbers
  /// (an English header row under a Chinese one).
  private func headerRowIndices(from first: Int) -> [Int] {
    var indices = [first]
    var next = first + 1
    while next < table.rows.count, indices.count < 3 {
      let row = table.rows[next]
      if row.isBlank {
        next += 1
        continue
      }
      guard fuelCount(row) >= 1, !row.cells.contains(where: { CellReader.isNumber($0.text) }) else { break }
      indices.append(next)
      next += 1
    }
    return indices
  }

  /// The row right below the header when it is a unit row: labelled `单位`/`Unit`, or with
  /// only units (known or unit-like) in its filled cells.
  private func unitRowIndex(after header: Int) -> Int? {
    guard let index = table.rows[(header + 1)...].firstIndex(where: { !$0.isBlank }) else { return nil }
    let cells = table.rows[index].nonBlankCells
    let labelled = cells.contains { roles.name(of: $0.text) == .unit }
    let onlyUnits = cells.allSatisfy { unitReadings.looksLikeUnit($0.text) || roles.name(of: $0.text) == .unit }
    return labelled || onlyUnits ? index : nil
  }

  // MARK: - Columns

  /// What the header rows say about one column.
  private struct HeaderColumn {
    let column: Int
    /// The filled header cells, top to bottom.
    let cells: [TableCell]
    let definition: FuelDefinition?
    /// The first header cell naming the fuel.
    let fuelCell: TableCell?
    let role: ColumnRole?
    let units: [(WrittenUnit, TableCell)]
    let unknownUnits: [(String, TableCell)]
    /// Bracketed remarks; when the column has no unit, the first is taken for a misspelt one.
    let remarks: [(String, TableCell)]

    var header: String { cells.map { TextForms.display($0.text) }.joined(separator: " ") }
  }

  private func readColumns(_ rows: [TableRow]) throws(ImportError) -> [HeaderColumn] {
    let width = rows.map(\.cells.count).max() ?? 0
    var columns: [HeaderColumn] = []
    for column in 1...max(width, 1) {
      columns.append(try readColumn(column, cells: rows.map { $0.cell(column) }.filter { !$0.isBlank }))
    }
    return columns
  }

  private func readColumn(_ column: Int, cells: [TableCell]) throws(ImportError) -> HeaderColumn {
    var definition: (FuelDefinition, TableCell)?
    var units: [(WrittenUnit, TableCell)] = [], unknown: [(String, TableCell)] = [], remarks: [(String, TableCell)] = []
    for cell in cells {
      let reading = fuels.read(cell.text)
      units += reading.units.map { ($0, cell) }
      unknown += reading.unknownUnits.map { ($0, cell) }
      remarks += reading.remarks.map { ($0, cell) }
      guard let found = reading.name else { continue }
      if let (earlier, earlierCell) = definition, earlier != found {
        throw ImportError(
          "the header rows name different fuels for column \(column): \"\(TextForms.display(earlierCell.text))\" "
            + "(\(Self.fuelName(earlier))) on line \(earlierCell.line), "
            + "\"\(TextForms.display(cell.text))\" (\(Self.fuelName(found))) on line \(cell.line)",
          at: table.location(cell), hint: "the Chinese and English header rows must name the same fuel in each column")
      }
      definition = definition ?? (found, cell)
    }
    let role = definition == nil ? cells.lazy.compactMap({ roles.name(of: $0.text) }).first : nil
    return HeaderColumn(column: column, cells: cells, definition: definition?.0, fuelCell: definition?.1, role: role,
                        units: units, unknownUnits: unknown, remarks: remarks)
  }

  /// Label columns: those left of the first fuel column (except a year column), and any column
  /// headed `行业`/`Industry` (an English label column may stand at the right edge).
  private func labelColumns(_ columns: [HeaderColumn], firstFuel: Int) -> [Int] {
    columns.filter { column in
      column.definition == nil && column.role != .year && (column.column < firstFuel || column.role == .label)
    }.map(\.column)
  }

  private func unknownColumnFindings(_ columns: [HeaderColumn], labelColumns: [Int]) -> [Finding] {
    columns.filter { $0.definition == nil && $0.role != .year && !labelColumns.contains($0.column) && !$0.cells.isEmpty }
      .map { column in
        Finding(
          .warning, check: "unknown-column",
          "column \(column.column) \"\(column.header)\" is not a fuel of the catalogue; its values were not read",
          at: table.location(column.cells[0]))
      }
  }

  private func rejectDuplicates(_ columns: [FuelColumn]) throws(ImportError) {
    var seen: [Fuel: FuelColumn] = [:]
    for column in columns {
      if let earlier = seen[column.definition.fuel] {
        throw ImportError(
          "columns \(earlier.column) (\"\(earlier.header)\") and \(column.column) (\"\(column.header)\") "
            + "both hold \(Self.fuelName(column.definition))",
          at: table.location(column.headerCell), hint: "keep one column per fuel")
      }
      seen[column.definition.fuel] = column
    }
  }

  static func fuelName(_ definition: FuelDefinition) -> String {
    "\(definition.englishName) (\(definition.chineseName))"
  }

  // MARK: - Units

  private func fuelColumns(
    _ columns: [HeaderColumn], unitRow: TableRow?, tableUnit: (unit: WrittenUnit, cell: TableCell)?
  ) throws(ImportError) -> [FuelColumn] {
    var fuelColumns: [FuelColumn] = []
    for column in columns {
      guard let definition = column.definition, let fuelCell = column.fuelCell else { continue }
      fuelColumns.append(try fuelColumn(column, definition, fuelCell, unitRow: unitRow, tableUnit: tableUnit))
    }
    try rejectDuplicates(fuelColumns)
    return fuelColumns
  }

  private func fuelColumn(
    _ column: HeaderColumn, _ definition: FuelDefinition, _ headerCell: TableCell, unitRow: TableRow?,
    tableUnit: (unit: WrittenUnit, cell: TableCell)?
  ) throws(ImportError) -> FuelColumn {
    if let (text, cell) = column.unknownUnits.first {
      throw unknownUnit(text, cell: cell, header: column.header, dimension: definition.dimension)
    }
    var units = column.units
    if let cell = unitRow?.cell(column.column), !cell.isBlank, roles.name(of: cell.text) != .unit {
      guard let unit = unitReadings.parse(cell.text) else {
        throw unknownUnit(TextForms.trim(cell.text), cell: cell, header: column.header, dimension: definition.dimension)
      }
      units.append((WrittenUnit(text: TextForms.trim(cell.text), unit: unit), cell))
    }
    if units.isEmpty, let (text, cell) = column.remarks.first {
      throw unknownUnit(text, cell: cell, header: column.header, dimension: definition.dimension)
    }
    if units.isEmpty, let tableUnit { units.append(tableUnit) }
    guard let (unit, unitCell) = units.first else {
      throw ImportError(
        "no unit for column \"\(column.header)\"; expected one of \(UnitReading.accepted(for: definition.dimension))",
        at: table.location(headerCell),
        hint: "write the unit in the header, as in 焦炭(万吨) or Coke (10^4 t), or add a unit row (单位 Unit) under the header")
    }
    if let (other, otherCell) = units.first(where: { $0.0.unit != unit.unit }) {
      throw ImportError(
        "column \"\(column.header)\" gives two different units: \(unit.text) and \(other.text)",
        at: table.location(otherCell), hint: "the units in the header and the unit row must agree")
    }
    guard unit.unit.dimension == definition.dimension else {
      throw ImportError(
        "column \"\(column.header)\" is in \(unit.text), a unit of \(UnitReading.dimensionName(unit.unit.dimension)), but "
          + "\(Self.fuelName(definition)) is measured as \(UnitReading.dimensionName(definition.dimension)); "
          + "expected one of \(UnitReading.accepted(for: definition.dimension))",
        at: table.location(unitCell))
    }
    return FuelColumn(column: column.column, definition: definition, header: column.header, headerCell: headerCell, unit: unit)
  }

  private func unknownUnit(_ text: String, cell: TableCell, header: String, dimension: ActivityDimension) -> ImportError {
    ImportError(
      "unknown unit \"\(text)\" in column \"\(header)\"; accepted units of \(UnitReading.dimensionName(dimension)): "
        + UnitReading.accepted(for: dimension),
      at: table.location(cell), hint: "write the unit in one of the accepted spellings")
  }
}
