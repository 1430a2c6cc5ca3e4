import CLibCSV

/// One field of a CSV row: its text and where it starts.
public struct CSVField: Sendable, Hashable {
  /// The field's text, unquoted; libcsv trims spaces and tabs around unquoted fields.
  public let text: String
  /// The 1-based line the field starts on (a quoted field may run over several lines).
  public let line: Int
  /// The 1-based position of the field in its row.
  public let column: Int

  public init(text: String, line: Int, column: Int) {
    self.text = text
    self.line = line
    self.column = column
  }
}

/// One row of a CSV text. Rows may have different numbers of fields.
public struct CSVRow: Sendable, Hashable {
  /// The 1-based line the row's first field starts on.
  public let line: Int
  public let fields: [CSVField]

  public init(line: Int, fields: [CSVField]) {
    self.line = line
    self.fields = fields
  }
}

/// Text that is not well-formed CSV, with the place the problem was found.
public struct CSVReadError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The 1-based line of the problem.
  public let line: Int
  /// The 1-based field position in the row, when known.
  public let column: Int?
  public let message: String

  public init(line: Int, column: Int?, message: String) {
    self.line = line
    self.column = column
    self.message = message
  }

  /// `line 14, field 3: message`.
  public var description: String {
    let place = column.map { "line \(line), field \($0)" } ?? "line \(line)"
    return "\(place): \(message)"
  }
}

/// The one Swift layer over libcsv: parses CSV text into rows of fields with line numbers.
/// The C parser lives only inside ``parse(_:delimiter:)``; no C type leaves this module.
public enum CSVReader {
  /// Parses `text` as CSV in libcsv's strict mode.
  ///
  /// Lines holding nothing but spaces produce no row; a line of delimiters produces a row of
  /// empty fields. A UTF-8 byte-order mark at the start is ignored. Line ends may be LF, CRLF or CR.
  /// - Parameters:
  ///   - text: The whole table as text.
  ///   - delimiter: The field separator byte: `,` by default, `\t` or `;` for other exports.
  /// - Returns: The rows in order, each with the line its first field starts on.
  /// - Throws: ``CSVReadError`` for a stray quote or a quoted field left open at the end.
  public static func parse(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) throws(CSVReadError) -> [CSVRow] {
    var bytes = Array(text.utf8)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    let parser = CParser(delimiter: delimiter)
    return try parser.run(bytes)
  }

  /// Guesses the field separator of a table: comma, tab or semicolon.
  ///
  /// Counts each candidate per line, outside quotes, and picks the one that splits the most lines
  /// into the same number of fields (a table's rows agree; title lines and numbers written as
  /// `1,234.5` inside a tab-separated file do not). Ties go to tab, then semicolon, then comma;
  /// a text with none of them is taken as comma-separated.
  public static func detectDelimiter(_ text: String) -> UInt8 {
    let candidates: [UInt8] = [UInt8(ascii: "\t"), UInt8(ascii: ";"), UInt8(ascii: ",")]
    let scores = DelimiterCounter.consistentLines(in: text, candidates: candidates)
    var best = UInt8(ascii: ","), bestScore = 0
    for (candidate, score) in zip(candidates, scores) where score > bestScore {
      best = candidate
      bestScore = score
    }
    return best
  }
}

/// Counts, for each candidate delimiter, how many lines share the most common non-zero count.
enum DelimiterCounter {
  /// Lines read at most; a table's shape shows in its first few hundred lines.
  static let lineLimit = 500

  static func consistentLines(in text: String, candidates: [UInt8]) -> [Int] {
    var histograms = Array(repeating: [Int: Int](), count: candidates.count)
    var counts = Array(repeating: 0, count: candidates.count)
    var inQuotes = false, lines = 0
    func endLine() {
      for index in counts.indices where counts[index] > 0 {
        histograms[index][counts[index], default: 0] += 1
        counts[index] = 0
      }
    }
    for byte in text.utf8 {
      if byte == UInt8(ascii: "\"") {
        inQuotes.toggle()
      } else if inQuotes {
        continue
      } else if byte == UInt8(ascii: "\n") {
        endLine()
        lines += 1
        if lines >= lineLimit { break }
      } else if let index = candidates.firstIndex(of: byte) {
        counts[index] += 1
      }
    }
    endLine()
    return histograms.map { $0.values.max() ?? 0 }
  }
}
