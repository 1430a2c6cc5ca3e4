import CementModel
import XLSXReading

/// What a CEADs workbook gave: one ``ProvinceInputs`` per province, and notes on the workbook
/// as a whole (sheets that were skipped).
public struct CEADsImport: Sendable {
  /// The workbook as it is named in sources and messages.
  public let file: String
  /// One entry per province, sorted by province id (see ``CEADsImporter/provinceID(_:)``);
  /// each province's records are sorted by year, and its findings are those of its sheets.
  /// `files` is left empty: the caller, which holds the bytes, records the checksum.
  public let provinces: [ProvinceInputs]
  /// Workbook-level notes, such as a sheet skipped because its name gives no year.
  public let findings: [Finding]

  public init(file: String, provinces: [ProvinceInputs], findings: [Finding]) {
    self.file = file
    self.provinces = provinces
    self.findings = findings
  }

  /// The inputs of the province with this id (`liaoning`), or nil.
  public subscript(province: String) -> ProvinceInputs? {
    provinces.first { $0.province == province }
  }

  /// The province ids, in order.
  public var provinceIDs: [String] { provinces.map(\.province) }
}

/// Reads the .xlsx workbooks of the China Emission Accounts and Datasets (CEADs, ceads.net):
///
/// - the provincial **energy inventories** (`provincial-energy-inventory-YYYY.xlsx`): a `NOTE`
///   sheet, then one sheet per province named `<Province><year>` (`Liaoning2013`) holding a
///   header row (`Energy_inventory`, `Raw_Coal`, … 20 energy types), a unit row (`unit`,
///   `10^4 ton`, `10^8 cu.m`, `10^10 kj`, `10^8 kwh`, `10^4 tce`), `Total Final Consumption`
///   and 47 sectors. The importer reads each sheet's `Nonmetal Mineral Products` row into an
///   ``IndustryEnergyRecord``, every value traced to its cell (`file!Liaoning2013!B30`).
/// - the **apparent emission inventory** (`apparent-emission-inventory-1997-2022.xlsx`): one
///   sheet per year (`1997` … `2022`), provinces as columns (`Beijing` … `Xinjiang`, in C…AF)
///   and items as rows, among them `Process` / `Cement` (row 5): cement process CO₂ in Mt (the
///   unit is given on the `NOTE` sheet, `Mt 百万吨`, and in the total row's label, `(mt)`). The
///   importer derives cement output from it (``importApparentInventoryCement(path:file:factor:)``).
///
/// **Province ids** are the province's name as CEADs writes it, lower case, letters and digits
/// only (``provinceID(_:)``): `Liaoning2013` → `liaoning`, `InnerMongolia2013` and
/// `Inner mongolia` → `innermongolia`, `Shaanxi` → `shaanxi` (not `shanxi`). They match the
/// folder names of `Inputs/yearbook/<province>`.
///
/// Labels, fuel names, units and cell values are read with the yearbook importer's rules
/// (`Inputs/README.md`): the fuel catalogue's names and aliases (`Raw_Coal`, `Other_Gas`, …),
/// its spellings of the industry (`Nonmetal Mineral Products`, `Non-metallic Mineral Products`,
/// `Manufacture of Non-metallic Mineral Products` …), its units, and its cell conventions
/// (empty → not available, a dash → 0, no negative numbers).
///
/// Problems are thrown as ``ImportError`` located at `file!Sheet!B30`; a workbook that cannot be
/// read at all (not a ZIP archive, password-protected, damaged) gives the reader's message.
public struct CEADsImporter: Sendable {
  /// The fuels header cells are matched against.
  public let catalogue: FuelCatalogue
  let fuels: NameIndex<FuelDefinition>

  public init(catalogue: FuelCatalogue = .standard) {
    self.catalogue = catalogue
    fuels = Vocabulary.fuels(catalogue)
  }

  // MARK: - Energy inventories

