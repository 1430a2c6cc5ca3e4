import CementModel

/// Years as rows, products as columns: `年份 Year | 水泥(万吨) Cement | 熟料(万吨) Clinker`.
struct ProductColumnsLayout {
  let table: YearbookTable
  let headerRow: Int
  let productCells: [ProductsTableReader.ProductCell]

  private struct ProductColumn {
    let column: Int
    let product: Product
    let header: String
    let unit: WrittenUnit
  }

  func entries() throws(ImportError) -> [ProductsTableReader.Entry] {
    let headerRows = headerRowIndices()
    let yearColumn = yearColumn(headerRows)
    let unitRow = unitRowIndex(after: headerRows.last ?? headerRow)
    let columns = try productColumns(headerRows, unitRow: unitRow.map { table.rows[$0] })
    var entries: [ProductsTableReader.Entry] = []
    for row in table.rows[((unitRow ?? headerRows.last ?? headerRow) + 1)...] {
      guard let year = try year(of: row, column: yearColumn, productColumns: columns.map(\.column)) else { continue }
      for column in columns {
        let cell = row.cell(column.column)
        let output = try ProductEntries.output(
          cell, unit: column.unit, label: column.header, context: "column \"\(column.header)\"", table: table)
        entries.append(.init(year: year, product: column.product, cell: cell, output: output))
      }
    }
    return entries
  }

  /// The header row and, below it, a second one naming products too (English under Chinese).
  private func headerRowIndices() -> [Int] {
    let next = table.rows[(headerRow + 1)...].firstIndex { !$0.isBlank }
    guard let next, productCells.contains(where: { $0.row == next }) else { return [headerRow] }
    return [headerRow, next]
  }

  private func yearColumn(_ headerRows: [Int]) -> Int {
    for index in headerRows {
      if let cell = table.rows[index].cells.first(where: { Vocabulary.columnRoles.name(of: $0.text) == .year }) {
        return cell.column
      }
    }
    return 1
  }

  private func unitRowIndex(after header: Int) -> Int? {
    guard let index = table.rows[(header + 1)...].firstIndex(where: { !$0.isBlank }) else { return nil }
    let cells = table.rows[index].nonBlankCells
    let isUnitRow = cells.allSatisfy { UnitReading.looksLikeUnit($0.text) || Vocabulary.columnRoles.name(of: $0.text) == .unit }
    return isUnitRow ? index : nil
  }

  private func productColumns(_ headerRows: [Int], unitRow: TableRow?) throws(ImportError) -> [ProductColumn] {
    let tableUnit = TableUnits.find(in: Array(table.rows[..<headerRow]))
    let cells = productCells.filter { headerRows.contains($0.row) }
    var columns: [ProductColumn] = []
    for column in Set(cells.map(\.cell.column)).sorted() {
      let named = cells.filter { $0.cell.column == column }
      guard let first = named.first else { continue }
      if let other = named.first(where: { $0.product != first.product }) {
        throw ImportError(
          "the header rows name different products for column \(column): "
            + "\"\(TextForms.display(first.cell.text))\" and \"\(TextForms.display(other.cell.text))\"",
          at: table.location(other.cell))
      }
      if let earlier = columns.first(where: { $0.product == first.product }) {
        throw ImportError(
          "columns \(earlier.column) and \(column) both hold \(Vocabulary.displayName(first.product))", at: table.location(first.cell),
          hint: "keep one column per product")
      }
      let header = headerRows.map { table.rows[$0].cell(column) }.filter { !$0.isBlank }.map { TextForms.display($0.text) }
        .joined(separator: " ")
      var units = named.flatMap { cell in cell.reading.units.map { ($0, cell.cell) } }
      var unknown = named.flatMap { cell in cell.reading.unknownUnits.map { ($0, cell.cell) } }
      if let cell = unitRow?.cell(column), !cell.isBlank {
        if let unit = UnitReading.parse(cell.text) {
          units.append((WrittenUnit(text: TextForms.trim(cell.text), unit: unit), cell))
        } else {
          unknown.append((TextForms.trim(cell.text), cell))
        }
      }
      if units.isEmpty, let tableUnit { units.append(tableUnit) }
      let unit = try ProductEntries.massUnit(units, unknown: unknown, what: "column \"\(header)\"", at: first.cell, table: table)
      columns.append(ProductColumn(column: column, product: first.product, header: header, unit: unit))
    }
    return columns
  }

