import CementModel
import Foundation
import Importing
import Testing

/// Inputs the fuzzer (`scripts/fuzz.sh`, target FuzzCSVImport) once crashed or hung on, kept in
/// `Fixtures/Fuzz/`: each must now end, quickly, in a table or an `ImportError`, whichever way
/// it is read. To keep a new one, copy the crasher into that folder with a name saying what it is.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
  static let fixtures: [String] = {
    guard let folder = Bundle.module.url(forResource: "Fuzz", withExtension: nil, subdirectory: "Fixtures"),
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
    else { return [] }
    return names.sorted()
  }()

  @Test func fixturesArePresent() {
    #expect(Self.fixtures.contains("timeout-gb18030-private-use-cell.csv"))
  }

  @Test(.timeLimit(.minutes(1)), arguments: fixtures)
  func importsOrThrows(_ name: String) throws {
    let bytes = try Fixture.bytes("Fuzz/" + name)
    let importer = YearbookImporter()
    let file = "Fuzz/" + name
    for read in [
      { _ = try importer.importTable(bytes, file: file) },
      { _ = try importer.importEnergyTable(bytes, file: file) },
      { _ = try importer.importProductsTable(bytes, file: file) },
    ] as [() throws -> Void] {
      do {
        try read()
      } catch let error as ImportError {
        #expect(error.location.file == file)
        #expect(!error.message.isEmpty)
      }
    }
  }

  /// The first finding: a private-use character decoded from GB18030 (`A3 9E` is U+E5E3) in a
  /// one-cell table hung the label reader (found against an in-progress TextForms; kept so
  /// that it never comes back).
  @Test(.timeLimit(.minutes(1)))
  func gb18030PrivateUseCellIsNeitherKindOfTable() throws {
    let bytes: [UInt8] = [0xA3, 0x9E, 0x31]
    let error = try #require(importError { _ = try YearbookImporter().importTable(bytes, file: "x.csv") })
    #expect(error.message.hasPrefix("neither an energy-by-industry table nor a products table"))
    #expect(try TextDecoding.decode(bytes, file: "x.csv") == DecodedText(text: "\u{E5E3}1", encoding: "GB18030"))
  }
}
