import CementModel
import Testing

@testable import Importing

/// The keys added for CEADs and splicing — `time_series`, `cement_output` and `checks` — and
/// the message each kind of mistake in them must produce: file:line:column, what is wrong, and
/// a hint with the allowed keys or values.
struct MethodologySeriesLoaderTests {
  /// `MethodologyLoaderTests.base` is 21 lines long; what `with` appends starts on line 22.
  static func yaml(with section: String) -> String { MethodologyLoaderTests.base + "\n" + section }

  func error(_ section: String) -> MethodologyError? {
    #expect(throws: MethodologyError.self) { try MethodologyLoaderTests.loader([:]).parse(yaml: Self.yaml(with: section), file: "m.yaml") }
  }

  func load(_ section: String) throws -> Methodology {
    try MethodologyLoaderTests.loader([:]).parse(yaml: Self.yaml(with: section), file: "m.yaml")
  }

  /// The series `time_series.series` and a surrogate's `by` accept: the products, then every
  /// fuel id of the standard catalogue in its order (Sources/CementModel/Fuels.swift).
  static let seriesNames =
    "cement, clinker, coal, coke, crude_oil, gasoline, kerosene, diesel_oil, fuel_oil, natural_gas, electricity, raw_coal, "
    + "cleaned_coal, other_washed_coal, briquettes, coke_oven_gas, other_gas, other_coking_products, lpg, refinery_gas, "
    + "other_petroleum_products, lng, heat, other_energy, total_energy"

  // MARK: - The sections read as written

  @Test func theThreeSectionsAreRead() throws {
    let m = try load(
      """
      time_series:
        primary: ceads
        methods: [{ method: overlap, years: 2011-2013 }, carry-forward]
        series:
          cement: [linear, { method: trend, window: 3 }]
          lpg: [{ method: surrogate, by: cement, window: 2 }]
        source: IPCC
      cement_output:
        derive_from: ceads-apparent-inventory
        process_factor: 290.6 kgCO2/t cement
        source: CEADs
      checks:
        parts_tolerance: 1%
        jump: 0.5
        standard_coal: { coal: 0.7143 kgce/kg, natural_gas: 1.33 kgce/m3, electricity: 0.1229 kgce/kWh }
      """)
    let series = m.timeSeries
    #expect(series.primary == "ceads")
    #expect(series.methods == [.overlap(years: 2011...2013), .carryForward])
    #expect(series.series[.product(.cement)] == [.linear, .trend(window: 3)])
    #expect(series.series[.fuel("lpg")] == [.surrogate(.product(.cement), window: 2)])
    #expect(series.source == "IPCC")
    let derivation = try #require(m.cementDerivation)
    #expect(abs(derivation.processFactor.value - 0.2906) < 1e-15)  // 290.6 kg = 0.2906 t
    #expect(derivation.processFactor.source == "CEADs")
    #expect(m.checks.partsTolerance == 0.01)
    #expect(m.checks.jump == 0.5)
    #expect(m.checks.standardCoal[.coal] == 0.7143)
    #expect(abs((m.checks.standardCoal[.naturalGas] ?? 0) - 1.33e-3) < 1e-15)  // tce per m³
  }

  // MARK: - Unknown sub-keys

