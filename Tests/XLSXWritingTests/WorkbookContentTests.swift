import Foundation
import Testing
import XLSXWriting

/// Writes a small workbook to `path` with one of everything the wrapper offers.
func writeSampleWorkbook(to path: String) throws {
  let workbook = try Workbook(path: path, properties: fixedProperties)
  let sheet = try workbook.addWorksheet(named: "Totals and shares")
  try sheet.writeRow([.text("Year"), .text("Coke"), .text("Coal")], row: 0, style: .header)
  for (offset, year) in [2011, 2012, 2013].enumerated() {
    try sheet.write(.text(String(year)), row: offset + 1, column: 0)
    try sheet.write(.number(Double(offset) + 1.5), row: offset + 1, column: 1, style: .number2)
    try sheet.write(.formula("B\(offset + 2)*2", cachedValue: (Double(offset) + 1.5) * 2), row: offset + 1, column: 2)
  }
  try sheet.writeNote("Source: yearbook table 4-12", row: 1, column: 1)
  try sheet.mergeCells(firstRow: 5, firstColumn: 0, lastRow: 5, lastColumn: 2, text: "Notes", style: .header)
  try sheet.freezePanes(row: 1, column: 0)
  try sheet.setColumnWidth(0...2, width: 14)
  try sheet.insertChart(
    ChartSpec(
      kind: .stackedColumn, title: "Fuel use", xAxisTitle: "Year", yAxisTitle: "Mt",
      series: [
        ChartSeries(
          name: "Coke", categories: SheetRange(sheet: "Totals and shares", column: 0, rows: 1...3),
          values: SheetRange(sheet: "Totals and shares", column: 1, rows: 1...3), color: 0x4472C4),
        ChartSeries(
          name: "Coal", categories: SheetRange(sheet: "Totals and shares", column: 0, rows: 1...3),
          values: SheetRange(sheet: "Totals and shares", column: 2, rows: 1...3)),
      ]),
    row: 7, column: 0)
  try sheet.activate()
  try workbook.close()
}

@Suite struct WorkbookContentTests {
  let directory: ScratchDirectory
  init() throws { directory = try ScratchDirectory() }

  @Test func cellsAreWrittenWithValuesAndCachedFormulaResults() throws {
    defer { directory.remove() }
    let path = directory.path("cells.xlsx")
    let workbook = try Workbook(path: path, properties: fixedProperties)
    let sheet = try workbook.addWorksheet(named: "Data")
    try sheet.write(.number(2), row: 0, column: 0)
    try sheet.write(.text("clinker"), row: 0, column: 1)
    try sheet.write(.formula("A1*2", cachedValue: 4), row: 0, column: 2)
    try sheet.write(.formulaText("B1&\"!\"", cachedText: "clinker!"), row: 0, column: 3)
    try sheet.write(.boolean(true), row: 0, column: 4)
    try sheet.write(.number(-0.125), row: 3, column: 27)
    try sheet.freezePanes(row: 1, column: 0)
    try sheet.setColumnWidth(1, width: 20)
    try sheet.setRowHeight(3, height: 30)
    try workbook.close()

    let xml = try unzipMember("xl/worksheets/sheet1.xml", of: path)
    #expect(xml.contains(#"<c r="A1"><v>2</v></c>"#))
    #expect(xml.contains(#"<c r="B1" t="s"><v>0</v></c>"#))  // index 0 in the shared strings
    #expect(xml.contains(#"<c r="C1"><f>A1*2</f><v>4</v></c>"#))
    #expect(xml.contains(#"<c r="D1" t="str"><f>B1&amp;"!"</f><v>clinker!</v></c>"#))
    #expect(xml.contains(#"<c r="E1" t="b"><v>1</v></c>"#))
    #expect(xml.contains(#"<c r="AB4"><v>-0.125</v></c>"#))
    #expect(xml.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
    // libxlsxwriter pads character widths the way Excel does: 20 → 20.7109375.
    #expect(xml.contains(#"<col min="2" max="2" width="20.7109375" customWidth="1"/>"#))
    #expect(xml.contains(#"<row r="4" spans="1:28" ht="30" customHeight="1">"#))
    let strings = try unzipMember("xl/sharedStrings.xml", of: path)
    #expect(strings.contains("<si><t>clinker</t></si>"))
  }

