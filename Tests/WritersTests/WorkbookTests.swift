import Accounting
import CementModel
import Foundation
import Testing
import Verification
@testable import Writers

private typealias Headers = WorkbookWriter.Headers
private typealias Labels = WorkbookWriter.Labels
private typealias Highlight = WorkbookWriter.Highlight

/// The workbook of the bundled province (study-2025), read back from the written file.
@Suite struct WorkbookTests {
  let scratch: WorkbookScratch
  init() throws { scratch = try WorkbookScratch() }

  private static let emissionsUnit = MeasurementUnit<CO2Mass>.tenThousandTonnesCO2.symbol

  /// Writes the bundled province's workbook and reads it back.
  private func written(_ record: RunRecord? = nil, name: String = "account.xlsx") throws -> StoredWorkbook {
    let path = scratch.file(name)
    try WorkbookWriter.write(try record ?? WorkbookFixture.record(), to: path)
    return try StoredWorkbook(path)
  }

  /// The cell of `year` in `column` of a year-by-row sheet.
  private func cell(_ cells: [String: WorkbookCell], _ grid: WorkbookGrid, year: Int, column: Int) throws -> WorkbookCell {
    let row = try #require(grid.row(year), "no row for \(year)")
    return try #require(cells[WorkbookGrid.reference(row, column)], "no cell for \(year) in column \(column)")
  }

  private func combustionColumn(_ grid: WorkbookGrid, _ fuel: Fuel) throws -> Int {
    try #require(grid.column(Headers.withUnit(Headers.name(fuel), Self.emissionsUnit)), "no Combustion column for \(fuel)")
  }

