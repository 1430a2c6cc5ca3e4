import Foundation
import Testing

/// Bad CEADs workbooks: a truncated .xlsx, one whose sheet XML is damaged, and a
/// password-protected one (an encrypted OLE compound file, as Excel writes it). Each ends in one
/// message naming the workbook (and the sheet and cell where there is one), what was found, a
/// hint, exit status 1 and nothing written, from `run` and from `batch` alike.
///
/// The cases are folders under `Fixtures/bad-inputs/`: copies of `valid-ceads/` (the `valid/`
/// province `testland`, plus `ceads/provincial-energy-inventory-2001.xlsx` and a methodology
/// `tiny-ceads` that splices the yearbook tables onto it) with the workbook broken. The
/// workbooks are written by `Fixtures/bad-inputs/make-workbooks.py`.
@Suite(.serialized) struct WorkbookBadInputTests {
  typealias Bad = BadInputTests

  static let workbookName = "ceads/provincial-energy-inventory-2001.xlsx"

  /// The workbook of a case, as messages name it.
  static func workbook(_ fixture: String) -> String { "\(Bad.fixtures)/\(fixture)/\(workbookName)" }

  /// Runs `command` (`run` or `batch`) on a case and checks what every bad input must give:
  /// exit status 1 (not a signal), one `error:` on stderr, nothing on stdout and no output
  /// folder. Returns stderr.
  static func refuse(_ fixture: String, command: String = "run", sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let output = Bad.freshOutput()
    defer { try? FileManager.default.removeItem(atPath: output) }
    let province = command == "run" ? ["--province", "testland"] : []
    let result = try Bad.run(
      [command, "--inputs", "\(Bad.fixtures)/\(fixture)"] + province + ["--methodology", "tiny-ceads", "--output", output])
    return Bad.expectRefused(result, output: output, sourceLocation: sourceLocation)
  }

  static let refetchHint = "  hint: the download or copy was probably interrupted; fetch or copy the workbook again\n"

  /// The control: the intact workbook is read, spliced with the yearbook tables and written.
  @Test(arguments: ["run", "batch"]) func theValidWorkbookRuns(command: String) throws {
    let output = Bad.freshOutput()
    defer { try? FileManager.default.removeItem(atPath: output) }
    let province = command == "run" ? ["--province", "testland"] : []
    let result = try Bad.run(
      [command, "--inputs", "\(Bad.fixtures)/valid-ceads"] + province + ["--methodology", "tiny-ceads", "--output", output])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty, "\(result.stderr)")
    let csv = try String(contentsOfFile: output + "/testland/tiny-ceads/emissions.csv", encoding: .utf8)
    #expect(csv.split(separator: "\n").count == 1 + 3 * 5)
    // 2001 comes from the workbook, whose coal is the sum of its coal types (Raw_Coal); the other years are spliced on.
    #expect(csv.contains("\ntestland,tiny-ceads,2001,combustion,coal,10262199.075565431,summed-components\n"), "\(csv)")
    #expect(csv.contains("\ntestland,tiny-ceads,2000,combustion,coal,10650599.256972814,spliced\n"), "\(csv)")
    let report = try String(contentsOfFile: output + "/testland/tiny-ceads/report.md", encoding: .utf8)
    #expect(report.contains("provincial-energy-inventory-2001.xlsx"), "the workbook is not among the report's inputs")
  }

  /// The second half of the file is missing, with the ZIP central directory.
  @Test(arguments: ["run", "batch"]) func aTruncatedWorkbook(command: String) throws {
    #expect(try Self.refuse("workbook-truncated", command: command) == """
      \(Self.workbook("workbook-truncated")): error: the file is truncated or damaged (its ZIP central directory is missing or unreadable)

      """ + Self.refetchHint)
  }

  /// Cell C4 of sheet Testland2001 (coke, in the industry row) lacks its `</v>`.
  @Test(arguments: ["run", "batch"]) func aWorkbookWithADamagedSheet(command: String) throws {
    #expect(try Self.refuse("workbook-damaged-sheet", command: command) == """
      \(Self.workbook("workbook-damaged-sheet"))!Testland2001!C4: error: xl/worksheets/sheet2.xml is not well-formed XML: \
      </c> where </v> was expected (byte 1029)
        hint: the workbook is damaged or was written by a faulty program; open it in Excel or LibreOffice and save it again

      """)
  }

  /// A real encrypted workbook (ECMA-376 agile encryption, password `testland`): an OLE
  /// compound file, `D0 CF 11 E0 …`, holding EncryptionInfo and EncryptedPackage.
  @Test(arguments: ["run", "batch"]) func aPasswordProtectedWorkbook(command: String) throws {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.workbook("workbook-encrypted"), relativeTo: CLITests.repository))
    #expect(Array(bytes.prefix(8)) == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    #expect(try Self.refuse("workbook-encrypted", command: command) == """
      \(Self.workbook("workbook-encrypted")): error: the workbook is password-protected \
      (it is an encrypted OLE compound file, not a ZIP archive)
        hint: open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password) and save it

      """)
  }
}
