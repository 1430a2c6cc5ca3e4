import CSVReading
import CementModel
import Foundation

/// A file's text and the encoding it was read in.
public struct DecodedText: Sendable, Hashable {
  public let text: String
  /// `UTF-8`, `UTF-8 with BOM`, `UTF-16LE with BOM`, `UTF-16BE with BOM` or `GB18030`.
  public let encoding: String

  public init(text: String, encoding: String) {
    self.text = text
    self.encoding = encoding
  }
}

/// Turns the bytes of a yearbook export into text.
///
/// Yearbook tables come as UTF-8 (with or without a byte-order mark, as Excel writes "CSV UTF-8"),
/// as GB18030/GBK (the Chinese Windows default, which GB18030 contains), or as UTF-16 with a
/// byte-order mark (Excel's "Unicode Text").
public enum TextDecoding {
  /// GB18030-2000, the raw value of `CFStringConvertEncodingToNSStringEncoding(kCFStringEncodingGB_18030_2000)`:
  /// swift-corelibs-foundation has no named constant for it, and it decodes only with the full `Foundation`.
  static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

  /// Decodes a file: a UTF-8 byte-order mark is stripped; valid UTF-8 is UTF-8; anything else is
  /// tried as GB18030.
  /// - Parameters:
  ///   - bytes: The file's contents.
  ///   - file: The path to name in errors.
  /// - Throws: ``ImportError`` when the file is empty, binary, or neither UTF-8 nor GB18030.
  public static func decode(_ bytes: [UInt8], file: String) throws(ImportError) -> DecodedText {
    guard !bytes.isEmpty else {
      throw ImportError("file is empty", at: SourceLocation(file: file), hint: "export the table again; the file has no bytes")
    }
    if let utf16 = try decodeUTF16WithBOM(bytes, file: file) { return utf16 }
    if bytes.starts(with: utf8BOM) { return try decodeUTF8WithBOM(bytes, file: file) }
    try rejectBinary(bytes, file: file)
    if let text = String(validating: bytes, as: UTF8.self) { return DecodedText(text: text, encoding: "UTF-8") }
    if let text = String(data: Data(bytes), encoding: gb18030) { return DecodedText(text: text, encoding: "GB18030") }
    let offset = firstInvalidUTF8(bytes)
    throw ImportError(
      "file is neither UTF-8 nor GB18030 text: the byte 0x\(hex(bytes[offset])) \(context(before: offset, in: bytes)) is not UTF-8",
      at: location(ofByte: offset, in: bytes, file: file),
      hint: "save the table as CSV in UTF-8 (Excel: \"CSV UTF-8\") or in GB18030/GBK")
  }

  private static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

  private static func decodeUTF8WithBOM(_ bytes: [UInt8], file: String) throws(ImportError) -> DecodedText {
    let body = Array(bytes.dropFirst(3))
    guard !body.isEmpty else {
      throw ImportError("file is empty (it holds only a UTF-8 byte-order mark)", at: SourceLocation(file: file))
    }
    try rejectBinary(body, file: file)
    guard let text = String(validating: body, as: UTF8.self) else {
      let offset = firstInvalidUTF8(body)
      throw ImportError(
        "file starts with a UTF-8 byte-order mark but is not valid UTF-8 (byte 0x\(hex(body[offset])))",
        at: location(ofByte: offset, in: body, file: file),
        hint: "save the table again as \"CSV UTF-8\"")
    }
    return DecodedText(text: text, encoding: "UTF-8 with BOM")
  }

