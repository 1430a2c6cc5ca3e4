import Foundation
import Testing
import XLSXReading
import XLSXWriting

/// Workbooks written by the project's own writer (libxlsxwriter): deflated parts, shared
/// strings, formulas with cached values, styles.
@Suite struct WrittenWorkbookTests {
  let directory: ScratchDirectory
  init() throws { directory = try ScratchDirectory() }

  /// Three sheets: plain values, a name with spaces, and Chinese text.
  func writeWorkbook() throws -> String {
    let path = directory.path("written.xlsx")
    let workbook = try Workbook(path: path, properties: fixedProperties)
    let data = try workbook.addWorksheet(named: "Data")
    try data.writeRow([.text("Energy_inventory"), .text("Raw_Coal"), .text("Coke")], row: 0, style: .header)
    try data.writeRow([.text("Nonmetal Mineral Products"), .number(226.76), .number(381.35)], row: 1)
    // libxlsxwriter writes numbers with 16 significant digits ("%.16G"), so only doubles
    // that survive that are written exactly; 17-digit values are in HandMadeXMLTests.
    try data.write(.number(3501.78), row: 2, column: 1)
    try data.write(.number(-1.5e-300), row: 2, column: 2)
    try data.write(.number(1.5e308), row: 3, column: 1)
    try data.write(.number(0.1), row: 3, column: 2)
    try data.write(.formula("B2+C2", cachedValue: 608.11), row: 4, column: 1)
    try data.write(.formulaText("A1&\"!\"", cachedText: "Energy_inventory!"), row: 4, column: 2)
    try data.write(.boolean(true), row: 5, column: 0)
    try data.write(.boolean(false), row: 5, column: 1)
    try data.write(.blank, row: 6, column: 3, style: .header)  // styled but empty: no value
    try data.write(.text("Raw_Coal"), row: 7, column: 0)  // the same shared string again

    let spaced = try workbook.addWorksheet(named: "Totals and shares")
    try spaced.write(.text("far away"), row: 99, column: 27)

    let chinese = try workbook.addWorksheet(named: "辽宁 2013")
    try chinese.writeRow([.text("原煤 Raw coal"), .number(226.76)], row: 0)
    try chinese.writeRow([.text("电力（亿千瓦时）"), .number(151.54)], row: 1)
    try workbook.close()
    return path
  }

  @Test func readsSheetNamesInWorkbookOrder() throws {
    defer { directory.remove() }
    let reader = try XLSXWorkbookReader(path: try writeWorkbook())
    #expect(reader.sheetNames == ["Data", "Totals and shares", "辽宁 2013"])
  }