  @Test func equalStylesShareOneFormatAndBlackIsNotUnset() throws {
    defer { directory.remove() }
    let path = directory.path("styles.xlsx")
    let workbook = try Workbook(path: path, properties: fixedProperties)
    let sheet = try workbook.addWorksheet(named: "Data")
    try sheet.write(.number(1), row: 0, column: 0, style: .number2)
    try sheet.write(.number(2), row: 1, column: 0, style: CellStyle(numberFormat: "#,##0.00"))
    try sheet.write(.number(3), row: 2, column: 0, style: CellStyle.number2.with { $0.fontColor = 0x000000 })
    try sheet.write(.number(0.25), row: 3, column: 0, style: .percent1)
    try workbook.close()

    let xml = try unzipMember("xl/worksheets/sheet1.xml", of: path)
    #expect(xml.contains(#"<c r="A1" s="1">"#))
    #expect(xml.contains(#"<c r="A2" s="1">"#))
    #expect(xml.contains(#"<c r="A3" s="2">"#))
    #expect(xml.contains(#"<c r="A4" s="3">"#))
    let styles = try unzipMember("xl/styles.xml", of: path)
    #expect(styles.contains(#"<cellXfs count="4">"#))  // the default plus three distinct styles
    #expect(styles.contains(##"formatCode="#,##0.00""##))
    #expect(styles.contains(#"<color rgb="FF000000"/>"#))
  }

  @Test func documentPropertiesCarryTheFixedCreationDate() throws {
    defer { directory.remove() }
    let path = directory.path("properties.xlsx")
    try writeSampleWorkbook(to: path)
    let core = try unzipMember("docProps/core.xml", of: path)
    #expect(core.contains("<dc:title>Cement CO₂ account</dc:title>"))
    #expect(core.contains("<dc:creator>cement-accounts</dc:creator>"))
    #expect(core.contains("<cp:keywords>cement, CO2</cp:keywords>"))
    #expect(core.contains(#"<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-05T06:07:08Z</dcterms:created>"#))
    #expect(core.contains(#"<dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-05T06:07:08Z</dcterms:modified>"#))
    let app = try unzipMember("docProps/app.xml", of: path)
    #expect(app.contains("<Company>Example Institute</Company>"))
  }