  @Test func anUnknownTimeSeriesKeyIsNamed() throws {
    let e = try #require(error("time_series:\n  primery: ceads\n  methods: [carry-forward]\n"))
    #expect(
      e.description == """
        m.yaml:23:3: error: unknown key 'time_series.primery' (did you mean 'primary'?)
          hint: allowed keys in 'time_series': primary, methods, series, source
        """)
  }

  @Test func anUnknownCementOutputKeyIsNamed() throws {
    let e = try #require(error("cement_output:\n  derive_from: ceads-apparent-inventory\n  proces_factor: 0.2906 tCO2/t cement\n  source: CEADs\n"))
    #expect(
      e.description == """
        m.yaml:24:3: error: unknown key 'cement_output.proces_factor' (did you mean 'process_factor'?)
          hint: allowed keys in 'cement_output': derive_from, process_factor, source, assumption
        """)
  }

  @Test func anUnknownChecksKeyIsNamed() throws {
    let e = try #require(error("checks:\n  parts_tolerance: 0.01\n  jumps: 0.5\n"))
    #expect(
      e.description == """
        m.yaml:24:3: error: unknown key 'checks.jumps' (did you mean 'jump'?)
          hint: allowed keys in 'checks': parts_tolerance, jump, standard_coal, source
        """)
  }

  @Test func anUnknownKeyInAMethodMappingIsNamed() throws {
    let e = try #require(error("time_series:\n  methods: [{ method: trend, windw: 3 }]\n"))
    #expect(e.message == "unknown key 'time_series.methods[1].windw' (did you mean 'window'?)")
    #expect(e.hint == "allowed keys in 'time_series.methods[1]': method, years, by, window")
    #expect(e.location.line == 23)
  }

  // MARK: - Mistyped method names

  @Test func aMistypedMethodInAListIsNamedWithTheAllowedOnes() throws {
    let e = try #require(error("time_series:\n  methods: [overlap, carry-foward]\n"))
    // `carry-foward` starts at column 22 of `  methods: [overlap, carry-foward]`.
    #expect(
      e.description == """
        m.yaml:23:22: error: unknown time-series method 'carry-foward' in 'time_series.methods[2]'
          hint: allowed: carry-forward, linear, overlap, surrogate, trend
        """)
  }

  @Test func aMistypedMethodAloneIsNamed() throws {
    let e = try #require(error("time_series:\n  methods: interpolate\n"))
    #expect(
      e.description == """
        m.yaml:23:12: error: unknown time-series method 'interpolate' in 'time_series.methods'
          hint: allowed: carry-forward, linear, overlap, surrogate, trend
        """)
  }

  @Test func aMistypedMethodInAMappingPointsAtItsName() throws {
    let e = try #require(error("time_series:\n  series:\n    cement: [linear, { method: trnd, window: 3 }]\n"))
    // `trnd` starts at column 32 of `    cement: [linear, { method: trnd, window: 3 }]`.
    #expect(
      e.description == """
        m.yaml:24:32: error: unknown time-series method 'trnd' in 'time_series.series.cement[2]'
          hint: allowed: carry-forward, linear, overlap, surrogate, trend
        """)
  }

  @Test func anEmptyMethodListIsRefused() throws {
    let e = try #require(error("time_series:\n  methods: []\n"))
    #expect(e.message == "'time_series.methods' must name at least one method")
    #expect(e.location.line == 23)
  }

  @Test func aWindowBelowOneIsRefused() throws {
    let e = try #require(error("time_series:\n  methods: [{ method: trend, window: 0 }]\n"))
    #expect(e.message == "'time_series.methods[1].window' must be 1 or more, found 0")
  }

  // MARK: - Unknown series

  @Test func anUnknownSeriesIsNamedWithTheAllowedOnes() throws {
    let e = try #require(error("time_series:\n  series:\n    cemnt: [linear]\n"))
    #expect(
      e.description == """
        m.yaml:24:5: error: unknown key 'time_series.series.cemnt' (did you mean 'cement'?)
          hint: allowed keys in 'time_series.series': \(Self.seriesNames)
        """)
  }

  @Test func aSurrogateByAnUnknownSeriesIsNamed() throws {
    let e = try #require(error("time_series:\n  series:\n    lpg: [{ method: surrogate, by: cemnt }]\n"))
    // `cemnt` starts at column 36 of `    lpg: [{ method: surrogate, by: cemnt }]`.
    #expect(
      e.description == """
        m.yaml:24:36: error: unknown series 'cemnt' for 'time_series.series.lpg[1].by'
          hint: allowed: \(Self.seriesNames)
        """)
  }

  @Test func aSurrogateWithoutASeriesIsRefused() throws {
    let e = try #require(error("time_series:\n  methods: [{ method: surrogate }]\n"))
    #expect(e.message == "'time_series.methods[1]': the surrogate method needs the series to scale by")
    #expect(e.hint == "write { method: surrogate, by: cement } (any product or fuel id)")
  }

  // MARK: - cement_output

  @Test func aProcessFactorWithTheWrongUnitIsRefused() throws {
    let perMWh = try #require(error("cement_output:\n  derive_from: ceads-apparent-inventory\n  process_factor: 0.2906 tCO2/MWh\n  source: CEADs\n"))
    // The value starts at column 19 of `  process_factor: 0.2906 tCO2/MWh`.
    #expect(
      perMWh.description == """
        m.yaml:24:19: error: 'cement_output.process_factor' has a unit this factor cannot take: "tco2/mwh"
          hint: accepted units: tCO2/t cement, kgCO2/t cement
        """)

    // CEADs' 0.2906 is per tonne of cement; a per-clinker factor cannot derive cement output.
    let perClinker = try #require(error("cement_output:\n  derive_from: ceads-apparent-inventory\n  process_factor: 0.2906 tCO2/t clinker\n  source: CEADs\n"))
    #expect(perClinker.message == "'cement_output.process_factor' has a unit this factor cannot take: \"tco2/tclinker\"")

    let bare = try #require(error("cement_output:\n  derive_from: ceads-apparent-inventory\n  process_factor: 0.2906\n  source: CEADs\n"))
    #expect(bare.message == "'cement_output.process_factor' has no unit: write it like '0.2906 tCO2/t cement'")
    #expect(bare.hint == "every factor states its unit")
  }

  @Test func aZeroProcessFactorIsRefused() throws {
    let e = try #require(error("cement_output:\n  derive_from: ceads-apparent-inventory\n  process_factor: 0 tCO2/t cement\n  source: CEADs\n"))
    #expect(e.message == "'cement_output.process_factor' must be a positive factor, found 0.0")
  }

  @Test func anUnknownDerivationSourceIsNamed() throws {
    let e = try #require(error("cement_output:\n  derive_from: ceads\n  process_factor: 0.2906 tCO2/t cement\n  source: CEADs\n"))
    #expect(
      e.description == """
        m.yaml:23:16: error: unknown value 'ceads' for 'cement_output.derive_from'
          hint: allowed values: ceads-apparent-inventory
        """)
  }

  @Test func aCementOutputWithoutItsSourceIsRefused() throws {
    let e = try #require(error("cement_output:\n  derive_from: ceads-apparent-inventory\n  process_factor: 0.2906 tCO2/t cement\n"))
    #expect(e.message == "missing key 'cement_output.source'")
  }

  // MARK: - checks

  @Test func aStandardCoalCoefficientOfTheWrongDimensionIsRefused() throws {
    let e = try #require(error("checks:\n  standard_coal: { natural_gas: 0.7143 kgce/kg }\n"))
    #expect(e.message == "'checks.standard_coal.natural_gas' is per mass, but the fuel is measured as gas-volume")
    #expect(e.hint == "solids and liquids: kgce/kg; gases: kgce/m3; electricity: kgce/kWh; heat: kgce/MJ")
  }

  @Test func aStandardCoalCoefficientForAnUnknownFuelIsNamed() throws {
    let e = try #require(error("checks:\n  standard_coal: { coall: 0.7143 kgce/kg }\n"))
    #expect(e.message == "unknown key 'checks.standard_coal.coall' (did you mean 'coal'?)")
  }

  @Test func aJumpThresholdMustBePositive() throws {
    let e = try #require(error("checks:\n  jump: -0.5\n"))
    #expect(e.description == "m.yaml:23:9: error: 'checks.jump' must be a positive number, found \"-0.5\"")
  }

  @Test func aPartsToleranceAboveOneIsRefused() throws {
    let e = try #require(error("checks:\n  parts_tolerance: 5\n"))
    #expect(e.message == "'checks.parts_tolerance' must lie between 0 and 1, found 5")
  }

  // MARK: - The bundled files that use the keys

  @Test func theBundledCEADsMethodologiesLoad() throws {
    let folder = "/" + #filePath.split(separator: "/").dropLast(3).joined(separator: "/") + "/Inputs/methodologies"
    let loader = MethodologyLoader(read: { try String(contentsOfFile: $0, encoding: .utf8) })
    let provincial = try loader.load(path: folder + "/ceads-provincial.yaml")
    #expect(provincial.files == [folder + "/ceads-provincial.yaml", folder + "/study-2025.yaml"])
    #expect(provincial.years == 2011...2022)
    #expect(provincial.cementDerivation?.processFactor.value == 0.2906)
    #expect(provincial.timeSeries.series[.product(.cement)] == [.linear, .trend(window: 3)])
    #expect(provincial.checks.jump == 0.5)
    // The CEADs fuels are added to set P's eight, which are inherited.
    #expect(provincial.factorSet.fuels.count == 8 + 7)
    let spliced = try loader.load(path: folder + "/study-2025-spliced.yaml")
    #expect(spliced.timeSeries.primary == "ceads")
    #expect(spliced.timeSeries.methods == [.overlap(years: 2011...2013), .carryForward])
    #expect(spliced.cementDerivation == nil)
  }
}
