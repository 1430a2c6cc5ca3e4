import Foundation
import Testing
import XLSXReading

/// Parts written by hand for what the project's writer never produces: inline strings, rich
/// text, cells without references, entities, escapes, prefixes, absolute targets.
@Suite struct HandMadeXMLTests {
  let directory: ScratchDirectory
  init() throws { directory = try ScratchDirectory() }

  func sheet(
    _ sheetData: String, sharedStrings: [String]? = nil, name: String = "S", absoluteTargets: Bool = false,
    prefix: String = ""
  ) throws -> XLSXSheet {
    let bytes = handMadeWorkbook(
      sheets: [(name, sheetData)], sharedStrings: sharedStrings, absoluteTargets: absoluteTargets, prefix: prefix)
    let reader = try XLSXWorkbookReader(path: try directory.write(bytes, to: "hand.xlsx"))
    return try reader.sheet(named: name)
  }

  @Test func sharedStringsWithRichTextRunsAndPhoneticGuides() throws {
    defer { directory.remove() }
    let strings = [
      "<si><t>plain</t></si>",
      #"<si><r><t>Raw</t></r><r><rPr><b/></rPr><t xml:space="preserve"> Coal </t></r></si>"#,
      "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/></si>",
      "<si/>",
      #"<si><t xml:space="preserve">  leading and trailing  </t></si>"#,
    ]
    let sheet = try sheet(
      (0..<5).map { #"<c r="A\#($0 + 1)" t="s"><v>\#($0)</v></c>"# }.map { "<row>\($0)</row>" }.joined(),
      sharedStrings: strings)
    #expect(sheet[0, 0] == .text("plain"))
    #expect(sheet[1, 0] == .text("Raw Coal "))
    #expect(sheet[2, 0] == .text("東京"))
    #expect(sheet[3, 0] == .text(""))
    #expect(sheet[4, 0] == .text("  leading and trailing  "))
  }

  @Test func inlineStringsFormulaStringsBooleansAndErrors() throws {
    defer { directory.remove() }
    let sheet = try sheet(
      #"<row r="1"><c r="A1" t="inlineStr"><is><t>inline</t></is></c>"#
        + #"<c r="B1" t="inlineStr"><is><r><t>rich</t></r><r><t> inline</t></r></is></c>"#
        + #"<c r="C1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>"#
        + #"<c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c>"#
        + #"<c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G1" t="e"><v>#N/A</v></c>"#
        + #"<c r="H1" t="str"><f>""</f><v></v></c><c r="I1" t="d"><v>2013-12-31T00:00:00Z</v></c>"#
        + #"<c r="J1" s="4"/><c r="K1"><f>SUM(A2:A3)</f></c></row>"#)
    #expect(sheet[0, 0] == .text("inline"))
    #expect(sheet[0, 1] == .text("rich inline"))
    #expect(sheet[0, 2] == .text("ab"))
    #expect(sheet[0, 3] == .boolean(true))
    #expect(sheet[0, 4] == .boolean(false))
    #expect(sheet[0, 5] == .error("#DIV/0!"))
    #expect(sheet[0, 6] == .error("#N/A"))
    #expect(sheet[0, 7] == .text(""))
    #expect(sheet[0, 8] == .text("2013-12-31T00:00:00Z"))
    #expect(sheet[0, 9] == nil)  // styled, no value
    #expect(sheet[0, 10] == nil)  // a formula never calculated
    #expect(sheet.columnCount == 9)
  }

  @Test(arguments: [
    ("0", 0.0), ("-0.5", -0.5), ("12", 12), ("20.23", 20.23), ("3501.7800000000007", 3501.7800000000007),
    ("1.5E-3", 0.0015), ("1.5e3", 1500), ("-2.5E+2", -250), ("6.02214076E23", 6.02214076e23),
    ("1E-7", 1e-7), ("1.7976931348623157E308", 1.7976931348623157e308),
    ("4.9406564584124654E-324", .leastNonzeroMagnitude),
    ("123456789012345678901234567890", 123456789012345678901234567890.0), (".5", 0.5), ("5.", 5),
    ("0.000000000000000000000000001", 1e-27), (" 7 ", 7), ("1e-400", 0),
  ])
  func numbersInEveryFormExcelWrites(text: String, value: Double) throws {
    defer { directory.remove() }
    let sheet = try sheet(#"<row r="1"><c r="A1"><v>\#(text)</v></c><c r="B1" t="n"><v>\#(text)</v></c></row>"#)
    #expect(sheet[0, 0] == .number(value))
    #expect(sheet[0, 1] == .number(value))
  }

  @Test func exactDecimalsAgreeWithTheStandardLibrary() throws {
    defer { directory.remove() }
    // The fast path must round exactly as Double(String) does, digit count by digit count.
    let texts = (1...400).map { index -> String in
      let digits = String(UInt64(index) &* 2_654_435_761 % 1_000_000_000_000_000)
      let point = index % digits.count
      let exponent = index % 3 == 0 ? "E\(index % 45 - 22)" : ""
      return String(digits.prefix(point)) + "." + digits.dropFirst(point) + exponent
    }
    let row = texts.enumerated().map { #"<c r="\#(XLSXSheet.cellReference(row: 0, column: $0))"><v>\#($1)</v></c>"# }
    let sheet = try sheet("<row>" + row.joined() + "</row>")
    for (column, text) in texts.enumerated() {
      #expect(sheet[0, column] == .number(Double(text)!), "\(text)")
    }
  }

  @Test func longDecimalsAgreeWithTheStandardLibrary() throws {
    defer { directory.remove() }
    // 16 to 19 significant digits (Excel writes 17: 917.92000000000007) are rounded in
    // integers, not by the standard library: every one must come out as Double(String) has it,
    // halfway cases (2⁵³ + 1, 2⁵⁴ + 2) and the ends of the exponent range included.
    var texts = [
      "917.92000000000007", "11.299999999999999", "3501.7800000000007", "0.30000000000000004",
      "9007199254740993", "9007199254740995", "18014398509481986", "18014398509481990", "9223372036854775807",
      "9999999999999999999", "1234567890123456789E27", "1234567890123456789E-27", "1000000000000000001E-19",
      "-2.2250738585072014E-5", "4.9406564584124654E10", "12345678901234567E-30", "0.000012345678901234567",
    ]
    texts += (1...300).map { index in
      let digits = String(UInt64(index) &* 11_400_714_819_323_198_485 % 10_000_000_000_000_000_000)
      let point = index % digits.count
      let exponent = index % 4 == 0 ? "E\(index % 55 - 27)" : ""
      return String(digits.prefix(point)) + "." + digits.dropFirst(point) + exponent
    }
    let row = texts.enumerated().map { #"<c r="\#(XLSXSheet.cellReference(row: 0, column: $0))"><v>\#($1)</v></c>"# }
    let sheet = try sheet("<row>" + row.joined() + "</row>")
    for (column, text) in texts.enumerated() {
      #expect(sheet[0, column] == .number(Double(text)!), "\(text)")
      #expect(sheet.number(0, column) == Double(text)!, "\(text)")
    }
  }

  @Test func cellsReadTheSameHoweverTheirTagsAreSpelled() throws {
    defer { directory.remove() }
    // The usual spelling is read by a shortcut; every other one by the general scan, to the
    // same values.
    let spellings = [
      #"<c r="A1" t="s"><v>0</v></c><c r="B1"><v>2.5</v></c><c r="C1" s="3" t="b"><v>1</v></c>"#,
      #"<c r="A1" t="s" ><v>0</v></c><c r="B1" ><v>2.5</v></c><c s="3" r="C1"  t="b"><v>1</v></c>"#,
      #"<c r='A1' t='s'><v>0</v></c><c r='B1'><v> 2.5 </v></c><c r="C1" t="b" s="3"><v>1</v><extLst/></c>"#,
      #"<c r="A1" t="s"><v>0</v> </c><c r="B1"><f>5/2</f><v>2.5</v></c><c r="C1" t="b" r="Z9"><v>1</v></c>"#,
      #"<x:c r="A1" t="s"><x:v>0</x:v></x:c><c r="B1"><v>2.<!-- -->5</v></c><c r="C1" t="b"><v>1</v></c >"#,
    ]
    for spelling in spellings {
      let sheet = try sheet("<row>" + spelling + "</row>", sharedStrings: ["<si><t>Raw_Coal</t></si>"])
      #expect(sheet[0, 0] == .text("Raw_Coal"), "\(spelling)")
      #expect(sheet[0, 1] == .number(2.5), "\(spelling)")
      #expect(sheet[0, 2] == .boolean(true), "\(spelling)")
      #expect(sheet.number(0, 1) == 2.5 && sheet.number(0, 0) == nil && sheet.number(0, 2) == nil, "\(spelling)")
      #expect(sheet.usedCells.count == 3, "\(spelling)")
    }
  }

  @Test func cellsAndRowsWithoutReferencesArePlacedByOrder() throws {
    defer { directory.remove() }
    let sheet = try sheet(
      "<row><c><v>1</v></c><c><v>2</v></c><c r=\"E1\"><v>5</v></c><c><v>6</v></c></row>"
        + "<row/><row><c t=\"inlineStr\"><is><t>third</t></is></c></row>"
        + #"<row r="10"><c><v>10</v></c></row><row><c r="B11"><v>11</v></c></row>"#)
    #expect(sheet[0, 0] == .number(1))
    #expect(sheet[0, 1] == .number(2))
    #expect(sheet[0, 4] == .number(5))
    #expect(sheet[0, 5] == .number(6))
    #expect(sheet[2, 0] == .text("third"))
    #expect(sheet[9, 0] == .number(10))
    #expect(sheet[10, 1] == .number(11))
    #expect(sheet.rowCount == 11)
  }

  @Test func entitiesCharacterReferencesAndOOXMLEscapes() throws {
    defer { directory.remove() }
    let strings = [
      "<si><t>Fishery &amp; Water &lt;&gt; &quot;q&quot; &apos;a&apos;</t></si>",
      "<si><t>&#20013;&#x6587; &#x1F600; &#0; &#xD800; &unknown; & alone</t></si>",
      "<si><t>line_x000D__x000A_next _x005F_x0041_ _xD83D__xDE00_ _x12_</t></si>",
      "<si><t>crlf\r\nlone\rcr</t></si>",
      "<si><t>a<!-- comment -->b<![CDATA[<&>]]>c</t></si>",
    ]
    let sheet = try sheet(
      "<row>" + (0..<5).map { #"<c t="s"><v>\#($0)</v></c>"# }.joined() + "</row>", sharedStrings: strings)
    #expect(sheet[0, 0] == .text("Fishery & Water <> \"q\" 'a'"))
    #expect(sheet[0, 1] == .text("中文 😀 \u{FFFD} \u{FFFD} &unknown; & alone"))
    #expect(sheet[0, 2] == .text("line\r\nnext _x0041_ 😀 _x12_"))
    #expect(sheet[0, 3] == .text("crlf\nlone\ncr"))
    #expect(sheet[0, 4] == .text("ab<&>c"))
  }

  @Test func sheetNamesWithEntitiesAndQuotes() throws {
    defer { directory.remove() }
    let bytes = handMadeWorkbook(sheets: [("R&D 'costs'", "<row><c><v>1</v></c></row>"), ("二", "")])
    let reader = try XLSXWorkbookReader(path: try directory.write(bytes, to: "names.xlsx"))
    #expect(reader.sheetNames == ["R&D 'costs'", "二"])
    #expect(try reader.sheet(named: "R&D 'costs'")[0, 0] == .number(1))
    let empty = try reader.sheet(named: "二")
    #expect(empty.rowCount == 0 && empty.columnCount == 0 && empty.usedCells.isEmpty)
  }

  @Test func absoluteTargetsAndNamespacePrefixes() throws {
    defer { directory.remove() }
    let absolute = try sheet(#"<row r="1"><c r="A1"><v>1</v></c></row>"#, absoluteTargets: true)
    #expect(absolute[0, 0] == .number(1))
    let prefixed = try sheet(
      #"<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>prefixed</x:t></x:is></x:c></x:row>"#, prefix: "x")
    #expect(prefixed[1, 1] == .text("prefixed"))
  }

  @Test func aZIP64Archive() throws {
    defer { directory.remove() }
    let bytes = handMadeWorkbook(sheets: [("S", #"<row r="1"><c r="A1"><v>64</v></c></row>"#)], zip64: true)
    let reader = try XLSXWorkbookReader(path: try directory.write(bytes, to: "zip64.xlsx"))
    #expect(reader.sheetNames == ["S"])
    #expect(try reader.sheet(named: "S")[0, 0] == .number(64))
  }

  @Test func aSparseSheetStoresOnlyItsCells() throws {
    defer { directory.remove() }
    let sheet = try sheet(
      #"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>"#)
    #expect(sheet.rowCount == 1_048_576)
    #expect(sheet.columnCount == 16_384)
    #expect(sheet[0, 0] == .number(1))
    #expect(sheet[1_048_575, 16_383] == .number(2))
    #expect(sheet[1_048_575, 16_382] == nil)
    #expect(sheet.usedCells.count == 2)
  }

  @Test func aLaterCellWithTheSameReferenceWins() throws {
    defer { directory.remove() }
    let sheet = try sheet(#"<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>"#)
    #expect(sheet[0, 0] == .number(2))
  }
}