  /// UTF-16 only with a byte-order mark: without one it cannot be told from binary data.
  private static func decodeUTF16WithBOM(_ bytes: [UInt8], file: String) throws(ImportError) -> DecodedText? {
    let littleEndian: Bool
    if bytes.starts(with: [0xFF, 0xFE]) {
      littleEndian = true
    } else if bytes.starts(with: [0xFE, 0xFF]) {
      littleEndian = false
    } else {
      return nil
    }
    let name = littleEndian ? "UTF-16LE with BOM" : "UTF-16BE with BOM"
    let body = bytes.dropFirst(2)
    var units: [UInt16] = []
    units.reserveCapacity(body.count / 2)
    var index = body.startIndex
    while index + 1 < body.endIndex {
      let (a, b) = (UInt16(body[index]), UInt16(body[index + 1]))
      units.append(littleEndian ? a | b << 8 : a << 8 | b)
      index += 2
    }
    guard body.count % 2 == 0, let text = String(validating: units, as: UTF16.self), !text.isEmpty, !text.utf8.contains(0)
    else {
      throw ImportError(
        "file starts with a \(name.prefix(8)) byte-order mark but is not valid UTF-16 text", at: SourceLocation(file: file),
        hint: "save the table as CSV in UTF-8 (Excel: \"CSV UTF-8\")")
    }
    return DecodedText(text: text, encoding: name)
  }

  /// NUL bytes, or more than one byte in ten being a control character, mean the file is not a text table.
  /// A text table with a stray NUL (anywhere in the file, not only in the sample) is named at
  /// the line and column of that byte.
  private static func rejectBinary(_ bytes: [UInt8], file: String) throws(ImportError) {
    let sample = bytes.prefix(8192)
    let controls = sample.count { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0x7F }
    let hint = "export the sheet as CSV (comma- or tab-separated text); Excel workbooks (.xlsx, .xls) are not read directly"
    if controls * 10 > sample.count || sample.starts(with: [0x89, 0x50, 0x4E, 0x47]) || sample.starts(with: [0x50, 0x4B, 0x03, 0x04])
      || sample.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
    {
      throw ImportError("looks like a binary file, not a text table", at: SourceLocation(file: file), hint: hint)
    }
    guard let nul = bytes.firstIndex(of: 0) else { return }
    throw ImportError(
      "looks like a binary file, not a text table: a NUL byte (0x00) \(context(before: nul, in: bytes))",
      at: location(ofByte: nul, in: bytes, file: file), hint: hint)
  }

  /// The offset of the first byte that does not continue a valid UTF-8 sequence.
  private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput: return max(0, min(offset, bytes.count - 1))
      case .error: return min(offset, bytes.count - 1)
      }
    }
  }

  /// The line of the byte at `offset`, and its column as the other messages count columns:
  /// the field it is in, found by counting the delimiters before it on its line.
  private static func location(ofByte offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
    // Lines end in LF, CRLF or CR, as the CSV reader counts them.
    let line = bytes[..<offset].indices.count { bytes[$0] == 0x0A || bytes[$0] == 0x0D && bytes[$0 + 1] != 0x0A } + 1
    let delimiter = CSVReader.detectDelimiter(String(decoding: bytes, as: UTF8.self))
    var field = 1, quoted = false
    for byte in bytes[lineStart(of: offset, in: bytes)..<offset] {
      if byte == UInt8(ascii: "\"") { quoted.toggle() } else if byte == delimiter && !quoted { field += 1 }
    }
    return SourceLocation(file: file, line: line, column: field)
  }

  /// `after "…text"`: the end of the line before the byte at `offset` (valid UTF-8, as the
  /// byte is the first that is not), so the reader can find it; `at the start of the line` when
  /// the byte begins its line.
  private static func context(before offset: Int, in bytes: [UInt8]) -> String {
    let text = String(decoding: bytes[lineStart(of: offset, in: bytes)..<offset], as: UTF8.self)
    guard !text.isEmpty else { return "at the start of the line" }
    let shown = 24
    return "after \"" + (text.count > shown ? "…" + text.suffix(shown) : text) + "\""
  }

  private static func lineStart(of offset: Int, in bytes: [UInt8]) -> Int {
    (bytes[..<offset].lastIndex { $0 == 0x0A || $0 == 0x0D }).map { $0 + 1 } ?? 0
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return digits.count == 1 ? "0" + digits : digits
  }
}
