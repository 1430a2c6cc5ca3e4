import Accounting
import CementModel
import Foundation
import Pipeline
import Testing

/// Liaoning accounted through the public `Pipeline` API from the real CEADs workbooks
/// (`../shared/data/ceads`, domain.md §5), against figures computed here by hand; skipped,
/// and reported as skipped, where the workbooks are absent.
enum CEADsInputs {
  static let folder = URL(fileURLWithPath: BundledRun.repository).appendingPathComponent("../shared/data/ceads").standardizedFileURL.path
  static let available =
    FileManager.default.fileExists(atPath: folder + "/energy-inventory/provincial-energy-inventory-2013.xlsx")
    && FileManager.default.fileExists(atPath: folder + "/apparent-emission-inventory-1997-2022.xlsx")

  /// The account of Liaoning under `methodology`: the bundled inputs with the CEADs folder beside them.
  static func account(_ methodology: String, inputs: String = BundledRun.repository + "/Inputs") throws -> Account {
    let pipeline = Pipeline(inputs: inputs, ceads: folder)
    let m = try pipeline.methodology(methodology)
    let combined = try Pipeline.combine(try pipeline.importYearbook("liaoning"), ceads: try pipeline.ceads(for: [m]), province: "liaoning", methodology: m)
    return try Pipeline.account(combined, methodology: m)
  }

  static func relativeDifference(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(a), abs(b), 1e-300) }

  /// The activity behind an entry (fuel use, electricity or clinker) and its trace.
  static func trace(_ entry: EmissionEntry) -> (steps: [String], flags: Set<Flag>) {
    switch entry.calculation {
    case .combustion(let fc, _, _, _): (fc.steps, fc.flags)
    case .electricity(let e, _): (e.steps, e.flags)
    case .process(let c, _): (c.steps, c.flags)
    }
  }
}

@Suite("Liaoning accounts on the CEADs workbooks", .enabled(if: CEADsInputs.available, "needs the CEADs workbooks in \(CEADsInputs.folder)"))
struct CEADsAccountTests {
  /// Liaoning 2013 under ceads-provincial, t CO₂, from row 30 of sheet Liaoning2013 of
  /// provincial-energy-inventory-2013.xlsx (the cells' full values; domain.md §5 gives them to
  /// two decimals) and H5 of sheet 2013 of apparent-emission-inventory-1997-2022.xlsx.
  /// Combustion: 10⁴ t × 10⁴ × NCV (GJ/t) × CC (t C/TJ) × 10⁻³ × OF × 44/12; gases 10⁸ m³ × 10⁴
  /// (→ 10⁴ m³) × NCV (GJ/10⁴ m³) × …; electricity 10⁸ kWh × 10⁵ (→ MWh) × 0.6101 t CO₂/MWh;
  /// process: Mt × 10⁶ ÷ 0.2906 t CO₂/t cement × ratio 1 × 0.525 t CO₂/t.
  static let expected2013: [String: Double] = [
    "raw_coal": 226.76118459471232 * 1e4 * 20.908 * 26.37e-3 * 0.94 * 44 / 12,  // set P coal
    "cleaned_coal": 25.021375573917943 * 1e4 * 26.334 * 25.41e-3 * 0.90 * 44 / 12,  // GB/T 32151
    "other_washed_coal": 4.9683027683499006 * 1e4 * 12.545 * 25.41e-3 * 0.90 * 44 / 12,
    "briquettes": 2.7871794010366679 * 1e4 * 17.460 * 33.6e-3 * 0.90 * 44 / 12,
    "coke": 381.35005693969953 * 1e4 * 28.435 * 29.5e-3 * 0.93 * 44 / 12,  // set P
    "coke_oven_gas": 6.733120420691685E-2 * 1e4 * 179.81 * 13.58e-3 * 0.99 * 44 / 12,
    "crude_oil": 2.3390349329059063E-4 * 1e4 * 41.816 * 20.1e-3 * 0.98 * 44 / 12,
    "gasoline": 3.746661064131521 * 1e4 * 43.070 * 18.9e-3 * 0.98 * 44 / 12,
    "kerosene": 0.02 * 1e4 * 43.070 * 19.6e-3 * 0.98 * 44 / 12,
    "diesel_oil": 21.474983238180378 * 1e4 * 42.652 * 20.2e-3 * 0.98 * 44 / 12,
    "fuel_oil": 13.422088727851174 * 1e4 * 41.816 * 21.1e-3 * 0.98 * 44 / 12,
    "lpg": 3.4896108256203515 * 1e4 * 50.179 * 17.2e-3 * 0.98 * 44 / 12,
    "refinery_gas": 0.46859603970796787 * 1e4 * 45.998 * 18.2e-3 * 0.99 * 44 / 12,
    "natural_gas": 9.8239356254572048 * 1e4 * 389.31 * 15.3e-3 * 0.99 * 44 / 12,
    "electricity": 151.53729226744838 * 1e5 * 0.6101,
    "calcination": 17.523092820000002 * 1e6 / 0.2906 * 1 * 0.525,
  ]

