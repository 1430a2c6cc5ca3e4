import CementModel
import Foundation
import Importing
import Testing
import XLSXWriting

@Suite("CEADs apparent inventory: cement derived from process CO₂")
struct CEADsApparentInventoryTests {
  let importer = CEADsImporter()
  static let provinces = ["Beijing", "Liaoning", "Inner mongolia"]

  func withWorkbook<T>(_ sheets: [(name: String, rows: [CEADsFixture.Row])], _ body: (String) throws -> T) throws -> T {
    let scratch = try CEADsScratch()
    defer { scratch.remove() }
    return try body(try CEADsFixture.write(sheets, to: scratch.path("apparent-emission-inventory-1997-2022.xlsx")))
  }

  @Test func derivesCementOutputPerProvinceAndYearFlaggedDerived() throws {
    let sheets: [(name: String, rows: [CEADsFixture.Row])] = [
      ("NOTE", CEADsFixture.apparentNote),
      ("2012", CEADsFixture.apparentSheet(provinces: Self.provinces, cement: CEADsFixture.numbers([2.7, 15.99, 8.1]))),
      ("2013", CEADsFixture.apparentSheet(provinces: Self.provinces, cement: CEADsFixture.numbers([2.62, 17.52, 8.4]))),
    ]
    let (result, path) = try withWorkbook(sheets) { path in (try importer.importApparentInventoryCement(path: path, factor: 0.2906), path) }
    #expect(result.provinceIDs == ["beijing", "innermongolia", "liaoning"])
    #expect(result.findings.isEmpty)
    let liaoning = try #require(result["liaoning"])
    #expect(liaoning.energy.isEmpty)
    #expect(liaoning.products.map(\.year) == [2012, 2013])
    #expect(liaoning.products.allSatisfy { $0.product == .cement })
    let output = try #require(liaoning.products.last?.output)
    #expect(close(output.value?.baseValue, 17.52e6 / 0.2906))
    #expect(output.flags == [.derived])
    #expect(output.sources == [
      SourceRecord(
        location: SourceLocation(file: path, cell: "2013!D5"), originalText: "17.52", originalUnit: "Mt 百万吨",
        label: "Process Cement, Liaoning")
    ])
    #expect(output.steps == [
      "read 17.52 Mt 百万吨 = 17 520 000 t CO₂",
      "derived: cement process CO₂ 17.52 Mt ÷ 0.2906 t/t (CEADs apparent inventory) = 6028.91 × 10⁴ t cement",
    ])
  }

  @Test func theUnitMayComeFromTheLabelsAloneAndMustAgree() throws {
    let sheets: [(name: String, rows: [CEADsFixture.Row])] = [
      ("2013", CEADsFixture.apparentSheet(provinces: Self.provinces, cement: CEADsFixture.numbers([2.62, 17.52, 8.4])))
    ]
    let result = try withWorkbook(sheets) { path in try importer.importApparentInventoryCement(path: path, factor: 0.2906) }
    #expect(result["liaoning"]?.products.first?.output.sources.first?.originalUnit == "mt")

    let disagreeing: [(name: String, rows: [CEADsFixture.Row])] = [
      ("NOTE", CEADsFixture.apparentNote),
      ("2013", CEADsFixture.apparentSheet(provinces: Self.provinces, cement: CEADsFixture.numbers([1, 2, 3]), cementLabel: "Cement (万吨)")),
    ]
    let error = try withWorkbook(disagreeing) { path in ceadsError { try importer.importApparentInventoryCement(path: path, factor: 0.2906) } }
    #expect(error?.message.hasPrefix("two different units for the CO₂ of sheet '2013': 万吨") == true)
  }

  @Test func anEmptyCellIsNotAvailable() throws {
    let sheets: [(name: String, rows: [CEADsFixture.Row])] = [
      ("NOTE", CEADsFixture.apparentNote),
      ("2013", CEADsFixture.apparentSheet(provinces: Self.provinces, cement: [.number(2.62), nil, .text("-")])),
    ]
    let result = try withWorkbook(sheets) { path in try importer.importApparentInventoryCement(path: path, factor: 0.2906) }
    let liaoning = try #require(result["liaoning"]?.products.first?.output)
    #expect(liaoning.value == nil)
    #expect(liaoning.flags == [.notAvailable])
    #expect(liaoning.steps == ["empty cell: not available"])
    let mongolia = try #require(result["innermongolia"]?.products.first?.output)
    #expect(mongolia.value == .zero)
    #expect(mongolia.flags == [.derived])
  }

  @Test func aYearSheetWithoutACementRowIsAnError() throws {
    var rows = CEADsFixture.apparentSheet(provinces: Self.provinces, cement: CEADsFixture.numbers([1, 2, 3]))
    rows[4][1] = .text("Cement products")
    let error = try withWorkbook([("NOTE", CEADsFixture.apparentNote), ("2013", rows)]) { path in
      (ceadsError { try importer.importApparentInventoryCement(path: path, factor: 0.2906) }, path)
    }
    let found = try #require(error.0)
    #expect(found.location == SourceLocation(file: error.1, cell: "2013"))
    #expect(found.message.hasPrefix("sheet '2013' has no Cement row of process emissions; labels seen: \"Items\""))
  }

  @Test func aFactorThatIsNotPositiveIsAnError() throws {
    let sheets: [(name: String, rows: [CEADsFixture.Row])] = [
      ("2013", CEADsFixture.apparentSheet(provinces: Self.provinces, cement: CEADsFixture.numbers([1, 2, 3])))
    ]
    let error = try withWorkbook(sheets) { path in ceadsError { try importer.importApparentInventoryCement(path: path, factor: 0) } }
    #expect(error?.message.hasPrefix("the cement process factor must be a positive number") == true)
  }
}

@Suite("CEADs workbooks: the wrong kind of workbook")
struct CEADsWrongWorkbookTests {
  let importer = CEADsImporter()

  @Test func anEnergyInventoryWithoutProvinceSheetsIsAnError() throws {
    let scratch = try CEADsScratch()
    defer { scratch.remove() }
    let path = try CEADsFixture.write(
      [("NOTE", CEADsFixture.apparentNote), ("2013", CEADsFixture.apparentSheet(provinces: ["Liaoning"], cement: [.number(17.52)]))],
      to: scratch.path("apparent.xlsx"))
    let found = try #require(ceadsError { try importer.importEnergyInventory(path: path) })
    #expect(found.location == SourceLocation(file: path))
    #expect(found.message == "no sheet of the workbook is named <Province><year>, such as Liaoning2013; its sheets are 'NOTE', '2013'")
  }

  @Test func anApparentInventoryWithoutYearSheetsIsAnError() throws {
    let scratch = try CEADsScratch()
    defer { scratch.remove() }
    let path = try CEADsFixture.write(
      [("NOTE", CEADsFixture.note), ("Liaoning2013", CEADsFixture.energySheet())], to: scratch.path("energy.xlsx"))
    let found = try #require(ceadsError { try importer.importApparentInventoryCement(path: path, factor: 0.2906) })
    #expect(found.message.hasPrefix("no sheet of the workbook is named a year, such as 2013"))
  }
}
