import Foundation
import Testing

/// Liaoning from the real CEADs workbooks, end to end through `run`, against figures computed
/// here by hand from the workbook cells and the methodology files' factors.
///
/// The activity is Liaoning's `Nonmetal Mineral Products` row (row 30 of sheet `Liaoning2013`
/// of provincial-energy-inventory-2013.xlsx), written below with the full precision the cells
/// hold; domain.md §5 lists the same row rounded to two decimals (raw coal 226.76, cleaned coal
/// 25.02, coke 381.35, other gas 31.39, gasoline 3.75, diesel 21.47, fuel oil 13.42, LPG 3.49,
/// natural gas 9.82, electricity 151.54). Units: 10⁴ t; gases 10⁸ m³; electricity 10⁸ kWh.
enum Liaoning2013 {
  static let rawCoal = 226.76118459471232  // B30
  static let cleanedCoal = 25.021375573917943  // C30
  static let otherWashedCoal = 4.9683027683499006  // D30
  static let briquettes = 2.7871794010366679  // E30
  static let coke = 381.35005693969953  // F30
  static let cokeOvenGas = 6.733120420691685E-2  // G30, 10⁸ m³
  static let otherGas = 31.394654363465747  // H30, 10⁸ m³: no factor in ceads-provincial
  static let crudeOil = 2.3390349329059063E-4  // J30
  static let gasoline = 3.746661064131521  // K30
  static let kerosene = 0.02  // L30
  static let diesel = 21.474983238180378  // M30
  static let fuelOil = 13.422088727851174  // N30
  static let lpg = 3.4896108256203515  // O30
  static let refineryGas = 0.46859603970796787  // P30
  static let naturalGas = 9.8239356254572048  // R30, 10⁸ m³
  static let electricity = 151.53729226744838  // T30, 10⁸ kWh
  /// apparent-emission-inventory-1997-2022.xlsx, sheet `2013`, H5: Liaoning's cement process CO₂, Mt.
  static let cementProcessMt = 17.523092820000002

  /// 10⁴ t × 10⁴ → t; × NCV (GJ/t) → GJ; × CC (t C/TJ) × 10⁻³ → t C; × OF; × 44/12 → t CO₂.
  static func solid(_ tenThousandTonnes: Double, ncv: Double, cc: Double, of: Double) -> Double {
    tenThousandTonnes * 1e4 * ncv * (cc * 1e-3) * of * 44 / 12
  }

  /// 10⁸ m³ × 10⁴ → 10⁴ m³; × NCV (GJ/10⁴ m³) → GJ; then as `solid`.
  static func gas(_ hundredMillionCubicMetres: Double, ncv: Double, cc: Double, of: Double) -> Double {
    hundredMillionCubicMetres * 1e4 * ncv * (cc * 1e-3) * of * 44 / 12
  }

  /// The ceads-provincial figures of 2013 in t CO₂. Factors: set P of study-2025.yaml (coke,
  /// crude oil, gasoline, kerosene, diesel, fuel oil, natural gas; its grid factor 0.6101 t CO₂/MWh;
  /// process 0.525 t CO₂/t × clinker = cement × ratio 1) and the GB/T 32151 entries
  /// ceads-provincial.yaml adds (raw coal with set P's coal factors, the other coal types,
  /// coke-oven gas, LPG, refinery gas); cement = CEADs process CO₂ ÷ 0.2906 t CO₂/t.
  static let ceadsProvincial: [String: Double] = [
    "raw_coal": solid(rawCoal, ncv: 20.908, cc: 26.37, of: 0.94),
    "cleaned_coal": solid(cleanedCoal, ncv: 26.334, cc: 25.41, of: 0.90),
    "other_washed_coal": solid(otherWashedCoal, ncv: 12.545, cc: 25.41, of: 0.90),
    "briquettes": solid(briquettes, ncv: 17.460, cc: 33.6, of: 0.90),
    "coke": solid(coke, ncv: 28.435, cc: 29.5, of: 0.93),
    "coke_oven_gas": gas(cokeOvenGas, ncv: 179.81, cc: 13.58, of: 0.99),
    "crude_oil": solid(crudeOil, ncv: 41.816, cc: 20.1, of: 0.98),
    "gasoline": solid(gasoline, ncv: 43.070, cc: 18.9, of: 0.98),
    "kerosene": solid(kerosene, ncv: 43.070, cc: 19.6, of: 0.98),
    "diesel_oil": solid(diesel, ncv: 42.652, cc: 20.2, of: 0.98),
    "fuel_oil": solid(fuelOil, ncv: 41.816, cc: 21.1, of: 0.98),
    "lpg": solid(lpg, ncv: 50.179, cc: 17.2, of: 0.98),
    "refinery_gas": solid(refineryGas, ncv: 45.998, cc: 18.2, of: 0.99),
    "natural_gas": gas(naturalGas, ncv: 389.31, cc: 15.3, of: 0.99),
    // 10⁸ kWh = 10⁵ MWh; × 0.6101 t CO₂/MWh.
    "electricity": electricity * 1e5 * 0.6101,
    // Mt × 10⁶ → t CO₂; ÷ 0.2906 t CO₂/t cement → t cement; × ratio 1 → clinker; × 0.525.
    "calcination": cementProcessMt * 1e6 / 0.2906 * 1 * 0.525,
  ]
}