  /// Reads the `Nonmetal Mineral Products` row of every province sheet of a CEADs energy
  /// inventory.
  ///
  /// Sheets are taken as provinces when their name ends in a 4-digit year (`Liaoning2013`);
  /// `NOTE` is skipped, and any other sheet is skipped with a note. Each province gets one
  /// ``IndustryEnergyRecord`` per year, with a value for every fuel column: raw coal, cleaned
  /// coal, other washed coal and briquettes as components of coal; coke-oven gas, other gas,
  /// LPG, refinery gas, other petroleum and coking products, heat and other energy as the
  /// catalogue's carriers. A column the catalogue does not know is reported as an
  /// `unknown-column` warning and not read.
  ///
  /// - Parameters:
  ///   - path: The workbook's path.
  ///   - file: The name to record in sources and messages; the path as given when nil.
  /// - Throws: ``ImportError`` when the workbook cannot be read, a sheet has no fuel header,
  ///   a fuel has no or an unknown unit, the industry's row is missing or given twice with
  ///   different values, or a value is not a number of zero or more.
  public func importEnergyInventory(path: String, file: String? = nil) throws(ImportError) -> CEADsImport {
    let name = file ?? path
    return try energyInventory(try Self.open(path: path, file: name), file: name)
  }

  /// As ``importEnergyInventory(path:file:)``, for a workbook already in memory.
  public func importEnergyInventory(bytes: [UInt8], file: String) throws(ImportError) -> CEADsImport {
    try energyInventory(try Self.open(bytes: bytes, file: file), file: file)
  }

  /// Reads one sector's row, found by its label (compared as labels are: case, spaces and
  /// punctuation aside), from every province sheet of an energy inventory: for example
  /// `Total Final Consumption`, against which the sectors can be checked.
  ///
  /// - Returns: The records by province id, each province's sorted by year.
  /// - Throws: As ``importEnergyInventory(path:file:)``; a sheet without the row is an error.
  public func importSectorRows(labelled label: String, path: String, file: String? = nil) throws(ImportError)
    -> [String: [IndustryEnergyRecord]]
  {
    let name = file ?? path
    let sheets = try energySheets(try Self.open(path: path, file: name), file: name, sector: .labelled(label))
    return Dictionary(grouping: sheets.rows, by: \.province).mapValues { $0.map(\.record).sorted { $0.year < $1.year } }
  }

  func energyInventory(_ reader: XLSXWorkbookReader, file: String) throws(ImportError) -> CEADsImport {
    let sheets = try energySheets(reader, file: file, sector: .nonMetallicMineralProducts)
    var byProvince: [String: ProvinceInputs] = [:]
    for row in sheets.rows {
      byProvince[row.province, default: ProvinceInputs(province: row.province)].energy.append(row.record)
      byProvince[row.province]?.findings += row.findings
      byProvince[row.province]?.statedTotals += row.statedTotals
    }
    let provinces = byProvince.keys.sorted().map { id in
      var inputs = byProvince[id]!
      inputs.energy.sort { $0.year < $1.year }
      return inputs
    }
    return CEADsImport(file: file, provinces: provinces, findings: sheets.findings)
  }

  /// One sector row of one province sheet.
  struct SheetRow {
    let province: String
    let record: IndustryEnergyRecord
    let findings: [Finding]
    let statedTotals: [StatedTotal]
  }

