import CementModel
import Foundation
import Importing
import Testing
import XLSXWriting

/// A small emission-inventory workbook laid out as CEADs lays out
/// `emission-inventory-30-provinces-YYYY.xlsx`: NOTE, then one sheet per province.
enum EmissionFixture {
  static let headers = [
    "Raw Coal", "Cleaned Coal", "Other Washed Coal", "Briquettes", "Coke", "Coke Oven Gas", "Other Gas",
    "Other Coking Products", "Crude Oil", "Gasoline", "Kerosene", "Diesel Oil", "Fuel Oil", "LPG", "Refinery Gas",
    "Other Petroleum Products", "Natural Gas", "Scope 2 Heat", "Scope 2 Electricity", "Other Energy", "Process", "Scope 1 Total",
  ]
  static let fuels: [Fuel] = [
    "raw_coal", "cleaned_coal", "other_washed_coal", "briquettes", .coke, "coke_oven_gas", "other_gas",
    "other_coking_products", .crudeOil, .gasoline, .kerosene, .dieselOil, .fuelOil, "lpg", "refinery_gas",
    "other_petroleum_products", .naturalGas,
  ]
  /// Liaoning's `Nonmetal Mineral Products` row of 2013 (B31:V31), rounded to four decimals.
  static let liaoning2013: [Double] = [
    4.0639, 0.5650, 0.0656, 0.0425, 10.9699, 0.0078, 1.8709, 0.0513, 0, 0.1097, 0.0006, 0.6644, 0.4253, 0.1093, 0.0157, 0,
    2.1227, 0, 0, 0, 17.5231,
  ]

  static func sheet(_ values: [Double]) -> [CEADsFixture.Row] {
    [
      [nil] + headers.map { CellValue.text($0) },
      [nil] + headers.map { _ in CellValue.text("Mt CO2") },
      [.text("Total Consumption")] + CEADsFixture.numbers(values.map { $0 * 20 }),
      [.text("Coal Mining and Dressing")] + CEADsFixture.numbers(values.map { $0 / 10 }),
      [.text("Nonmetal Mineral Products")] + CEADsFixture.numbers(values) + [.number(values.reduce(0, +))],
      [.text("Smelting and Pressing of Ferrous Metals")] + CEADsFixture.numbers(values.map { $0 * 2 }),
    ]
  }

  static let note: [CEADsFixture.Row] = [
    [.text("Introduction/简介"), .text("This spreadsheet provides China provincial CO2 emission inventory.")],
    [.text("Unit/单位"), .text("Mt\n百万吨")],
  ]
}

@Suite("CEADs emission inventory: the Nonmetal row by fuel and the cement process CO₂")
struct CEADsEmissionInventoryTests {
  let importer = CEADsImporter()

  func withWorkbook<T>(_ sheets: [(name: String, rows: [CEADsFixture.Row])], _ body: (String) throws -> T) throws -> T {
    let scratch = try CEADsScratch()
    defer { scratch.remove() }
    return try body(try CEADsFixture.write(sheets, to: scratch.path("emission-inventory-30-provinces-2013.xlsx")))
  }

