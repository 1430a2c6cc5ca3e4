import CementModel
import XLSXReading

/// A row of a CEADs energy sheet, found by its label in the label column.
enum CEADsSector: Sendable, Hashable {
  /// `Nonmetal Mineral Products` and the other spellings of the industry the yearbook importer
  /// knows (`Non-metallic Mineral Products`, `Manufacture of Non-metallic Mineral Products`,
  /// `非金属矿物制品业`, with a code such as `C30`).
  case nonMetallicMineralProducts
  /// Any row, by its label compared as labels are (case, spaces and punctuation aside):
  /// `Total Final Consumption`.
  case labelled(String)

  func matches(_ label: String) -> Bool {
    switch self {
    case .nonMetallicMineralProducts: Vocabulary.isNonMetallicIndustry(label)
    case .labelled(let name): TextForms.key(label) == TextForms.key(name)
    }
  }

  /// How the row is named in messages.
  var name: String {
    switch self {
    case .nonMetallicMineralProducts: Vocabulary.industryName
    case .labelled(let name): "\"\(name)\""
    }
  }

  var hint: String {
    switch self {
    case .nonMetallicMineralProducts:
      "CEADs labels the row Nonmetal Mineral Products; Non-metallic Mineral Products, Manufacture of Non-metallic "
        + "Mineral Products and 非金属矿物制品业 (a code such as C30 may precede them) are read too"
    case .labelled(let name): "label the row \(name) in the sector column"
    }
  }
}

/// A fuel column of a CEADs energy sheet.
struct CEADsFuelColumn {
  let column: Int
  /// The column's letters: `B`.
  let letters: String
  let definition: FuelDefinition
  /// The header as written: `Raw_Coal`.
  let header: String
  let unit: WrittenUnit
  /// The spelling the unit was read as, when it had lost a `^` (`1010 kj` → `10^10 kj`).
  let unitReadAs: String?
}

/// Where things are on a CEADs province sheet: the header row naming the fuels
/// (`Energy_inventory`, `Raw_Coal`, `Cleaned_Coal` …), the unit row under it (`unit`,
/// `10^4 ton`, `10^8 cu.m` …), the label column and each fuel column with its unit.
///
/// The sheets of a workbook share one layout, so it is worked out on the first sheet and kept
/// with the cells it was read from (``fits(_:)`` tells whether the next sheet has them too).
struct CEADsLayout {
  /// The cells of the rows the layout was read from, down to the unit row (or the row below
  /// the header that was found not to be one).
  let rows: [[XLSXCell?]]
  let headerRow: Int
  let unitRow: Int?
  let labelColumn: Int
  let fuelColumns: [CEADsFuelColumn]
  /// Columns with a header cell (fuel, label or unknown).
  let headedColumns: Set<Int>
  /// Columns whose header names no fuel of the catalogue.
  let unknownColumns: [Int]

  /// The first row below the header and unit rows.
  var dataStart: Int { (unitRow ?? headerRow) + 1 }

  /// Whether `sheet` has the same cells in the rows the layout was read from, and so the same layout.
  func fits(_ sheet: XLSXSheet) -> Bool {
    guard sheet.rowCount >= rows.count else { return false }
    for (row, cells) in rows.enumerated() {
      guard sheet.columnCount <= cells.count || (cells.count..<sheet.columnCount).allSatisfy({ sheet[row, $0] == nil })
      else { return false }
      for (column, cell) in cells.enumerated() where sheet[row, column] != cell { return false }
    }
    return true
  }

  /// The header is looked for in this many rows from the top.
  static let headerSearchRows = 20