  @Test func readsTheSameFromBytesAsFromThePath() throws {
    defer { directory.remove() }
    let path = try writeWorkbook()
    let fromPath = try XLSXWorkbookReader(path: path)
    let fromBytes = try XLSXWorkbookReader(
      bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), name: "upload.xlsx")
    #expect(fromBytes.path == "upload.xlsx")
    #expect(fromBytes.sheetNames == fromPath.sheetNames)
    func cells(_ sheet: XLSXSheet) -> [String] { sheet.usedCells.map { "\($0.row),\($0.column): \($0.value)" } }
    for name in fromPath.sheetNames {
      let sheet = try fromBytes.sheet(named: name)
      #expect(cells(sheet) == cells(try fromPath.sheet(named: name)))
      #expect(sheet.file == "upload.xlsx")
    }
    let error = #expect(throws: XLSXReadError.self) {
      _ = try XLSXWorkbookReader(bytes: Array("year,coal\n".utf8), name: "upload.xlsx")
    }
    #expect(error?.description.hasPrefix("upload.xlsx: error: not an .xlsx workbook") == true)
  }

  @Test func readsNumbersTextFormulasAndBooleans() throws {
    defer { directory.remove() }
    let sheet = try XLSXWorkbookReader(path: try writeWorkbook()).sheet(named: "Data")
    #expect(sheet.name == "Data")
    #expect(sheet.rowCount == 8)
    #expect(sheet.columnCount == 3)  // the styled blank in D7 holds no value
    #expect(sheet[0, 0] == .text("Energy_inventory"))
    #expect(sheet[0, 1] == .text("Raw_Coal"))
    #expect(sheet[1, 0] == .text("Nonmetal Mineral Products"))
    #expect(sheet[1, 1] == .number(226.76))
    #expect(sheet[2, 1] == .number(3501.78))
    #expect(sheet[2, 2] == .number(-1.5e-300))
    #expect(sheet[3, 1] == .number(1.5e308))
    #expect(sheet[3, 2] == .number(0.1))
    #expect(sheet[4, 1] == .number(608.11))  // the formula's cached value
    #expect(sheet[4, 2] == .text("Energy_inventory!"))
    #expect(sheet[5, 0] == .boolean(true))
    #expect(sheet[5, 1] == .boolean(false))
    #expect(sheet[6, 3] == nil)
    #expect(sheet[7, 0] == .text("Raw_Coal"))
    #expect(sheet[5, 2] == nil)
    #expect(sheet[-1, 0] == nil && sheet[0, 99] == nil && sheet[1_000_000, 0] == nil)
    #expect(sheet.row(1) == [.text("Nonmetal Mineral Products"), .number(226.76), .number(381.35)])
    #expect(sheet.usedCells.count == 15)
  }

  @Test func readsASheetNamedWithSpacesAndAFarCell() throws {
    defer { directory.remove() }
    let sheet = try XLSXWorkbookReader(path: try writeWorkbook()).sheet(named: "Totals and shares")
    #expect(sheet.rowCount == 100)
    #expect(sheet.columnCount == 28)
    #expect(sheet[99, 27] == .text("far away"))
    #expect(sheet.cellReference(row: 99, column: 27) == "AB100")
    #expect(sheet.usedCells.map(\.row) == [99])
  }

  @Test func readsChineseTextAndSheetNames() throws {
    defer { directory.remove() }
    let sheet = try XLSXWorkbookReader(path: try writeWorkbook()).sheet(named: "辽宁 2013")
    #expect(sheet[0, 0] == .text("原煤 Raw coal"))
    #expect(sheet[1, 0] == .text("电力（亿千瓦时）"))
    #expect(sheet[1, 1]?.numberValue == 151.54)
  }

  @Test func findsSheetsIgnoringCaseAndByIndex() throws {
    defer { directory.remove() }
    let reader = try XLSXWorkbookReader(path: try writeWorkbook())
    #expect(try reader.sheet(named: "totals AND shares").name == "Totals and shares")
    #expect(try reader.sheet(at: 0).name == "Data")
    let error = #expect(throws: XLSXReadError.self) { _ = try reader.sheet(at: 3) }
    #expect(error?.message == "there is no sheet at index 3")
  }

  @Test func sheetsReadOnManyThreadsMatchSheetsReadInTurn() async throws {
    defer { directory.remove() }
    let path = try writeWorkbook()
    let shared = try XLSXWorkbookReader(path: path)
    let expected = try shared.sheetNames.map { try shared.sheet(named: $0).usedCells.map { "\($0)" } }
    let results = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
      for round in 0..<12 {
        let index = round % expected.count
        group.addTask {
          // Half the tasks share one reader, half open their own.
          let reader = round.isMultiple(of: 2) ? shared : try XLSXWorkbookReader(path: path)
          return (index, try reader.sheet(at: index).usedCells.map { "\($0)" })
        }
      }
      return try await group.reduce(into: [(Int, [String])]()) { $0.append($1) }
    }
    #expect(results.count == 12)
    for (index, cells) in results { #expect(cells == expected[index]) }
  }

  @Test func cellValuesDescribeThemselvesAsExcelShowsThem() {
    #expect(XLSXCell.number(226.76).description == "226.76")
    #expect(XLSXCell.number(2013).description == "2013")
    #expect(XLSXCell.boolean(true).description == "TRUE")
    #expect(XLSXCell.error("#N/A").description == "#N/A")
    #expect(XLSXCell.text("Coke").textValue == "Coke")
    #expect(XLSXCell.text("Coke").numberValue == nil)
  }

  @Test(arguments: [
    (0, 0, "A1"), (29, 1, "B30"), (0, 25, "Z1"), (0, 26, "AA1"), (0, 701, "ZZ1"), (0, 702, "AAA1"),
    (1_048_575, 16_383, "XFD1048576"),
  ])
  func cellReferencesAreA1Notation(row: Int, column: Int, reference: String) {
    #expect(XLSXSheet.cellReference(row: row, column: column) == reference)
  }
}
