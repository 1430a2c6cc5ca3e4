import CementModel

/// Reads cement and clinker output from a products table in any of its three layouts:
/// years as rows (products as columns), products as rows (years as columns), or products as
/// rows with one value column for the table's year.
struct ProductsTableReader {
  let table: YearbookTable

  /// A cell naming a product.
  struct ProductCell {
    let row: Int
    let cell: TableCell
    let product: Product
    let reading: LabelReading<Product>
  }

  /// One value read, before duplicates are checked.
  struct Entry {
    let year: Int
    let product: Product
    let cell: TableCell
    let output: Traced<Quantity<Mass>?>
  }

  func read() throws(ImportError) -> ProductsTableImport {
    let productCells = findProductCells()
    guard let first = productCells.first else {
      throw ImportError(
        "no cement (水泥) row or column in the products table", at: table.fileLocation,
        hint: "label the row or column 水泥 or Cement (clinker: 水泥熟料, 熟料 or Clinker); 水泥制品 is a different product")
    }
    var findings: [Finding] = []
    let entries: [Entry]
    if productsAreColumns(first) {
      try refuseRepeatedHeader(productCells, first: first)
      entries = try ProductColumnsLayout(table: table, headerRow: first.row, productCells: productCells).entries()
    } else {
      let rows = ProductRowsLayout(table: table, productCells: productCells)
      let result = try rows.entries()
      entries = result.entries
      findings += result.findings
    }
    let (records, duplicates) = try ProductEntries.deduplicate(entries, table: table)
    return ProductsTableImport(records: records, findings: findings + duplicates, encoding: table.encoding)
  }

  /// With products as columns, a row below the data that names the first header's product
  /// again, with no number, is the header again: a second table (perhaps in other units)
  /// whose rows would otherwise be read under the first header's units.
  private func refuseRepeatedHeader(_ productCells: [ProductCell], first: ProductCell) throws(ImportError) {
    let numberRows = table.rows.indices.filter { table.rows[$0].cells.contains(where: ProductEntries.isNumber) }
    guard let firstData = numberRows.first(where: { $0 > first.row }),
      let again = productCells.first(where: { cell in
        cell.row > firstData && cell.product == first.product && !table.rows[cell.row].cells.contains(where: ProductEntries.isNumber)
      })
    else { return }
    throw table.repeatedHeader(at: again.cell, headerLine: first.cell.line)
  }

  /// Every cell whose text is exactly a product label (after normalisation), top to bottom.
  private func findProductCells() -> [ProductCell] {
    var found: [ProductCell] = []
    for (index, row) in table.rows.enumerated() {
      for cell in row.cells where Self.mayNameProduct(cell.text) {
        let reading = Vocabulary.products.read(cell.text)
        if let product = reading.name { found.append(ProductCell(row: index, cell: cell, product: product, reading: reading)) }
      }
    }
    return found
  }

  /// A cheap test before the full reading: only cells mentioning cement or clinker can name one.
  static func mayNameProduct(_ text: String) -> Bool {
    let form = TextForms.lowercasedHalfWidth(text)
    return ["水泥", "熟料", "cement", "clinker"].contains { TextForms.contains(form, $0) }
  }

  /// Products are column headers when the row of the first product cell also has a year header
  /// (`年份 Year`), or when the product cell has no numbers to its right and the next row starts
  /// with a year.
  private func productsAreColumns(_ first: ProductCell) -> Bool {
    let row = table.rows[first.row]
    if row.cells.contains(where: { !$0.isBlank && Vocabulary.columnRoles.name(of: $0.text) == .year }) { return true }
    let numbersRight = row.cells.contains { $0.column > first.cell.column && ProductEntries.isNumber($0) }
    guard !numbersRight, let next = table.rows[(first.row + 1)...].first(where: { !$0.isBlank }) else { return false }
    return next.nonBlankCells.first.flatMap { YearReading.year(inCell: $0.text) } != nil
  }
}

/// Shared steps of the products layouts.
enum ProductEntries {
  static func isNumber(_ cell: TableCell) -> Bool { CellReader.isNumber(cell.text) }

  /// One unit out of the units found for a product, which must agree and be a mass.
  static func massUnit(
    _ units: [(WrittenUnit, TableCell)], unknown: [(String, TableCell)], what: String, at fallback: TableCell,
    table: YearbookTable
  ) throws(ImportError) -> WrittenUnit {
    if let (text, cell) = unknown.first {
      throw ImportError(
        "unknown unit \"\(text)\" for \(what); accepted units of mass: \(UnitReading.accepted(for: .mass))",
        at: table.location(cell), hint: "write the unit in one of the accepted spellings")
    }
    guard let (unit, cell) = units.first else {
      throw ImportError(
        "no unit for \(what); expected one of \(UnitReading.accepted(for: .mass))", at: table.location(fallback),
        hint: "write the unit with the label, as in 水泥(万吨), in a 计量单位/Unit column, or in a line 单位：万吨 above the table")
    }
    if let (other, otherCell) = units.first(where: { $0.0.unit != unit.unit }) {
      throw ImportError(
        "\(what) is given two different units: \(unit.text) and \(other.text)", at: table.location(otherCell),
        hint: "the units written for a product must agree")
    }
    guard unit.unit.dimension == .mass else {
      throw ImportError(
        "\(what) is in \(unit.text), a unit of \(UnitReading.dimensionName(unit.unit.dimension)); product output is a mass: "
          + "expected one of \(UnitReading.accepted(for: .mass))",
        at: table.location(cell))
    }
    return unit
  }

  /// The output in `cell` as a traced mass.
  static func output(
    _ cell: TableCell, unit: WrittenUnit, label: String, context: String, table: YearbookTable
  ) throws(ImportError) -> Traced<Quantity<Mass>?> {
    let amount = try CellTracer(table: table).amount(cell, unit: unit, label: label, context: context)
    return amount.map(nil) { $0.map { Quantity<Mass>(baseValue: $0.baseValue) } }
  }

  /// Keeps the first value per product and year: a repeat with the same value is a warning,
  /// with a different value an error naming both lines.
  static func deduplicate(_ entries: [ProductsTableReader.Entry], table: YearbookTable) throws(ImportError)
    -> ([ProductRecord], [Finding])
  {
    var kept: [ProductsTableReader.Entry] = [], findings: [Finding] = []
    for entry in entries {
      guard let first = kept.first(where: { $0.year == entry.year && $0.product == entry.product }) else {
        kept.append(entry)
        continue
      }
      let name = Vocabulary.displayName(entry.product)
      guard first.output.value == entry.output.value else {
        throw ImportError(
          "two values for \(name) in \(entry.year) differ: \"\(TextForms.trim(first.cell.text))\" on line \(first.cell.line) "
            + "and \"\(TextForms.trim(entry.cell.text))\" on line \(entry.cell.line)",
          at: table.location(entry.cell), hint: "delete the one that is wrong")
      }
      findings.append(
        Finding(
          .warning, check: "duplicate-row",
          "\(name) in \(entry.year) is given again with the same value; line \(first.cell.line) was used",
          at: table.location(entry.cell), year: entry.year))
    }
    let records = kept.map { ProductRecord(year: $0.year, product: $0.product, output: $0.output) }
    return (records, findings)
  }
}
