import CSVReading
import CementModel

/// One cell of a yearbook table as written, with its place in the file.
struct TableCell: Sendable, Hashable {
  let text: String
  let line: Int
  let column: Int

  var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
}

/// One row of a yearbook table. Rows may be ragged: a cell past the end of the row reads as empty.
struct TableRow: Sendable {
  let line: Int
  let cells: [TableCell]

  /// The cell in 1-based `column`, or an empty cell at the row's line when the row is shorter.
  func cell(_ column: Int) -> TableCell {
    column >= 1 && column <= cells.count ? cells[column - 1] : TableCell(text: "", line: line, column: column)
  }

  var isBlank: Bool { cells.allSatisfy(\.isBlank) }
  var nonBlankCells: [TableCell] { cells.filter { !$0.isBlank } }
  /// The row's text, cells joined by spaces: what a title or note line says.
  var joinedText: String { nonBlankCells.map { TextForms.trim($0.text) }.joined(separator: " ") }
}

/// A decoded, parsed yearbook CSV: the rows and how the file was read.
struct YearbookTable: Sendable {
  let file: String
  let encoding: String
  let rows: [TableRow]

  /// Decodes, detects the delimiter and parses.
  static func load(_ bytes: [UInt8], file: String) throws(ImportError) -> YearbookTable {
    let decoded = try TextDecoding.decode(bytes, file: file)
    let delimiter = CSVReader.detectDelimiter(decoded.text)
    let parsed: [CSVRow]
    do {
      parsed = try CSVReader.parse(decoded.text, delimiter: delimiter)
    } catch {
      throw ImportError(
        error.message, at: SourceLocation(file: file, line: error.line, column: error.column),
        hint: "check the quotes on that line; a cell containing the delimiter or a quote must be quoted as a whole")
    }
    try checkLimits(parsed, file: file)
    let rows = parsed.map { row in
      TableRow(line: row.line, cells: row.fields.map { TableCell(text: $0.text, line: $0.line, column: $0.column) })
    }
    return YearbookTable(file: file, encoding: decoded.encoding, rows: rows)
  }

  /// The most characters a cell may hold: a spreadsheet cell's limit (Excel's 32 767), which
  /// the workbook written from the table must respect too.
  static let maximumCellLength = 32_767
  /// The most cells a row may have: a spreadsheet's columns (Excel's 16 384).
  static let maximumRowCells = 16_384

  /// Refuses an over-long cell or row at its own line and column, before any reader looks at
  /// the table (and spends time on text no table holds).
  private static func checkLimits(_ rows: [CSVRow], file: String) throws(ImportError) {
    for row in rows {
      guard row.fields.count <= maximumRowCells else {
        throw ImportError(
          "line \(row.line) has \(row.fields.count) cells, more than a spreadsheet row holds (\(maximumRowCells))",
          at: SourceLocation(file: file, line: row.line, column: maximumRowCells + 1),
          hint: "check the delimiter and the quotes of that line; a yearbook table has a few dozen columns")
      }
      for field in row.fields where field.text.utf8.count > maximumCellLength && field.text.count > maximumCellLength {
        throw ImportError(
          "a cell of \(field.text.count) characters, more than a spreadsheet cell holds (\(maximumCellLength))",
          at: SourceLocation(file: file, line: field.line, column: field.column),
          hint: "check the quotes and line ends of that line: a cell this long is usually a quote that never closes, or a file that is not a table")
      }
    }
  }

  func location(_ cell: TableCell) -> SourceLocation {
    SourceLocation(file: file, line: cell.line, column: cell.column)
  }

  func location(_ row: TableRow) -> SourceLocation {
    SourceLocation(file: file, line: row.line)
  }

  var fileLocation: SourceLocation { SourceLocation(file: file) }

  /// The error for a header found again at `cell`, below the data of the header on `headerLine`.
  func repeatedHeader(at cell: TableCell, headerLine: Int) -> ImportError {
    ImportError(
      "the header is repeated on line \(cell.line) (the table's header is on line \(headerLine)): "
        + "a second table inside the file, whose units may differ, is not read",
      at: location(cell),
      hint: "keep one table per file: delete the repeated header, or move the second table into a file of its own")
  }
}
