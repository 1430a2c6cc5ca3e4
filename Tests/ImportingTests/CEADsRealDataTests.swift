import CementModel
import Dispatch
import Foundation
import Importing
import Testing

/// The real CEADs workbooks (domain.md §5), read where the project's data are; skipped, and
/// reported as skipped, on machines without them.
@Suite("CEADs real data", .enabled(if: CEADsData.available, "needs the CEADs workbooks in \(CEADsData.directory)"))
struct CEADsRealDataTests {
  let importer = CEADsImporter()

  /// Liaoning's `Nonmetal Mineral Products` row of 2013 as domain.md §5 lists it, in reporting
  /// units (10⁴ t; gases 10⁸ m³; electricity 10⁸ kWh), with the cell each is in.
  static let liaoning2013: [(fuel: Fuel, value: Double, cell: String)] = [
    ("raw_coal", 226.76, "B30"), ("cleaned_coal", 25.02, "C30"), (.coke, 381.35, "F30"), ("other_gas", 31.39, "H30"),
    (.gasoline, 3.75, "K30"), (.dieselOil, 21.47, "M30"), (.fuelOil, 13.42, "N30"), ("lpg", 3.49, "O30"),
    (.naturalGas, 9.82, "R30"), (.electricity, 151.54, "T30"),
  ]

  @Test func liaoning2013MatchesDomainNotes() throws {
    let path = CEADsData.energyInventory(2013)
    let result = try importer.importEnergyInventory(path: path)
    let liaoning = try #require(result["liaoning"])
    let record = try #require(liaoning.energy.first)
    #expect(liaoning.energy.count == 1)
    #expect(record.year == 2013)
    #expect(record.industryLabel == "Nonmetal Mineral Products")
    #expect(record.location.description == "\(path)!Liaoning2013!A30")
    #expect(record.values.count == 20)
    for (fuel, value, cell) in Self.liaoning2013 {
      let traced = try #require(record.values[fuel], "no \(fuel)")
      let amount = try #require(traced.value, "\(fuel) not available")
      #expect(abs(amount.reportingValue - value) < 0.005, "\(fuel): \(amount.reportingValue) vs \(value)")
      let source = try #require(traced.sources.first)
      #expect(source.location.description == "\(path)!Liaoning2013!\(cell)")
      #expect(source.location.description.hasSuffix("provincial-energy-inventory-2013.xlsx!Liaoning2013!\(cell)"))
      #expect(Double(source.originalText).map { abs($0 - value) < 0.005 } == true, "\(source.originalText)")
    }
    #expect(record.values[.naturalGas]?.sources.first?.originalUnit == "10^8 cu.m")
    #expect(record.values[.electricity]?.sources.first?.originalUnit == "10^8 kwh")
    #expect(record.values[.naturalGas]?.value?.dimension == .gasVolume)
    #expect(record.values[.electricity]?.value?.dimension == .electricity)
    #expect(liaoning.findings.isEmpty)
  }

  @Test func theFileNameAloneCanBeRecorded() throws {
    let result = try importer.importEnergyInventory(
      path: CEADsData.energyInventory(2013), file: "provincial-energy-inventory-2013.xlsx")
    let coke = try #require(result["liaoning"]?.energy.first?.values[.coke])
    #expect(coke.sources.first?.location.description == "provincial-energy-inventory-2013.xlsx!Liaoning2013!F30")
  }

  @Test(arguments: 2011...2022)
  func allThirtyProvincesAreFoundInEveryYear(year: Int) throws {
    let result = try importer.importEnergyInventory(path: CEADsData.energyInventory(year))
    #expect(Set(result.provinceIDs) == CEADsData.provinces)
    #expect(result.provinces.count == 30)
    #expect(result.findings.isEmpty)
    for province in result.provinces {
      #expect(province.energy.map(\.year) == [year], "\(province.province)")
      #expect(province.energy.first?.values.count == 20, "\(province.province)")
      // Only notes (the 2021–2022 heat unit written `1010 kj`), no warnings.
      #expect(province.findings.allSatisfy { $0.severity == .note && $0.check == "unit-spelling" }, "\(province.findings)")
      #expect(province.energy.first?.values["heat"]?.value?.dimension == .heat)
    }
  }