  /// The row's year; nil for a row that holds no values (a note). A row with values but no
  /// readable year is an error.
  private func year(of row: TableRow, column: Int, productColumns: [Int]) throws(ImportError) -> Int? {
    let cell = row.cell(column)
    if let year = YearReading.year(inCell: cell.text) { return year }
    guard productColumns.contains(where: { ProductEntries.isNumber(row.cell($0)) }) else { return nil }
    let header = table.rows[headerRow].cell(column)
    throw ImportError(
      cell.isBlank ? "no year for the row: the year cell is empty"
        : "expected a year in column \"\(TextForms.display(header.text))\", found \"\(TextForms.trim(cell.text))\"",
      at: table.location(cell), hint: "write the year as 2013 or 2013年")
  }
}

/// Products as rows: years as columns (`产品 | 单位 | 2012 | 2013`), or one value column
/// (`产品名称 | 计量单位 | 产量`) whose year comes from the title or file name.
struct ProductRowsLayout {
  let table: YearbookTable
  let productCells: [ProductsTableReader.ProductCell]

  /// A column of values and the year they are for.
  private struct ValueColumn {
    let column: Int
    let year: Int
    let header: String
    let headerCell: TableCell?
    let units: [WrittenUnit]
  }

  /// The cells naming one product in one row (a Chinese and an English label column).
  private struct ProductRow {
    let index: Int
    let product: Product
    let cells: [ProductsTableReader.ProductCell]
    var label: String { cells.map { TextForms.display($0.cell.text) }.joined(separator: " ") }
  }

  func entries() throws(ImportError) -> (entries: [ProductsTableReader.Entry], findings: [Finding]) {
    let rows = try productRows()
    guard let firstRow = rows.first else { return ([], []) }
    let labelEdge = productCells.map(\.cell.column).max() ?? 1
    let header = headerRowIndex(above: firstRow.index, rightOf: labelEdge)
    let (columns, findings) = try valueColumns(header: header, firstRow: firstRow, rightOf: labelEdge)
    let tableUnit = TableUnits.find(in: Array(table.rows[..<(header ?? firstRow.index)]))
    let unitColumns = unitColumns(header: header)
    var entries: [ProductsTableReader.Entry] = []
    for productRow in rows where !isEmptyRepeat(productRow, of: rows, columns: columns) {
      let unit = try unit(of: productRow, columns: columns, unitColumns: unitColumns, tableUnit: tableUnit)
      let row = table.rows[productRow.index]
      for column in columns {
        let cell = row.cell(column.column)
        let output = try ProductEntries.output(
          cell, unit: unit, label: productRow.label, context: "row \"\(productRow.label)\", column \"\(column.header)\"",
          table: table)
        entries.append(.init(year: column.year, product: productRow.product, cell: cell, output: output))
      }
    }
    return (entries, findings)
  }

  private func productRows() throws(ImportError) -> [ProductRow] {
    var rows: [ProductRow] = []
    for index in Set(productCells.map(\.row)).sorted() {
      let cells = productCells.filter { $0.row == index }
      guard let first = cells.first else { continue }
      if let other = cells.first(where: { $0.product != first.product }) {
        throw ImportError(
          "one row names two products: \"\(TextForms.display(first.cell.text))\" and \"\(TextForms.display(other.cell.text))\"",
          at: table.location(other.cell))
      }
      rows.append(ProductRow(index: index, product: first.product, cells: cells))
    }
    return rows
  }

  /// A row with no values at all that repeats a product given elsewhere (an English label line
  /// printed under the Chinese one) adds nothing.
  private func isEmptyRepeat(_ row: ProductRow, of rows: [ProductRow], columns: [ValueColumn]) -> Bool {
    let cells = columns.map { table.rows[row.index].cell($0.column) }
    return cells.allSatisfy(\.isBlank) && rows.contains { $0.index != row.index && $0.product == row.product }
  }

  /// The header above the first product row: the nearest row with years right of the labels,
  /// else the nearest row with text but no numbers there (`产量 Output`). Rows of other products
  /// in between are skipped; title lines, which sit in the first column, never qualify.
  private func headerRowIndex(above first: Int, rightOf edge: Int) -> Int? {
    let above = table.rows[..<first]
    let withYears = above.lastIndex { row in
      let cells = row.cells.filter { $0.column > edge }
      let years = cells.map { YearReading.year(inCell: $0.text) }
      // Every number there must be a year: a row of another product's values is no header.
      return years.contains { $0 != nil } && zip(cells, years).allSatisfy { $1 != nil || !ProductEntries.isNumber($0) }
    }
    if let withYears { return withYears }
    return above.lastIndex { row in
      let cells = row.cells.filter { $0.column > edge && !$0.isBlank }
      return !cells.isEmpty && !cells.contains(where: ProductEntries.isNumber)
    }
  }

