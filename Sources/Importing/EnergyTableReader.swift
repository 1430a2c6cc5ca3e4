import CementModel

/// Reads the non-metallic mineral products rows of an energy table whose layout is known.
struct EnergyTableReader {
  let table: YearbookTable
  let fuels: TableLabels<FuelDefinition>

  /// A matching row with its year and values.
  private struct IndustryRow {
    let row: TableRow
    let year: Int
    let label: String
    let labelCell: TableCell
    let values: [Fuel: Traced<ActivityAmount?>]
  }

  func read() throws(ImportError) -> EnergyTableImport {
    let layout = try EnergyLayoutReader(table: table, fuels: fuels).read()
    var findings = layout.findings
    let tableYear: Int?
    if layout.yearColumn == nil {
      let found = try YearReading.tableYear(titleRows: layout.titleRows, in: table)
      tableYear = found.year
      findings += found.findings
    } else {
      tableYear = nil
    }
    let rows = try industryRows(layout, tableYear: tableYear)
    let (kept, duplicates) = try dropDuplicates(rows, layout: layout)
    let records = kept.map { row in
      IndustryEnergyRecord(year: row.year, industryLabel: row.label, location: table.location(row.labelCell), values: row.values)
    }
    findings += duplicates + kept.flatMap { unheadedValues($0, layout: layout) }
    return EnergyTableImport(records: records, findings: findings, encoding: table.encoding)
  }

  /// Values in columns without any header are reported, not silently dropped.
  private func unheadedValues(_ row: IndustryRow, layout: EnergyLayout) -> [Finding] {
    row.row.cells.filter {
      !$0.isBlank && !layout.headedColumns.contains($0.column) && !layout.labelColumns.contains($0.column)
    }.map { cell in
      Finding(
        .warning, check: "unknown-column",
        "column \(cell.column) has no header; its value \"\(TextForms.trim(cell.text))\" in this row was not read",
        at: table.location(cell), year: row.year)
    }
  }

  // MARK: - Finding the rows

  private func industryRows(_ layout: EnergyLayout, tableYear: Int?) throws(ImportError) -> [IndustryRow] {
    var found: [IndustryRow] = []
    var labelsSeen: [String] = []
    var firstLabel: TableCell?
    var yearAbove: Int?
    for row in table.rows[layout.dataStart...] {
      try refuseRepeatedHeader(row, layout: layout)
      let rowYear = layout.yearColumn.flatMap { YearReading.year(inCell: row.cell($0).text) }
      yearAbove = rowYear ?? yearAbove
      let labelCells = layout.labelColumns.map(row.cell).filter { !$0.isBlank }
      guard let match = labelCells.first(where: { Vocabulary.isNonMetallicIndustry($0.text) }) else {
        if let label = labelCells.first, labelsSeen.count < 6 { labelsSeen.append(TextForms.display(label.text)) }
        firstLabel = firstLabel ?? labelCells.first
        continue
      }
      let year: Int
      if let tableYear { year = tableYear } else { year = try self.year(of: row, layout: layout, yearAbove: yearAbove) }
      let label = labelCells.map { TextForms.trim($0.text) }.joined(separator: " ")
      found.append(IndustryRow(row: row, year: year, label: label, labelCell: match, values: try values(of: row, layout)))
    }
    guard !found.isEmpty else { throw missingRow(labelsSeen, at: firstLabel, layout: layout) }
    return found
  }

  /// A row below the header that names two or more fuels and holds no number is a header
  /// again: a second table (perhaps in other units) pasted below the first, whose rows would
  /// otherwise be read under the first header's units.
  private func refuseRepeatedHeader(_ row: TableRow, layout: EnergyLayout) throws(ImportError) {
    let named = row.cells.filter { !$0.isBlank && fuels.name(of: $0.text) != nil }
    guard named.count >= EnergyLayoutReader.fuelsInHeader,
      Set(named.compactMap { fuels.name(of: $0.text)?.fuel }).count >= EnergyLayoutReader.fuelsInHeader,
      !row.cells.contains(where: { CellReader.isNumber($0.text) })
    else { return }
    throw table.repeatedHeader(at: named[0], headerLine: layout.headerLine)
  }