  /// Reads `sector` from every province sheet, in workbook order.
  func energySheets(_ reader: XLSXWorkbookReader, file: String, sector: CEADsSector) throws(ImportError)
    -> (rows: [SheetRow], findings: [Finding])
  {
    let cache = CEADsTextCache(fuels: fuels)
    var rows: [SheetRow] = [], findings: [Finding] = []
    var seen: [ProvinceYear: String] = [:]
    for (index, name) in reader.sheetNames.enumerated() {
      guard let (province, year) = Self.provinceSheet(name) else {
        if TextForms.key(name) != "note" { findings.append(Self.skipped(name, file: file, expected: "<Province><year>, such as Liaoning2013")) }
        continue
      }
      if let earlier = seen[ProvinceYear(province: province, year: year)] {
        throw ImportError(
          "sheets '\(earlier)' and '\(name)' both hold province \(province) in \(year)",
          at: SourceLocation(file: file, cell: CEADsCells.quoted(name)), hint: "keep one sheet per province and year")
      }
      seen[ProvinceYear(province: province, year: year)] = name
      let sheet = try Self.sheet(at: index, of: reader, file: file)
      let layout = try CEADsEnergySheet(sheet: sheet, file: file, year: year, cache: cache)
      let (record, rowFindings) = try layout.record(sector, cache: cache)
      let totals = sector == .nonMetallicMineralProducts ? layout.statedTotals() : []
      rows.append(SheetRow(province: province, record: record, findings: layout.findings + rowFindings, statedTotals: totals))
    }
    guard !rows.isEmpty else { throw Self.noSheets(reader, file: file, expected: "<Province><year>, such as Liaoning2013") }
    return (rows, findings)
  }

  private struct ProvinceYear: Hashable {
    let province: String
    let year: Int
  }

  // MARK: - Sheet names and province ids

  /// The province id of a name as CEADs writes it: lower case, letters and digits only.
  /// `Liaoning` → `liaoning`, `InnerMongolia` and `Inner mongolia` → `innermongolia`.
  public static func provinceID(_ name: String) -> String { TextForms.key(name) }

  /// The province id and year of a province sheet's name, `Liaoning2013` → (`liaoning`, 2013);
  /// nil for `NOTE` and any name that does not end in a 4-digit year after the province's name.
  public static func provinceSheet(_ name: String) -> (province: String, year: Int)? {
    let trimmed = TextForms.trim(name)
    let digits = trimmed.reversed().prefix { TextForms.isDigit($0) }
    guard digits.count == 4, let year = Int(String(digits.reversed())), YearReading.plausible.contains(year) else { return nil }
    let province = provinceID(String(trimmed.dropLast(4)))
    return province.isEmpty ? nil : (province, year)
  }

  static func skipped(_ sheet: String, file: String, expected: String) -> Finding {
    Finding(
      .note, check: "sheet-skipped", "sheet '\(sheet)' was not read: its name is not \(expected)",
      at: SourceLocation(file: file, cell: CEADsCells.quoted(sheet)))
  }

  /// The error for a workbook none of whose sheets is of the kind expected: the wrong workbook.
  static func noSheets(_ reader: XLSXWorkbookReader, file: String, expected: String) -> ImportError {
    let names = reader.sheetNames.prefix(8).map { "'\($0)'" }.joined(separator: ", ") + (reader.sheetNames.count > 8 ? ", …" : "")
    return ImportError(
      "no sheet of the workbook is named \(expected)" + (reader.sheetNames.isEmpty ? "" : "; its sheets are \(names)"),
      at: SourceLocation(file: file),
      hint: "CEADs energy inventories have one sheet per province (Liaoning2013); the apparent emission inventory one sheet per year (2013)")
  }

  // MARK: - Opening, with the reader's errors mapped

  static func open(path: String, file: String) throws(ImportError) -> XLSXWorkbookReader {
    do { return try XLSXWorkbookReader(path: path) } catch { throw importError(error, file: file) }
  }

  static func open(bytes: [UInt8], file: String) throws(ImportError) -> XLSXWorkbookReader {
    do { return try XLSXWorkbookReader(bytes: bytes, name: file) } catch { throw importError(error, file: file) }
  }

  static func sheet(at index: Int, of reader: XLSXWorkbookReader, file: String) throws(ImportError) -> XLSXSheet {
    do { return try reader.sheet(at: index) } catch { throw importError(error, file: file) }
  }

  /// The same message and hint, at the same place (`file!Sheet!B30`), under the name the
  /// caller gave the workbook.
  static func importError(_ error: XLSXReadError, file: String) -> ImportError {
    let place = [error.sheet.map(CEADsCells.quoted), error.cell].compactMap { $0 }
    return ImportError(
      error.message, at: SourceLocation(file: file, cell: place.isEmpty ? nil : place.joined(separator: "!")), hint: error.hint)
  }
}
