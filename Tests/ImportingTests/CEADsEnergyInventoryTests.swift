import CementModel
import Foundation
import Importing
import Testing
import XLSXWriting

@Suite("CEADs energy inventories: generated workbooks")
struct CEADsEnergyInventoryTests {
  let importer = CEADsImporter()

  /// Writes `sheets` after a NOTE sheet, imports the workbook and removes it.
  func imported(_ sheets: [(name: String, rows: [CEADsFixture.Row])], name: String = "energy-2013.xlsx") throws
    -> (CEADsImport, String)
  {
    let scratch = try CEADsScratch()
    defer { scratch.remove() }
    let path = try CEADsFixture.write([("NOTE", CEADsFixture.note)] + sheets, to: scratch.path(name))
    return (try importer.importEnergyInventory(path: path), path)
  }

  func importError(_ sheets: [(name: String, rows: [CEADsFixture.Row])]) throws -> (ImportError?, String) {
    let scratch = try CEADsScratch()
    defer { scratch.remove() }
    let path = try CEADsFixture.write([("NOTE", CEADsFixture.note)] + sheets, to: scratch.path("energy-2013.xlsx"))
    return (ceadsError { try importer.importEnergyInventory(path: path) }, path)
  }

  @Test func readsTheNonmetalRowOfEveryProvinceSheetWithEveryFuel() throws {
    let (result, path) = try imported([
      ("Liaoning2013", CEADsFixture.energySheet()), ("InnerMongolia2013", CEADsFixture.energySheet()),
    ])
    #expect(result.file == path)
    #expect(result.provinceIDs == ["innermongolia", "liaoning"])
    #expect(result.findings.isEmpty)
    let liaoning = try #require(result["liaoning"])
    #expect(liaoning.findings.isEmpty)
    #expect(liaoning.products.isEmpty)
    let record = try #require(liaoning.energy.first)
    #expect(liaoning.energy.count == 1)
    #expect(record.year == 2013)
    #expect(record.industryLabel == "Nonmetal Mineral Products")
    #expect(record.location == SourceLocation(file: path, cell: "Liaoning2013!A6"))
    #expect(Set(record.values.keys) == Set(CEADsFixture.catalogueFuels))
    #expect(close(record.base("raw_coal"), 2_267_600))
    #expect(close(record.base("cleaned_coal"), 250_200))
    #expect(close(record.base(.coke), 3_813_500))
    #expect(close(record.base("other_gas"), 3_139_000_000))
    #expect(close(record.base(.naturalGas), 982_000_000))
    #expect(close(record.base(.electricity), 15_154_000))
    #expect(close(record.base("heat"), 455_800))  // 45.58 × 10¹⁰ kJ in GJ
    #expect(close(record.base("other_energy"), 12_300))  // 1.23 × 10⁴ tce
    #expect(record.base(.crudeOil) == 0)
    #expect(record.values["other_gas"]?.value?.dimension == .gasVolume)
    #expect(record.values["heat"]?.value?.dimension == .heat)
    #expect(record.values["other_energy"]?.value?.dimension == .coalEquivalent)
    #expect(record.values["lpg"]?.value?.dimension == .mass)
  }

