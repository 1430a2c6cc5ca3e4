import CementModel
import XLSXReading

extension CEADsImporter {
  /// Derives each province's cement output from the cement process CO₂ of the CEADs apparent
  /// emission inventory (`apparent-emission-inventory-1997-2022.xlsx`).
  ///
  /// The workbook has a `NOTE` sheet (its `Unit/单位` row says `Mt 百万吨`), then one sheet per
  /// year named by the year (`1997` … `2022`). On each, row 1 names the provinces from column C
  /// (`Beijing` … `Xinjiang`; `Inner mongolia`), and the row labelled `Process` | `Cement`
  /// (A5:B5) holds each province's cement process CO₂ in Mt. CEADs computes that CO₂ as a fixed
  /// factor per tonne of **cement**, so output = CO₂ ÷ factor; each record is flagged `derived`
  /// and its steps say so: `derived: cement process CO₂ 17.52 Mt ÷ 0.2906 t/t (CEADs apparent
  /// inventory) = 6029.97 × 10⁴ t cement`.
  ///
  /// The layout is found, not assumed: the `Cement` label (the first under a `Process` label),
  /// the header row above it naming the provinces, and the unit, from the cement label
  /// (`Cement (Mt)`), the `NOTE` sheet or a label such as `Total apparent CO2 emissions (mt)`;
  /// where several give a unit they must agree. Sheets whose name is not a year are skipped.
  ///
  /// - Parameters:
  ///   - path: The workbook's path.
  ///   - file: The name to record in sources and messages; the path as given when nil.
  ///   - factor: Process CO₂ per tonne of cement, t CO₂/t (CEADs: 0.2906), from the methodology.
  /// - Returns: One ``ProvinceInputs`` per province with its cement ``ProductRecord``s by year,
  ///   in tonnes of cement; an empty cell gives a record with no value, flagged not available.
  /// - Throws: ``ImportError`` when the workbook cannot be read, the factor is not positive,
  ///   a year sheet has no cement row or no province header, no unit is given or two disagree,
  ///   or a value is not a number of zero or more.
  public func importApparentInventoryCement(path: String, file: String? = nil, factor: Double) throws(ImportError) -> CEADsImport {
    let name = file ?? path
    try Self.checkFactor(factor, file: name)
    return try apparentInventoryCement(try Self.open(path: path, file: name), file: name, factor: factor)
  }

  /// As ``importApparentInventoryCement(path:file:factor:)``, for a workbook already in memory.
  public func importApparentInventoryCement(bytes: [UInt8], file: String, factor: Double) throws(ImportError) -> CEADsImport {
    try Self.checkFactor(factor, file: file)
    return try apparentInventoryCement(try Self.open(bytes: bytes, file: file), file: file, factor: factor)
  }

  private static func checkFactor(_ factor: Double, file: String) throws(ImportError) {
    guard factor.isFinite, factor > 0 else {
      throw ImportError(
        "the cement process factor must be a positive number of t CO₂ per t of cement, not \(factor)",
        at: SourceLocation(file: file), hint: "CEADs uses 0.2906 t CO₂/t cement")
    }
  }

  func apparentInventoryCement(_ reader: XLSXWorkbookReader, file: String, factor: Double) throws(ImportError) -> CEADsImport {
    var findings: [Finding] = []
    var noteUnit: CEADsCO2Unit?
    var byProvince: [String: ProvinceInputs] = [:]
    var years: [Int: String] = [:]
    for (index, name) in reader.sheetNames.enumerated() {
      guard let year = YearReading.year(inCell: name) else {
        if TextForms.key(name) == "note" {
          noteUnit = CEADsCO2Unit.stated(in: CEADsCells(sheet: try Self.sheet(at: index, of: reader, file: file), file: file))
        } else {
          findings.append(Self.skipped(name, file: file, expected: "a year, such as 2013"))
        }
        continue
      }
      if let earlier = years[year] {
        throw ImportError(
          "sheets '\(earlier)' and '\(name)' both hold \(year)", at: SourceLocation(file: file, cell: CEADsCells.quoted(name)),
          hint: "keep one sheet per year")
      }
      years[year] = name
      let cells = CEADsCells(sheet: try Self.sheet(at: index, of: reader, file: file), file: file)
      let sheet = try CEADsApparentSheet(cells: cells, year: year, noteUnit: noteUnit)
      findings += sheet.findings
      for (province, record) in try sheet.records(factor: factor) {
        byProvince[province, default: ProvinceInputs(province: province)].products.append(record)
      }
    }
    guard !years.isEmpty else { throw Self.noSheets(reader, file: file, expected: "a year, such as 2013") }
    let provinces = byProvince.keys.sorted().map { id in
      var inputs = byProvince[id]!
      inputs.products.sort { $0.year < $1.year }
      return inputs
    }
    return CEADsImport(file: file, provinces: provinces, findings: findings)
  }
}

