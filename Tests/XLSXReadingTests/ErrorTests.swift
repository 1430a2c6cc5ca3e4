import Foundation
import Testing
import XLSXReading
import XLSXWriting

/// Bad input ends in an XLSXReadError that says where and what, never in a crash or a hang.
@Suite struct ErrorTests {
  let directory: ScratchDirectory
  init() throws { directory = try ScratchDirectory() }

  /// A small valid workbook written by XLSXWriting (deflated parts).
  func writtenWorkbook() throws -> [UInt8] {
    let path = directory.path("valid.xlsx")
    let workbook = try Workbook(path: path, properties: fixedProperties)
    let sheet = try workbook.addWorksheet(named: "Data")
    for row in 0..<30 {
      try sheet.writeRow(
        [.text("row \(row)"), .number(Double(row) * 1.25), .formula("B\(row + 1)*2", cachedValue: 0)], row: row)
    }
    try workbook.close()
    return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  func open(_ bytes: [UInt8], named name: String = "bad.xlsx") throws -> XLSXReadError? {
    let path = try directory.write(bytes, to: name)
    return #expect(throws: XLSXReadError.self) { _ = try XLSXWorkbookReader(path: path) }
  }

  /// The error from reading sheet `S` of a hand-made workbook.
  func sheetError(_ sheetData: String, sharedStrings: [String]? = nil) throws -> XLSXReadError? {
    let path = try directory.write(
      handMadeWorkbook(sheets: [("S", sheetData)], sharedStrings: sharedStrings), to: "s.xlsx")
    let reader = try XLSXWorkbookReader(path: path)
    return #expect(throws: XLSXReadError.self) { _ = try reader.sheet(named: "S") }
  }

  @Test func aFileThatIsNotAZIPArchive() throws {
    defer { directory.remove() }
    let error = try open(Array("year,coal\n2013,226.76\n".utf8), named: "table.xlsx")
    #expect(error?.message == "not an .xlsx workbook (not a ZIP archive)")
    #expect(error?.hint?.contains(#"("year,coa")"#) == true)
    #expect(error?.description.hasPrefix(directory.path("table.xlsx") + ": error: not an .xlsx workbook") == true)
    #expect(try open([])?.hint == "the file is empty")
  }

  @Test func aPasswordProtectedWorkbook() throws {
    defer { directory.remove() }
    let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    let encryptedStream = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    for bytes in [ole + [UInt8](repeating: 0, count: 504), ole + [UInt8](repeating: 0, count: 100) + encryptedStream] {
      let error = try open(bytes)
      #expect(error?.message.hasPrefix("the workbook is password-protected") == true)
      #expect(error?.hint?.contains("remove the password") == true)
    }
  }

  @Test func anOldBinaryXLSWorkbook() throws {
    defer { directory.remove() }
    let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    let stream = Array("Workbook".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    let error = try open(ole + [UInt8](repeating: 0, count: 100) + stream)
    #expect(error?.message == "not an .xlsx workbook: this is an Excel 97–2003 binary workbook (.xls)")
  }

  @Test func aTruncatedWorkbook() throws {
    defer { directory.remove() }
    let bytes = try writtenWorkbook()
    let error = try open(Array(bytes.prefix(bytes.count / 2)))
    #expect(error?.message.contains("truncated or damaged") == true)
    #expect(error?.hint?.contains("fetch or copy the workbook again") == true)
  }

  @Test func aMissingFileAndADirectory() throws {
    defer { directory.remove() }
    let missing = #expect(throws: XLSXReadError.self) {
      _ = try XLSXWorkbookReader(path: directory.path("nowhere.xlsx"))
    }
    #expect(missing?.message == "cannot open the workbook: No such file or directory")
    #expect(missing?.file == directory.path("nowhere.xlsx"))
    let folder = #expect(throws: XLSXReadError.self) { _ = try XLSXWorkbookReader(path: directory.url.path) }
    #expect(folder?.message.hasPrefix("cannot read the workbook") == true)
  }

  @Test func aZIPArchiveThatIsNotAWorkbook() throws {
    defer { directory.remove() }
    var zip = ZIPBuilder()
    zip.add("word/document.xml", "<document/>")
    let error = try open(zip.bytes)
    #expect(error?.message == "the workbook is corrupt: the ZIP archive has no xl/workbook.xml")
  }

  @Test func aMissingSheetListsTheAvailableNames() throws {
    defer { directory.remove() }
    let path = try directory.write(try writtenWorkbook(), to: "valid.xlsx")
    let reader = try XLSXWorkbookReader(path: path)
    let error = #expect(throws: XLSXReadError.self) { _ = try reader.sheet(named: "Liaoning2013") }
    #expect(error?.message == "the workbook has no sheet named 'Liaoning2013'")
    #expect(error?.hint == "its sheets are: 'Data'")
    #expect(error?.sheet == nil)
  }

  @Test func cellReferencesBeyondExcelsGrid() throws {
    defer { directory.remove() }
    let huge = try sheetError(#"<row r="1"><c r="ZZZZ99999999"><v>1</v></c></row>"#)
    #expect(huge?.message == "cell reference ZZZZ99999999 is outside Excel's grid (A1:XFD1048576)")
    #expect(huge?.sheet == "S")
    #expect(try sheetError(#"<row><c r="XFE1"><v>1</v></c></row>"#)?.message.contains("outside Excel's grid") == true)
    #expect(
      try sheetError(#"<row><c r="A1048577"><v>1</v></c></row>"#)?.message.contains("outside Excel's grid") == true)
    #expect(try sheetError(#"<row><c r="A0"><v>1</v></c></row>"#)?.message == #"malformed cell reference r="A0""#)
    #expect(try sheetError(#"<row><c r="12"><v>1</v></c></row>"#)?.message == #"malformed cell reference r="12""#)
    let row = try sheetError(#"<row r="99999999999999999999"><c><v>1</v></c></row>"#)
    #expect(row?.message.hasPrefix("row number r=\"99999999999999999999\" is not between 1 and 1048576") == true)
    let wide = try sheetError("<row>" + String(repeating: "<c><v>1</v></c>", count: 16_385) + "</row>")
    #expect(wide?.message == "row 1 has more than 16384 cells")
  }

  @Test func badValuesNameTheirCell() throws {
    defer { directory.remove() }
    let index = try sheetError(
      #"<row r="30"><c r="B30" t="s"><v>2</v></c></row>"#, sharedStrings: ["<si><t>a</t></si>"])
    #expect(index?.cell == "B30")
    #expect(index?.message == "shared-string index 2 is out of range (the workbook has 1 shared strings)")
    #expect(index?.location.hasSuffix("s.xlsx!S!B30") == true)
    let noTable = try sheetError(#"<row><c r="A1" t="s"><v>0</v></c></row>"#)
    #expect(noTable?.message == "shared-string index 0 is out of range (the workbook has 0 shared strings)")
    let huge = try sheetError(#"<row><c r="C3"><v>1e999</v></c></row>"#)
    #expect(huge?.message == "the number 1e999 is too large for a double")
    #expect(huge?.cell == "C3")
    for text in ["abc", "0x1A", "inf", "nan", "1.2.3", "1e", "--1", "1,5"] {
      let error = try sheetError(#"<row><c r="D4"><v>\#(text)</v></c></row>"#)
      #expect(error?.message == "expected a number, found \"\(text)\"", "\(text)")
      #expect(error?.cell == "D4")
    }
    #expect(
      try sheetError(#"<row><c r="A1" t="b"><v>yes</v></c></row>"#)?.message
        == #"expected a boolean (1 or 0), found "yes""#)
    #expect(try sheetError(#"<row><c r="A1" t="zz"><v>1</v></c></row>"#)?.message == #"unknown cell type t="zz""#)
  }

  @Test func malformedSheetXML() throws {
    defer { directory.remove() }
    let mismatched = try sheetError(#"<row><c r="A1"><v>1</c></row>"#)
    #expect(
      mismatched?.message.hasPrefix(
        "xl/worksheets/sheet1.xml is not well-formed XML: </c> where </v> was expected (byte ") == true)
    #expect(mismatched?.cell == "A1")
    let unclosedCell = try sheetError(#"<row><c r="B2"><v>1</v></row>"#)
    #expect(unclosedCell?.message.contains("</row> where </c> was expected") == true)
    #expect(unclosedCell?.cell == "B2")
    let nested = try sheetError(#"<row><c r="A1"><v><b>1</b></v></c></row>"#)
    #expect(nested?.message.contains("an element inside <v>, which holds only text") == true)
    let stray = try sheetError(#"<row><c r="A1"><v>1</v></c></row></x>"#)
    #expect(stray?.message.contains("</x> inside <sheetData>") == true)
    #expect(stray?.hint?.contains("save it again") == true)
  }

  @Test func aSheetWhoseXMLIsCutShort() throws {
    defer { directory.remove() }
    var zip = ZIPBuilder()
    let parts = handMadeWorkbookParts()
    for (name, text) in parts { zip.add(name, name.hasSuffix("sheet1.xml") ? String(text.prefix(150)) : text) }
    let reader = try XLSXWorkbookReader(path: try directory.write(zip.bytes, to: "cut.xlsx"))
    let error = #expect(throws: XLSXReadError.self) { _ = try reader.sheet(named: "S") }
    #expect(error?.message.contains("xl/worksheets/sheet1.xml ends") == true)
  }

  /// A deflate stream that wants more bytes than the archive has: ZIPFoundation's own
  /// `Archive.extract` loops forever on this one. Its stored block announces 60 000 bytes:
  /// declared as 10 000 it is refused when it would inflate beyond them; declared as 60 000
  /// it is refused outright (more than deflate's 1032-fold limit for 15 compressed bytes).
  @Test(
    .timeLimit(.minutes(1)),
    arguments: [
      (10_000, "it inflates to more than its declared 10000 bytes"), (60_000, "it claims to inflate 15 bytes to 60000"),
    ])
  func aDeflateStreamThatNeverEnds(declaredSize: Int, reason: String) throws {
    defer { directory.remove() }
    var zip = ZIPBuilder()
    for (name, text) in handMadeWorkbookParts() where name != "xl/workbook.xml" { zip.add(name, text) }
    // A non-final stored block announcing 60 000 bytes, followed by 10.
    let block: [UInt8] = [0x00, 0x60, 0xEA, 0x9F, 0x15] + Array("0123456789".utf8)
    zip.add(
      "xl/workbook.xml", bytes: [UInt8](repeating: 0x20, count: declaredSize), storage: .deflated(compressed: block))
    let error = try open(zip.bytes)
    #expect(error?.message == "the ZIP member 'xl/workbook.xml' is damaged (\(reason))")
  }

  /// A final stored block announcing the member's 11 bytes, of which only 5 are in the
  /// archive: the stream is cut short.
  @Test func aDeflateStreamCutShort() throws {
    defer { directory.remove() }
    var zip = ZIPBuilder()
    for (name, text) in handMadeWorkbookParts() where name != "xl/workbook.xml" { zip.add(name, text) }
    let block: [UInt8] = [0x01, 0x0B, 0x00, 0xF4, 0xFF] + Array("<work".utf8)
    zip.add("xl/workbook.xml", bytes: Array("<workbook/>".utf8), storage: .deflated(compressed: block))
    let error = try open(zip.bytes)
    #expect(error?.message == "the ZIP member 'xl/workbook.xml' is damaged (its compressed data cannot be inflated)")
  }

  /// Valid deflate streams whose content does not match the directory: other bytes of the
  /// same length (the CRC-32 differs), or fewer bytes than declared.
  @Test(arguments: [("<workbooX/>", "CRC-32 mismatch"), ("<work", "it inflates to 5 bytes, its header says 11")])
  func aDeflateStreamOtherThanDeclared(content: String, reason: String) throws {
    defer { directory.remove() }
    var zip = ZIPBuilder()
    for (name, text) in handMadeWorkbookParts() where name != "xl/workbook.xml" { zip.add(name, text) }
    let length = UInt16(content.utf8.count)
    let block: [UInt8] = [0x01, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)] + Array(content.utf8)
    zip.add("xl/workbook.xml", bytes: Array("<workbook/>".utf8), storage: .deflated(compressed: block))
    let error = try open(zip.bytes)
    #expect(error?.message == "the ZIP member 'xl/workbook.xml' is damaged (\(reason))")
  }

  @Test func garbageInsideACompressedPart() throws {
    defer { directory.remove() }
    var zip = ZIPBuilder()
    for (name, text) in handMadeWorkbookParts() where name != "xl/workbook.xml" { zip.add(name, text) }
    zip.add(
      "xl/workbook.xml", bytes: Array("<workbook/>".utf8), storage: .deflated(compressed: [0xFF, 0xFF, 0xFF, 0x07]))
    let error = try open(zip.bytes)
    #expect(error?.message.hasPrefix("the ZIP member 'xl/workbook.xml' is damaged") == true)
  }

  /// Every prefix of a valid workbook, and the workbook with bytes overwritten at many
  /// places, either reads or throws an XLSXReadError: nothing traps.
  @Test func damagedCopiesOfAValidWorkbookNeverCrash() throws {
    defer { directory.remove() }
    let valid = try writtenWorkbook()
    var outcomes = (read: 0, refused: 0)
    func attempt(_ bytes: [UInt8]) throws {
      let path = try directory.write(bytes, to: "damaged.xlsx")
      do {
        let reader = try XLSXWorkbookReader(path: path)
        for name in reader.sheetNames { _ = try reader.sheet(named: name).usedCells }
        outcomes.read += 1
      } catch {
        #expect(!error.description.isEmpty)
        outcomes.refused += 1
      }
    }
    for length in stride(from: 0, to: valid.count, by: max(1, valid.count / 300)) {
      try attempt(Array(valid.prefix(length)))
    }
    var generator = SplitMix64(seed: 2013)
    for _ in 0..<300 {
      var damaged = valid
      for _ in 0..<(1 + Int(generator.next() % 4)) {
        damaged[Int(generator.next() % UInt64(damaged.count))] = UInt8(truncatingIfNeeded: generator.next())
      }
      try attempt(damaged)
    }
    #expect(outcomes.refused > 0 && outcomes.read > 0, "\(outcomes)")
  }

  /// Every prefix of a hand-made sheet part (stored, so the XML itself is cut) throws or reads.
  @Test func everyPrefixOfASheetPartIsHandled() throws {
    defer { directory.remove() }
    let parts = handMadeWorkbookParts()
    let sheetXML = parts.first { $0.0.hasSuffix("sheet1.xml") }!.1
    let strings = parts.first { $0.0.hasSuffix("sharedStrings.xml") }!.1
    for (target, text) in [("xl/worksheets/sheet1.xml", sheetXML), ("xl/sharedStrings.xml", strings)] {
      let bytes = Array(text.utf8)
      for length in 0...bytes.count {
        var zip = ZIPBuilder()
        for (name, original) in parts where name != target { zip.add(name, original) }
        zip.add(target, bytes: Array(bytes.prefix(length)))
        let path = try directory.write(zip.bytes, to: "prefix.xlsx")
        do {
          _ = try XLSXWorkbookReader(path: path).sheet(named: "S").usedCells
        } catch {
          #expect(error.sheet == "S")
        }
      }
    }
  }

  /// Sheet and shared-string XML with characters that matter to XML written over random
  /// places: every copy reads or throws an error naming the sheet.
  @Test func randomlyDamagedXMLIsHandled() throws {
    defer { directory.remove() }
    let parts = handMadeWorkbookParts()
    let significant = Array("<>/\"'=&;#x!?[]-_: \r\n0A9".utf8) + [0x00, 0xFF, 0xE4]
    var generator = SplitMix64(seed: 1997)
    for round in 0..<1500 {
      let target = round.isMultiple(of: 3) ? "xl/sharedStrings.xml" : "xl/worksheets/sheet1.xml"
      var bytes = Array(parts.first { $0.0 == target }!.1.utf8)
      for _ in 0..<(1 + Int(generator.next() % 3)) {
        let replacement = significant[Int(generator.next() % UInt64(significant.count))]
        bytes[Int(generator.next() % UInt64(bytes.count))] = replacement
      }
      var zip = ZIPBuilder()
      for (name, original) in parts where name != target { zip.add(name, original) }
      zip.add(target, bytes: bytes)
      let path = try directory.write(zip.bytes, to: "random.xlsx")
      do {
        _ = try XLSXWorkbookReader(path: path).sheet(named: "S").usedCells
      } catch {
        #expect(error.sheet == "S")
      }
    }
  }

  /// The members of a hand-made one-sheet workbook with shared strings, as text.
  func handMadeWorkbookParts() -> [(String, String)] {
    let sheetData =
      #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1.5</v></c><c r="C1" t="inlineStr"><is><t>x&amp;y</t></is></c></row>"#
      + #"<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><f>B1*2</f><v>3</v></c></row>"#
    let bytes = handMadeWorkbook(
      sheets: [("S", sheetData)], sharedStrings: ["<si><t>one</t></si>", "<si><r><t>t</t></r><r><t>wo</t></r></si>"])
    return ZIPMembers.parse(bytes)
  }
}

/// Reads back the stored members of a ZIPBuilder archive (test helper, no compression).
enum ZIPMembers {
  static func parse(_ bytes: [UInt8]) -> [(String, String)] {
    var members: [(String, String)] = []
    var offset = 0
    func le(_ at: Int, _ count: Int) -> Int { (0..<count).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
    while offset + 30 <= bytes.count, le(offset, 4) == 0x0403_4B50 {
      let size = le(offset + 18, 4)
      let nameLength = le(offset + 26, 2)
      let name = String(decoding: bytes[(offset + 30)..<(offset + 30 + nameLength)], as: UTF8.self)
      let start = offset + 30 + nameLength
      members.append((name, String(decoding: bytes[start..<(start + size)], as: UTF8.self)))
      offset = start + size
    }
    return members
  }
}

/// A small deterministic generator, so that the damaged copies are the same on every run.
struct SplitMix64 {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