  @Test func eachValueIsTracedToItsCell() throws {
    let (result, path) = try imported([("Liaoning2013", CEADsFixture.energySheet())])
    let record = try #require(result["liaoning"]?.energy.first)
    let rawCoal = try #require(record.values["raw_coal"])
    #expect(rawCoal.sources == [
      SourceRecord(
        location: SourceLocation(file: path, cell: "Liaoning2013!B6"), originalText: "226.76", originalUnit: "10^4 ton",
        label: "Raw_Coal")
    ])
    #expect(rawCoal.sources.first?.location.description == "\(path)!Liaoning2013!B6")
    #expect(rawCoal.steps == ["read 226.76 10^4 ton = 2 267 600 t"])
    #expect(rawCoal.flags.isEmpty)
    let electricity = try #require(record.values[.electricity])
    #expect(electricity.sources.first?.location.cell == "Liaoning2013!T6")
    #expect(electricity.sources.first?.originalUnit == "10^8 kwh")
    #expect(electricity.steps == ["read 151.54 10^8 kwh = 15 154 000 MWh"])
  }

  @Test func theFileNameGivenIsRecordedInsteadOfThePath() throws {
    let scratch = try CEADsScratch()
    defer { scratch.remove() }
    let path = try CEADsFixture.write(
      [("NOTE", CEADsFixture.note), ("Liaoning2013", CEADsFixture.energySheet())], to: scratch.path("energy.xlsx"))
    let result = try importer.importEnergyInventory(path: path, file: "provincial-energy-inventory-2013.xlsx")
    let coke = try #require(result["liaoning"]?.energy.first?.values[.coke])
    #expect(coke.sources.first?.location.description == "provincial-energy-inventory-2013.xlsx!Liaoning2013!F6")
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let fromBytes = try importer.importEnergyInventory(bytes: bytes, file: "upload.xlsx")
    #expect(fromBytes["liaoning"]?.energy.first?.values[.coke]?.sources.first?.location.description == "upload.xlsx!Liaoning2013!F6")
  }

  @Test(arguments: [
    "Nonmetal Mineral Products", "Non-metal Mineral Products", "Nonmetallic Mineral Products",
    "Non-metallic Mineral Products", "Manufacture of Non-metallic Mineral Products", "  NONMETAL  mineral products ",
    "nonmetal mineral products industry", "C30 Non-metallic Mineral Products",
  ])
  func theSectorRowIsFoundUnderEachVintagesLabel(label: String) throws {
    let (result, path) = try imported([("Liaoning2013", CEADsFixture.energySheet(label: label))])
    let record = try #require(result["liaoning"]?.energy.first)
    #expect(record.industryLabel == label.trimmingCharacters(in: .whitespaces))
    #expect(record.location == SourceLocation(file: path, cell: "Liaoning2013!A6"))
    #expect(close(record.base(.coke), 3_813_500))
  }

  @Test func aSheetWithoutTheSectorRowIsAnErrorNamingTheSheetAndLabelsSeen() throws {
    let (error, path) = try importError([
      ("Liaoning2013", CEADsFixture.energySheet()),
      ("Jilin2013", CEADsFixture.energySheet(label: "Nonmetal Minerals Products and Dressing")),
    ])
    let found = try #require(error)
    #expect(found.location == SourceLocation(file: path, cell: "Jilin2013"))
    #expect(found.description.hasPrefix("\(path)!Jilin2013: error: sheet 'Jilin2013' has no row for the non-metallic mineral products industry"))
    #expect(found.message.contains("\"Nonmetal Minerals Mining and Dressing\""))
    #expect(found.message.contains("\"Nonmetal Minerals Products and Dressing\""))
    #expect(found.message.contains("\"Total Final Consumption\""))
    #expect(found.hint?.contains("Nonmetal Mineral Products") == true)
  }

  @Test func anUnknownEnergyColumnIsAWarningAndNotRead() throws {
    var rows = CEADsFixture.energySheet()
    rows[0].append(.text("Biomass"))
    rows[1].append(.text("10^4 ton"))
    rows[5].append(.number(7.5))
    let (result, path) = try imported([("Liaoning2013", rows)])
    let liaoning = try #require(result["liaoning"])
    #expect(liaoning.findings.map(\.check) == ["unknown-column"])
    let finding = try #require(liaoning.findings.first)
    #expect(finding.severity == .warning)
    #expect(finding.location == SourceLocation(file: path, cell: "Liaoning2013!V1"))
    #expect(finding.message.contains("\"Biomass\""))
    #expect(finding.year == 2013)
    #expect(liaoning.energy.first?.values.count == 20)
  }

  @Test func aValueInAColumnWithoutHeaderIsReported() throws {
    var rows = CEADsFixture.energySheet()
    rows[5] += [nil, .number(3)]
    let (result, path) = try imported([("Liaoning2013", rows)])
    let finding = try #require(result["liaoning"]?.findings.first)
    #expect(finding.check == "unknown-column")
    #expect(finding.location == SourceLocation(file: path, cell: "Liaoning2013!W6"))
  }

  @Test func emptyCellsAreNotAvailableAndDashesAreZero() throws {
    var values = CEADsFixture.numbers(CEADsFixture.liaoning2013)
    values[0] = nil  // raw coal: empty
    values[4] = .text("—")  // coke: none
    values[6] = .text("…")  // other gas: not available
    values[9] = .text(" 1,234.5 ")  // gasoline: a number written as text
    let (result, path) = try imported([("Liaoning2013", CEADsFixture.energySheet(values: values))])
    let record = try #require(result["liaoning"]?.energy.first)
    let rawCoal = try #require(record.values["raw_coal"])
    #expect(rawCoal.value == nil)
    #expect(rawCoal.flags == [.notAvailable])
    #expect(rawCoal.steps == ["empty cell: not available"])
    #expect(rawCoal.sources == [
      SourceRecord(
        location: SourceLocation(file: path, cell: "Liaoning2013!B6"), originalText: "", originalUnit: "10^4 ton",
        label: "Raw_Coal")
    ])
    #expect(record.base(.coke) == 0)
    #expect(record.values[.coke]?.flags.isEmpty == true)
    #expect(record.values["other_gas"]?.value == nil)
    #expect(record.values["other_gas"]?.flags == [.notAvailable])
    #expect(record.values["other_gas"]?.steps == ["read \"…\" as not available"])
    #expect(close(record.base(.gasoline), 12_345_000))
    #expect(record.values[.gasoline]?.sources.first?.originalText == " 1,234.5 ")
  }

  @Test func aValueThatIsNotANumberIsAnErrorAtItsCell() throws {
    var values = CEADsFixture.numbers(CEADsFixture.liaoning2013)
    values[4] = .text("1,2x")
    let (error, path) = try importError([("Liaoning2013", CEADsFixture.energySheet(values: values))])
    let found = try #require(error)
    #expect(found.location == SourceLocation(file: path, cell: "Liaoning2013!F6"))
    #expect(found.message == "expected a number in column \"Coke\", found \"1,2x\"")
    #expect(found.hint?.contains("plain number") == true)
  }

  @Test func aNegativeValueIsAnError() throws {
    var values = CEADsFixture.numbers(CEADsFixture.liaoning2013)
    values[16] = .number(-9.82)
    let (error, path) = try importError([("Liaoning2013", CEADsFixture.energySheet(values: values))])
    let found = try #require(error)
    #expect(found.location == SourceLocation(file: path, cell: "Liaoning2013!R6"))
    #expect(found.message == "expected a number of zero or more in column \"Natural_Gas\", found \"-9.82\"")
  }

  @Test func aUnitThatLostItsSuperscriptIsReadWithANote() throws {
    var units = CEADsFixture.units
    units[17] = "1010 kj"  // as the 2021 and 2022 workbooks write 10¹⁰ kJ
    let (result, path) = try imported([("Liaoning2013", CEADsFixture.energySheet(units: units))])
    let liaoning = try #require(result["liaoning"])
    let heat = try #require(liaoning.energy.first?.values["heat"])
    #expect(close(heat.value?.baseValue, 455_800))
    #expect(heat.sources.first?.originalUnit == "1010 kj")
    #expect(heat.steps == ["read 45.58 1010 kj = 455 800 GJ", "unit \"1010 kj\" read as 10^10 kj"])
    #expect(liaoning.findings.map(\.check) == ["unit-spelling"])
    #expect(liaoning.findings.first?.severity == .note)
    #expect(liaoning.findings.first?.location == SourceLocation(file: path, cell: "Liaoning2013!S2"))
  }

  @Test func anUnknownUnitIsAnErrorAtTheUnitCell() throws {
    var units = CEADsFixture.units
    units[8] = "10^4 barrels"
    let (error, path) = try importError([("Liaoning2013", CEADsFixture.energySheet(units: units))])
    let found = try #require(error)
    #expect(found.location == SourceLocation(file: path, cell: "Liaoning2013!J2"))
    #expect(found.message.hasPrefix("unknown unit \"10^4 barrels\" in column \"Crude_Oil\""))
  }

  @Test func aUnitOfTheWrongDimensionIsAnError() throws {
    var units = CEADsFixture.units
    units[16] = "10^4 ton"  // natural gas is a volume
    let (error, path) = try importError([("Liaoning2013", CEADsFixture.energySheet(units: units))])
    let found = try #require(error)
    #expect(found.location == SourceLocation(file: path, cell: "Liaoning2013!R2"))
    #expect(found.message.contains("Natural Gas (天然气) is measured as gas volume"))
  }

  @Test func sheetsWhoseNameGivesNoYearAreSkippedWithANote() throws {
    let (result, path) = try imported([
      ("Liaoning2013", CEADsFixture.energySheet()), ("Summary", [[.text("Total")]]), ("Chart data 13", [[.text("x")]]),
    ])
    #expect(result.provinceIDs == ["liaoning"])
    #expect(result.findings.map(\.check) == ["sheet-skipped", "sheet-skipped"])
    #expect(result.findings.map(\.location) == [
      SourceLocation(file: path, cell: "Summary"), SourceLocation(file: path, cell: "'Chart data 13'"),
    ])
    #expect(result.findings.allSatisfy { $0.severity == .note })
  }

  @Test func sheetNamesGiveProvinceIdsAndYears() {
    #expect(CEADsImporter.provinceSheet("Liaoning2013")! == ("liaoning", 2013))
    #expect(CEADsImporter.provinceSheet("InnerMongolia2022")! == ("innermongolia", 2022))
    #expect(CEADsImporter.provinceSheet("Inner Mongolia 2013")! == ("innermongolia", 2013))
    #expect(CEADsImporter.provinceSheet("NOTE") == nil)
    #expect(CEADsImporter.provinceSheet("2013") == nil)
    #expect(CEADsImporter.provinceSheet("Liaoning13") == nil)
    #expect(CEADsImporter.provinceSheet("Liaoning20131") == nil)
    #expect(CEADsImporter.provinceID("Inner mongolia") == "innermongolia")
    #expect(CEADsImporter.provinceID("Shaanxi") != CEADsImporter.provinceID("Shanxi"))
  }

  @Test func severalYearsOfOneProvinceAreOneInputsSortedByYear() throws {
    let (result, _) = try imported([("Liaoning2013", CEADsFixture.energySheet()), ("Liaoning2012", CEADsFixture.energySheet())])
    #expect(result.provinceIDs == ["liaoning"])
    #expect(result["liaoning"]?.energy.map(\.year) == [2012, 2013])
  }

  @Test func eachSheetIsReadInItsOwnLayout() throws {
    // Jilin: the columns in another order, an extra column, and the row further down.
    let order = Array(CEADsFixture.fuels.indices.reversed())
    var jilin = CEADsFixture.energySheet(
      values: order.map { .number(CEADsFixture.liaoning2013[$0]) }, header: order.map { CEADsFixture.fuels[$0] },
      units: order.map { CEADsFixture.units[$0] })
    jilin.insert([.text("Farming, Forestry, Animal Husbandry, Fishery & Water Conservancy")], at: 3)
    jilin[0].append(.text("Biomass"))
    let (result, path) = try imported([
      ("Liaoning2013", CEADsFixture.energySheet()), ("Jilin2013", jilin), ("Hebei2013", CEADsFixture.energySheet()),
    ])
    for province in ["liaoning", "jilin", "hebei"] {
      let record = try #require(result[province]?.energy.first, "\(province)")
      #expect(close(record.base("raw_coal"), 2_267_600), "\(province)")
      #expect(close(record.base(.electricity), 15_154_000), "\(province)")
      #expect(close(record.base("heat"), 455_800), "\(province)")
    }
    #expect(result["jilin"]?.energy.first?.location == SourceLocation(file: path, cell: "Jilin2013!A7"))
    #expect(result["jilin"]?.energy.first?.values["raw_coal"]?.sources.first?.location.cell == "Jilin2013!U7")
    #expect(result["jilin"]?.findings.map(\.check) == ["unknown-column"])
    #expect(result["hebei"]?.findings.isEmpty == true)
    #expect(result["hebei"]?.energy.first?.values["raw_coal"]?.sources.first?.location.cell == "Hebei2013!B6")
  }

  @Test func aRepeatedRowWithTheSameValuesIsAWarning() throws {
    var rows = CEADsFixture.energySheet()
    rows.append(rows[5])
    let (result, path) = try imported([("Liaoning2013", rows)])
    let liaoning = try #require(result["liaoning"])
    #expect(liaoning.findings.map(\.check) == ["duplicate-row"])
    #expect(liaoning.findings.first?.location == SourceLocation(file: path, cell: "Liaoning2013!A8"))
    #expect(liaoning.energy.first?.location.cell == "Liaoning2013!A6")
  }

  @Test func aRepeatedRowWithOtherValuesIsAnError() throws {
    var rows = CEADsFixture.energySheet()
    var other = rows[5]
    other[5] = .number(380)
    rows.append(other)
    let (error, path) = try importError([("Liaoning2013", rows)])
    let found = try #require(error)
    #expect(found.location == SourceLocation(file: path, cell: "Liaoning2013!A8"))
    #expect(found.message.contains("rows 6 and 8 (Coke: \"381.35\" vs \"380\")"))
  }

  @Test func twoSheetsForOneProvinceAndYearAreAnError() throws {
    let (error, path) = try importError([
      ("Liaoning2013", CEADsFixture.energySheet()), ("Liao ning 2013", CEADsFixture.energySheet()),
    ])
    #expect(error?.location == SourceLocation(file: path, cell: "'Liao ning 2013'"))
  }

  @Test func aSheetWithoutAFuelHeaderIsAnError() throws {
    let (error, path) = try importError([("Liaoning2013", [[.text("Energy_inventory"), .text("Stuff")], [.text("x")]])])
    let found = try #require(error)
    #expect(found.location == SourceLocation(file: path, cell: "Liaoning2013"))
    #expect(found.message.hasPrefix("sheet 'Liaoning2013' has no header row naming the fuels"))
  }

  @Test func anyOtherSectorRowCanBeReadByItsLabel() throws {
    let scratch = try CEADsScratch()
    defer { scratch.remove() }
    let path = try CEADsFixture.write(
      [("NOTE", CEADsFixture.note), ("Liaoning2013", CEADsFixture.energySheet()), ("Jilin2013", CEADsFixture.energySheet())],
      to: scratch.path("energy-2013.xlsx"))
    let rows = try importer.importSectorRows(labelled: "total final consumption", path: path)
    #expect(Set(rows.keys) == ["jilin", "liaoning"])
    let total = try #require(rows["liaoning"]?.first)
    #expect(total.industryLabel == "Total Final Consumption")
    #expect(total.location == SourceLocation(file: path, cell: "Liaoning2013!A3"))
    #expect(close(total.base(.coke), 38_135_000))
    let missing = ceadsError { try importer.importSectorRows(labelled: "Cement Manufacturing", path: path) }
    #expect(missing?.location == SourceLocation(file: path, cell: "Liaoning2013"))
  }
}

