import CementModel
import Foundation
import Importing
import Testing

/// Fixture files next to the tests.
enum Fixture {
  static func bytes(_ name: String) throws -> [UInt8] {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    return Array(try Data(contentsOf: url))
  }
}

/// Equal to within rounding of the unit conversion.
func close(_ a: Double?, _ b: Double) -> Bool {
  guard let a else { return false }
  return abs(a - b) <= 1e-9 * max(1, abs(b))
}

/// The bytes of a table written in a test, as UTF-8.
func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

/// The error an import throws, for checking its place and wording.
func importError(_ body: () throws -> Void) -> ImportError? {
  do {
    try body()
    return nil
  } catch {
    return error as? ImportError
  }
}

extension IndustryEnergyRecord {
  /// The base-unit value (t, m³, MWh, GJ, tce) of a fuel's amount.
  func base(_ fuel: Fuel) -> Double? { values[fuel]?.value?.baseValue }
}