/// Liaoning 2011–2013 inputs of the splice: CEADs' row 30 of each year (coal = its four coal
/// types, as study-2025-spliced sums them) and the bundled yearbook tables' non-metallic row.
enum SpliceInputs {
  /// Σ 2011–2013 of CEADs, in the yearbook's units (10⁴ t, 10⁸ m³, 10⁸ kWh).
  static let ceadsCoal =
    (185.46960291157114 + 16.846139545947853 + 3.574590335520079 + 2.7319958845267807)  // 2011 B–E30
    + (243.74996266027219 + 17.784025132330658 + 4.0372635308226634 + 2.914842760126704)  // 2012
    + (Liaoning2013.rawCoal + Liaoning2013.cleanedCoal + Liaoning2013.otherWashedCoal + Liaoning2013.briquettes)
  static let ceadsCoke = 230.709132133418 + 383.40218670741729 + Liaoning2013.coke
  static let ceadsNaturalGas = 12.654592959295925 + 23.398583957610086 + Liaoning2013.naturalGas
  static let ceadsElectricity = 151.71179435781653 + 150.37034459002084 + Liaoning2013.electricity

  /// Σ 2011–2013 of Inputs/yearbook/liaoning/energy-2011…2013.csv (coal, coke: 10⁴ t; natural
  /// gas written in 10⁴ m³ from 2010 on; electricity 10⁸ kWh).
  static let yearbookCoal = 1143.8043 + 1479.2989 + 1493.7229
  static let yearbookCoke = 231.2179 + 384.3213 + 429.9825
  static let yearbookNaturalGasTenThousandM3 = 15197.5627 + 28064.1541 + 11798.2296
  static let yearbookElectricity = 15.0647 + 14.9041 + 15.0565

  /// IPCC 2006 Vol. 1 eq. 5.1: Σ primary ÷ Σ secondary over the overlap.
  static let coalRatio = ceadsCoal / yearbookCoal
  static let cokeRatio = ceadsCoke / yearbookCoke
  static let naturalGasRatio = (ceadsNaturalGas * 1e4) / yearbookNaturalGasTenThousandM3  // both in 10⁴ m³
  static let electricityRatio = ceadsElectricity / yearbookElectricity
}

@Suite("Liaoning on the CEADs workbooks", .serialized, .enabled(if: CEADsFolder.available, Comment(rawValue: CEADsFolder.skipMessage)))
struct CEADsLiaoningCLITests {
  /// `run` with `arguments` into a scratch folder; the rows of its emissions.csv, by year then source.
  static func run(_ arguments: [String], methodology: String) throws -> (result: CLITests.Result, rows: [Int: [String: [String]]], folder: URL) {
    let scratch = try CEADsFolder.scratch()
    let result = try CLITests.run(["run"] + arguments + ["--methodology", methodology, "--output", scratch.path])
    var rows: [Int: [String: [String]]] = [:]
    let file = scratch.appendingPathComponent("liaoning/\(methodology)/emissions.csv")
    if FileManager.default.fileExists(atPath: file.path) {
      for row in try CEADsFolder.emissions(file) {
        let year = try #require(Int(row[2]))
        #expect(rows[year]?[row[4]] == nil, "\(year) \(row[4]) twice")
        rows[year, default: [:]][row[4]] = row
      }
    }
    return (result, rows, scratch)
  }