  @Test func liaoning2013UnderCEADsProvincialMatchesTheHandComputation() throws {
    let account = try CEADsInputs.account("ceads-provincial", inputs: CEADsInputs.folder)
    #expect(account.years.map(\.year) == Array(2011...2022))
    let year = try #require(account[2013])
    #expect(Set(year.entries.map(\.source)) == Set(Self.expected2013.keys))
    for (source, expected) in Self.expected2013 {
      let value = try #require(year.emissions(of: source), "\(source)").value(in: .tonnesCO2)
      #expect(CEADsInputs.relativeDifference(value, expected) <= 1e-9, "2013 \(source): account \(value), by hand \(expected)")
    }
    let hand = Self.expected2013
    let combustion = hand.filter { !["electricity", "calcination"].contains($0.key) }.values.reduce(0, +)
    #expect(CEADsInputs.relativeDifference(year.total(.combustion).value(in: .tonnesCO2), combustion) <= 1e-9)
    #expect(CEADsInputs.relativeDifference(year.total(.electricity).value(in: .tonnesCO2), hand["electricity"]!) <= 1e-9)
    #expect(CEADsInputs.relativeDifference(year.total(.process).value(in: .tonnesCO2), hand["calcination"]!) <= 1e-9)
    #expect(
      CEADsInputs.relativeDifference(year.total(.total).value(in: .tonnesCO2), hand.values.reduce(0, +)) <= 1e-9)