  private func valueColumns(header: Int?, firstRow: ProductRow, rightOf edge: Int) throws(ImportError)
    -> ([ValueColumn], [Finding])
  {
    let headerCells = header.map { table.rows[$0].cells.filter { $0.column > edge && !$0.isBlank } } ?? []
    let yearColumns = headerCells.compactMap { cell in
      YearReading.year(inCell: cell.text).map { year in
        ValueColumn(
          column: cell.column, year: year, header: TextForms.display(cell.text), headerCell: cell,
          units: Vocabulary.columnRoles.read(cell.text).units)
      }
    }
    if !yearColumns.isEmpty { return (try checkedYears(yearColumns), []) }
    return try singleValueColumn(headerCells, header: header, firstRow: firstRow, rightOf: edge)
  }

  private func checkedYears(_ columns: [ValueColumn]) throws(ImportError) -> [ValueColumn] {
    for (index, column) in columns.enumerated() {
      if let earlier = columns[..<index].first(where: { $0.year == column.year }) {
        throw ImportError(
          "columns \(earlier.column) and \(column.column) are both headed \(column.year)",
          at: column.headerCell.map(table.location) ?? table.fileLocation, hint: "keep one column per year")
      }
    }
    return columns
  }

  /// The one value column of a single-year table: the column headed `产量`/`Output`, or the only
  /// column right of the labels that holds no units.
  private func singleValueColumn(
    _ headerCells: [TableCell], header: Int?, firstRow: ProductRow, rightOf edge: Int
  ) throws(ImportError) -> ([ValueColumn], [Finding]) {
    let row = table.rows[firstRow.index]
    let headed = headerCells.first { Vocabulary.columnRoles.name(of: $0.text) == .output }
    let candidates = row.cells.filter { cell in
      cell.column > edge && !UnitReading.looksLikeUnit(cell.text)
        && headerCells.first(where: { $0.column == cell.column }).map { Vocabulary.columnRoles.name(of: $0.text) != .unit } ?? true
    }
    guard let column = headed?.column ?? (candidates.count == 1 ? candidates.first?.column : nil) else {
      throw ImportError(
        "cannot tell which column holds the output: no column is headed with a year or 产量/Output",
        at: table.location(row), hint: "head the value columns with their years (2013) or the value column with 产量 Output")
    }
    let headerCell = headerCells.first { $0.column == column }
    let titleRows = Array(table.rows[..<(header ?? firstRow.index)])
    let headerYears = headerCell.map { YearReading.years(inTitle: $0.text) } ?? []
    let (year, findings): (Int, [Finding])
    if headerYears.count == 1, let only = headerYears.first {
      (year, findings) = (only, [])
    } else {
      (year, findings) = try YearReading.tableYear(titleRows: titleRows, in: table)
    }
    let units = headerCell.map { Vocabulary.columnRoles.read($0.text).units } ?? []
    return ([ValueColumn(column: column, year: year, header: headerCell.map { TextForms.display($0.text) } ?? "column \(column)",
                         headerCell: headerCell, units: units)], findings)
  }

  /// Columns headed `计量单位`/`Unit`.
  private func unitColumns(header: Int?) -> [Int] {
    guard let header else { return [] }
    return table.rows[header].cells.filter { Vocabulary.columnRoles.name(of: $0.text) == .unit }.map(\.column)
  }

  /// The unit of a product row: written with the label, in a unit column or a unit-only cell of
  /// the row, in the value columns' headers, or for the whole table.
  private func unit(
    of productRow: ProductRow, columns: [ValueColumn], unitColumns: [Int], tableUnit: (unit: WrittenUnit, cell: TableCell)?
  ) throws(ImportError) -> WrittenUnit {
    let row = table.rows[productRow.index]
    var units = productRow.cells.flatMap { cell in cell.reading.units.map { ($0, cell.cell) } }
    var unknown = productRow.cells.flatMap { cell in cell.reading.unknownUnits.map { ($0, cell.cell) } }
    let valueColumns = Set(columns.map(\.column)), labelColumns = Set(productRow.cells.map(\.cell.column))
    for cell in row.cells where !cell.isBlank && !valueColumns.contains(cell.column) && !labelColumns.contains(cell.column) {
      if let unit = UnitReading.parse(cell.text) {
        units.append((WrittenUnit(text: TextForms.trim(cell.text), unit: unit), cell))
      } else if unitColumns.contains(cell.column) || UnitReading.looksLikeUnit(cell.text) {
        unknown.append((TextForms.trim(cell.text), cell))
      }
    }
    if units.isEmpty {
      units = columns.flatMap { column in column.headerCell.map { cell in column.units.map { ($0, cell) } } ?? [] }
    }
    if units.isEmpty, let tableUnit { units.append(tableUnit) }
    let label = productRow.cells.first?.cell ?? TableCell(text: "", line: row.line, column: 1)
    return try ProductEntries.massUnit(units, unknown: unknown, what: "row \"\(productRow.label)\"", at: label, table: table)
  }
}
