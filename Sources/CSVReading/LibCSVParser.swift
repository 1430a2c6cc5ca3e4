import CLibCSV

/// Feeds bytes to libcsv line by line and collects fields with the line each starts on.
///
/// libcsv reports a field only when it ends, so the start line is tracked here: a field starts
/// on the line where the previous field ended (after a delimiter), or, after a row ended, on the
/// next line with any content. Feeding one line per `csv_parse` call makes the current line known
/// in every callback.
final class CParser {
  private let delimiter: UInt8
  /// The line of the chunk being fed.
  private var currentLine = 1
  /// The line the field being read started on; nil between rows.
  private var fieldStartLine: Int?
  private var fields: [CSVField] = []
  private var rows: [CSVRow] = []

  init(delimiter: UInt8) {
    self.delimiter = delimiter
  }

  func run(_ bytes: [UInt8]) throws(CSVReadError) -> [CSVRow] {
    var parser = csv_parser()
    guard csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI)) == 0 else {
      throw CSVReadError(line: 1, column: nil, message: "out of memory while starting the CSV parser")
    }
    defer { csv_free(&parser) }
    csv_set_delim(&parser, delimiter)
    let result: Result<[CSVRow], CSVReadError> = withExtendedLifetime(self) {
      let context = Unmanaged.passUnretained(self).toOpaque()
      return bytes.withUnsafeBufferPointer { buffer in
        do throws(CSVReadError) {
          try feedLines(buffer, parser: &parser, context: context)
          try finish(parser: &parser, context: context)
          return .success(rows)
        } catch {
          return .failure(error)
        }
      }
    }
    return try result.get()
  }

  // MARK: - Feeding

  private func feedLines(
    _ buffer: UnsafeBufferPointer<UInt8>, parser: inout csv_parser, context: UnsafeMutableRawPointer
  ) throws(CSVReadError) {
    var lineStart = 0, index = 0, line = 1
    let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    while index < buffer.count {
      let byte = buffer[index]
      let endsLine = byte == lf || (byte == cr && (index + 1 == buffer.count || buffer[index + 1] != lf))
      if endsLine {
        try feed(buffer, lineStart..<(index + 1), line: line, parser: &parser, context: context)
        line += 1
        lineStart = index + 1
      }
      index += 1
    }
    if lineStart < buffer.count {
      try feed(buffer, lineStart..<buffer.count, line: line, parser: &parser, context: context)
    }
  }

  private func feed(
    _ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, line: Int, parser: inout csv_parser,
    context: UnsafeMutableRawPointer
  ) throws(CSVReadError) {
    currentLine = line
    let chunk = UnsafeBufferPointer(rebasing: buffer[range])
    if fieldStartLine == nil && hasContent(chunk) { fieldStartLine = line }
    let consumed = csv_parse(&parser, chunk.baseAddress, chunk.count, onField, onRowEnd, context)
    guard consumed == chunk.count else { throw error(code: csv_error(&parser)) }
  }

  private func finish(parser: inout csv_parser, context: UnsafeMutableRawPointer) throws(CSVReadError) {
    let startLine = fieldStartLine ?? currentLine
    guard csv_fini(&parser, onField, onRowEnd, context) == 0 else {
      let code = csv_error(&parser)
      guard code == CSV_EPARSE else { throw error(code: code) }
      throw CSVReadError(
        line: startLine, column: fields.count + 1,
        message: "unterminated quoted field starting at line \(startLine): a field that opens with \" must close with \"")
    }
  }

  /// True when the chunk holds anything besides blanks and line ends, so a row starts in it.
  private func hasContent(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
    chunk.contains { byte in
      byte == delimiter
        || !(byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n"))
    }
  }

  private func error(code: Int32) -> CSVReadError {
    let message: String
    switch code {
    case CSV_EPARSE:
      message = "misplaced quote: a quote must open and close the whole field, and a quote inside a quoted field is written twice (\"\")"
    case CSV_ENOMEM, CSV_ETOOBIG:
      message = "a field is too large to read"
    default:
      message = "the CSV parser failed (libcsv error \(code))"
    }
    return CSVReadError(line: currentLine, column: fields.count + 1, message: message)
  }

  // MARK: - Callbacks

  fileprivate func addField(_ bytes: UnsafeMutableRawPointer?, _ length: Int) {
    let text = bytes.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: length), as: UTF8.self) } ?? ""
    fields.append(CSVField(text: text, line: fieldStartLine ?? currentLine, column: fields.count + 1))
    // The next field starts right after this one's delimiter, on the current line.
    fieldStartLine = currentLine
  }

  fileprivate func endRow() {
    if let first = fields.first { rows.append(CSVRow(line: first.line, fields: fields)) }
    fields = []
    fieldStartLine = nil
  }
}

// libcsv takes C function pointers; these private functions capture nothing and reach the
// parser through the context pointer, which `CParser.run` keeps alive.
private func onField(_ bytes: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
  guard let context else { return }
  Unmanaged<CParser>.fromOpaque(context).takeUnretainedValue().addField(bytes, length)
}

private func onRowEnd(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
  guard let context else { return }
  Unmanaged<CParser>.fromOpaque(context).takeUnretainedValue().endRow()
}