@Suite("CEADs workbooks: unreadable files")
struct CEADsUnreadableWorkbookTests {
  let importer = CEADsImporter()

  @Test func aFileThatIsNotAZipArchiveIsAnImportErrorWithTheReadersMessage() throws {
    let scratch = try CEADsScratch()
    defer { scratch.remove() }
    let path = try scratch.write(Array("Energy_inventory,Raw_Coal\n".utf8), to: "energy-2013.xlsx")
    let found = try #require(ceadsError { try importer.importEnergyInventory(path: path) })
    #expect(found.location == SourceLocation(file: path))
    #expect(found.message == "not an .xlsx workbook (not a ZIP archive)")
    #expect(found.hint?.contains("50 4B") == true)
    #expect(found.description.hasPrefix("\(path): error: not an .xlsx workbook (not a ZIP archive)\n  hint: "))
    let named = try #require(ceadsError { try importer.importEnergyInventory(path: path, file: "energy-2013.xlsx") })
    #expect(named.description.hasPrefix("energy-2013.xlsx: error: not an .xlsx workbook"))
    let apparent = try #require(ceadsError { try importer.importApparentInventoryCement(path: path, factor: 0.2906) })
    #expect(apparent.message == found.message)
  }

  @Test func aPasswordProtectedWorkbookIsAnImportError() throws {
    let scratch = try CEADsScratch()
    defer { scratch.remove() }
    // Excel encrypts a protected workbook into an OLE compound file with an EncryptedPackage stream.
    let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
    let stream = "EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let path = try scratch.write(ole + stream + [UInt8](repeating: 0, count: 64), to: "protected.xlsx")
    let found = try #require(ceadsError { try importer.importEnergyInventory(path: path) })
    #expect(found.location == SourceLocation(file: path))
    #expect(found.message.contains("password-protected"))
    #expect(found.hint?.contains("remove the password") == true)
  }

  @Test func aMissingFileIsAnImportError() throws {
    let found = try #require(ceadsError { try importer.importEnergyInventory(path: "/nonexistent/energy-2013.xlsx") })
    #expect(found.location == SourceLocation(file: "/nonexistent/energy-2013.xlsx"))
    #expect(found.message.hasPrefix("cannot open the workbook"))
  }
}
