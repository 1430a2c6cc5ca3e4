import Foundation
import Testing
import XLSXReading

/// The real CEADs energy inventory (domain.md §5), read where the project's data are;
/// skipped, and reported as skipped, on machines without them.
@Suite(.enabled(if: ceadsAvailable, "needs the CEADs workbooks in \(ceadsDirectory)"))
struct CEADsTests {
  @Test func theEnergyInventory2013HasANoteSheetAndThirtyProvinces() throws {
    let reader = try XLSXWorkbookReader(path: ceads2013Path)
    #expect(reader.sheetNames.first == "NOTE")
    #expect(reader.sheetNames.count == 31)
    #expect(reader.sheetNames.dropFirst().allSatisfy { $0.hasSuffix("2013") })
    #expect(reader.sheetNames.contains("Liaoning2013"))
  }

  /// Liaoning's `Nonmetal Mineral Products` row, 2013, as domain.md §5 lists it
  /// (10⁴ t; gases 10⁸ m³; electricity 10⁸ kWh).
  @Test func liaoningNonmetalMineralProducts2013() throws {
    let sheet = try XLSXWorkbookReader(path: ceads2013Path).sheet(named: "Liaoning2013")
    #expect(sheet[0, 0] == .text("Energy_inventory"))
    let header = sheet.row(0).map { $0?.textValue }
    #expect(header.count == 21)
    let row = try #require(
      (0..<sheet.rowCount).first { sheet[$0, 0] == .text("Nonmetal Mineral Products") },
      "no row named Nonmetal Mineral Products in column A")
    let expected: [(String, Double)] = [
      ("Raw_Coal", 226.76), ("Cleaned_Coal", 25.02), ("Coke", 381.35), ("Other_Gas", 31.39), ("Gasoline", 3.75),
      ("Diesel_Oil", 21.47), ("Fuel_Oil", 13.42), ("LPG", 3.49), ("Natural_Gas", 9.82), ("Electricity", 151.54),
    ]
    for (fuel, value) in expected {
      let column = try #require(header.firstIndex(of: fuel), "no column \(fuel) in the header row")
      let cell = try #require(sheet[row, column]?.numberValue, "\(fuel) is not a number")
      #expect(abs(cell - value) < 0.005, "\(fuel) at \(sheet.cellReference(row: row, column: column))")
    }
    #expect(sheet[1, 1] == .text("10^4 ton"))
  }

  @Test func everyProvinceSheetOfEveryYearReads() throws {
    let folder = "\(ceadsDirectory)/energy-inventory"
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xlsx") }.sorted()
    #expect(files.count == 12)
    for file in files {
      let reader = try XLSXWorkbookReader(path: "\(folder)/\(file)")
      for name in reader.sheetNames.dropFirst() {
        let sheet = try reader.sheet(named: name)
        #expect(sheet[0, 1] == .text("Raw_Coal"), "\(file) \(name)")
        #expect(sheet.rowCount >= 49, "\(file) \(name)")
      }
    }
  }
}
