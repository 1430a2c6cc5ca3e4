import Foundation
import Testing
import XLSXWriting

@Suite struct LifecycleTests {
  let directory: ScratchDirectory
  init() throws { directory = try ScratchDirectory() }

  @Test func sameContentWrittenASecondApartIsByteIdentical() throws {
    defer { directory.remove() }
    let first = directory.path("first.xlsx")
    let second = directory.path("second.xlsx")
    try writeSampleWorkbook(to: first)
    Thread.sleep(forTimeInterval: 1.1)  // a clock-derived timestamp would now differ
    try writeSampleWorkbook(to: second)
    let firstBytes = try Data(contentsOf: URL(fileURLWithPath: first))
    let secondBytes = try Data(contentsOf: URL(fileURLWithPath: second))
    #expect(firstBytes.count > 5_000)
    #expect(firstBytes == secondBytes)
  }

  @Test func closeLeavesOnlyTheFinishedFile() throws {
    defer { directory.remove() }
    try writeSampleWorkbook(to: directory.path("out.xlsx"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["out.xlsx"])
  }

  /// libxlsxwriter has no compression option: the level reaches zlib through deflate.c.
  @Test func theCompressionLevelReachesZlib() throws {
    defer { directory.remove() }
    var sizes: [Int: Int] = [:]
    for level in [0, 1, 9] {
      let path = directory.path("level\(level).xlsx")
      let workbook = try Workbook(path: path, properties: fixedProperties, compressionLevel: level)
      let sheet = try workbook.addWorksheet(named: "Data")
      for row in 0..<400 { try sheet.write(.text("row \(row) of a sheet that compresses well"), row: row, column: 0) }
      try workbook.close()
      sizes[level] = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
      #expect(try unzipMember("xl/sharedStrings.xml", of: path).contains("row 399 of a sheet"))
    }
    #expect(sizes[0]! > sizes[1]!, "\(sizes)")
    #expect(sizes[1]! > sizes[9]!, "\(sizes)")
  }

  @Test func aCompressionLevelZlibDoesNotHaveIsRefused() throws {
    defer { directory.remove() }
    #expect(throws: XLSXError.self) { try Workbook(path: directory.path("x.xlsx"), properties: fixedProperties, compressionLevel: 10) }
  }

  @Test(arguments: [
    ("bad/name", "invalid characters"),
    ("[x]", "invalid characters"),
    ("'quoted'", "apostrophe"),
    ("a name longer than thirty-one chars", "31 characters"),
    ("data", "already in use"),  // case-insensitive clash with "Data"
    ("", "cannot be empty"),
  ])
  func invalidSheetNamesAreRejectedReadably(name: String, reason: String) throws {
    defer { directory.remove() }
    let workbook = try Workbook(path: directory.path("names.xlsx"), properties: fixedProperties)
    _ = try workbook.addWorksheet(named: "Data")
    let error = #expect(throws: XLSXError.self) { try workbook.addWorksheet(named: name) }
    #expect(error?.operation == "add worksheet '\(name)'")
    #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
  }

  @Test func closingIntoAMissingDirectoryThrowsAndWritesNothing() throws {
    defer { directory.remove() }
    let path = directory.path("missing/workbook.xlsx")
    let workbook = try Workbook(path: path, properties: fixedProperties)
    _ = try workbook.addWorksheet(named: "Data")
    let error = #expect(throws: XLSXError.self) { try workbook.close() }
    #expect(error?.kind == .library)
    #expect(
      error?.description == "cannot write '\(path)': Error creating output xlsx file. Usually a permissions error.")
    #expect(workbook.isClosed)
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
  }

  @Test func everyUseAfterCloseThrowsInsteadOfTouchingFreedMemory() throws {
    defer { directory.remove() }
    let workbook = try Workbook(path: directory.path("closed.xlsx"), properties: fixedProperties)
    let sheet = try workbook.addWorksheet(named: "Data")
    try sheet.write(.number(1), row: 0, column: 0)
    try workbook.close()

    let uses: [(String, () throws -> Void)] = [
      ("write", { try sheet.write(.text("late"), row: 1, column: 0, style: .header) }),
      ("column width", { try sheet.setColumnWidth(0, width: 10) }),
      ("freeze", { try sheet.freezePanes(row: 1, column: 0) }),
      ("note", { try sheet.writeNote("late", row: 0, column: 0) }),
      ("activate", { try sheet.activate() }),
      (
        "chart",
        {
          try sheet.insertChart(
            ChartSpec(
              kind: .line,
              series: [
                ChartSeries(name: "a", categories: nil, values: SheetRange(sheet: "Data", column: 0, rows: 0...1))
              ]),
            row: 3, column: 0)
        }
      ),
      ("add sheet", { _ = try workbook.addWorksheet(named: "Late") }),
      ("close again", { try workbook.close() }),
    ]
    for (label, use) in uses {
      let error = #expect(throws: XLSXError.self, "\(label)") { try use() }
      #expect(error?.kind == .workbookClosed, "\(label)")
      #expect(error?.message == "workbook already closed", "\(label)")
    }
  }