  static func expectClose(_ row: [String]?, _ expected: Double, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let row, let value = Double(row[5]) else {
      Issue.record("\(what): no row", sourceLocation: sourceLocation)
      return
    }
    #expect(
      CEADsFolder.relativeDifference(value, expected) <= 1e-9, "\(what): emissions.csv \(row[5]), by hand \(expected)",
      sourceLocation: sourceLocation)
  }

  @Test func liaoning2013UnderCEADsProvincialMatchesTheHandComputation() throws {
    let (result, rows, scratch) = try Self.run(
      ["--inputs", CEADsFolder.argument, "--province", "liaoning", "--format", "csv"], methodology: "ceads-provincial")
    defer { try? FileManager.default.removeItem(at: scratch) }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("liaoning · ceads-provincial: 2011–2022, 12 years"), "\(result.stdout)")
    #expect(Array(rows.keys).sorted() == Array(2011...2022))

    let year = try #require(rows[2013])
    // Exactly the fuels with factors, electricity and calcination: 14 + 1 + 1.
    #expect(Set(year.keys) == Set(Liaoning2013.ceadsProvincial.keys), "\(year.keys.sorted())")
    for (source, expected) in Liaoning2013.ceadsProvincial {
      Self.expectClose(year[source], expected, "2013 \(source)")
    }
    #expect(year["electricity"]?[3] == "electricity")
    #expect(year["calcination"]?[3] == "process")
    #expect(year["calcination"]?[6] == "derived")
    #expect(year["coke"]?[3] == "combustion" && year["coke"]?[6] == "")

    // Cement 6029.97 × 10⁴ t (domain.md §1: the study's 2013 output), so process = 3165.73 × 10⁴ t.
    #expect(abs(Liaoning2013.cementProcessMt * 1e6 / 0.2906 / 1e4 - 6029.97) < 1e-6)
    Self.expectClose(year["calcination"], 6029.97e4 * 0.525, "2013 calcination from 6029.97 × 10⁴ t")

    // Totals of the scopes, summed from the hand figures.
    let combustion = Liaoning2013.ceadsProvincial.filter { !["electricity", "calcination"].contains($0.key) }.values.reduce(0, +)
    let written = year.values.filter { $0[3] == "combustion" }.compactMap { Double($0[5]) }.reduce(0, +)
    #expect(CEADsFolder.relativeDifference(written, combustion) <= 1e-9, "combustion 2013: \(written) vs \(combustion)")

    // Other gas (31.39 × 10⁸ m³) has no factor: reported as unaccounted, never combusted.
    #expect(year["other_gas"] == nil)
    #expect(result.stdout.contains("warning: other_gas has activity in 12 year(s) but no factor"), "\(result.stdout)")
    #expect(result.stdout.contains("2013: 31.39 10⁸ m³"))
  }

  @Test func liaoning2000To2022IsSplicedFromYearbookAndCEADs() throws {
    let (result, rows, scratch) = try Self.run(["--ceads", CEADsFolder.argument], methodology: "study-2025-spliced")
    defer { try? FileManager.default.removeItem(at: scratch) }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("liaoning · study-2025-spliced: 2000–2022, 23 years"), "\(result.stdout)")
    #expect(Array(rows.keys).sorted() == Array(2000...2022))

    // study-2025's fuel set (CEADs coal types summed into coal), electricity and calcination, every year.
    let sources: Set<String> = ["coal", "coke", "crude_oil", "gasoline", "kerosene", "diesel_oil", "fuel_oil", "natural_gas", "electricity", "calcination"]
    for (year, row) in rows { #expect(Set(row.keys) == sources, "\(year): \(row.keys.sorted())") }

    // 2000–2010: every energy figure comes from the yearbook tables, spliced onto CEADs; 2008,
    // which neither source gives, is 2007 carried forward. 2011–2022: CEADs, never spliced.
    for (year, row) in rows {
      for (source, fields) in row where source != "calcination" {
        let flags = Set(fields[6].split(separator: ";").map(String.init))
        switch year {
        case 2008: #expect(flags == ["spliced", "carried-forward"], "\(year) \(source): \(fields[6])")
        case ...2010: #expect(flags == ["spliced"], "\(year) \(source): \(fields[6])")
        default: #expect(!flags.contains("spliced"), "\(year) \(source): \(fields[6])")
        }
      }
      // Cement output stays the yearbook products table's: process CO₂ is never spliced.
      #expect(row["calcination"]?[6] == "derived", "\(year) calcination: \(row["calcination"]?[6] ?? "")")
    }
    #expect(rows[2013]?["coal"]?[6] == "summed-components")
    #expect(rows[2008]?["coke"]?[5] == rows[2007]?["coke"]?[5])

    // 2000, by hand: the yearbook value × the overlap ratio × the set P factor.
    // energy-2000.csv: coke 26.8422 × 10⁴ t, natural gas 0.0014 × 10⁸ m³, electricity 2.5668 × 10⁸ kWh, coal 560.4697 × 10⁴ t.
    let y2000 = try #require(rows[2000])
    Self.expectClose(y2000["coke"], 26.8422 * SpliceInputs.cokeRatio * 1e4 * 28.435 * 29.5e-3 * 0.93 * 44 / 12, "2000 coke")
    Self.expectClose(y2000["coal"], 560.4697 * SpliceInputs.coalRatio * 1e4 * 20.908 * 26.37e-3 * 0.94 * 44 / 12, "2000 coal")
    Self.expectClose(
      y2000["natural_gas"], 0.0014 * 1e4 * SpliceInputs.naturalGasRatio * 389.31 * 15.3e-3 * 0.99 * 44 / 12, "2000 natural gas")
    Self.expectClose(y2000["electricity"], 2.5668 * SpliceInputs.electricityRatio * 1e5 * 0.6101, "2000 electricity")
    // 2013, by hand: CEADs; coal is the four CEADs coal types at set P's coal factors.
    let y2013 = try #require(rows[2013])
    let coal2013 = Liaoning2013.rawCoal + Liaoning2013.cleanedCoal + Liaoning2013.otherWashedCoal + Liaoning2013.briquettes
    Self.expectClose(y2013["coal"], coal2013 * 1e4 * 20.908 * 26.37e-3 * 0.94 * 44 / 12, "2013 coal")
    Self.expectClose(y2013["coke"], Liaoning2013.ceadsProvincial["coke"]!, "2013 coke")
    Self.expectClose(y2013["electricity"], Liaoning2013.ceadsProvincial["electricity"]!, "2013 electricity")
    // products.csv: 6029.96 × 10⁴ t in 2013 (the yearbook's, not CEADs' derived 6029.97).
    Self.expectClose(y2013["calcination"], 6029.96e4 * 0.525, "2013 calcination")

    // The report states the method and the ratio used for each spliced series.
    let report = try String(contentsOf: scratch.appendingPathComponent("liaoning/study-2025-spliced/report.md"), encoding: .utf8)
    for (fuel, ratio) in [("coke", SpliceInputs.cokeRatio), ("coal", SpliceInputs.coalRatio), ("electricity", SpliceInputs.electricityRatio)] {
      let line = try #require(report.split(separator: "\n").first { $0.hasPrefix("- \(fuel) 2000–2010 spliced from a second source by overlap") }, "\(fuel)")
      #expect(line.contains("spliced from yearbook by overlap: × "), "\(line)")
      #expect(line.contains("over 2011–2013"), "\(line)")
      let stated = try #require(Self.number(after: "× ", in: String(line)), "\(line)")
      #expect(CEADsFolder.relativeDifference(stated, ratio) <= 1e-9, "\(fuel): report states × \(stated), by hand \(ratio)")
    }
    #expect(report.contains("spliced (a second source scaled onto the first by their ratio over the overlapping years): 2000, 2001"))
  }

  /// The number written right after `marker` in `text`.
  static func number(after marker: String, in text: String) -> Double? {
    guard let range = text.range(of: marker) else { return nil }
    return Double(text[range.upperBound...].prefix { "0123456789.eE+-".contains($0) })
  }
}
