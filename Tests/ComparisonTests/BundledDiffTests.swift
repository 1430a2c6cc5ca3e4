import Accounting
import CementModel
import Comparison
import Foundation
import Pipeline
import Testing
import Writers

/// `diff` of the bundled study-2025 against each bundled revision, on the bundled inputs, with
/// expectations checked by hand against the study's published table.
@Suite struct BundledDiffTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let pipeline = Pipeline(inputs: repository.appendingPathComponent("Inputs").path)

  static func diff(_ a: String, _ b: String) throws -> Comparison {
    try pipeline.diff(a, b, province: "liaoning", years: nil, tolerance: 0.001)
  }

  static func figure(_ c: Comparison, _ year: Int, _ source: String) -> FigureChange? {
    c.changes.first { $0.key.year == year && $0.key.source == source }
  }

  /// Clinker-to-cement ratios of study-2025-clinker, as its file gives them.
  static let ratios: [Int: Double] = [
    2000: 0.790, 2001: 0.774, 2002: 0.758, 2003: 0.742, 2004: 0.727, 2005: 0.711, 2006: 0.695, 2007: 0.679, 2008: 0.663,
    2009: 0.647, 2010: 0.632, 2011: 0.616, 2012: 0.600, 2013: 0.584, 2014: 0.600, 2015: 0.600, 2016: 0.600, 2017: 0.610,
    2018: 0.621, 2019: 0.631, 2020: 0.642, 2021: 0.652, 2022: 0.652,
  ]

  @Test func clinkerChangesOnlyProcessByExactlyTheRatio() throws {
    let c = try Self.diff("study-2025", "study-2025-clinker")
    #expect(c.changes.count == 23)
    for change in c.changes {
      #expect(change.key.scope == "process" && change.key.source == "calcination")
      let ratio = try #require(Self.ratios[change.key.year])
      let old = try #require(change.old), new = try #require(change.new)
      #expect(abs(new / old - ratio) < 1e-12, "\(change.key): \(new / old) vs \(ratio)")
    }
    // By hand from the study's Table 3: 2013 3165.73 × 0.584 = 1848.79; 2022 2053.25 × 0.652 = 1338.72 (10⁴ t).
    #expect(abs(try #require(Self.figure(c, 2013, "calcination")?.new) / 1e4 - 1848.79) < 0.01)
    #expect(abs(try #require(Self.figure(c, 2022, "calcination")?.new) / 1e4 - 1338.72) < 0.01)
    for total in c.totals where total.scope == "combustion" || total.scope == "electricity" { #expect(total.absolute == 0) }
    #expect(c.differingGroups == [.process, .identity])
    #expect(c.methodologyDifferences.contains { $0.key == "process.clinker.ratio.2013" && $0.a == "1" && $0.b == "0.584" })
    let attribution = try #require(c.attribution)
    #expect(attribution.groups == [.process])
  }

  @Test func gapLinearChangesOnlyTheCarriedForwardYears() throws {
    let c = try Self.diff("study-2025", "gap-linear")
    #expect(Set(c.changes.map(\.key.year)) == [2008, 2018])
    #expect(!c.changes.contains { $0.key.scope == "process" })
    let study = try Self.pipeline.diff("study-2025", "study-2025", province: "liaoning", years: nil, tolerance: 0)
    #expect(study.changes.isEmpty)
    // Each interpolated figure is the mean of its neighbours in study-2025 (emissions are linear in the activity).
    let a = try Self.pipeline.runFigures("study-2025")
    for change in c.changes {
      let year = change.key.year
      func old(_ y: Int) -> Double { a.values[FigureKey(province: "liaoning", year: y, scope: change.key.scope, source: change.key.source)] ?? 0 }
      let mean = (old(year - 1) + old(year + 1)) / 2
      #expect(abs(try #require(change.new) - mean) <= 1e-9 * mean, "\(change.key)")
      #expect(change.newFlags.contains("interpolated") && change.oldFlags.contains("carried-forward"))
    }
    // By hand from the published table: coal 2008 = (2167.90 + 1853.61) / 2 = 2010.755, electricity (58.80 + 62.69) / 2 = 60.745.
    #expect(abs(try #require(Self.figure(c, 2008, "coal")?.new) / 1e4 - 2010.755) < 0.01)
    #expect(abs(try #require(Self.figure(c, 2008, "electricity")?.new) / 1e4 - 60.745) < 0.01)
    #expect(c.differingGroups == [.gapFilling, .identity])
    #expect(c.attribution?.groups == [.gapFilling])
  }

  @Test func attributionPartsSumExactlyToEachChange() throws {
    let c = try Self.diff("study-2025", "china-enterprise-guideline")
    let attribution = try #require(c.attribution)
    #expect(attribution.groups == [.factorSet, .electricity, .process])
    for (key, total) in attribution.totals {
      let parts = try #require(attribution.parts[key])
      #expect(parts.values.reduce(0, +) == total, "\(key)")
      // The integer total is the change of the two figures, to the gram.
      let change = (c.changes.first { $0.key == key }?.absolute) ?? 0
      #expect(abs(Attribution.tonnes(total) - change) <= 2e-6)
    }
    for year in 2000...2022 {
      #expect(attribution.yearParts(year).values.reduce(0, +) == attribution.yearTotal(year))
    }
    // Coal as bituminous coal lowers combustion; the grid factor moves only 2021 and 2022; process falls by the clinker ratio.
    #expect(attribution.yearParts(2013)[.electricity] == 0)
    #expect((attribution.yearParts(2022)[.electricity] ?? 0) < 0)
    #expect((attribution.yearParts(2013)[.factorSet] ?? 0) < 0)
    #expect((attribution.yearParts(2013)[.process] ?? 0) < 0)
    let coal2013 = try #require(attribution.parts[FigureKey(province: "liaoning", year: 2013, scope: "combustion", source: "coal")])
    #expect(coal2013[.electricity] == 0 && coal2013[.process] == 0)
  }

  @Test(arguments: ["ipcc-2006-tier1", "allocation-proxy"])
  func everyRevisionSplitsExactly(_ revision: String) throws {
    let c = try Self.diff("study-2025", revision)
    let attribution = try #require(c.attribution)
    #expect(attribution.groups.count >= 2)
    for (key, total) in attribution.totals { #expect(attribution.parts[key]!.values.reduce(0, +) == total) }
  }

  @Test func theProxyRecordsEachYearsShare() throws {
    let methodology = try Self.pipeline.methodology("allocation-proxy")
    let imported = try Self.pipeline.importProvince("liaoning")
    let account = try Pipeline.account(imported, methodology: methodology)
    #expect(account.activity.allocationShares.count == 23)
    // 2013 by hand: clinker 6029.96 × 0.584 = 3521.50 10⁴ t × 0.128 tce/t = 450.75 10⁴ tce ÷ 1650.9569 (the table's total).
    let share2013 = try #require(account.activity.allocationShares[2013]).value
    #expect(abs(share2013 - 6029.96 * 0.584 * 0.128 / 1650.9569) < 1e-6)
    #expect(account.findings.contains { $0.check == "allocation-shares" })
    let coal = try #require(account.activity.fuels[.coal]?[2013])
    #expect(coal.flags.contains(.allocated) && coal.steps.last!.contains("energy proxy"))
    // 2008 has no table: its total is the (carried-forward) fuels in standard coal.
    #expect(try #require(account.activity.fuels[.coal]?[2008]).steps.last!.contains("fuels in standard coal"))
  }

  @Test func emissionsCSVReadsBackToTheSameFigures() throws {
    let methodology = try Self.pipeline.methodology("study-2025")
    let account = try Pipeline.account(try Self.pipeline.importProvince("liaoning"), methodology: methodology)
    let parsed = try FigureTable.parse(csv: EmissionsCSV.render(account), file: "emissions.csv")
    #expect(parsed == FigureTable(account: account))
  }
}

extension Pipeline {
  /// The figures of a bundled methodology on the bundled inputs.
  func runFigures(_ name: String) throws -> FigureTable {
    FigureTable(account: try Pipeline.account(try importProvince("liaoning"), methodology: try methodology(name)))
  }
}