  /// Reads the layout of a sheet.
  init(_ cells: CEADsCells, cache: CEADsTextCache) throws(ImportError) {
    let sheet = cells.sheet
    guard let header = Self.headerRow(cells, cache: cache) else {
      throw ImportError(
        "sheet '\(sheet.name)' has no header row naming the fuels: expected a row such as Energy_inventory, Raw_Coal, "
          + "Cleaned_Coal, Coke … in its first \(Self.headerSearchRows) rows",
        at: cells.sheetLocation, hint: "the header must name each energy type as CEADs or the fuel catalogue does")
    }
    var fuelCells: [(column: Int, definition: FuelDefinition, header: String, units: [WrittenUnit])] = []
    var labelHeader: Int?, headed: Set<Int> = [], unknown: [Int] = []
    for column in 0..<sheet.columnCount {
      guard let text = cells.text(header, column) else { continue }
      headed.insert(column)
      let reading = cache.header(text)
      if let definition = reading.name {
        fuelCells.append((column, definition, TextForms.display(text), reading.units))
      } else if cache.role(text) == .label, labelHeader == nil {
        labelHeader = column
      } else {
        unknown.append(column)
      }
    }
    let firstFuel = fuelCells.map(\.column).min() ?? 0
    // Without an `Energy_inventory`/`Sector` header, the labels are in the first column, left of the fuels.
    guard let labels = labelHeader ?? (firstFuel > 0 ? 0 : nil) else {
      throw ImportError(
        "sheet '\(sheet.name)' has no column for the sector names: the first fuel column is the sheet's first column",
        at: cells.location(header, firstFuel), hint: "keep the sector labels in the column left of the fuels")
    }
    unknown.removeAll { $0 == labels }

    let (unitRow, lastExamined) = Self.unitRow(
      cells, after: header, labelColumn: labels, fuelColumns: fuelCells.map(\.column), cache: cache)
    var columns: [CEADsFuelColumn] = []
    for fuel in fuelCells {
      columns.append(try Self.fuelColumn(fuel, cells: cells, headerRow: header, unitRow: unitRow, cache: cache))
    }
    try Self.rejectDuplicates(columns, cells: cells, headerRow: header)
    rows = (0...lastExamined).map { sheet.row($0) }
    headerRow = header
    self.unitRow = unitRow
    labelColumn = labels
    fuelColumns = columns
    headedColumns = headed
    unknownColumns = unknown
  }

  /// The first row naming at least two different fuels.
  private static func headerRow(_ cells: CEADsCells, cache: CEADsTextCache) -> Int? {
    for row in 0..<min(cells.sheet.rowCount, headerSearchRows) {
      var first: Fuel?
      for column in 0..<cells.sheet.columnCount {
        guard let text = cells.text(row, column), let fuel = cache.header(text).name?.fuel else { continue }
        if let first, first != fuel { return row }
        first = first ?? fuel
      }
    }
    return nil
  }

  /// The first filled row below the header when it is a unit row (labelled `unit`/`单位`, or
  /// with only units in its fuel columns), and the last row looked at.
  private static func unitRow(
    _ cells: CEADsCells, after header: Int, labelColumn: Int, fuelColumns: [Int], cache: CEADsTextCache
  ) -> (unitRow: Int?, lastExamined: Int) {
    let sheet = cells.sheet
    guard let row = (header + 1..<max(header + 1, sheet.rowCount)).first(where: { row in
      (0..<sheet.columnCount).contains { sheet[row, $0] != nil }
    }) else { return (nil, header) }
    if let label = cells.text(row, labelColumn), cache.role(label) == .unit { return (row, row) }
    let filled = fuelColumns.filter { sheet[row, $0] != nil }
    let onlyUnits = !filled.isEmpty && filled.allSatisfy { column in
      cells.text(row, column).map { UnitReading.looksLikeUnit($0) } ?? false
    }
    return (onlyUnits ? row : nil, row)
  }

  private static func fuelColumn(
    _ fuel: (column: Int, definition: FuelDefinition, header: String, units: [WrittenUnit]), cells: CEADsCells,
    headerRow: Int, unitRow: Int?, cache: CEADsTextCache
  ) throws(ImportError) -> CEADsFuelColumn {
    let dimension = fuel.definition.dimension
    var units = fuel.units.map { (unit: $0, readAs: String?.none, row: headerRow) }
    if let unitRow, let text = cells.text(unitRow, fuel.column), cache.role(text) != .unit {
      guard let unit = cache.unit(text) else {
        throw ImportError(
          "unknown unit \"\(TextForms.trim(text))\" in column \"\(fuel.header)\"; accepted units of "
            + "\(UnitReading.dimensionName(dimension)): \(UnitReading.accepted(for: dimension))",
          at: cells.location(unitRow, fuel.column), hint: "write the unit in one of the accepted spellings")
      }
      units.append((unit.written, unit.readAs, unitRow))
    }
    guard let first = units.first else {
      throw ImportError(
        "no unit for column \"\(fuel.header)\"; expected one of \(UnitReading.accepted(for: dimension))",
        at: cells.location(headerRow, fuel.column),
        hint: "CEADs writes the units in the row under the header (10^4 ton, 10^8 cu.m, 10^10 kj, 10^8 kwh, 10^4 tce)")
    }
    if let other = units.first(where: { $0.unit.unit != first.unit.unit }) {
      throw ImportError(
        "column \"\(fuel.header)\" gives two different units: \(first.unit.text) and \(other.unit.text)",
        at: cells.location(other.row, fuel.column), hint: "the units in the header and the unit row must agree")
    }
    guard first.unit.unit.dimension == dimension else {
      throw ImportError(
        "column \"\(fuel.header)\" is in \(first.unit.text), a unit of \(UnitReading.dimensionName(first.unit.unit.dimension)), "
          + "but \(EnergyLayoutReader.fuelName(fuel.definition)) is measured as \(UnitReading.dimensionName(dimension)); "
          + "expected one of \(UnitReading.accepted(for: dimension))",
        at: cells.location(first.row, fuel.column))
    }
    return CEADsFuelColumn(
      column: fuel.column, letters: CEADsCells.columnName(fuel.column), definition: fuel.definition, header: fuel.header,
      unit: first.unit, unitReadAs: first.readAs)
  }

