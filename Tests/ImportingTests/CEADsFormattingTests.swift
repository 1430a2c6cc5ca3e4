import Testing

@testable import Importing

/// The CEADs importer formats the base amount of every value itself, for speed; it must write
/// exactly what the yearbook importer's `CellTracer.grouped` writes.
@Suite("CEADs importer: amounts in steps")
struct CEADsFormattingTests {
  @Test func edgeCasesAreWrittenAsTheYearbookImporterWritesThem() {
    let values: [Double] = [
      0, 1, 10, 999, 1000, 2_267_600, 2_267_611.8459471232, 15_154_000, 0.5, 0.000_000_4, 0.000_000_5, 0.000_000_6,
      0.000_001, 0.0078125,  // 7812.5 millionths: a tie, to even
      0.0234375, 2.5e-7, 1.5e-6, 123_456.000_000_5, 9_999_999_999_999, 1e13, 1e15, 5e-324, 2.2250738585072014e-308,
      0.1, 0.2, 0.3, 1 / 3, 2 / 3, 12_345_678.9, 4_503_599_627_370_495.5, -1, -0.000_000_1,
    ]
    for value in values {
      #expect(CEADsCells.grouped(value) == CellTracer.grouped(value), "\(value)")
    }
  }

  @Test func randomValuesOfEveryScaleAreWrittenAsTheYearbookImporterWritesThem() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let scale = Double.random(in: -9...13, using: &generator)
      let value = Double.random(in: 0...1, using: &generator) * pow10(scale)
      #expect(CEADsCells.grouped(value) == CellTracer.grouped(value), "\(value)")
    }
    // Numbers as CEADs writes them, in units of 10⁴, 10⁵ and 10⁸.
    for _ in 0..<20_000 {
      let written = (Double.random(in: 0...100_000, using: &generator) * 100).rounded() / 100
      for toBase in [1e4, 1e5, 1e8] {
        #expect(CEADsCells.grouped(written * toBase) == CellTracer.grouped(written * toBase), "\(written) × \(toBase)")
      }
    }
  }

  private func pow10(_ exponent: Double) -> Double {
    var result = 1.0
    let whole = Int(exponent.rounded(.down))
    for _ in 0..<abs(whole) { result = whole < 0 ? result / 10 : result * 10 }
    return result * (1 + (exponent - Double(whole)) * 9)
  }
}
