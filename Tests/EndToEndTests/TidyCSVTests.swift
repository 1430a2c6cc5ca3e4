import Foundation
import Testing

/// Every CSV the tool writes is one tidy table that pandas (`read_csv(path)`) and R
/// (`read.csv(path)`) read with no options: one header line of unique names, every row as
/// wide as the header, no blank lines, no second table, and each column of one type
/// (numbers throughout, or text), its unit in its name.
@Suite(.serialized) struct TidyCSVTests {
  /// A column's type as a reader with no options infers it.
  enum ColumnType: Equatable, CustomStringConvertible {
    case integer, number, text, empty
    var description: String { "\(self == .integer ? "integer" : self == .number ? "number" : self == .text ? "text" : "empty")" }
  }

  /// The columns read as numbers, by name; every other column is text.
  static func expectedType(_ column: String) -> ColumnType {
    let integers: Set<String> = ["year", "rank", "first_year", "last_year", "provinces", "peak_year", "from_year", "to_year", "ets_year"]
    if integers.contains(column) { return .integer }
    // Columns whose unit is in a units column beside them (`value` with `unit`) or in the
    // name itself (`_tco2`, `_eur_per_t_cement`, `_cny`), as the issues name them.
    let measured: Set<String> = ["value", "expected_low", "expected_high", "score"]
    let numeric =
      measured.contains(column) || column.hasSuffix("_tCO2") || column.lowercased().hasSuffix("_tco2") || column.hasSuffix("_t")
      || column == "tco2" || column.hasPrefix("intensity_") || column.hasSuffix("_share") || column.hasSuffix("_gCO2")
      || column.hasSuffix("_percent") || column.contains("_eur_per_t") || column.hasSuffix("_cny") || column.contains("_cny_per_t")
    return numeric ? .number : .text
  }

  /// Splits a CSV text strictly (RFC 4180: quoted fields may hold commas, quotes doubled, LF line ends).
  static func strictRows(_ text: String, file: String) throws -> [[String]] {
    #expect(!text.hasPrefix("\u{FEFF}"), "\(file): starts with a byte-order mark")
    #expect(text.hasSuffix("\n"), "\(file): the last line has no line break")
    #expect(!text.contains("\r"), "\(file): carriage returns")
    var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, inQuotes = false
    var characters = Array(text)[...]
    while let c = characters.popFirst() {
      if inQuotes {
        if c == "\"" {
          if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { inQuotes = false }
        } else {
          field.append(c)
        }
      } else if c == "\"" {
        #expect(field.isEmpty, "\(file): a quote inside an unquoted field")
        inQuotes = true
        quoted = true
      } else if c == "," {
        row.append(field); field = ""; quoted = false
      } else if c == "\n" {
        row.append(field); field = ""
        #expect(!(row.count == 1 && row[0].isEmpty && !quoted), "\(file): a blank line (line \(rows.count + 1))")
        rows.append(row); row = []; quoted = false
      } else {
        field.append(c)
      }
    }
    #expect(!inQuotes, "\(file): a quoted field is not closed")
    return rows
  }

  /// Reads one CSV strictly and checks its header and the type of every column.
  static func check(_ url: URL) throws {
    let name = url.lastPathComponent
    let rows = try strictRows(try String(contentsOf: url, encoding: .utf8), file: name)
    let header = try #require(rows.first, "\(name) is empty")
    #expect(Set(header).count == header.count, "\(name): repeated column names \(header)")
    for column in header {
      #expect(column.range(of: "^[a-z][A-Za-z0-9_]*$", options: .regularExpression) != nil, "\(name): column name '\(column)'")
    }
    // A list of findings may be empty (no anomaly in a small batch); a table of figures may not.
    #expect(rows.count > 1 || name == "anomalies.csv", "\(name) has no rows")
    for (index, row) in rows.enumerated() {
      #expect(row.count == header.count, "\(name) line \(index + 1): \(row.count) fields, the header has \(header.count)")
    }
    for (index, column) in header.enumerated() {
      let values = rows.dropFirst().map { $0.count > index ? $0[index] : "" }.filter { !$0.isEmpty }
      let found: ColumnType =
        values.isEmpty ? .empty
        : values.allSatisfy({ Int($0) != nil }) ? .integer
        : values.allSatisfy({ Double($0) != nil && !$0.lowercased().contains("inf") && !$0.lowercased().contains("nan") }) ? .number : .text
      let expected = expectedType(column)
      switch expected {
      case .integer: #expect(found == .integer || found == .empty, "\(name): column \(column) should be integers, reads as \(found)")
      case .number: #expect(found == .number || found == .integer || found == .empty, "\(name): column \(column) should be numbers, reads as \(found)")
      case .text, .empty:
        // A text column never looks like a number throughout (a reader would then change its type).
        #expect(found == .text || found == .empty, "\(name): column \(column) holds only numbers but is named as text")
      }
    }
  }

  /// Every `.csv` under `folder`, sorted.
  static func csvFiles(under folder: URL) -> [URL] {
    CEADsFolder.files(under: folder).filter { $0.hasSuffix(".csv") }.map { folder.appendingPathComponent($0) }
  }

  @Test func theRunsAndTheBatchsCSVFilesAreTidy() throws {
    let folder = try CLITests.scratchCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(try CLITests.run(["run", "--format", "csv", "--output", "out"], in: folder).status == 0)
    #expect(try CLITests.run(["run", "--methodology", "gap-linear", "--output", "out"], in: folder).status == 0)
    let diff = try CLITests.run(["diff", "study-2025", "gap-linear", "--output", "out"], in: folder)
    #expect(diff.status == 0, "\(diff.stderr)")
    let batch = try BatchFailureTests.twoProvinces()
    defer { try? FileManager.default.removeItem(at: batch) }
    #expect(try BatchFailureTests.batch(in: batch).status == 0)
    let files = Self.csvFiles(under: folder.appendingPathComponent("out")) + Self.csvFiles(under: batch.appendingPathComponent("out"))
    let names = Set(files.map(\.lastPathComponent))
    #expect(names.isSuperset(of: ["emissions.csv", "national-provinces.csv", "national-years.csv"]), "\(names.sorted())")
    for file in files { try Self.check(file) }
  }

  @Test("the CEADs batch's CSV files are tidy", .enabled(if: CEADsFolder.available, Comment(rawValue: CEADsFolder.skipMessage)))
  func theCEADsBatchsCSVFilesAreTidy() throws {
    let scratch = try CEADsFolder.scratch()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let output = scratch.appendingPathComponent("out")
    let result = try CLITests.run(["batch", "--inputs", CEADsFolder.argument, "--format", "csv", "--output", output.path])
    #expect(result.status == 0, "\(result.stderr)")
    let files = Self.csvFiles(under: output)
    // 30 provinces × (emissions, carbon cost) + national provinces, years, anomalies, carbon cost.
    #expect(files.count == 64, "\(files.map(\.lastPathComponent))")
    for file in files { try Self.check(file) }
  }

  @Test func theCheckCatchesTwoTablesInOneFile() throws {
    let rows = try Self.strictRows("a,b\n1,2\n", file: "ok.csv")
    #expect(rows == [["a", "b"], ["1", "2"]])
    #expect(try Self.strictRows("a,\"b,c\"\n", file: "quoted.csv") == [["a", "b,c"]])
    #expect(Self.expectedType("total_tCO2") == .number && Self.expectedType("year") == .integer && Self.expectedType("pattern") == .text)
  }
}