/// A unit of CO₂ mass as the apparent inventory writes it, with where it was found.
struct CEADsCO2Unit {
  let unit: MeasurementUnit<CO2Mass>
  /// As written: `Mt 百万吨`, `mt`.
  let text: String
  let location: SourceLocation

  private static let spellings: [String: MeasurementUnit<CO2Mass>] = [
    "mt": .megatonnesCO2, "mtco2": .megatonnesCO2, "百万吨": .megatonnesCO2, "百万吨二氧化碳": .megatonnesCO2,
    "milliontonnes": .megatonnesCO2, "milliontons": .megatonnesCO2, "milliontonnesco2": .megatonnesCO2,
    "万吨": .tenThousandTonnesCO2, "万吨二氧化碳": .tenThousandTonnesCO2,
    "t": .tonnesCO2, "tco2": .tonnesCO2, "吨": .tonnesCO2, "tonnes": .tonnesCO2, "tons": .tonnesCO2,
  ]

  /// The unit a text names: each of its lines and scripts (`Mt⏎百万吨`) that names a unit must
  /// name the same one.
  static func unit(_ text: String) -> MeasurementUnit<CO2Mass>? {
    var found: MeasurementUnit<CO2Mass>?
    for line in text.split(whereSeparator: { $0.isNewline || $0 == "/" }) {
      for run in TextForms.scriptRuns(String(line)) {
        guard let unit = spellings[TextForms.key(run)] else { continue }
        if let found, found != unit { return nil }
        found = unit
      }
    }
    return found
  }

  /// The unit in brackets in a label: `Total apparent CO2 emissions (mt)`.
  static func bracketed(_ text: String, at location: SourceLocation) -> CEADsCO2Unit? {
    for group in TextForms.bracketGroups(text).groups {
      if let unit = unit(group) { return CEADsCO2Unit(unit: unit, text: TextForms.trim(group), location: location) }
    }
    return nil
  }

  /// The unit a `NOTE` sheet states in its `Unit/单位` row.
  static func stated(in note: CEADsCells) -> CEADsCO2Unit? {
    for row in 0..<note.sheet.rowCount {
      guard let label = note.text(row, 0),
        TextForms.scriptRuns(label).contains(where: { ["unit", "units", "单位"].contains(TextForms.key($0)) })
      else { continue }
      for column in 1..<max(1, note.sheet.columnCount) {
        guard let text = note.text(row, column) else { continue }
        return unit(text).map { CEADsCO2Unit(unit: $0, text: TextForms.display(text), location: note.location(row, column)) }
      }
    }
    return nil
  }
}

/// One year sheet of the apparent inventory: where the cement row, the province header and
/// the unit are.
struct CEADsApparentSheet {
  let cells: CEADsCells
  let year: Int
  let cementRow: Int
  /// The label of the cement row as written, its cells joined: `Process Cement`.
  let rowLabel: String
  /// Province columns: id and header as written.
  let provinces: [(column: Int, id: String, header: String)]
  let unit: CEADsCO2Unit
  let findings: [Finding]

  init(cells: CEADsCells, year: Int, noteUnit: CEADsCO2Unit?) throws(ImportError) {
    self.cells = cells
    self.year = year
    let sheet = cells.sheet
    guard let (row, itemColumn) = Self.cementCell(cells) else {
      let labels = (0..<sheet.rowCount).compactMap { row in (0..<min(2, sheet.columnCount)).lazy.compactMap { cells.text(row, $0) }.first }
      throw ImportError(
        "sheet '\(sheet.name)' has no Cement row of process emissions"
          + (labels.isEmpty ? "" : "; labels seen: " + labels.prefix(6).map { "\"\(TextForms.display($0))\"" }.joined(separator: ", ")),
        at: cells.sheetLocation, hint: "the apparent inventory lists process emissions as Process | Cement, one column per province")
    }
    cementRow = row
    rowLabel = (0...itemColumn).compactMap { cells.text(row, $0).map(TextForms.display) }.joined(separator: " ")
    guard let header = (0..<row).reversed().first(where: { header in
      (itemColumn + 1..<max(itemColumn + 1, sheet.columnCount)).filter { cells.text(header, $0) != nil }.count >= 2
    }) else {
      throw ImportError(
        "sheet '\(sheet.name)' has no header row naming the provinces above its Cement row",
        at: cells.location(row, itemColumn), hint: "the provinces head the columns right of the items, as Beijing, Tianjin, …")
    }
    var provinces: [(column: Int, id: String, header: String)] = [], findings: [Finding] = []
    var seen: [String: Int] = [:]
    for column in itemColumn + 1..<sheet.columnCount {
      guard let text = cells.text(header, column) else {
        if sheet[row, column] != nil {
          findings.append(
            Finding(
              .warning, check: "unknown-column",
              "column \(CEADsCells.columnName(column)) of sheet '\(sheet.name)' has no province in its header; its value "
                + "\"\(cells.written(row, column))\" was not read", at: cells.location(row, column), year: year))
        }
        continue
      }
      let id = CEADsImporter.provinceID(text)
      if Self.totals.contains(id) {
        findings.append(
          Finding(
            .note, check: "unknown-column", "column \(CEADsCells.columnName(column)) \"\(TextForms.display(text))\" of sheet "
              + "'\(sheet.name)' is a total, not a province; it was not read", at: cells.location(header, column), year: year))
        continue
      }
      if let earlier = seen[id] {
        throw ImportError(
          "columns \(CEADsCells.columnName(earlier)) and \(CEADsCells.columnName(column)) of sheet '\(sheet.name)' both hold \(id)",
          at: cells.location(header, column), hint: "keep one column per province")
      }
      seen[id] = column
      provinces.append((column, id, TextForms.display(text)))
    }
    self.provinces = provinces

    // The unit: on the cement label, on the NOTE sheet, or on another label; all must agree.
    var units: [CEADsCO2Unit] = (0...itemColumn).compactMap { column in
      cells.text(row, column).flatMap { CEADsCO2Unit.bracketed($0, at: cells.location(row, column)) }
    }
    if let noteUnit { units.append(noteUnit) }
    for labelRow in 0..<sheet.rowCount {
      for column in 0...itemColumn {
        if let text = cells.text(labelRow, column), let unit = CEADsCO2Unit.bracketed(text, at: cells.location(labelRow, column)) {
          units.append(unit)
        }
      }
    }
    guard let unit = units.first else {
      throw ImportError(
        "no unit for the cement process CO₂ of sheet '\(sheet.name)': neither its labels nor a NOTE sheet give one",
        at: cells.location(row, itemColumn), hint: "write the unit in the label, as Cement (Mt)")
    }
    if let other = units.first(where: { $0.unit != unit.unit }) {
      throw ImportError(
        "two different units for the CO₂ of sheet '\(sheet.name)': \(unit.text) (\(unit.location)) and \(other.text)",
        at: other.location, hint: "the units of the NOTE sheet and the labels must agree")
    }
    self.unit = unit
    self.findings = findings
  }