  @Test func sheetsComeInOrderWithTheirNames() throws {
    defer { scratch.remove() }
    let workbook = try written()
    #expect(
      workbook.sheetNames == [
        "Summary", "Activity", "Factors", "Combustion", "Process", "Totals and shares", "Stages", "Checks", "Provenance",
      ])
    let xml = try workbookMember("xl/workbook.xml", of: workbook.path)
    #expect(xml.contains(#"<sheet name="Totals and shares" sheetId="6""#))
  }

  @Test func coalIn2013IsAFormulaOfActivityAndFactorsCachingTheAccountsValue() throws {
    defer { scratch.remove() }
    let account = try WorkbookFixture.account()
    let cells = try written().cells("Combustion")
    let grid = WorkbookGrid(cells)
    let row = try #require(grid.row(2013))
    let cell = try #require(cells[WorkbookGrid.reference(row, try combustionColumn(grid, .coal))])
    let formula = try #require(cell.formula)
    #expect(formula.hasPrefix("Activity!") && formula.contains("*Factors!$"))
    let expected = try #require(account[2013]?.emissions(of: "coal")).value(in: .tenThousandTonnesCO2)
    let cached = try #require(cell.number)
    #expect(abs(cached - 2838.52) <= 0.005)  // the study's Table 1
    // libxlsxwriter writes numbers with 16 significant digits, so a cache may be an ulp off.
    #expect(agreesRelatively(cached, expected, relative: 1e-15))
  }

  @Test func everyFigureOfTablesOneAndThreeIsAFormulaCachingTheAccountsValue() throws {
    defer { scratch.remove() }
    let account = try WorkbookFixture.account()
    let workbook = try written()
    let combustion = try workbook.cells("Combustion"), process = try workbook.cells("Process")
    let combustionGrid = WorkbookGrid(combustion), processGrid = WorkbookGrid(process)
    let total = try #require(combustionGrid.column(Headers.withUnit(Headers.total, Self.emissionsUnit)))
    let processColumn = try #require(processGrid.column(Headers.processCO2))
    var checked = 0
    for year in account.years {
      let row = try #require(combustionGrid.row(year.year))
      for entry in year.entries {
        let stored: WorkbookCell? =
          entry.scope == .process
          ? processGrid.row(year.year).flatMap { process[WorkbookGrid.reference($0, processColumn)] }
          : combustion[WorkbookGrid.reference(row, try combustionColumn(combustionGrid, Fuel(entry.source)))]
        let cell = try #require(stored, "no cell for \(entry.source) \(year.year)")
        #expect(cell.formula != nil, "\(entry.source) \(year.year) is not a formula")
        #expect(agreesRelatively(cell.number, entry.emissions.value(in: .tenThousandTonnesCO2), relative: 1e-15), "\(entry.source) \(year.year)")
        checked += 1
      }
      let sum = try #require(combustion[WorkbookGrid.reference(row, total)])
      #expect(sum.formula?.hasPrefix("SUM(") == true)
      #expect(agreesRelatively(sum.number, year.total(.energy).value(in: .tenThousandTonnesCO2), relative: 1e-15))
    }
    #expect(checked == account.years.flatMap(\.entries).count)
  }

  /// Changing a factor in the workbook changes every dependent emission: the coal figure refers
  /// to the NCV and EF cells of Factors, and EF is itself a formula of CC and OF.
  @Test func coalFormulaDependsOnTheFactorCells() throws {
    defer { scratch.remove() }
    let workbook = try written()
    let combustion = try workbook.cells("Combustion"), activity = try workbook.cells("Activity")
    let factors = try workbook.cells("Factors")
    let grid = WorkbookGrid(combustion)
    let row = try #require(grid.row(2013))
    let formula = try #require(combustion[WorkbookGrid.reference(row, try combustionColumn(grid, .coal))]?.formula)
    let match = try #require(formula.wholeMatch(of: /Activity!([A-Z]+[0-9]+)\*Factors!\$([A-Z]+)\$([0-9]+)\*Factors!\$([A-Z]+)\$([0-9]+)/))
    let (use, ncv, ef) = (String(match.1), "\(match.2)\(match.3)", "\(match.4)\(match.5)")
    #expect(match.3 == match.5, "NCV and EF come from the same fuel's row")
    // Activity: cement use = industry use × allocation share, the industry use as the yearbook prints it.
    let useFormula = try #require(activity[use]?.formula)
    let parts = useFormula.split(separator: "*").map(String.init)
    #expect(parts.count == 2)
    #expect(activity[parts[0]]?.number == 1493.7229)
    #expect(activity[parts.last ?? ""]?.number == 1)
    // Factors: the coal row, its NCV, and EF = 44/12 × CC × OF / 1000 (formula 3, in the order
    // the account multiplies it).
    let factorRow = Int(match.3) ?? 0
    #expect(factors["A\(factorRow)"]?.text == "煤炭 Coal")
    #expect(factors[ncv]?.number == 20.908)
    #expect(factors[ncv]?.formula == nil)
    let efFormula = try #require(factors[ef]?.formula)
    let cc = "D\(factorRow)", of = "E\(factorRow)"
    #expect(efFormula == "44/12*\(cc)*\(of)/1000")
    #expect(factors[cc]?.number == 26.37)
    #expect(factors[of]?.number == 0.94)
  }

  @Test func theSameRecordGivesByteIdenticalFiles() throws {
    defer { scratch.remove() }
    let record = try WorkbookFixture.record()
    try WorkbookWriter.write(record, to: scratch.file("first.xlsx"))
    try WorkbookWriter.write(record, to: scratch.file("second.xlsx"))
    let first = try Data(contentsOf: URL(fileURLWithPath: scratch.file("first.xlsx")))
    let second = try Data(contentsOf: URL(fileURLWithPath: scratch.file("second.xlsx")))
    #expect(!first.isEmpty)
    #expect(first == second)
  }

  @Test func labelsFollowTheRecordsLanguage() throws {
    defer { scratch.remove() }
    let chinese = try written(try WorkbookFixture.record(language: .zh), name: "zh.xlsx")
    let english = try written(try WorkbookFixture.record(language: .en), name: "en.xlsx")
    #expect(try chinese.cells("Summary")["A1"]?.text == "水泥行业二氧化碳排放核算")
    #expect(try english.cells("Summary")["A1"]?.text == "Cement industry CO₂ account")
    #expect(try chinese.cells("Checks")["A4"]?.text == "问题清单")
    #expect(try workbookMember("docProps/core.xml", of: chinese.path).contains("<dc:title>liaoning水泥行业二氧化碳排放核算（study-2025）</dc:title>"))
    // Column headers are bilingual in both.
    #expect(try chinese.cells("Combustion")["A5"]?.text == "年份 Year")
    #expect(try english.cells("Combustion")["A5"]?.text == "年份 Year")
  }

  @Test func everyLabelIsGivenInBothLanguages() {
    defer { scratch.remove() }
    let english = Mirror(reflecting: Labels.english).children
    let chinese = Dictionary(
      Mirror(reflecting: Labels.chinese).children.compactMap { child in child.label.map { ($0, child.value) } },
      uniquingKeysWith: { first, _ in first })
    #expect(english.count == chinese.count)
    for child in english {
      guard let label = child.label, let text = child.value as? String else { continue }
      let translation = chinese[label] as? String ?? ""
      #expect(!text.isEmpty && !translation.isEmpty, "\(label)")
      #expect(translation.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(label) is not Chinese: \(translation)")
    }
    for highlight in Highlight.allCases {
      #expect(Labels.english.highlight(highlight) != Labels.chinese.highlight(highlight))
    }
  }

  @Test func gapFilledYearsAreHighlighted() throws {
    defer { scratch.remove() }
    let workbook = try written()
    let combustion = try workbook.cells("Combustion")
    let grid = WorkbookGrid(combustion)
    let column = try combustionColumn(grid, .coal)
    let filled = try cell(combustion, grid, year: 2008, column: column)
    let observed = try cell(combustion, grid, year: 2007, column: column)
    #expect(workbook.fill(ofStyle: filled.style) == "FFF8CBAD")  // carried forward
    #expect(workbook.fill(ofStyle: observed.style) == nil)
    let activity = try workbook.cells("Activity")
    let activityGrid = WorkbookGrid(activity)
    let use = try #require(activityGrid.column(Headers.withUnit(Headers.name(.coal), "10⁴ t")))
    let activityCell = try cell(activity, activityGrid, year: 2018, column: use)
    #expect(workbook.fill(ofStyle: activityCell.style) == "FFF8CBAD")
  }

  @Test func aPublishedCellThatDiffersIsHighlightedAndListed() throws {
    defer { scratch.remove() }
    let account = try WorkbookFixture.account()
    let coal = try #require(account[2013]?.emissions(of: "coal")).value(in: .tenThousandTonnesCO2)
    let energy = try #require(account[2013]?.total(.energy)).value(in: .tenThousandTonnesCO2)
    let table = PublishedTable(
      title: "Test table", citation: "test", methodology: "study-2025", unit: .tenThousandTonnesCO2, tolerance: 0.01,
      columns: [PublishedColumn(name: "coal", selector: .source("coal")), PublishedColumn(name: "energy", selector: .aggregate(.energy))],
      cells: [
        PublishedCell(year: 2013, column: "coal", value: coal + 1, text: "2839.52", location: SourceLocation(file: "published.csv", line: 7, column: 2)),
        PublishedCell(year: 2013, column: "energy", value: energy, text: "4468.15", location: SourceLocation(file: "published.csv", line: 7, column: 11)),
      ],
      statements: [], files: ["published.csv"])
    let workbook = try written(try WorkbookFixture.record(published: [table]))
    let combustion = try workbook.cells("Combustion")
    let grid = WorkbookGrid(combustion)
    let column = try combustionColumn(grid, .coal)
    let differs = try cell(combustion, grid, year: 2013, column: column)
    let agrees = try cell(combustion, grid, year: 2012, column: column)
    #expect(workbook.fill(ofStyle: differs.style) == "FFFFC7CE")
    #expect(workbook.fill(ofStyle: agrees.style) == nil)
    let totals = try workbook.cells("Totals and shares")
    let totalsGrid = WorkbookGrid(totals)
    let energyColumn = try #require(totalsGrid.column(Headers.withUnit(Headers.name(Aggregate.energy), Self.emissionsUnit)))
    let energyCell = try cell(totals, totalsGrid, year: 2013, column: energyColumn)
    #expect(workbook.fill(ofStyle: energyCell.style) == nil)
    let checks = try workbook.cells("Checks").values.compactMap(\.text)
    #expect(checks.contains("published.csv:7:2"))
    #expect(checks.contains("Cells: 2 compared, 1 agree, 1 differ (tolerance 0.01 10⁴ t CO₂)"))
  }

  @Test func documentPropertiesAreFixedByTheRecord() throws {
    defer { scratch.remove() }
    let core = try workbookMember("docProps/core.xml", of: try written().path)
    #expect(core.contains("<dc:creator>cement-accounts</dc:creator>"))
    #expect(core.contains("<dc:title>Cement CO₂ account of liaoning (study-2025)</dc:title>"))
    #expect(core.contains("<cp:keywords>cement, CO2, liaoning, study-2025, 2000-2022</cp:keywords>"))
    #expect(core.contains(#"<dcterms:created xsi:type="dcterms:W3CDTF">2023-01-01T00:00:00Z</dcterms:created>"#))
  }

  @Test func chartsDrawTheirSheetsCells() throws {
    defer { scratch.remove() }
    let path = try written().path
    let stacked = try workbookMember("xl/charts/chart1.xml", of: path)
    #expect(stacked.contains("<c:barChart>") && stacked.contains(#"<c:grouping val="stacked"/>"#))
    #expect(stacked.contains("<c:f>Combustion!$B$6:$B$28</c:f>"))
    #expect(stacked.components(separatedBy: "<c:ser>").count - 1 == 9)
    let lines = try workbookMember("xl/charts/chart2.xml", of: path)
    #expect(lines.contains("<c:lineChart>"))
    #expect(lines.contains("<c:f>'Totals and shares'!$D$6:$D$28</c:f>"))
    // Total, energy and process, and the three declared stages.
    #expect(lines.components(separatedBy: "<c:ser>").count - 1 == 6)
  }

  @Test func provenanceTracesEveryActivityValueToItsCell() throws {
    defer { scratch.remove() }
    let account = try WorkbookFixture.account()
    let grid = WorkbookGrid(try written().cells("Provenance"))
    let header = try #require(grid.headerRow)
    let rows = grid.rows.indices.filter { $0 > header && Int(grid[$0, 0]) != nil }
    let activity = account.activity
    let expected = activity.fuels.values.map(\.count).reduce(0, +) + activity.totalEnergy.count
      + activity.products.values.map(\.count).reduce(0, +) + account.years.count  // + derived clinker
    #expect(rows.count == expected)
    let coal2013 = try #require(rows.first { grid[$0, 0] == "2013" && grid[$0, 1] == "煤炭 Coal" })
    #expect(grid[coal2013, 4].hasSuffix("Inputs/yearbook/liaoning/energy-2013.csv"))
    #expect(grid[coal2013, 5] == "3" && grid[coal2013, 6] == "3")
    #expect(grid[coal2013, 7] == "1493.7229" && grid[coal2013, 8] == "万吨")
    let coal2008 = try #require(rows.first { grid[$0, 0] == "2008" && grid[$0, 1] == "煤炭 Coal" })
    #expect(grid[coal2008, 10].contains("carried forward from 2007"))
    #expect(grid[coal2008, 11] == "carried-forward")
  }
}
