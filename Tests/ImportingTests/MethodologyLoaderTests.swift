import CementModel
import Testing

@testable import Importing

/// Methodology files: the bundled study-2025, inheritance, and every kind of mistake a user
/// can make, each with the message it must produce.
struct MethodologyLoaderTests {
  /// A minimal complete methodology, as text.
  static let base = """
    name: base
    years: 2000-2002
    factor_set:
      name: P
      source: test
      fuels:
        coal: { ncv: 20.908 GJ/t, carbon_content: 26.37 tC/TJ, oxidation_rate: 0.94 }
        natural_gas: { ncv: 389.31 GJ/10^4 m3, carbon_content: 15.3 tC/TJ, oxidation_rate: 99% }
    electricity:
      grid_factor: 0.6101 tCO2/MWh
      source: assumed
      assumption: true
    process:
      emission_factor: 0.525 tCO2/t clinker
      source: CSI
      clinker: { method: cement-times-ratio, ratio: 1, source: study }
    allocation:
      share: 1
      source: study
    gap_filling: carry-forward
    copied_years: flag
    """

  /// A loader over an in-memory folder.
  static func loader(_ files: [String: String]) -> MethodologyLoader {
    MethodologyLoader(read: { path in
      guard let text = files[path] else { throw LoaderTestError.missing(path) }
      return text
    })
  }

  enum LoaderTestError: Error { case missing(String) }

  func error(_ yaml: String) -> MethodologyError? {
    #expect(throws: MethodologyError.self) { try Self.loader([:]).parse(yaml: yaml, file: "m.yaml") }
  }

  @Test func theBundledStudyMethodologyLoads() throws {
    let path = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
    let methodology = try MethodologyLoader(read: { try String(contentsOfFile: "/" + $0, encoding: .utf8) })
      .load(path: path + "/Inputs/methodologies/study-2025.yaml")
    #expect(methodology.name == "study-2025")
    #expect(methodology.years == 2000...2022)
    #expect(methodology.factorSet.fuels.count == 8)
    let coal = try #require(methodology.factorSet.fuels[.coal])
    #expect(coal.netCalorificValue == .perMass(Rate(20.908, .gigajoules, per: .tonnes)))
    #expect(methodology.process.emissionFactor.value.value(in: .tonnesCO2, per: .tonnes) == 0.525)
    #expect(methodology.electricity.isAssumption)
    #expect(methodology.stages.map(\.base) == [2000, 2009, 2013])
  }

  @Test func valuesAndUnitsAreRead() throws {
    let m = try Self.loader([:]).parse(yaml: Self.base, file: "m.yaml")
    let gas = try #require(m.factorSet.fuels[.naturalGas])
    #expect(gas.oxidationRate == Fraction(0.99))
    guard case .perVolume(let ncv) = gas.netCalorificValue else { Issue.record("expected a volume NCV"); return }
    #expect(abs(ncv.value(in: .gigajoules, per: .tenThousandCubicMetres) - 389.31) < 1e-9)
    #expect(m.electricity.gridFactor.value(for: 2001) == Rate(0.6101, .tonnesCO2, per: .megawattHours))
  }

  @Test func anUnknownKeyIsNamedWithTheAllowedOnes() throws {
    let e = try #require(error(Self.base.replacingOccurrences(of: "gap_filling:", with: "gap_filing:")))
    #expect(e.location.line == 20)
    #expect(e.message == "unknown key 'gap_filing' (did you mean 'gap_filling'?)")
    #expect(e.hint?.contains("allowed keys: name, title") == true)
  }

  @Test func aMissingKeyIsNamed() throws {
    let e = try #require(error(Self.base.replacingOccurrences(of: "copied_years: flag", with: "")))
    #expect(e.message == "missing key 'copied_years'")
    #expect(e.hint == "allowed values: flag, treat-as-gap")
  }

  @Test func aMistypedValueIsNamedWithTheAllowedValues() throws {
    let e = try #require(error(Self.base.replacingOccurrences(of: "gap_filling: carry-forward", with: "gap_filling: carry")))
    #expect(e.description == "m.yaml:20:14: error: unknown value 'carry' for 'gap_filling'\n  hint: allowed values: carry-forward, linear, none")
  }

  @Test func aFactorWithTheWrongUnitIsRefused() throws {
    let gasPerTonne = try #require(error(Self.base.replacingOccurrences(of: "389.31 GJ/10^4 m3", with: "389.31 GJ/t")))
    #expect(gasPerTonne.message == "'factor_set.fuels.natural_gas.ncv' is \"389.31 GJ/t\", a value per tonne, but Natural Gas is measured by volume")
    #expect(gasPerTonne.location.line == 8)

    let grid = try #require(error(Self.base.replacingOccurrences(of: "0.6101 tCO2/MWh", with: "0.6101 tCO2/GJ")))
    #expect(grid.message == "'electricity.grid_factor' has a unit this factor cannot take: \"tco2/gj\"")

    let bare = try #require(error(Self.base.replacingOccurrences(of: "26.37 tC/TJ", with: "26.37")))
    #expect(bare.message.contains("has no unit"))
  }

  @Test func anOxidationRateAboveOneIsRefused() throws {
    let e = try #require(error(Self.base.replacingOccurrences(of: "oxidation_rate: 0.94", with: "oxidation_rate: 94")))
    #expect(e.message == "'factor_set.fuels.coal.oxidation_rate' must lie between 0 and 1, found 94")
  }

  @Test func anUnknownFuelIsRefused() throws {
    let e = try #require(error(Self.base.replacingOccurrences(of: "coal: {", with: "coall: {")))
    #expect(e.message == "unknown key 'factor_set.fuels.coall' (did you mean 'coal'?)")
  }

  @Test func invalidYAMLGivesItsPosition() throws {
    let e = try #require(error("name: x\n  years: [2000\n"))
    #expect(e.location.line != nil)
    #expect(e.message.hasPrefix("not valid YAML"))
  }

  @Test func aRevisionInheritsAndOverrides() throws {
    let loader = Self.loader([
      "dir/base.yaml": Self.base,
      "dir/linear.yaml": "inherits: base\nname: linear\ngap_filling: linear\nelectricity:\n  grid_factor: { 2000: 0.8 tCO2/MWh, 2001: 0.7 tCO2/MWh, 2002: 0.6 tCO2/MWh }\n",
    ])
    let m = try loader.load(path: "dir/linear.yaml")
    #expect(m.name == "linear")
    #expect(m.gapFilling == .linear)
    #expect(m.files == ["dir/linear.yaml", "dir/base.yaml"])
    #expect(m.electricity.source == "assumed")  // inherited inside a merged mapping
    #expect(m.electricity.gridFactor.value(for: 2001) == Rate(0.7, .tonnesCO2, per: .megawattHours))
    #expect(m.factorSet.fuels.count == 2)
  }

  @Test func inheritanceLoopsAreRefused() throws {
    let loader = Self.loader(["a.yaml": "inherits: b\n", "b.yaml": "inherits: a\n"])
    let e = #expect(throws: MethodologyError.self) { try loader.load(path: "a.yaml") }
    #expect(e?.message.contains("loop: a.yaml → b.yaml → a.yaml") == true)
  }
}