  /// The year of a row of a table with a year column; an empty year cell takes the year above
  /// it, as merged cells export.
  private func year(of row: TableRow, layout: EnergyLayout, yearAbove: Int?) throws(ImportError) -> Int {
    guard let column = layout.yearColumn else { return yearAbove ?? 0 }
    let cell = row.cell(column)
    if let year = YearReading.year(inCell: cell.text) { return year }
    let header = layout.yearHeader ?? "年份"
    guard cell.isBlank, let yearAbove else {
      throw ImportError(
        cell.isBlank ? "no year for the row: the \"\(header)\" cell is empty and no row above gives one"
          : "expected a year (\(YearReading.plausible.lowerBound)–\(YearReading.plausible.upperBound)) in column "
            + "\"\(header)\", found \"\(TextForms.trim(cell.text))\"",
        at: table.location(cell), hint: "write the year as 2013 or 2013年")
    }
    return yearAbove
  }

  private func values(of row: TableRow, _ layout: EnergyLayout) throws(ImportError) -> [Fuel: Traced<ActivityAmount?>] {
    let tracer = CellTracer(table: table)
    var values: [Fuel: Traced<ActivityAmount?>] = [:]
    for column in layout.fuelColumns {
      values[column.definition.fuel] = try tracer.amount(
        row.cell(column.column), unit: column.unit, label: column.header, context: "column \"\(column.header)\"")
    }
    return values
  }

  /// The error for a table without the industry's row, placed at the first label below the
  /// header (where the row was looked for), or after the header when no row has a label.
  private func missingRow(_ labelsSeen: [String], at firstLabel: TableCell?, layout: EnergyLayout) -> ImportError {
    let seen = labelsSeen.isEmpty ? "no labelled rows below the header" : "labels seen: " + labelsSeen.map { "\"\($0)\"" }.joined(separator: ", ")
    let headerEnd = table.rows[layout.dataStart - 1]
    return ImportError(
      "no row for \(Vocabulary.industryName); \(seen)",
      at: firstLabel.map { table.location($0) } ?? SourceLocation(file: table.file, line: headerEnd.line),
      hint: "label the row 非金属矿物制品业 or Manufacture of Non-metallic Mineral Products (a code such as C30 may precede it)")
  }

  // MARK: - Duplicates

  /// Keeps the first row per year. A repeat with the same values is a warning; with different
  /// values it is an error, because either could be right.
  private func dropDuplicates(_ rows: [IndustryRow], layout: EnergyLayout) throws(ImportError) -> ([IndustryRow], [Finding]) {
    var kept: [IndustryRow] = [], findings: [Finding] = []
    for row in rows {
      guard let first = kept.first(where: { $0.year == row.year }) else {
        kept.append(row)
        continue
      }
      if let difference = firstDifference(first, row, layout: layout) {
        throw ImportError(
          "two rows for \(Vocabulary.industryName) in \(row.year) differ: line \(first.row.line) and line \(row.row.line) (\(difference))",
          at: table.location(row.labelCell), hint: "delete the row that is wrong")
      }
      findings.append(
        Finding(
          .warning, check: "duplicate-row",
          "the row for \(Vocabulary.industryName) in \(row.year) repeats line \(first.row.line) with the same values; line \(first.row.line) was used",
          at: table.location(row.labelCell), year: row.year))
    }
    return (kept, findings)
  }

  /// `焦炭 Coke: 381.35 vs 380` for the first fuel whose values differ, or nil.
  private func firstDifference(_ a: IndustryRow, _ b: IndustryRow, layout: EnergyLayout) -> String? {
    for column in layout.fuelColumns {
      let fuel = column.definition.fuel
      guard a.values[fuel]?.value != b.values[fuel]?.value else { continue }
      let shown = { (row: IndustryRow) in TextForms.trim(row.row.cell(column.column).text) }
      return "\(column.header): \"\(shown(a))\" vs \"\(shown(b))\""
    }
    return nil
  }
}
