import Foundation
import Testing
import XLSXReading
import XLSXWriting

/// A fresh directory under the system temp dir, removed by `remove()`.
struct ScratchDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-reading-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// Writes `bytes` to `name` in the directory and returns its path.
  func write(_ bytes: [UInt8], to name: String) throws -> String {
    let path = self.path(name)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  func remove() { try? FileManager.default.removeItem(at: url) }
}

let fixedProperties = DocumentProperties(
  title: "XLSXReading fixture", author: "cement-accounts tests",
  created: CreationDate(year: 2024, month: 3, day: 5, hour: 6, minute: 7, second: 8))

/// Where the real CEADs data live on the project machines.
let ceadsDirectory = "/work/shared/data/ceads"
let ceads2013Path = "\(ceadsDirectory)/energy-inventory/provincial-energy-inventory-2013.xlsx"
let ceadsAvailable = FileManager.default.fileExists(atPath: ceads2013Path)

// MARK: - Hand-made archives

/// A ZIP archive written byte by byte, so that tests control every part and can damage it.
struct ZIPBuilder {
  enum Storage {
    /// The bytes as they are (method 0).
    case stored
    /// `compressed` is written as a raw deflate stream (method 8) whose inflated size and
    /// CRC are declared from `bytes`: a way to write broken streams.
    case deflated(compressed: [UInt8])
  }

  private var members: [(name: String, bytes: [UInt8], storage: Storage)] = []
  /// Write sizes, offsets and counts the ZIP64 way, as some streaming writers always do.
  var zip64 = false

  mutating func add(_ name: String, _ text: String) { members.append((name, Array(text.utf8), .stored)) }

  mutating func add(_ name: String, bytes: [UInt8], storage: Storage = .stored) {
    members.append((name, bytes, storage))
  }

  var bytes: [UInt8] {
    var output: [UInt8] = []
    var central: [UInt8] = []
    for member in members {
      let offset = output.count
      let name = Array(member.name.utf8)
      let (method, data): (UInt16, [UInt8]) =
        switch member.storage {
        case .stored: (0, member.bytes)
        case .deflated(let compressed): (8, compressed)
        }
      let crc = crc32(member.bytes)
      let sizes =
        zip64 ? le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) : le32(UInt32(data.count)) + le32(UInt32(member.bytes.count))
      let localExtra = zip64 ? le16(1) + le16(16) + le64(UInt64(member.bytes.count)) + le64(UInt64(data.count)) : []
      output += le32(0x0403_4B50) + le16(45) + le16(0x0800) + le16(method) + le16(0) + le16(0x21)
      output += le32(crc) + sizes
      output += le16(UInt16(name.count)) + le16(UInt16(localExtra.count)) + name + localExtra + data
      let centralExtra =
        zip64
        ? le16(1) + le16(24) + le64(UInt64(member.bytes.count)) + le64(UInt64(data.count)) + le64(UInt64(offset)) : []
      central += le32(0x0201_4B50) + le16(45) + le16(45) + le16(0x0800) + le16(method) + le16(0) + le16(0x21)
      central += le32(crc) + sizes
      central += le16(UInt16(name.count)) + le16(UInt16(centralExtra.count)) + le16(0) + le16(0) + le16(0) + le32(0)
      central += le32(zip64 ? 0xFFFF_FFFF : UInt32(offset))
      central += name + centralExtra
    }
    let directoryOffset = output.count
    output += central
    if zip64 {
      let recordOffset = output.count
      output += le32(0x0606_4B50) + le64(44) + le16(45) + le16(45) + le32(0) + le32(0)
      output += le64(UInt64(members.count)) + le64(UInt64(members.count))
      output += le64(UInt64(central.count)) + le64(UInt64(directoryOffset))
      output += le32(0x0706_4B50) + le32(0) + le64(UInt64(recordOffset)) + le32(1)
      output += le32(0x0605_4B50) + le16(0) + le16(0) + le16(0xFFFF) + le16(0xFFFF)
      output += le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) + le16(0)
      return output
    }
    output += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(members.count)) + le16(UInt16(members.count))
    output += le32(UInt32(central.count)) + le32(UInt32(directoryOffset)) + le16(0)
    return output
  }
}

private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
private func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
private func le64(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8((value >> (8 * $0)) & 0xFF) } }

func crc32(_ bytes: [UInt8]) -> UInt32 {
  var crc: UInt32 = 0xFFFF_FFFF
  for byte in bytes {
    crc ^= UInt32(byte)
    for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
  }
  return ~crc
}

/// The smallest workbook Excel opens: one sheet per entry of `sheets` (name, sheet XML
/// body inside `<sheetData>`), optional shared strings.
func handMadeWorkbook(
  sheets: [(name: String, sheetData: String)], sharedStrings: [String]? = nil,
  absoluteTargets: Bool = false, prefix: String = "", zip64: Bool = false
) -> [UInt8] {
  let p = prefix.isEmpty ? "" : prefix + ":"
  let ns = prefix.isEmpty ? "xmlns" : "xmlns:\(prefix)"
  var zip = ZIPBuilder()
  zip.zip64 = zip64
  zip.add(
    "[Content_Types].xml",
    #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#
  )
  zip.add(
    "_rels/.rels",
    #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
  )
  var sheetList = ""
  var relationships = ""
  for (index, sheet) in sheets.enumerated() {
    let escaped = sheet.name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&apos;")
    sheetList += #"<\#(p)sheet name="\#(escaped)" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
    let target = absoluteTargets ? "/xl/worksheets/sheet\(index + 1).xml" : "worksheets/sheet\(index + 1).xml"
    relationships +=
      #"<Relationship Id="rId\#(index + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="\#(target)"/>"#
    zip.add(
      "xl/worksheets/sheet\(index + 1).xml",
      #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        + #"<\#(p)worksheet \#(ns)="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><\#(p)sheetData>\#(sheet.sheetData)</\#(p)sheetData></\#(p)worksheet>"#
    )
  }
  if let sharedStrings {
    relationships +=
      #"<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
    zip.add(
      "xl/sharedStrings.xml",
      #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="\#(sharedStrings.count)">"#
        + sharedStrings.joined() + "</sst>")
  }
  zip.add(
    "xl/workbook.xml",
    #"<?xml version="1.0" encoding="UTF-8"?><\#(p)workbook \#(ns)="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><\#(p)sheets>\#(sheetList)</\#(p)sheets></\#(p)workbook>"#
  )
  zip.add(
    "xl/_rels/workbook.xml.rels",
    #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(relationships)</Relationships>"#
  )
  return zip.bytes
}
