import Foundation
import Testing

/// Issue 6: every bad input ends in one message naming the place and what was expected, a
/// non-zero exit (not a crash) and no output folder.
///
/// Each case is a folder under `Fixtures/bad-inputs/`: a copy of `valid/` (a three-year
/// province `testland` and a three-year methodology `tiny`) with one thing broken; the
/// folder's README lists what. The binary runs from the repository root with relative paths,
/// so the messages are compared exactly.
@Suite(.serialized) struct BadInputTests {
  static let fixtures = "Tests/EndToEndTests/Fixtures/bad-inputs"

  static func run(_ arguments: [String]) throws -> CLITests.Result {
    try CLITests.run(arguments)
  }

  /// A path under the temporary folder that does not exist yet.
  static func freshOutput() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("cement-accounts-bad-\(UUID().uuidString)").path
  }

  /// Runs `cement-accounts run` on a fixture and checks what every bad input must give: exit
  /// status 1 (a crash would end by a signal), one `error:` on stderr, nothing on stdout,
  /// and no output folder. Returns stderr for the case's own expectations.
  static func refuse(
    _ fixture: String, output: String = freshOutput(), extra: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    let result = try run(["run", "--inputs", "\(fixtures)/\(fixture)", "--methodology", "tiny", "--output", output] + extra)
    return expectRefused(result, output: output, sourceLocation: sourceLocation)
  }

  /// What every refusal gives: exit status 1, one `error:`, no stdout, no output folder. Returns stderr.
  static func expectRefused(_ result: CLITests.Result, output: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    #expect(result.exited, "ended by signal \(result.status)", sourceLocation: sourceLocation)
    #expect(result.status == 1, "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.components(separatedBy: "error:").count == 2, "not one error: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, "stdout: \(result.stdout)", sourceLocation: sourceLocation)
    #expect(!FileManager.default.fileExists(atPath: output), "\(output) was created", sourceLocation: sourceLocation)
    return result.stderr
  }

  /// `<fixtures>/<case>/yearbook/testland/<file>`, as messages name it.
  static func table(_ fixture: String, _ file: String = "energy-2001.csv") -> String {
    "\(fixtures)/\(fixture)/yearbook/testland/\(file)"
  }

  static func methodology(_ fixture: String) -> String { "\(fixtures)/\(fixture)/methodologies/tiny.yaml" }

  static let quoteHint = "  hint: check the quotes on that line; a cell containing the delimiter or a quote must be quoted as a whole\n"
  static let numberHint =
    "  hint: write a plain number (1234.5 or 1,234.5); leave the cell empty or write … when the value is not available, - when it is zero\n"

  // MARK: - The fixture is valid, so each case fails for its own reason

  @Test func theValidFixtureRuns() throws {
    let output = Self.freshOutput()
    defer { try? FileManager.default.removeItem(atPath: output) }
    let result = try Self.run(["run", "--inputs", "\(Self.fixtures)/valid", "--methodology", "tiny", "--output", output])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("testland · tiny: 2000–2002, 3 years"))
    #expect(FileManager.default.fileExists(atPath: output + "/testland/tiny/emissions.csv"))
  }

  // MARK: - Files that are not text tables

  @Test func emptyFile() throws {
    #expect(try Self.refuse("empty-file") == """
      \(Self.table("empty-file")): error: file is empty
        hint: export the table again; the file has no bytes

      """)
  }

  @Test func binaryFile() throws {
    #expect(try Self.refuse("binary-file") == """
      \(Self.table("binary-file")): error: looks like a binary file, not a text table
        hint: export the sheet as CSV (comma- or tab-separated text); Excel workbooks (.xlsx, .xls) are not read directly

      """)
  }

  /// Latin-1 text: 0xE9 (é) is not UTF-8, and `é,` is no GB18030 sequence either.
  @Test func wrongEncoding() throws {
    #expect(try Self.refuse("wrong-encoding") == """
      \(Self.table("wrong-encoding")):1:1: error: file is neither UTF-8 nor GB18030 text: the byte 0xE9 after "Consommation d'" is not UTF-8
        hint: save the table as CSV in UTF-8 (Excel: "CSV UTF-8") or in GB18030/GBK

      """)
  }

  // MARK: - CSV structure

  /// A file cut off inside a quoted cell.
  @Test func unterminatedQuote() throws {
    #expect(try Self.refuse("unterminated-quote") == """
      \(Self.table("unterminated-quote")):3:2: error: unterminated quoted field starting at line 3: a field that opens with " must close with "

      """ + Self.quoteHint)
  }

  @Test func strayQuote() throws {
    #expect(try Self.refuse("stray-quote") == """
      \(Self.table("stray-quote")):3:2: error: misplaced quote: a quote must open and close the whole field, and a quote inside a quoted field is written twice ("")

      """ + Self.quoteHint)
  }

  // MARK: - Layout

  @Test func headerWithoutAFuelColumn() throws {
    #expect(try Self.refuse("no-fuel-header") == """
      \(Self.table("no-fuel-header")):2:2: error: neither an energy-by-industry table nor a products table: no row names two or more fuels, \
      and no cell names cement (水泥); line 2 looks like the header but names no fuel of the catalogue: \
      "甲类燃料(万吨) Fuel A (10^4 t)", "乙类燃料(万吨) Fuel B (10^4 t)", "丙类(万吨) C (10^4 t)", "丁类(万吨) D (10^4 t)"
        hint: energy tables need a header such as 煤炭 Coal, 焦炭 Coke, 电力 Electricity; products tables a 水泥 Cement row or column

      """)
  }

  @Test func industryRowMissing() throws {
    #expect(try Self.refuse("industry-row-missing") == """
      \(Self.table("industry-row-missing")):3:1: error: no row for the non-metallic mineral products industry (非金属矿物制品业); \
      labels seen: "黑色金属冶炼及压延加工业 Ferrous Metals"
        hint: label the row 非金属矿物制品业 or Manufacture of Non-metallic Mineral Products (a code such as C30 may precede it)

      """)
  }

  @Test func duplicateRowInOneFile() throws {
    #expect(try Self.refuse("duplicate-row") == """
      \(Self.table("duplicate-row")):4:1: error: two rows for the non-metallic mineral products industry (非金属矿物制品业) in 2001 differ: \
      line 3 and line 4 (煤炭(万吨) Coal (10^4 t): "540.0308" vs "545.0000")
        hint: delete the row that is wrong

      """)
  }

  /// `energy-2001-revised.csv` sorts before `energy-2001.csv`, so it is read first.
  @Test func duplicateYearAcrossTwoFiles() throws {
    let revised = Self.table("duplicate-year-across-files", "energy-2001-revised.csv")
    let original = Self.table("duplicate-year-across-files")
    #expect(try Self.refuse("duplicate-year-across-files") == """
      \(original):3:2: error: two different rows for 2001: \(revised):3:1 and \(original):3:1 (Coal: "545.0000" vs "540.0308")
        hint: keep one table per year, or remove the row that is wrong

      """)
  }

  // MARK: - Values

  @Test func nonNumericValue() throws {
    #expect(try Self.refuse("non-numeric") == """
      \(Self.table("non-numeric")):3:2: error: expected a number in column "煤炭(万吨) Coal (10^4 t)", found "54o.0308"

      """ + Self.numberHint)
  }

  @Test func negativeValue() throws {
    #expect(try Self.refuse("negative") == """
      \(Self.table("negative")):3:2: error: expected a number of zero or more in column "煤炭(万吨) Coal (10^4 t)", found "-540.0308"
        hint: amounts cannot be negative; check the sign in the source table

      """)
  }

  /// 5 400 308 × 10⁴ t of coal is more than China burns in a decade: `FuelDefinition.plausibleMaximum`.
  @Test func absurdValue() throws {
    #expect(try Self.refuse("absurd-value") == """
      \(Self.table("absurd-value")):3:2: error: Coal in 2001 is 5400308 × 10⁴ t (read "5400308" in 万吨), \
      more than China's whole national use (at most 500000 × 10⁴ t)
        hint: check the column's unit (吨 vs 万吨, 万立方米 vs 亿立方米) and the decimal point

      """)
  }

  @Test func unknownUnit() throws {
    #expect(try Self.refuse("unknown-unit") == """
      \(Self.table("unknown-unit")):2:6: error: unknown unit "万桶" in column "原油(万桶) Crude Oil"; \
      accepted units of mass: 万吨, 吨, 10^4 t, 10 000 t, 10,000 tons, tons
        hint: write the unit in one of the accepted spellings

      """)
  }

  @Test func yearOutsideTheMethodology() throws {
    #expect(try Self.refuse("year-out-of-range") == """
      \(Self.table("year-out-of-range", "energy-2003.csv")):3:1: error: 2003 lies outside the methodology's years 2000-2002
        hint: extend the methodology's 'years', or remove the table for 2003 from the inputs

      """)
  }

  // MARK: - Methodology files

  @Test func methodologyMissingKey() throws {
    let stderr = try Self.refuse("methodology-missing-key")
    #expect(stderr.hasPrefix("\(Self.methodology("methodology-missing-key")):2:1: error: missing key 'gap_filling'\n"), "\(stderr)")
    #expect(stderr.contains("hint: ") && stderr.contains("carry-forward, linear"), "\(stderr)")
  }

  @Test func methodologyUnknownKey() throws {
    #expect(try Self.refuse("methodology-unknown-key") == """
      \(Self.methodology("methodology-unknown-key")):23:1: error: unknown key 'gap_filing' (did you mean 'gap_filling'?)
        hint: allowed keys: name, title, description, inherits, years, factor_set, electricity, process, allocation, gap_filling, copied_years, stages, time_series, cement_output, checks, anomalies, uncertainty

      """)
  }

  @Test func methodologyMistypedValue() throws {
    #expect(try Self.refuse("methodology-mistyped-value") == """
      \(Self.methodology("methodology-mistyped-value")):23:14: error: unknown value 'carry-foward' for 'gap_filling'
        hint: allowed values: carry-forward, linear, none

      """)
  }

  /// Natural gas is measured by volume, so its NCV must be per cubic metre.
  @Test func factorWithTheWrongUnit() throws {
    let stderr = try Self.refuse("factor-wrong-unit")
    #expect(stderr.hasPrefix("""
      \(Self.methodology("factor-wrong-unit")):9:25: error: 'factor_set.fuels.natural_gas.ncv' is "38.931 GJ/t", a value per tonne, but Natural Gas is measured by volume
      """), "\(stderr)")
    #expect(stderr.contains("hint: write a gas NCV per volume, e.g. '389.31 GJ/10^4 m3' (accepted: GJ/10^4 m3"))
    #expect(stderr.contains("38.931 GJ/t"), "\(stderr)")
  }

  // MARK: - Folders

  @Test func provinceFolderWithoutTables() throws {
    let stderr = try Self.refuse("no-tables")
    #expect(stderr.hasPrefix("error: no tables (*.csv, *.tsv, *.txt) in \(Self.fixtures)/no-tables/yearbook/testland"), "\(stderr)")
    #expect(stderr.contains("energy-2001.xlsx") && stderr.contains("hint: "), "\(stderr)")
  }

  @Test func outputFolderUnderARegularFile() throws {
    let file = Self.freshOutput()
    #expect(FileManager.default.createFile(atPath: file, contents: Data("not a folder".utf8)))
    defer { try? FileManager.default.removeItem(atPath: file) }
    let stderr = try Self.refuse("valid", output: file + "/out")
    #expect(stderr.hasPrefix("error: cannot create the output folder \(file)/out/testland/tiny: "), "\(stderr)")
    #expect(stderr.hasSuffix("  hint: choose a writable folder with --output\n"))
    #expect(!stderr.contains("NSCocoaErrorDomain") && stderr.contains("\(file) is a file, not a folder"), "\(stderr)")
  }

  @Test func outputFolderThatCannotBeCreated() throws {
    let stderr = try Self.refuse("valid", output: "/proc/forbidden")
    #expect(stderr.hasPrefix("error: cannot create the output folder /proc/forbidden/testland/tiny: "), "\(stderr)")
    #expect(stderr.hasSuffix("  hint: choose a writable folder with --output\n"))
  }

  // MARK: - Products

  /// carry-forward cannot fill the first year.
  @Test func productsTableMissingAYear() throws {
    #expect(try Self.refuse("products-missing-year") == """
      \(Self.table("products-missing-year", "products.csv")): error: no cement output for 2000, and carry-forward cannot fill it \
      (the table gives 2001–2002)
        hint: add 2000 to the products table, or narrow the methodology's years (now 2000-2002)

      """)
  }

  @Test func productsTableAbsentIsAnEnergyOnlyAccountThatStrictRefuses() throws {
    // Without --strict the account is written with process not available (EnergyOnlyTests).
    #expect(try Self.refuse("products-table-absent", extra: ["--strict"]) == """
      error: --strict: 1 warning(s) would be errors:
        \(Self.fixtures)/products-table-absent/yearbook/testland: warning: no products table (cement or clinker output): \
      process CO₂ is not available; the account gives combustion and electricity only
        hint: run without --strict to accept them (they are listed in the summary)

      """)
  }

  // MARK: - --strict

  @Test func strictRefusesTheBundledCarriedForwardYears() throws {
    let output = Self.freshOutput()
    let result = try Self.run(["run", "--strict", "--output", output])
    #expect(result.exited && result.status == 1, "\(result.stderr)")
    #expect(result.stderr.hasPrefix("error: --strict: 4 warning(s) would be errors:\n"), "\(result.stderr)")
    #expect(result.stderr.contains("  warning: no energy table for 2008: filled by carry-forward\n"))
    #expect(result.stderr.contains("  warning: no energy table for 2018: filled by carry-forward\n"))
    // The two level shifts of the bundled series: coke falls tenfold from 2016, crude oil a hundredfold from 2002.
    #expect(result.stderr.contains("  Inputs/yearbook/liaoning/energy-2016.csv:3:4: warning: Coke 2016: 21.59 10⁴ t"), "\(result.stderr)")
    #expect(result.stderr.contains("  Inputs/yearbook/liaoning/energy-2002.csv:6:5: warning: Crude Oil 2002: 0.3609 10⁴ t"), "\(result.stderr)")
    #expect(result.stderr.components(separatedBy: "error:").count == 2)
    #expect(!FileManager.default.fileExists(atPath: output))
  }
}