  private static func rejectDuplicates(_ columns: [CEADsFuelColumn], cells: CEADsCells, headerRow: Int) throws(ImportError) {
    var seen: [Fuel: CEADsFuelColumn] = [:]
    for column in columns {
      if let earlier = seen[column.definition.fuel] {
        throw ImportError(
          "columns \(earlier.letters) (\"\(earlier.header)\") and \(column.letters) "
            + "(\"\(column.header)\") of sheet '\(cells.sheet.name)' both hold \(EnergyLayoutReader.fuelName(column.definition))",
          at: cells.location(headerRow, column.column), hint: "keep one column per fuel")
      }
      seen[column.definition.fuel] = column
    }
  }
}

/// One province sheet of a CEADs energy inventory with its layout: any sector row can be read
/// from it by its label (``record(_:cache:)``).
struct CEADsEnergySheet {
  let cells: CEADsCells
  let year: Int
  let layout: CEADsLayout
  /// Unknown columns and units read after repair.
  let findings: [Finding]

  init(sheet: XLSXSheet, file: String, year: Int, cache: CEADsTextCache) throws(ImportError) {
    let cells = CEADsCells(sheet: sheet, file: file)
    let layout: CEADsLayout
    if let last = cache.layout, last.fits(sheet) {
      layout = last
    } else {
      layout = try CEADsLayout(cells, cache: cache)
      cache.layout = layout
    }
    self.cells = cells
    self.year = year
    self.layout = layout
    var findings: [Finding] = []
    if let unitRow = layout.unitRow {
      for column in layout.fuelColumns {
        guard let readAs = column.unitReadAs else { continue }
        findings.append(
          Finding(
            .note, check: "unit-spelling",
            "unit \"\(column.unit.text)\" of column \"\(column.header)\" read as \(readAs): the ^ of the power of ten was lost",
            at: cells.location(unitRow, column.column), year: year))
      }
    }
    findings += layout.unknownColumns.map { column in
      Finding(
        .warning, check: "unknown-column",
        "column \(CEADsCells.columnName(column)) \"\(TextForms.display(cells.text(layout.headerRow, column) ?? ""))\" of sheet "
          + "'\(sheet.name)' is not a fuel of the catalogue; its values were not read",
        at: cells.location(layout.headerRow, column), year: year)
    }
    self.findings = findings
  }

  var labelColumn: Int { layout.labelColumn }
  var dataStart: Int { layout.dataStart }
  var fuelColumns: [CEADsFuelColumn] { layout.fuelColumns }

  // MARK: - Rows

  /// The sector's row as a record, with findings for a repeated row and for values in
  /// columns without a header.
  /// - Throws: ``ImportError`` when no row has the label, when two rows have it with different
  ///   values, or when a value cannot be read.
  func record(_ sector: CEADsSector, cache: CEADsTextCache) throws(ImportError) -> (IndustryEnergyRecord, [Finding]) {
    let sheet = cells.sheet
    let matches = sectorRows(sector, cache: cache)
    guard let row = matches.first else { throw missingRow(sector) }
    let values = try values(row)
    var findings: [Finding] = []
    for other in matches.dropFirst() {
      if let difference = firstDifference(row, other) {
        throw ImportError(
          "two rows for \(sector.name) in sheet '\(sheet.name)' differ: rows \(row + 1) and \(other + 1) (\(difference))",
          at: cells.location(other, labelColumn), hint: "delete the row that is wrong")
      }
      findings.append(
        Finding(
          .warning, check: "duplicate-row",
          "the row for \(sector.name) in sheet '\(sheet.name)' repeats row \(row + 1) with the same values; row \(row + 1) was used",
          at: cells.location(other, labelColumn), year: year))
    }
    findings += unheadedValues(row)
    let label = TextForms.trim(cells.text(row, labelColumn) ?? "")
    let record = IndustryEnergyRecord(
      year: year, industryLabel: label, location: cells.location(row, labelColumn), values: values, dataset: Dataset.ceads)
    return (record, findings)
  }

