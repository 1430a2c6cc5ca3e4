import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 17: hostile and odd inputs, round two. No input hangs the tool or grows its memory
/// without bound, none is accepted silently, and every error names the file and the place
/// that hold the problem. The cases with files are folders under `Fixtures/bad-inputs/`
/// (see its README); those that cannot be committed (a named pipe, a folder of mode 000, a
/// 10 MB line, a run killed midway) are made in a scratch copy of `valid/`.
@Suite(.serialized) struct HostileInputTests {
  typealias Bad = BadInputTests

  /// A scratch copy of `valid/`, its path, removed by the caller.
  static func scratchValid() throws -> String {
    let folder = Bad.freshOutput() + "-inputs"
    try FileManager.default.copyItem(atPath: "\(CLITests.repository.path)/\(Bad.fixtures)/valid", toPath: folder)
    return folder
  }

  static func refuseInputs(_ inputs: String, output: String = Bad.freshOutput(), sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let result = try Bad.run(["run", "--inputs", inputs, "--methodology", "tiny", "--output", output])
    return Bad.expectRefused(result, output: output, sourceLocation: sourceLocation)
  }

  // MARK: - Unbounded work and memory

  /// Nine lines of nested aliases expand to 9⁹ strings; refused at the first anchor.
  @Test func aliasBomb() throws {
    #expect(try Bad.refuse("methodology-alias-bomb") == """
      \(Bad.methodology("methodology-alias-bomb")):3:6: error: YAML anchors and aliases (&name, *name) are not accepted in methodology files
        hint: write the value out where it is used; a methodology that shares another's values names it with inherits:

      """)
  }

  /// A finite NCV of 10³⁰⁸ GJ/t would make every product infinite.
  @Test func factorThatOverflows() throws {
    #expect(try Bad.refuse("factor-overflow") == """
      \(Bad.methodology("factor-overflow")):7:25: error: 'factor_set.fuels.coal.ncv' is "1e308 GJ/t", beyond any factor of its kind (at most 10^6 in the unit it is written in)
        hint: check the exponent and the unit; factors are written like '20.908 GJ/t' or '0.6101 tCO2/MWh'

      """)
  }

  /// A named pipe in place of a table: opening it would wait for a writer forever.
  @Test func namedPipeInPlaceOfATable() throws {
    let inputs = try Self.scratchValid()
    defer { try? FileManager.default.removeItem(atPath: inputs) }
    let table = "\(inputs)/yearbook/testland/energy-2001.csv"
    try FileManager.default.removeItem(atPath: table)
    #expect(mkfifo(table, 0o644) == 0)
    #expect(try Self.refuseInputs(inputs) == """
      \(table): error: cannot read the file: it is a named pipe (FIFO), not a regular file
        hint: inputs are regular files; replace it with the table itself

      """)
  }

  /// A methodology that is a named pipe, named by path.
  @Test func namedPipeInPlaceOfAMethodology() throws {
    let inputs = try Self.scratchValid()
    defer { try? FileManager.default.removeItem(atPath: inputs) }
    let methodology = "\(inputs)/methodologies/tiny.yaml"
    try FileManager.default.removeItem(atPath: methodology)
    #expect(mkfifo(methodology, 0o644) == 0)
    let stderr = try Self.refuseInputs(inputs)
    #expect(stderr.hasPrefix("\(methodology): error: cannot read methodology file: cannot read the file: it is a named pipe (FIFO)"), "\(stderr)")
  }

  @Test func workbookMemberBeyondItsLimit() throws {
    #expect(try WorkbookBadInputTests.refuse("workbook-member-too-large") == """
      \(WorkbookBadInputTests.workbook("workbook-member-too-large"))!Testland2001: error: the ZIP member 'xl/worksheets/sheet2.xml' claims to inflate to 67109985 bytes, more than the limit of 67108864 (64 MiB)
        hint: a worksheet this large is not a yearbook table; check that this is the right file

      """)
  }

  @Test func workbookMembersBeyondTheirLimitTogether() throws {
    #expect(try WorkbookBadInputTests.refuse("workbook-members-too-large") == """
      \(WorkbookBadInputTests.workbook("workbook-members-too-large")): error: the ZIP members claim to inflate to more than 256 MiB together, the limit of this reader
        hint: a workbook this large is not a statistical table (the CEADs workbooks inflate to a few MB); check that this is the right file

      """)
  }

  /// A run killed midway leaves `.NAME.partial-PID`; the next run into that folder removes it
  /// (the process is gone), and keeps a file of another name.
  @Test func staleFilesOfAKilledRunAreSwept() throws {
    let output = Bad.freshOutput()
    defer { try? FileManager.default.removeItem(atPath: output) }
    let folder = "\(output)/testland/tiny"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    // Process ids stop well below 2^22 on Linux (pid_max); this one does not exist.
    let stale = ["\(folder)/.emissions.csv.partial-4194304", "\(folder)/.report.md.previous-4194305"]
    for path in stale + ["\(folder)/.notes.partial-x"] { #expect(FileManager.default.createFile(atPath: path, contents: Data("half".utf8))) }
    let result = try Bad.run(["run", "--inputs", "\(Bad.fixtures)/valid", "--methodology", "tiny", "--output", output, "--format", "csv"])
    #expect(result.status == 0, "\(result.stderr)")
    for path in stale { #expect(!FileManager.default.fileExists(atPath: path), "\(path) left behind") }
    #expect(FileManager.default.fileExists(atPath: "\(folder)/.notes.partial-x"))
    #expect(FileManager.default.fileExists(atPath: "\(folder)/emissions.csv"))
  }

  // MARK: - Nothing accepted silently

  /// A second header (in tonnes, not 10⁴ t) with a row below it, pasted under the table.
  @Test func repeatedHeader() throws {
    #expect(try Bad.refuse("repeated-header") == """
      \(Bad.table("repeated-header")):4:2: error: the header is repeated on line 4 (the table's header is on line 2): \
      a second table inside the file, whose units may differ, is not read
        hint: keep one table per file: delete the repeated header, or move the second table into a file of its own

      """)
  }

  @Test func stageOutsideTheYears() throws {
    #expect(try Bad.refuse("stage-outside-years") == """
      \(Bad.methodology("stage-outside-years")):28:44: error: stage 'growth' (stages.list[1]) has last: 2030, outside the methodology's years 2000-2002
        hint: a stage lies within 'years'; narrow the stage or extend 'years'

      """)
  }

  @Test(arguments: ["out", ".", "yearbook/testland", "methodologies/../out"]) func outputInsideTheInputs(_ inside: String) throws {
    let inputs = try Self.scratchValid()
    defer { try? FileManager.default.removeItem(atPath: inputs) }
    let before = try FileManager.default.subpathsOfDirectory(atPath: inputs).sorted()
    let output = "\(inputs)/\(inside)"
    let result = try Bad.run(["run", "--inputs", inputs, "--methodology", "tiny", "--output", output])
    #expect(result.exited && result.status == 1, "\(result.stderr)")
    #expect(result.stderr == """
      error: the output folder \(output) lies inside the inputs folder \(inputs)
        hint: choose an output folder outside the inputs with --output (the default is ./Output)

      """)
    #expect(try FileManager.default.subpathsOfDirectory(atPath: inputs).sorted() == before)
  }

  /// A symbolic link outside the inputs that leads into them is inside too.
  @Test func outputThroughALinkIntoTheInputs() throws {
    let inputs = try Self.scratchValid()
    let link = Bad.freshOutput()
    defer {
      try? FileManager.default.removeItem(atPath: inputs)
      try? FileManager.default.removeItem(atPath: link)
    }
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: inputs)
    let result = try Bad.run(["batch", "--inputs", inputs, "--methodology", "tiny", "--output", link + "/out"])
    #expect(result.exited && result.status == 1, "\(result.stderr)")
    #expect(result.stderr.hasPrefix("error: the output folder \(link)/out lies inside the inputs folder \(inputs)\n"), "\(result.stderr)")
  }

  @Test func publishedTableWithAYearTwice() throws {
    #expect(try Bad.refuse("published-duplicate-year") == """
      \(Bad.fixtures)/published-duplicate-year/published/testland/table.csv:4:1: error: 2001 appears twice in the published table: on line 3 and on line 4
        hint: keep one row per year

      """)
  }

  @Test func publishedTableWithoutRows() throws {
    #expect(try Bad.refuse("published-no-rows") == """
      \(Bad.fixtures)/published-no-rows/published/testland/table.csv:1: error: the published table has a header and no rows: nothing to verify
        hint: add one row per year below the header

      """)
  }

  @Test func publishedColumnOfAnUnknownSeries() throws {
    let stderr = try Bad.refuse("published-unknown-series")
    #expect(stderr.hasPrefix("""
      \(Bad.fixtures)/published-unknown-series/published/testland/table.yaml:8:9: error: unknown series 'coal_gangue_typo' for 'columns.coal'
        hint: allowed: combustion, electricity, energy, process, total, coal, coke,
      """), "\(stderr)")
  }

  // MARK: - Every error names its file and place

  @Test func inheritsAMissingFile() throws {
    #expect(try Bad.refuse("methodology-inherits-missing") == """
      \(Bad.methodology("methodology-inherits-missing")):2:11: error: 'inherits' names \(Bad.fixtures)/methodology-inherits-missing/methodologies/tiny-base.yaml, \
      which cannot be read: cannot read the file: it does not exist
        hint: inherits names a methodology file in the same folder, with or without .yaml

      """)
  }

  @Test func duplicateKey() throws {
    #expect(try Bad.refuse("methodology-duplicate-key") == """
      \(Bad.methodology("methodology-duplicate-key")):25:1: error: the key 'gap_filling' is given twice in one mapping: on line 23 and again on line 25
        hint: keep one of them; a key may appear once in each mapping

      """)
  }

  @Test func gridFactorMissingAYear() throws {
    #expect(try Bad.refuse("grid-factor-missing-year") == """
      \(Bad.methodology("grid-factor-missing-year")):11:16: error: 'electricity.grid_factor' gives no value for 2002 of the methodology's years 2000-2002
        hint: give 'electricity.grid_factor' a value for every year, or a single value for all of them

      """)
  }

  @Test func nulByteInACell() throws {
    #expect(try Bad.refuse("nul-byte") == """
      \(Bad.table("nul-byte")):3:3: error: looks like a binary file, not a text table: a NUL byte (0x00) after "… Products,540.0308,26.46"
        hint: export the sheet as CSV (comma- or tab-separated text); Excel workbooks (.xlsx, .xls) are not read directly

      """)
  }

  /// A 10 MB header cell: named at its own line and column, before any reader spends time on it.
  @Test func overlongHeaderLine() throws {
    let inputs = try Self.scratchValid()
    defer { try? FileManager.default.removeItem(atPath: inputs) }
    let table = "\(inputs)/yearbook/testland/energy-2001.csv"
    var lines = try String(contentsOfFile: table, encoding: .utf8).components(separatedBy: "\n")
    lines[1] += "," + String(repeating: "x", count: 10 << 20)
    try lines.joined(separator: "\n").write(toFile: table, atomically: true, encoding: .utf8)
    #expect(try Self.refuseInputs(inputs) == """
      \(table):2:6: error: a cell of 10485760 characters, more than a spreadsheet cell holds (32767)
        hint: check the quotes and line ends of that line: a cell this long is usually a quote that never closes, or a file that is not a table

      """)
  }

  // MARK: - Permission denied

  /// Runs the binary as the unprivileged user `nobody` when the tests run as root (root reads
  /// whatever the mode says), through `setpriv`; nil when neither is possible.
  static func runUnprivileged(_ arguments: [String]) throws -> CLITests.Result? {
    guard geteuid() == 0 else { return try Bad.run(arguments) }
    let setpriv = "/usr/bin/setpriv"
    guard FileManager.default.isExecutableFile(atPath: setpriv) else { return nil }
    return try CLITests.run(arguments, through: [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"])
  }

  /// A scratch copy of `valid/` that the unprivileged user may read, with `denied` (relative)
  /// set to mode 000.
  static func deniedCopy(_ denied: String) throws -> String {
    let inputs = try scratchValid()
    for path in [inputs] + (try FileManager.default.subpathsOfDirectory(atPath: inputs)).map({ "\(inputs)/\($0)" }) {
      var status = stat()
      stat(path, &status)
      chmod(path, status.st_mode & S_IFMT == S_IFDIR ? 0o755 : 0o644)
    }
    chmod("\(inputs)/\(denied)", 0)
    return inputs
  }

  @Test(arguments: [
    ("yearbook/testland", "permission denied: the folder cannot be listed", "make it readable (chmod a+rx {path}), or run as a user who may read it"),
    ("yearbook/testland/energy-2001.csv", "permission denied: the file cannot be read", "make the file readable (chmod a+r), or run as a user who may read it"),
  ])
  func unreadableInput(_ denied: String, _ message: String, _ hint: String) throws {
    let inputs = try Self.deniedCopy(denied)
    defer {
      chmod("\(inputs)/\(denied)", 0o755)
      try? FileManager.default.removeItem(atPath: inputs)
    }
    let output = Bad.freshOutput()
    guard let result = try Self.runUnprivileged(["run", "--inputs", inputs, "--methodology", "tiny", "--output", output]) else {
      print("note: unreadableInput(\(denied)) not tested: running as root without /usr/bin/setpriv, and root reads a file of mode 000")
      return
    }
    let path = "\(inputs)/\(denied)"
    #expect(Bad.expectRefused(result, output: output) == "\(path): error: \(message)\n  hint: \(hint.replacingOccurrences(of: "{path}", with: path))\n")
  }
}
