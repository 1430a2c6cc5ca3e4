import Testing

@testable import CementModel

struct UnitTests {
  @Test func quantitiesConvertBetweenUnits() {
    let gas = Quantity<GasVolume>(1, .hundredMillionCubicMetres)
    #expect(gas.value(in: .tenThousandCubicMetres) == 10_000)
    #expect(Quantity<ElectricEnergy>(1, .hundredMillionKilowattHours).value(in: .megawattHours) == 100_000)
  }

  @Test func activityAmountsRefuseTheWrongDimension() {
    let coal = ActivityUnit(.tenThousandTonnes).amount(5)
    #expect(throws: UnitMismatch.self) { try coal.gasVolume() }
    #expect(throws: UnitMismatch.self) { try coal.adding(ActivityUnit(.megawattHours).amount(1)) }
    #expect((try? coal.mass())?.value(in: .tonnes) == 50_000)
  }

  @Test func fixedFormattingRoundsHalfAwayFromZero() {
    #expect(Format.fixed(2.5, 0) == "3")
    #expect(Format.fixed(-0.004, 2) == "0.00")
    #expect(Format.fixed(-1.25, 1) == "-1.3")
    #expect(Format.fixed(0.05, 3) == "0.050")
  }

  @Test func fixedFormattingWritesOutNumbersBeyondSixtyFourBits() {
    #expect(Format.fixed(1e20, 2) == "100000000000000000000.00")
    #expect(Format.fixed(-9.5e18, 0) == "-9500000000000000000")
    #expect(Format.fixed(1e300, 2) == "1e+300")
    #expect(Format.fixed(.infinity, 2) == "inf")
  }

  @Test func fixedLengthCountsWhatFixedWrites() {
    let values: [Double] = [
      0, -0.0, 0.004, -0.004, 0.005, -0.005, 0.05, 1, -1, 9.995, -9.995, 9.9949, 99.5, 999.5, 12_345.678, -12_345.678,
      0.123456, 1e15, 1e20, -9.5e18, 1e300, .infinity, -.infinity, .nan,
    ]
    for value in values {
      for decimals in 0...6 {
        #expect(Format.fixedLength(value, decimals) == Format.fixed(value, decimals).count, "\(value), \(decimals) decimals")
      }
    }
  }

  @Test func locationsPrintLikeACompiler() {
    #expect(SourceLocation(file: "a.csv", line: 3, column: 2).description == "a.csv:3:2")
    #expect(SourceLocation(file: "a.xlsx", cell: "Liaoning2013!B30").description == "a.xlsx!Liaoning2013!B30")
  }
}