  @Test func stackedColumnChartRefersToQuotedRangesWithCachedValues() throws {
    defer { directory.remove() }
    let path = directory.path("chart.xlsx")
    try writeSampleWorkbook(to: path)
    #expect(try zipMembers(of: path).contains("xl/charts/chart1.xml"))
    let chart = try unzipMember("xl/charts/chart1.xml", of: path)
    #expect(chart.contains(#"<c:grouping val="stacked"/>"#))
    #expect(chart.contains("<c:f>'Totals and shares'!$A$2:$A$4</c:f>"))
    #expect(chart.contains("<c:f>'Totals and shares'!$B$2:$B$4</c:f>"))
    #expect(chart.contains("<c:f>'Totals and shares'!$C$2:$C$4</c:f>"))
    #expect(chart.contains("<c:tx><c:v>Coke</c:v></c:tx>"))
    #expect(chart.contains(#"<a:srgbClr val="4472C4"/>"#))
    #expect(
      chart.contains("<a:t>Fuel use</a:t>") && chart.contains("<a:t>Year</a:t>") && chart.contains("<a:t>Mt</a:t>"))
    #expect(chart.contains(#"<c:legendPos val="b"/>"#))
    // Values cached from the cells, and the formula column from its cached results.
    #expect(chart.contains(#"<c:pt idx="2"><c:v>3.5</c:v></c:pt>"#))
    #expect(chart.contains(#"<c:pt idx="2"><c:v>7</c:v></c:pt>"#))
    let drawing = try unzipMember("xl/drawings/drawing1.xml", of: path)
    #expect(drawing.contains("<xdr:row>7</xdr:row>"))
  }

  @Test func lineChartWithMarkersColorsLineAndMarkersAndCanHideTheLegend() throws {
    defer { directory.remove() }
    let path = directory.path("line.xlsx")
    let workbook = try Workbook(path: path, properties: fixedProperties)
    let sheet = try workbook.addWorksheet(named: "Data")
    for row in 0..<3 { try sheet.writeRow([.number(Double(2011 + row)), .number(Double(row))], row: row) }
    let values = SheetRange(sheet: "Data", column: 1, rows: 0...2)
    try sheet.insertChart(
      ChartSpec(
        kind: .lineWithMarkers, yAxisNumberFormat: "0%", legend: .none,
        series: [ChartSeries(name: "Share", categories: nil, values: values, color: 0xC00000)]),
      row: 4, column: 0, width: 720, height: 360)
    try sheet.insertChart(
      ChartSpec(
        kind: .scatter,
        series: [ChartSeries(name: "xy", categories: SheetRange(sheet: "Data", column: 0, rows: 0...2), values: values)]
      ),
      row: 30, column: 0)
    try workbook.close()

    let line = try unzipMember("xl/charts/chart1.xml", of: path)
    #expect(line.contains("<c:lineChart>"))
    #expect(line.contains(#"<c:symbol val="circle"/>"#))
    #expect(line.contains(#"<a:ln><a:solidFill><a:srgbClr val="C00000"/>"#))
    #expect(line.contains(#"<c:spPr><a:solidFill><a:srgbClr val="C00000"/></a:solidFill>"#))  // marker fill
    #expect(line.contains(#"<c:numFmt formatCode="0%" sourceLinked="0"/>"#))
    #expect(!line.contains("<c:legend>"))
    let scatter = try unzipMember("xl/charts/chart2.xml", of: path)
    #expect(scatter.contains("<c:scatterChart>"))
    #expect(scatter.contains("<c:xVal><c:numRef><c:f>Data!$A$1:$A$3</c:f>"))
  }
}

@Suite struct ChartCacheTests {
  let directory: ScratchDirectory
  init() throws { directory = try ScratchDirectory() }

  /// libxlsxwriter 1.1.4 alone caches formula cells as 0 and cannot find a sheet whose
  /// quoted name contains `''`; the wrapper fills the cache itself.
  @Test func chartCacheHoldsFormulaResultsAndTextEvenOnSheetsWithApostrophes() throws {
    defer { directory.remove() }
    let path = directory.path("cache.xlsx")
    let workbook = try Workbook(path: path, properties: fixedProperties)
    let sheet = try workbook.addWorksheet(named: "Bob's data")
    try sheet.write(.text("north"), row: 0, column: 0)
    try sheet.write(.formulaText("\"so\"&\"uth\"", cachedText: "south"), row: 1, column: 0)
    try sheet.write(.number(2.5), row: 0, column: 1)
    try sheet.write(.formula("B1*4", cachedValue: 10), row: 1, column: 1)
    // Row 2 is left empty: a gap in the series.
    let chartSheet = try workbook.addWorksheet(named: "Charts")
    try chartSheet.insertChart(
      ChartSpec(
        kind: .column,
        series: [
          ChartSeries(
            name: "Output", categories: SheetRange(sheet: "Bob's data", column: 0, rows: 0...2),
            values: SheetRange(sheet: "Bob's data", column: 1, rows: 0...2))
        ]),
      row: 0, column: 0)
    try workbook.close()

    let chart = try unzipMember("xl/charts/chart1.xml", of: path)
    #expect(chart.contains("<c:f>'Bob''s data'!$A$1:$A$3</c:f><c:strCache><c:ptCount val=\"3\"/>"))
    #expect(chart.contains(#"<c:pt idx="0"><c:v>north</c:v></c:pt><c:pt idx="1"><c:v>south</c:v></c:pt></c:strCache>"#))
    #expect(chart.contains("<c:f>'Bob''s data'!$B$1:$B$3</c:f><c:numCache>"))
    #expect(chart.contains(#"<c:pt idx="0"><c:v>2.5</c:v></c:pt><c:pt idx="1"><c:v>10</c:v></c:pt></c:numCache>"#))
  }
}
