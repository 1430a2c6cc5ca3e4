import FuzzerDriver
import Glibc
import XLSXReading

/// One libFuzzer run: any bytes, opened as a workbook; every sheet and every cell is read.
/// A thrown `XLSXReadError` is a fine answer; a crash, a trap, a hang or a sanitizer report is a bug.
///
/// An input that starts like a ZIP archive (`PK`) is the .xlsx file itself. Anything else is
/// taken as the XML parts of a workbook, separated by NUL bytes — the first worksheet, the
/// shared strings, `xl/workbook.xml`, its relationships, `_rels/.rels`, a second worksheet —
/// and packed here into a valid ZIP archive, with standard parts for those not given. Mutated
/// ZIP members almost never pass their CRC-32, so this is how the XML readers get fuzzed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let bytes = input.starts(with: [0x50, 0x4B]) ? input : StoredZIP.workbook(parts: input)
  let workbook: XLSXWorkbookReader
  do {
    workbook = try XLSXWorkbookReader(bytes: bytes, name: "fuzz.xlsx")
  } catch {
    _ = error.description
    return 0
  }
  for index in workbook.sheetNames.indices {
    do {
      let sheet = try workbook.sheet(at: index)
      // Every cell of the used rectangle when it is small; a sheet with one value in
      // XFD1048576 is read through its used cells instead (the rectangle is 17 billion cells).
      if sheet.rowCount * sheet.columnCount <= 1 << 16 {
        for row in 0..<sheet.rowCount {
          for cell in sheet.row(row) { _ = cell?.description }
        }
      }
      for cell in sheet.usedCells {
        // (Compared as text: a NaN cell is not == itself.)
        precondition(
          sheet[cell.row, cell.column]?.description == cell.value.description, "a used cell reads back differently")
        _ = sheet.cellReference(row: cell.row, column: cell.column)
      }
      _ = sheet[sheet.rowCount, sheet.columnCount]
      _ = sheet.error(row: sheet.rowCount, column: sheet.columnCount, "x").description
    } catch {
      _ = error.description
    }
  }
  if let name = workbook.sheetNames.last { _ = try? workbook.sheet(named: name.uppercased()) }
  return 0
}

/// Packs XML parts into an .xlsx archive with stored (uncompressed) members.
enum StoredZIP {
  static func workbook(parts input: [UInt8]) -> [UInt8] {
    var parts = input.split(separator: 0, maxSplits: 5, omittingEmptySubsequences: false).map(Array.init)
    func part(_ index: Int, _ standard: String) -> [UInt8] {
      index < parts.count ? parts[index] : Array(standard.utf8)
    }
    parts = [
      part(0, ""), part(1, sharedStrings), part(2, workbookXML), part(3, workbookRelationships),
      part(4, packageRelationships), part(5, secondSheet),
    ]
    return archive([
      ("[Content_Types].xml", Array(contentTypes.utf8)),
      ("_rels/.rels", parts[4]),
      ("xl/workbook.xml", parts[2]),
      ("xl/_rels/workbook.xml.rels", parts[3]),
      ("xl/worksheets/sheet1.xml", parts[0]),
      ("xl/worksheets/sheet2.xml", parts[5]),
      ("xl/sharedStrings.xml", parts[1]),
    ])
  }

  static func archive(_ members: [(name: String, bytes: [UInt8])]) -> [UInt8] {
    var output: [UInt8] = []
    var directory: [UInt8] = []
    for member in members {
      let offset = output.count
      let name = Array(member.name.utf8)
      let crc = crc32(member.bytes)
      let common =
        le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(crc) + le32(UInt32(member.bytes.count))
        + le32(UInt32(member.bytes.count)) + le16(UInt16(name.count)) + le16(0)
      output += le32(0x0403_4B50) + common + name + member.bytes
      directory += le32(0x0201_4B50) + le16(20) + common + le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(offset))
      directory += name
    }
    let directoryOffset = output.count
    output += directory
    output += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(members.count)) + le16(UInt16(members.count))
    output += le32(UInt32(directory.count)) + le32(UInt32(directoryOffset)) + le16(0)
    return output
  }

  private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
  private static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }

  private static let crcTable: [UInt32] = (0..<256).map { index in
    var crc = UInt32(index)
    for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    return crc
  }

  private static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    return ~crc
  }

  static let contentTypes =
    #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#
  static let packageRelationships =
    #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
  static let workbookXML =
    #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/><sheet name="数据 2" sheetId="2" r:id="rId2"/></sheets></workbook>"#
  static let workbookRelationships =
    #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
  static let sharedStrings =
    #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>Raw_Coal</t></si><si><r><t>原</t></r><r><rPr><b/></rPr><t xml:space="preserve">煤 </t></r></si></sst>"#
  static let secondSheet =
    #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1"><v>226.76</v></c></row></sheetData></worksheet>"#
}

@main
enum FuzzXLSXRead {
  static func main() {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, fuzz))
  }
}
