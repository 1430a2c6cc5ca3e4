import CSVReading
import Testing

@Suite("CSVReader.parse")
struct CSVReaderParseTests {
  private func texts(_ rows: [CSVRow]) -> [[String]] { rows.map { $0.fields.map(\.text) } }

  @Test func readsFieldsWithLinesAndColumns() throws {
    let rows = try CSVReader.parse("a,b,c\n1,2,3\n")
    #expect(texts(rows) == [["a", "b", "c"], ["1", "2", "3"]])
    #expect(rows.map(\.line) == [1, 2])
    #expect(rows[1].fields.map(\.column) == [1, 2, 3])
    #expect(rows[1].fields.map(\.line) == [2, 2, 2])
  }

  @Test func skipsEmptyAndBlankLinesButCountsThem() throws {
    let rows = try CSVReader.parse("title\n\n   \nx,y\n\n")
    #expect(texts(rows) == [["title"], ["x", "y"]])
    #expect(rows.map(\.line) == [1, 4])
  }

  @Test func lineOfDelimitersIsARowOfEmptyFields() throws {
    let rows = try CSVReader.parse("a\n,,\n")
    #expect(texts(rows) == [["a"], ["", "", ""]])
  }

  @Test func quotedFieldWithNewlinesKeepsItsStartLineAndLaterFieldsTheirs() throws {
    let rows = try CSVReader.parse("h1,h2\n\"焦炭\n(万吨)\",x\nnext,\"a\"\"b\"\n")
    #expect(texts(rows) == [["h1", "h2"], ["焦炭\n(万吨)", "x"], ["next", "a\"b"]])
    #expect(rows[1].fields.map(\.line) == [2, 3])
    #expect(rows[2].line == 4)
  }

  @Test func rowStartingWithAMultilineFieldIsPlacedAtItsFirstLine() throws {
    let rows = try CSVReader.parse("\"a\nb\nc\",d\ne\n")
    #expect(rows.map(\.line) == [1, 4])
    #expect(rows[0].fields.map(\.line) == [1, 3])
  }

  @Test(arguments: ["a,b\r\nc,d\r\n", "a,b\rc,d\r", "a,b\nc,d"])
  func acceptsCRLFCRAndLFLineEnds(_ text: String) throws {
    let rows = try CSVReader.parse(text)
    #expect(texts(rows) == [["a", "b"], ["c", "d"]])
    #expect(rows.map(\.line) == [1, 2])
  }

  @Test func trimsUnquotedSpacesButKeepsQuotedOnes() throws {
    let rows = try CSVReader.parse("  a , \" b \" \n")
    #expect(texts(rows) == [["a", " b "]])
  }

  @Test func decodesMultibyteUTF8AndIgnoresAByteOrderMark() throws {
    let rows = try CSVReader.parse("\u{FEFF}非金属矿物制品业,１２３．４\n")
    #expect(texts(rows) == [["非金属矿物制品业", "１２３．４"]])
  }

  @Test func readsTabSeparatedText() throws {
    let rows = try CSVReader.parse("a\tb c\t1,234.5\n", delimiter: UInt8(ascii: "\t"))
    #expect(texts(rows) == [["a", "b c", "1,234.5"]])
  }

  @Test func raggedRowsAreKeptAsWritten() throws {
    let rows = try CSVReader.parse("a,b,c\nd\n")
    #expect(rows.map(\.fields.count) == [3, 1])
  }

  @Test func emptyTextHasNoRows() throws {
    #expect(try CSVReader.parse("").isEmpty)
    #expect(try CSVReader.parse("\n\n").isEmpty)
  }

  @Test func lastLineWithoutNewlineIsRead() throws {
    let rows = try CSVReader.parse("a\nb,c")
    #expect(texts(rows) == [["a"], ["b", "c"]])
    #expect(rows[1].fields[1].line == 2)
  }
}

@Suite("CSVReader errors")
struct CSVReaderErrorTests {
  @Test func unterminatedQuoteNamesTheLineItStartsOn() {
    let text = "a,b\nc,\"open\nstill open\nand more\n"
    #expect(throws: CSVReadError(
      line: 2, column: 2,
      message: "unterminated quoted field starting at line 2: a field that opens with \" must close with \"")) {
      try CSVReader.parse(text)
    }
  }

  @Test func strayQuoteInsideAnUnquotedFieldIsAnError() throws {
    let error = try #require(throws: CSVReadError.self) { try CSVReader.parse("a,b\nx,ab\"c\n") }
    #expect(error.line == 2)
    #expect(error.column == 2)
    #expect(error.message.hasPrefix("misplaced quote"))
    #expect(error.description.hasPrefix("line 2, field 2: misplaced quote"))
  }

  @Test func textAfterAClosingQuoteIsAnError() throws {
    let error = try #require(throws: CSVReadError.self) { try CSVReader.parse("h\n\n\"ab\"c,d\n") }
    #expect(error.line == 3)
    #expect(error.column == 1)
  }
}

@Suite("CSVReader.detectDelimiter")
struct DelimiterDetectionTests {
  @Test func commaSeparated() {
    #expect(CSVReader.detectDelimiter("表 1\na,b,c\n1,2,3\n") == UInt8(ascii: ","))
  }

  @Test func tabSeparatedEvenWithThousandsSeparatorsInNumbers() {
    let text = "表 4-12 能源\n行业\t煤炭\t焦炭\n工业\t1,234.5\t12\n建材\t1,234,567\t3\n"
    #expect(CSVReader.detectDelimiter(text) == UInt8(ascii: "\t"))
  }

  @Test func semicolonSeparated() {
    #expect(CSVReader.detectDelimiter("a;b;c\n1;2;3\n") == UInt8(ascii: ";"))
  }

  @Test func commasInsideQuotesDoNotCount() {
    #expect(CSVReader.detectDelimiter("a\t\"x,y,z\"\nb\t\"p,q,r\"\n") == UInt8(ascii: "\t"))
  }

  @Test func textWithoutDelimitersIsTakenAsCommaSeparated() {
    #expect(CSVReader.detectDelimiter("just a title\n") == UInt8(ascii: ","))
  }
}