  @Test func readsEveryFuelAndTheProcessOfTheNonmetalRowTracedToItsCell() throws {
    let sheets: [(name: String, rows: [CEADsFixture.Row])] = [
      ("NOTE", EmissionFixture.note),
      ("Liaoning2013", EmissionFixture.sheet(EmissionFixture.liaoning2013)),
      ("InnerMongolia2013", EmissionFixture.sheet(EmissionFixture.liaoning2013.map { $0 / 2 })),
    ]
    let (inventory, path) = try withWorkbook(sheets) { path in (try importer.importEmissionInventory(path: path), path) }
    #expect(inventory.provinceIDs == ["innermongolia", "liaoning"])
    #expect(inventory.years == [2013])
    #expect(inventory.findings.isEmpty)
    let row = try #require(inventory["liaoning", 2013])
    #expect(row.label == "Nonmetal Mineral Products")
    #expect(row.location == SourceLocation(file: path, cell: "Liaoning2013!A5"))
    #expect(Set(row.combustion.keys) == Set(EmissionFixture.fuels + ["other_energy"]))
    #expect(Set(row.scope2.keys) == ["heat", .electricity])
    let coke = try #require(row.combustion[.coke])
    #expect(close(coke.value?.baseValue, 10.9699e6))
    #expect(coke.sources == [
      SourceRecord(
        location: SourceLocation(file: path, cell: "Liaoning2013!F5"), originalText: "10.9699", originalUnit: "Mt CO2",
        label: "Nonmetal Mineral Products, Coke")
    ])
    #expect(coke.steps == ["read 10.9699 Mt CO2 = 10 969 900 t CO₂"])
    let otherGas = try #require(row.combustion["other_gas"]?.value)
    #expect(close(otherGas.baseValue, 1.8709e6))
    let process = try #require(row.process)
    #expect(close(process.value?.baseValue, 17.5231e6))
    #expect(process.sources.first?.location.cell == "Liaoning2013!V5")
    // The combustion sum (hand-added B5:R5 and U5) against the stated Scope 1 Total less process.
    let combustion = EmissionFixture.liaoning2013.dropLast().reduce(0, +)
    #expect(close(row.combustionTotal().baseValue, combustion * 1e6))
    #expect(close(row.statedTotal?.value?.baseValue, (combustion + 17.5231) * 1e6))
    #expect(close(row.combustionTotal(of: [.coke, "other_gas"]).baseValue, (10.9699 + 1.8709) * 1e6))
    #expect(close(inventory["innermongolia", 2013]?.combustion[.coke]?.value?.baseValue, 10.9699e6 / 2))
  }

  @Test func mergesTheWorkbooksOfSeveralYears() throws {
    let a = CEADsEmissionInventory(
      files: ["a"], rows: [row("liaoning", 2014), row("beijing", 2013)], findings: [])
    let b = CEADsEmissionInventory(files: ["b"], rows: [row("liaoning", 2013)], findings: [])
    let merged = CEADsEmissionInventory(merging: [a, b])
    #expect(merged.files == ["a", "b"])
    #expect(merged.rows.map { "\($0.province) \($0.year)" } == ["beijing 2013", "liaoning 2013", "liaoning 2014"])
  }

  func row(_ province: String, _ year: Int) -> CEADsEmissionRow {
    CEADsEmissionRow(
      province: province, year: year, label: "Nonmetal Mineral Products", location: SourceLocation(file: "x"), combustion: [:],
      process: nil)
  }

  @Test func aSheetWithoutTheNonmetalRowIsAnErrorAtTheSheet() throws {
    var rows = EmissionFixture.sheet(EmissionFixture.liaoning2013)
    rows[4][0] = .text("Something Else")
    let error = try withWorkbook([("Liaoning2013", rows)]) { path in ceadsError { try importer.importEmissionInventory(path: path) } }
    #expect(error?.message.hasPrefix("sheet 'Liaoning2013' has no row for the non-metallic mineral products industry") == true)
    #expect(error?.location.cell == "Liaoning2013")
  }

  @Test func anUnknownHeaderIsReportedNotRead() throws {
    var rows = EmissionFixture.sheet(EmissionFixture.liaoning2013)
    rows[0][9] = .text("Moon Dust")
    let inventory = try withWorkbook([("NOTE", EmissionFixture.note), ("Liaoning2013", rows)]) { path in
      try importer.importEmissionInventory(path: path)
    }
    #expect(inventory.findings.map(\.check) == ["unknown-column"])
    #expect(inventory["liaoning", 2013]?.combustion[.crudeOil] == nil)
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: "\(CEADsData.directory)/emission-inventory/emission-inventory-30-provinces-2013.xlsx")))
  func readsTheRealWorkbookOf2013() throws {
    let inventory = try importer.importEmissionInventory(
      path: "\(CEADsData.directory)/emission-inventory/emission-inventory-30-provinces-2013.xlsx")
    #expect(Set(inventory.provinceIDs) == CEADsData.provinces)
    let liaoning = try #require(inventory["liaoning", 2013])
    #expect(close(liaoning.process?.value?.baseValue, 17.523092820000002e6))
    #expect(liaoning.process?.sources.first?.location.cell == "Liaoning2013!V31")
  }
}