  /// Each fuel's `Total Final Consumption` beside the sum of the sector rows under it (down to
  /// the first row without a label), for the consistency checks; none when the sheet has no
  /// such row. Cells that are not numbers count as zero here: reading the sector's own row
  /// reports them.
  func statedTotals() -> [StatedTotal] {
    let sheet = cells.sheet
    guard let totalRow = (dataStart..<max(dataStart, sheet.rowCount)).first(where: { row in
      cells.text(row, labelColumn).map { TextForms.key($0) == Self.totalLabelKey } ?? false
    }) else { return [] }
    var last = totalRow
    while last + 1 < sheet.rowCount, let label = cells.text(last + 1, labelColumn), !TextForms.trim(label).isEmpty { last += 1 }
    guard last > totalRow else { return [] }
    return fuelColumns.compactMap { column in
      guard let total = sheet.number(totalRow, column.column) else { return nil }
      var sum = 0.0
      for row in totalRow + 1...last { sum += sheet.number(row, column.column) ?? 0 }
      let toReporting = column.unit.unit.toBase / column.definition.dimension.reportingUnit.toBase
      return StatedTotal(
        year: year, fuel: column.definition.fuel, what: "sectors against Total Final Consumption", total: total * toReporting,
        sumOfParts: sum * toReporting, partCount: last - totalRow, location: cells.location(totalRow, column.column))
    }
  }

  static let totalLabelKey = TextForms.key("Total Final Consumption")

  /// The rows labelled as the sector. The sheets of a workbook list the same sectors in the
  /// same order, so a sheet whose label column holds the cells of the last one has its rows too.
  private func sectorRows(_ sector: CEADsSector, cache: CEADsTextCache) -> [Int] {
    let sheet = cells.sheet
    let rows = dataStart..<max(dataStart, sheet.rowCount)
    if let last = cache.labels, last.sector == sector, last.labelColumn == labelColumn, last.rows == rows,
      rows.allSatisfy({ sheet[$0, labelColumn] == last.cells[$0 - rows.lowerBound] })
    {
      return last.matches
    }
    var matches: [Int] = []
    for row in rows {
      if let label = cells.text(row, labelColumn), cache.matches(sector, label) { matches.append(row) }
    }
    cache.labels = (sector, labelColumn, rows, rows.map { sheet[$0, labelColumn] }, matches)
    return matches
  }

  /// Every fuel column's value in `row`.
  func values(_ row: Int) throws(ImportError) -> [Fuel: Traced<ActivityAmount?>] {
    var values: [Fuel: Traced<ActivityAmount?>] = [:]
    values.reserveCapacity(fuelColumns.count)
    let rowNumber = String(row + 1)
    for column in fuelColumns {
      var value = try cells.amount(row, column.column, cell: column.letters + rowNumber, unit: column.unit, label: column.header)
      if let readAs = column.unitReadAs { value.steps.append("unit \"\(column.unit.text)\" read as \(readAs)") }
      values[column.definition.fuel] = value
    }
    return values
  }

  /// `Coke: "381.35" vs "380"` for the first fuel whose values differ, or nil.
  private func firstDifference(_ a: Int, _ b: Int) -> String? {
    for column in fuelColumns where cells.sheet[a, column.column] != cells.sheet[b, column.column] {
      return "\(column.header): \"\(cells.written(a, column.column))\" vs \"\(cells.written(b, column.column))\""
    }
    return nil
  }

  /// Values in columns without any header are reported, not silently dropped.
  private func unheadedValues(_ row: Int) -> [Finding] {
    (0..<cells.sheet.columnCount).filter { cells.sheet[row, $0] != nil && !layout.headedColumns.contains($0) }.map { column in
      Finding(
        .warning, check: "unknown-column",
        "column \(CEADsCells.columnName(column)) of sheet '\(cells.sheet.name)' has no header; its value "
          + "\"\(cells.written(row, column))\" in this row was not read",
        at: cells.location(row, column), year: year)
    }
  }

  /// The error for a sheet without the row: at the sheet, with a few of the labels it has,
  /// those that look closest first.
  private func missingRow(_ sector: CEADsSector) -> ImportError {
    var labels: [String] = []
    for row in dataStart..<max(dataStart, cells.sheet.rowCount) {
      if let label = cells.text(row, labelColumn) { labels.append(TextForms.display(label)) }
    }
    let close = labels.filter { label in
      let key = TextForms.key(label)
      return ["mineral", "nonmetal", "非金属", "total"].contains { TextForms.contains(key, $0) }
    }
    let shown = Array((close + labels.filter { !close.contains($0) }).prefix(6))
    let seen =
      labels.isEmpty
      ? "column \(CEADsCells.columnName(labelColumn)) has no labels below the header"
      : "labels seen in column \(CEADsCells.columnName(labelColumn)): " + shown.map { "\"\($0)\"" }.joined(separator: ", ")
        + (labels.count > shown.count ? ", … (\(labels.count) in all)" : "")
    return ImportError("sheet '\(cells.sheet.name)' has no row for \(sector.name); \(seen)", at: cells.sheetLocation, hint: sector.hint)
  }
}
