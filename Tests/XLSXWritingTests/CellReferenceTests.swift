import Testing
import XLSXWriting

@Test(arguments: [
  (0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "AB"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA"),
  (16_383, "XFD"),
])
func columnLetters(column: Int, letters: String) {
  #expect(columnName(column) == letters)
}

@Test func cellReferencesAreOneBasedA1() {
  #expect(cellReference(row: 0, column: 0) == "A1")
  #expect(cellReference(row: 4, column: 2) == "C5")
  #expect(cellReference(row: 2, column: 5, absolute: true) == "$F$3")
  #expect(cellReference(row: 1_048_575, column: 16_383) == "XFD1048576")
}

@Test(arguments: [
  ("Data", "Data"),
  ("Sheet1", "Sheet1"),
  ("co2.shares_2013", "co2.shares_2013"),
  ("Totals and shares", "'Totals and shares'"),
  ("Bob's sheet", "'Bob''s sheet'"),
  ("2013", "'2013'"),
  ("A1", "'A1'"),  // would read as a cell reference
  ("xfd12", "'xfd12'"),
  ("R1C1", "'R1C1'"),  // R1C1 notation
  ("C", "'C'"),
  ("Liaoning-2013", "'Liaoning-2013'"),
  ("水泥", "'水泥'"),
])
func sheetNamesAreQuotedWhenNeeded(name: String, quoted: String) {
  #expect(quotedSheetName(name) == quoted)
}

@Test func sheetRangeRendersAbsoluteReferenceWithQuotedName() {
  let column = SheetRange(sheet: "Totals and shares", firstRow: 1, firstColumn: 0, lastRow: 23, lastColumn: 0)
  #expect(column.reference == "'Totals and shares'!$A$2:$A$24")
  #expect(SheetRange(sheet: "Data", column: 27, rows: 2...9).description == "Data!$AB$3:$AB$10")
  #expect(SheetRange(sheet: "Data", firstRow: 2, firstColumn: 1, lastRow: 2, lastColumn: 1).reference == "Data!$B$3")
  #expect(
    SheetRange(sheet: "Bob's", firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 2).reference == "'Bob''s'!$A$1:$C$2"
  )
}
