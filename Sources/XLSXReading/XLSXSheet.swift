/// The value of one cell. A formula cell holds the value Excel cached when it last
/// calculated; the formula itself is not kept.
public enum XLSXCell: Sendable, Hashable, CustomStringConvertible {
  /// A number (dates are numbers too: days since 1899-12-30, as Excel stores them).
  case number(Double)
  /// Text: a shared string, an inline string, a formula's text result, or an ISO 8601
  /// date written with `t="d"`.
  case text(String)
  /// TRUE or FALSE.
  case boolean(Bool)
  /// An error value such as `#N/A` or `#DIV/0!`.
  case error(String)

  /// The number, or nil for any other kind of value.
  public var numberValue: Double? {
    if case .number(let number) = self { number } else { nil }
  }

  /// The text, or nil for any other kind of value.
  public var textValue: String? {
    if case .text(let text) = self { text } else { nil }
  }

  /// The value as Excel shows it without formatting: `226.76`, `Raw_Coal`, `TRUE`, `#N/A`.
  public var description: String {
    switch self {
    case .number(let number):
      number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
    case .text(let text): text
    case .boolean(let flag): flag ? "TRUE" : "FALSE"
    case .error(let code): code
    }
  }
}

/// The cells of one worksheet, read in full and detached from the workbook: a value that can
/// be kept, shared between threads and read in any order.
///
/// Rows and columns are 0-based: `sheet[0, 0]` is `A1`, `sheet[29, 1]` is `B30`.
public struct XLSXSheet: Sendable {
  /// The sheet's name as shown on its tab.
  public let name: String
  /// The workbook's path, as given to ``XLSXWorkbookReader/init(path:)``; used in errors.
  public let file: String
  /// One more than the last row that holds a value (0 for an empty sheet).
  public let rowCount: Int
  /// One more than the last column that holds a value (0 for an empty sheet).
  public let columnCount: Int
  /// The cells in a grid, row by row, when the used rectangle is small or mostly filled, as
  /// in a yearbook table; otherwise only the filled ones, in the order of `keys`, so that one
  /// value in `XFD1048576` costs one entry.
  private let cells: [StoredCell]
  /// Sorted keys (``key(row:column:)``) of `cells`; nil when `cells` is a grid.
  private let keys: [Int]?
  /// The texts the cells point into: the workbook's shared strings, shared with its other
  /// sheets, and the sheet's own (inline strings, formula results, error codes).
  private let sharedStrings: [String]
  private let texts: [String]

  /// A sheet from the cells of a worksheet part, in any order; a later value for the same
  /// cell replaces an earlier one.
  init(name: String, file: String, parsed: WorksheetParser) {
    self.name = name
    self.file = file
    rowCount = parsed.rowCount
    columnCount = parsed.columnCount
    sharedStrings = parsed.sharedStrings
    texts = parsed.texts
    let (keys, cells) = (parsed.keys, parsed.cells)
    let area = rowCount * columnCount  // both at most Excel's limits, so no overflow
    if area <= max(4 * keys.count, 4096) {
      var grid = [StoredCell](repeating: .empty, count: area)
      for (key, cell) in zip(keys, cells) {
        grid[Self.row(of: key) * columnCount + Self.column(of: key)] = cell
      }
      self.cells = grid
      self.keys = nil
    } else {
      // Stable sort keeps document order among duplicates; the last of each key wins.
      let order = keys.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
      var sortedKeys: [Int] = []
      var sortedCells: [StoredCell] = []
      sortedKeys.reserveCapacity(keys.count)
      sortedCells.reserveCapacity(keys.count)
      for index in order {
        if sortedKeys.last == keys[index] {
          sortedCells[sortedCells.count - 1] = cells[index]
        } else {
          sortedKeys.append(keys[index])
          sortedCells.append(cells[index])
        }
      }
      self.cells = sortedCells
      self.keys = sortedKeys
    }
  }

  /// The value at a 0-based row and column, or nil when the cell is empty or outside the sheet.
  public subscript(row: Int, column: Int) -> XLSXCell? {
    storedCell(row, column).flatMap(value)
  }

  /// The number at a 0-based row and column, or nil when the cell holds none: `self[row,
  /// column]?.numberValue` without making the cell's value, for loops over many cells.
  public func number(_ row: Int, _ column: Int) -> Double? {
    guard let cell = storedCell(row, column), cell.kind == .number else { return nil }
    return Double(bitPattern: cell.payload)
  }