  /// Headers that are the national total rather than a province.
  private static let totals: Set<String> = ["total", "national", "nationaltotal", "china", "sum", "全国", "合计", "总计"]

  /// The cement label: the first one at or below a `Process` label, or the first at all.
  private static func cementCell(_ cells: CEADsCells) -> (row: Int, column: Int)? {
    var first: (Int, Int)?, process: Int?
    for row in 0..<cells.sheet.rowCount {
      for column in 0..<cells.sheet.columnCount {
        guard let text = cells.text(row, column) else { continue }
        let key = TextForms.key(text)
        if process == nil, key.hasPrefix("process") || key.hasPrefix("工业过程") { process = row }
        guard TextForms.contains(key, "cement") || TextForms.contains(key, "水泥"),
          Vocabulary.products.read(text).name == .cement
        else { continue }
        if process != nil { return (row, column) }
        first = first ?? (row, column)
      }
    }
    return first
  }

  /// The cement output of each province, derived from its process CO₂.
  func records(factor: Double) throws(ImportError) -> [(province: String, record: ProductRecord)] {
    var records: [(String, ProductRecord)] = []
    for province in provinces {
      let column = province.column
      let reading = try cells.reading(cementRow, column, context: "column \"\(province.header)\"")
      let source = SourceRecord(
        location: cells.location(cementRow, column), originalText: cells.written(cementRow, column), originalUnit: unit.text,
        label: "\(rowLabel), \(province.header)")
      let output: Traced<Quantity<Mass>?>
      switch reading {
      case .notAvailable:
        let written = TextForms.trim(cells.written(cementRow, column))
        let step = written.isEmpty ? "empty cell: not available" : "read \"\(written)\" as not available"
        output = Traced(nil, sources: [source], steps: [step], flags: [.notAvailable])
      case .dash, .number:
        let (value, digits): (Double, String) =
          if case .number(let value, let digits) = reading { (value, digits) } else { (0, TextForms.trim(cells.written(cementRow, column))) }
        let co2 = Quantity<CO2Mass>(value, unit.unit)
        guard co2.baseValue.isFinite else {
          throw ImportError("the number in column \"\(province.header)\" is too large: \"\(digits)\"", at: source.location)
        }
        let cement = Quantity<Mass>(baseValue: co2.baseValue / factor)
        let steps = [
          "read \(digits) \(unit.text) = \(CEADsCells.grouped(co2.baseValue)) t CO₂",
          "derived: cement process CO₂ \(Format.fixed(co2.value(in: .megatonnesCO2), 2)) Mt ÷ \(factor) t/t (CEADs apparent inventory)"
            + " = \(Format.fixed(cement.value(in: .tenThousandTonnes), 2)) × 10⁴ t cement",
        ]
        output = Traced(cement, sources: [source], steps: steps, flags: [.derived])
      }
      records.append((province.id, ProductRecord(year: year, product: .cement, output: output, dataset: Dataset.ceads)))
    }
    return records
  }
}
