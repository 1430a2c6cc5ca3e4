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

struct SHA256Tests {
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
  ])
  func knownDigests(input: String, expected: String) {
    #expect(SHA256.hex(Array(input.utf8)) == expected)
  }

  @Test func aMillionAs() {
    #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }
}