    // The process figure's clinker is the derived cement output, traced to the workbook cell.
    let process = try #require(year.entries.first { $0.scope == .process })
    guard case .process(let clinker, let factor) = process.calculation else {
      Issue.record("calcination is not a process calculation")
      return
    }
    #expect(abs(clinker.value.value(in: .tenThousandTonnes) - 6029.97) < 1e-6)
    #expect(factor.value(in: .tonnesCO2, per: .tonnes) == 0.525)
    #expect(clinker.flags.contains(.derived))
    #expect(clinker.sources.first?.location.description.hasSuffix("apparent-emission-inventory-1997-2022.xlsx!2013!H5") == true)
    // A combustion figure is traced to its CEADs cell.
    let coke = try #require(year.entries.first { $0.source == "coke" })
    #expect(coke.calculation.sources.first?.location.description.hasSuffix("provincial-energy-inventory-2013.xlsx!Liaoning2013!F30") == true)
  }

  /// The overlap ratio of each study-2025 series, by hand: Σ CEADs ÷ Σ yearbook over 2011–2013
  /// (IPCC 2006 Vol. 1 eq. 5.1), both in the same unit. CEADs: row 30 of Liaoning2011–2013
  /// (coal: the four coal types B–E summed). Yearbook: Inputs/yearbook/liaoning/energy-2011…2013.csv.
  static let overlapRatios: [String: Double] = [
    "coal": ((185.46960291157114 + 16.846139545947853 + 3.574590335520079 + 2.7319958845267807)
      + (243.74996266027219 + 17.784025132330658 + 4.0372635308226634 + 2.914842760126704)
      + (226.76118459471232 + 25.021375573917943 + 4.9683027683499006 + 2.7871794010366679))
      / (1143.8043 + 1479.2989 + 1493.7229),
    "coke": (230.709132133418 + 383.40218670741729 + 381.35005693969953) / (231.2179 + 384.3213 + 429.9825),
    "crude_oil": (2.5393829074810666E-3 + 1.5483537618049773E-4 + 2.3390349329059063E-4) / (0.0596 + 0.2914 + 0.3708),
    "gasoline": (12.398415639174599 + 8.7089091364518776 + 3.746661064131521) / (12.3998 + 8.7109 + 8.7588),
    "kerosene": (0.06 + 0 + 0.02) / (0.0626 + 0.0000 + 0.0198),
    "diesel_oil": (27.690337573049153 + 42.142264062197398 + 21.474983238180378) / (27.7592 + 42.2105 + 56.7200),
    "fuel_oil": (17.274700964630231 + 17.338137686753551 + 13.422088727851174) / (25.7597 + 25.2897 + 25.2108),
    // CEADs 10⁸ m³ × 10⁴ → 10⁴ m³, the unit the yearbook writes from 2010 on.
    "natural_gas": (12.654592959295925 + 23.398583957610086 + 9.8239356254572048) * 1e4 / (15197.5627 + 28064.1541 + 11798.2296),
    "electricity": (151.71179435781653 + 150.37034459002084 + 151.53729226744838) / (15.0647 + 14.9041 + 15.0565),
  ]

  @Test func everySplicedValueRecordsTheMethodAndTheRatio() throws {
    let account = try CEADsInputs.account("study-2025-spliced")
    #expect(account.years.map(\.year) == Array(2000...2022))
    let marker = "spliced from yearbook by overlap: × "
    for year in account.years {
      for entry in year.entries {
        let (steps, flags) = CEADsInputs.trace(entry)
        let splice = steps.filter { $0.hasPrefix(marker) }
        guard entry.scope != .process, year.year <= 2010 else {
          // CEADs years, and cement output (the yearbook's products table): never spliced.
          #expect(!flags.contains(.spliced) && splice.isEmpty, "\(year.year) \(entry.source): \(flags) \(steps)")
          continue
        }
        #expect(flags.contains(.spliced), "\(year.year) \(entry.source): \(flags)")
        #expect(splice.count == 1, "\(year.year) \(entry.source): \(steps)")
        guard let step = splice.first, let expected = Self.overlapRatios[entry.source] else {
          Issue.record("\(year.year) \(entry.source): no splice step or no hand ratio")
          continue
        }
        #expect(step.hasSuffix("over 2011–2013)"), "\(step)")
        let ratio = Double(step.dropFirst(marker.count).prefix { "0123456789.eE+-".contains($0) })
        #expect(ratio.map { CEADsInputs.relativeDifference($0, expected) <= 1e-9 } == true, "\(year.year) \(entry.source): \(step); by hand × \(expected)")
        if year.year == 2008 { #expect(flags.contains(.carriedForward), "\(flags)") }
      }
    }
    // One note per series states the method, the years and the ratio.
    let notes = account.findings.filter { $0.check == "time-series-spliced" }
    #expect(notes.count == Self.overlapRatios.count, "\(notes.map(\.message))")
    for fuel in Self.overlapRatios.keys {
      #expect(notes.contains { $0.message.hasPrefix("\(fuel) 2000–2010 spliced from a second source by overlap (2000: \(marker)") }, "\(fuel)")
    }
  }

  @Test func aSplicedValueIsTheYearbookValueTimesTheRatio() throws {
    let account = try CEADsInputs.account("study-2025-spliced")
    let y2005 = try #require(account[2005])
    // energy-2005.csv read through the importer, then × the hand ratio × set P.
    let coke2005 = try #require(y2005.entries.first { $0.source == "coke" })
    guard case .combustion(let fc, _, _, _) = coke2005.calculation else {
      Issue.record("coke is not a combustion calculation")
      return
    }
    let source = try #require(fc.sources.first)
    let yearbook = try #require(Double(source.originalText.replacingOccurrences(of: ",", with: "")), "\(source)")
    #expect(source.location.file.hasSuffix("energy-2005.csv"), "\(source)")
    let expected = yearbook * Self.overlapRatios["coke"]! * 1e4 * 28.435 * 29.5e-3 * 0.93 * 44 / 12
    #expect(CEADsInputs.relativeDifference(coke2005.emissions.value(in: .tonnesCO2), expected) <= 1e-9)
  }
}