  private func storedCell(_ row: Int, _ column: Int) -> StoredCell? {
    guard row >= 0, row < rowCount, column >= 0, column < columnCount else { return nil }
    guard let keys else { return cells[row * columnCount + column] }
    let key = Self.key(row: row, column: column)
    var low = 0
    var high = keys.count
    while low < high {
      let middle = (low + high) / 2
      if keys[middle] < key { low = middle + 1 } else { high = middle }
    }
    return low < keys.count && keys[low] == key ? cells[low] : nil
  }

  /// The value a stored cell stands for; nil for an empty one.
  @inline(__always) private func value(_ cell: StoredCell) -> XLSXCell? {
    switch cell.kind {
    case .empty: nil
    case .number: .number(Double(bitPattern: cell.payload))
    case .sharedText: .text(sharedStrings[Int(cell.payload)])
    case .text: .text(texts[Int(cell.payload)])
    case .boolean: .boolean(cell.payload != 0)
    case .error: .error(texts[Int(cell.payload)])
    }
  }

  /// The values of one row, `columnCount` long (empty for a row outside the sheet).
  public func row(_ row: Int) -> [XLSXCell?] {
    guard row >= 0, row < rowCount else { return [] }
    return (0..<columnCount).map { self[row, $0] }
  }

  /// Every cell that holds a value, row by row, left to right.
  public var usedCells: [(row: Int, column: Int, value: XLSXCell)] {
    guard let keys else {
      return cells.indices.compactMap { index in
        value(cells[index]).map { (index / columnCount, index % columnCount, $0) }
      }
    }
    return zip(keys, cells).compactMap { key, cell in
      value(cell).map { (Self.row(of: key), Self.column(of: key), $0) }
    }
  }

  /// The A1 reference of a 0-based cell: (29, 1) → `B30`.
  public func cellReference(row: Int, column: Int) -> String {
    XLSXSheet.cellReference(row: row, column: column)
  }

  /// The A1 reference of a 0-based cell: (29, 1) → `B30`; `R-1C3` style text for indices
  /// outside Excel's grid, so that a message never fails.
  public static func cellReference(row: Int, column: Int) -> String {
    guard row >= 0, row < Self.maximumRowCount, column >= 0, column < Self.maximumColumnCount else {
      return "R\(row + 1)C\(column + 1)"
    }
    var letters: [UInt8] = []
    var rest = column + 1  // bijective base 26: there is no zero digit
    while rest > 0 {
      letters.append(UInt8(65 + (rest - 1) % 26))
      rest = (rest - 1) / 26
    }
    return String(decoding: letters.reversed(), as: UTF8.self) + String(row + 1)
  }

  /// An error located at a cell of this sheet, for importers that find a value they cannot
  /// use: `file.xlsx!Liaoning2013!B30: error: expected a number, found "n/a"`.
  public func error(row: Int, column: Int, _ message: String, hint: String? = nil) -> XLSXReadError {
    XLSXReadError(
      file: file, sheet: name, cell: cellReference(row: row, column: column), message: message, hint: hint)
  }

  /// The number of rows of an Excel worksheet (Excel 2007 and later).
  public static let maximumRowCount = 1_048_576
  /// The number of columns of an Excel worksheet (`A` to `XFD`).
  public static let maximumColumnCount = 16_384

  // MARK: Keys

  /// Row-major key of a cell; columns take 14 bits (Excel's 16 384 columns).
  @inline(__always) static func key(row: Int, column: Int) -> Int { row << 14 | column }
  @inline(__always) static func row(of key: Int) -> Int { key >> 14 }
  @inline(__always) static func column(of key: Int) -> Int { key & 0x3FFF }
}

/// A cell's value as a sheet keeps it: a kind and 64 bits (a number's bit pattern, a text's
/// index, a boolean). Unlike ``XLSXCell`` it holds no reference, so a sheet's grid is one
/// block of plain memory: filled, copied and freed without touching each cell.
struct StoredCell: Sendable {
  enum Kind: UInt8, Sendable {
    case empty, number, sharedText, text, boolean, error
  }

  var kind: Kind
  var payload: UInt64

  static var empty: StoredCell { StoredCell(kind: .empty, payload: 0) }

  init(kind: Kind, payload: UInt64) {
    self.kind = kind
    self.payload = payload
  }

  init(number: Double) { self.init(kind: .number, payload: number.bitPattern) }
}