  @Test func theTotalFinalConsumptionRowCanBeRead() throws {
    let rows = try importer.importSectorRows(labelled: "Total Final Consumption", path: CEADsData.energyInventory(2013))
    #expect(Set(rows.keys) == CEADsData.provinces)
    let total = try #require(rows["liaoning"]?.first)
    #expect(total.location.cell == "Liaoning2013!A3")
    #expect(abs((total.values[.coke]?.value?.reportingValue ?? 0) - 3194.48) < 0.005)
  }

  /// domain.md §1: the study's Liaoning cement output for 2013 is 6029.97 × 10⁴ t.
  @Test func theDerivedCementOutputOfLiaoning2013MatchesTheStudy() throws {
    let path = CEADsData.apparentInventory
    let result = try importer.importApparentInventoryCement(path: path, factor: 0.2906)
    #expect(Set(result.provinceIDs) == CEADsData.provinces)
    #expect(result.findings.isEmpty)
    for province in result.provinces {
      #expect(province.products.map(\.year) == Array(1997...2022), "\(province.province)")
    }
    let record = try #require(result["liaoning"]?.products.first { $0.year == 2013 })
    let output = try #require(record.output.value)
    #expect(abs(output.value(in: .tenThousandTonnes) - 6029.97) < 0.01, "\(output.value(in: .tenThousandTonnes))")
    #expect(record.output.flags == [.derived])
    #expect(record.output.sources.first?.location.description == "\(path)!2013!H5")
    #expect(record.output.sources.first?.originalUnit == "Mt 百万吨")
    #expect(record.output.steps.last?.hasPrefix("derived: cement process CO₂ 17.52 Mt ÷ 0.2906 t/t (CEADs apparent inventory)") == true)
    // 2000 too: the study's 1954.87 × 10⁴ t.
    let output2000 = try #require(result["liaoning"]?.products.first { $0.year == 2000 }?.output.value)
    #expect(abs(output2000.value(in: .tenThousandTonnes) - 1954.87) < 0.01)
  }
}

/// A benchmark, not a test: it asserts nothing about time and runs only when asked.
///
///     CEADS_BENCHMARK=1 swift test -c release --scratch-path .build-ceads --filter ImportingTests.CEADsBenchmark
///
/// It prints the thread CPU time and wall time (best of 5) to import the 12 energy
/// inventories one after the other on one thread, and the apparent inventory.
@Suite(
  "CEADs import benchmark",
  .enabled(if: ProcessInfo.processInfo.environment["CEADS_BENCHMARK"] != nil && CEADsData.available, "set CEADS_BENCHMARK=1 to run"))
struct CEADsBenchmark {
  static func measure(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    var start = timespec(), end = timespec()
    let wallStart = DispatchTime.now().uptimeNanoseconds
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
    try body()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
    let wall = Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9
    return (wall, Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9)
  }

  @Test func timings() throws {
    let importer = CEADsImporter()
    let files = (2011...2022).map(CEADsData.energyInventory)
    var sheets = 0
    _ = try importer.importEnergyInventory(path: files[0])  // warm the page cache and the code
    let energy = try (0..<5).map { _ in
      try Self.measure {
        sheets = 0
        for file in files { sheets += try importer.importEnergyInventory(path: file).provinces.count }
      }
    }
    let apparent = try (0..<5).map { _ in
      try Self.measure { _ = try importer.importApparentInventoryCement(path: CEADsData.apparentInventory, factor: 0.2906) }
    }
    print(
      String(
        format: "CEADs import: 12 energy inventories (%d province sheets) %.1f ms CPU, %.1f ms wall; apparent inventory %.1f ms CPU, %.1f ms wall (best of 5, one thread)",
        sheets, energy.map(\.cpu).min()! * 1000, energy.map(\.wall).min()! * 1000, apparent.map(\.cpu).min()! * 1000,
        apparent.map(\.wall).min()! * 1000))
  }
}