  @Test func aChartOnAMissingSheetFailsTheCloseAndWritesNothing() throws {
    defer { directory.remove() }
    let path = directory.path("orphan.xlsx")
    let workbook = try Workbook(path: path, properties: fixedProperties)
    let sheet = try workbook.addWorksheet(named: "Data")
    let values = SheetRange(sheet: "Dta", column: 1, rows: 0...2)
    try sheet.insertChart(
      ChartSpec(kind: .column, series: [ChartSeries(name: "typo", categories: nil, values: values)]), row: 0, column: 0)
    let error = #expect(throws: XLSXError.self) { try workbook.close() }
    #expect(
      error?.description == "cannot write '\(path)': a chart refers to Dta!$B$1:$B$3, but there is no sheet 'Dta'")
    #expect(workbook.isClosed)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
  }

  @Test func aWorkbookDroppedWithoutCloseWritesNothing() throws {
    defer { directory.remove() }
    let path = directory.path("dropped.xlsx")
    do {
      let workbook = try Workbook(path: path, properties: fixedProperties)
      try workbook.addWorksheet(named: "Data").write(.number(1), row: 0, column: 0)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
  }

  @Test func badArgumentsAreRejectedBeforeReachingLibxlsxwriter() throws {
    defer { directory.remove() }
    let workbook = try Workbook(path: directory.path("arguments.xlsx"), properties: fixedProperties)
    let sheet = try workbook.addWorksheet(named: "Data")

    let nan = #expect(throws: XLSXError.self) { try sheet.write(.number(.nan), row: 0, column: 2) }
    #expect(nan?.kind == .invalidArgument)
    #expect(nan?.description == "cannot write Data!C1: nan is not a finite number")
    #expect(throws: XLSXError.self) { try sheet.write(.formula("1/0", cachedValue: .infinity), row: 0, column: 0) }
    let negative = #expect(throws: XLSXError.self) { try sheet.write(.number(1), row: -1, column: 0) }
    #expect(negative?.kind == .invalidArgument)
    #expect(throws: XLSXError.self) { try sheet.write(.number(1), row: 0, column: maximumColumnCount) }
    #expect(throws: XLSXError.self) {
      try sheet.write(.number(1), row: 0, column: 0, style: CellStyle(numberFormat: String(repeating: "0", count: 200)))
    }
    let tooLong = #expect(throws: XLSXError.self) {
      try sheet.write(.text(String(repeating: "x", count: 40_000)), row: 0, column: 0)
    }
    #expect(tooLong?.kind == .library)

    let values = SheetRange(sheet: "Data", column: 0, rows: 0...2)
    let empty = #expect(throws: XLSXError.self) {
      try sheet.insertChart(ChartSpec(kind: .column, series: []), row: 0, column: 0)
    }
    #expect(empty?.message == "a chart needs at least one series")
    let backwards = SheetRange(sheet: "Data", firstRow: 5, firstColumn: 0, lastRow: 1, lastColumn: 0)
    #expect(throws: XLSXError.self) {
      try sheet.insertChart(
        ChartSpec(kind: .column, series: [ChartSeries(name: "a", categories: nil, values: backwards)]), row: 0,
        column: 0)
    }
    #expect(throws: XLSXError.self) {
      try sheet.insertChart(
        ChartSpec(kind: .column, series: [ChartSeries(name: "a", categories: nil, values: values)]), row: 0, column: 0,
        width: 0)
    }
    // The workbook is still usable after rejected calls.
    try sheet.write(.number(1), row: 0, column: 0)
    try workbook.close()
  }

  @Test(arguments: [
    CreationDate(year: 2023, month: 2, day: 29),
    CreationDate(year: 2024, month: 13, day: 1),
    CreationDate(year: 1970, month: 1, day: 1),  // time 0 makes libxlsxwriter use the clock
    CreationDate(year: 1969, month: 12, day: 31, hour: 23),
    CreationDate(year: 2024, month: 1, day: 1, hour: 24),
  ])
  func impossibleCreationDatesAreRejected(date: CreationDate) throws {
    defer { directory.remove() }
    var properties = fixedProperties
    properties.created = date
    #expect(throws: XLSXError.self) { try Workbook(path: directory.path("date.xlsx"), properties: properties) }
  }

  @Test(arguments: [
    (CreationDate(year: 2000, month: 2, day: 29, hour: 12, minute: 30, second: 45), "2000-02-29T12:30:45Z"),
    (CreationDate(year: 1970, month: 1, day: 1, second: 1), "1970-01-01T00:00:01Z"),
    (CreationDate(year: 2038, month: 1, day: 19, hour: 3, minute: 14, second: 8), "2038-01-19T03:14:08Z"),
  ])
  func creationDatesRoundTripThroughCoreProperties(date: CreationDate, written: String) throws {
    defer { directory.remove() }
    var properties = fixedProperties
    properties.created = date
    let path = directory.path("date.xlsx")
    let workbook = try Workbook(path: path, properties: properties)
    _ = try workbook.addWorksheet(named: "Data")
    try workbook.close()
    #expect(
      try unzipMember("docProps/core.xml", of: path).contains(
        "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(written)</dcterms:created>"))
  }
}
