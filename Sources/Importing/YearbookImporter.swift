import CementModel

/// The non-metallic mineral products rows of one energy-by-industry table
/// (分行业能源消费量(实物量)), with what the importer noticed on the way.
public struct EnergyTableImport: Sendable {
  /// One record per year (usually one), each holding every fuel column of the table.
  public let records: [IndustryEnergyRecord]
  /// Unknown columns, duplicate rows and other things a reader must see.
  public let findings: [Finding]
  /// The encoding the file was read in (`UTF-8`, `GB18030` …).
  public let encoding: String

  public init(records: [IndustryEnergyRecord], findings: [Finding], encoding: String) {
    self.records = records
    self.findings = findings
    self.encoding = encoding
  }
}

/// Cement and clinker output from a table of output of major industrial products (主要工业产品产量).
public struct ProductsTableImport: Sendable {
  /// One record per product and year, in the table's order.
  public let records: [ProductRecord]
  public let findings: [Finding]
  public let encoding: String

  public init(records: [ProductRecord], findings: [Finding], encoding: String) {
    self.records = records
    self.findings = findings
    self.encoding = encoding
  }
}

/// A table read by ``YearbookImporter/importTable(_:file:)``.
public enum TableImport: Sendable {
  case energy(EnergyTableImport)
  case products(ProductsTableImport)
}

/// The kinds of yearbook table the importer reads.
public enum TableKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// Energy consumption by industry in physical quantities: rows are industries, columns fuels.
  case energy
  /// Output of major industrial products: cement, clinker.
  case products

  public var description: String { rawValue }
}

/// Reads statistical-yearbook tables exported as CSV (comma, tab or semicolon separated;
/// UTF-8, GB18030 or UTF-16 with a byte-order mark) into typed, traced records.
///
/// The importer is pure: it takes a file's bytes and its path (for messages) and returns values.
/// Problems it cannot read past are thrown as ``ImportError`` with the file, line and column;
/// things it read past (an unknown column, a repeated row) come back as findings.
/// The accepted layouts are described in `Inputs/README.md`.
public struct YearbookImporter: Sendable {
  /// The fuels energy-table columns are matched against.
  public let catalogue: FuelCatalogue
  private let fuels: NameIndex<FuelDefinition>

  public init(catalogue: FuelCatalogue = .standard) {
    self.catalogue = catalogue
    fuels = Vocabulary.fuels(catalogue)
  }

  /// Reads the non-metallic mineral products industry row of an energy-by-industry table.
  ///
  /// - Parameters:
  ///   - bytes: The file's contents.
  ///   - file: The path to name in messages and sources.
  /// - Returns: One record per year the table gives for the industry, with a traced value for
  ///   every fuel column (unit converted, original cell kept), and findings.
  /// - Throws: ``ImportError`` when the table has no fuel header, a fuel column has no or an
  ///   unknown unit, the industry row is missing or given twice with different values, a value
  ///   is not a number, or the year cannot be told.
  public func importEnergyTable(_ bytes: [UInt8], file: String) throws(ImportError) -> EnergyTableImport {
    let table = try YearbookTable.load(bytes, file: file)
    return try EnergyTableReader(table: table, fuels: TableLabels(fuels)).read()
  }

  /// Reads cement and clinker output from a products table.
  ///
  /// Rows may be years with products as columns, or products with years as columns, or
  /// products with one value column (the year then comes from the title or the file name).
  /// - Parameters:
  ///   - bytes: The file's contents.
  ///   - file: The path to name in messages and sources.
  /// - Returns: A record per product and year, in tonnes, traced to its cell.
  /// - Throws: ``ImportError`` when no cement label is found, a unit is missing or not a mass,
  ///   a value is not a number, or a year cannot be told.
  public func importProductsTable(_ bytes: [UInt8], file: String) throws(ImportError) -> ProductsTableImport {
    let table = try YearbookTable.load(bytes, file: file)
    return try ProductsTableReader(table: table).read()
  }

  /// Reads a table of either kind, telling which by its content (see ``classify(_:file:)``);
  /// the file is parsed once.
  public func importTable(_ bytes: [UInt8], file: String) throws(ImportError) -> TableImport {
    let table = try YearbookTable.load(bytes, file: file)
    let labels = TableLabels(fuels)
    switch try classify(table, fuels: labels) {
    case .energy: return .energy(try EnergyTableReader(table: table, fuels: labels).read())
    case .products: return .products(try ProductsTableReader(table: table).read())
    }
  }

  /// Tells an energy table from a products table by its content: a row naming two or more fuels
  /// (and no product) is an energy header; a cement (`水泥`) label makes a products table.
  /// - Throws: ``ImportError`` naming the file when it is neither.
  public func classify(_ bytes: [UInt8], file: String) throws(ImportError) -> TableKind {
    let table = try YearbookTable.load(bytes, file: file)
    return try classify(table, fuels: TableLabels(fuels))
  }

  func classify(_ table: YearbookTable, fuels: TableLabels<FuelDefinition>) throws(ImportError) -> TableKind {
    var sawProduct = false
    for row in table.rows {
      let cells = row.nonBlankCells
      // Speed: a row of one cell (a title or a note) cannot name two fuels; only products are looked for.
      let mayNameFuels = cells.count >= EnergyLayoutReader.fuelsInHeader
      var fuelsNamed: Set<Fuel> = [], productCells = 0
      for cell in cells {
        if ProductsTableReader.mayNameProduct(cell.text) && Vocabulary.products.name(of: cell.text) != nil {
          productCells += 1
        } else if mayNameFuels, let definition = fuels.name(of: cell.text) {
          fuelsNamed.insert(definition.fuel)
        }
      }
      if fuelsNamed.count >= EnergyLayoutReader.fuelsInHeader && productCells == 0 { return .energy }
      sawProduct = sawProduct || productCells > 0
    }
    if sawProduct { return .products }
    let header = likelyHeader(table, fuels: fuels)
    throw ImportError(
      "neither an energy-by-industry table nor a products table: no row names two or more fuels, "
        + "and no cell names cement (水泥)" + (header?.description ?? ""),
      at: header?.location ?? table.fileLocation,
      hint: "energy tables need a header such as 煤炭 Coal, 焦炭 Coke, 电力 Electricity; products tables a 水泥 Cement row or column")
  }

  /// The row of a table of neither kind that reads most like a header (the most cells holding
  /// text that is not a number), and what it names, so the message can show what was found.
  private func likelyHeader(_ table: YearbookTable, fuels: TableLabels<FuelDefinition>) -> (description: String, location: SourceLocation)? {
    let textCells = { (row: TableRow) in row.nonBlankCells.filter { !CellReader.isNumber($0.text) } }
    guard let row = table.rows.max(by: { textCells($0).count < textCells($1).count }), textCells(row).count >= 2 else {
      return nil
    }
    let named = textCells(row).compactMap { fuels.name(of: $0.text) }
    let others = textCells(row).filter { fuels.name(of: $0.text) == nil && Vocabulary.columnRoles.name(of: $0.text) == nil }
    guard let first = others.first else { return nil }
    let shown = others.prefix(6).map { "\"\(TextForms.display($0.text))\"" }.joined(separator: ", ") + (others.count > 6 ? ", …" : "")
    let names = named.first.map { "names only one fuel, \(EnergyLayoutReader.fuelName($0)); not fuels: " }
      ?? "names no fuel of the catalogue: "
    return ("; line \(row.line) looks like the header but " + names + shown, table.location(first))
  }
}
