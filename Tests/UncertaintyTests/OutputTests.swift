import Accounting
import Foundation
import Pipeline
import Testing
import Uncertainty
import Writers

@Suite struct UncertaintyOutputTests {
  /// `run --uncertainty` writes uncertainty.csv, the report section (en and zh) with its figure
  /// and the workbook sheet; the same seed gives byte-identical files.
  @Test func sameSeedByteIdenticalOutputs() throws {
    let account = try Bundled.account.get()
    let pipeline = Pipeline(inputs: Bundled.repository + "/Inputs")
    let inputs = try pipeline.importProvince("liaoning")
    var outputs: [[String: Data]] = []
    for (index, language) in [Language.en, .en, .zh].enumerated() {
      var record = try pipeline.record(account, inputs: inputs, language: language)
      record.uncertainty = UncertaintyRequest(requested: true, draws: 4_000, seed: 9).analysis(account)
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("u13-\(getpid())-\(index)").path
      defer { try? FileManager.default.removeItem(atPath: folder) }
      let template = try Pipeline.template(folder: Bundled.repository + "/Templates", language: language)
      let written = try Pipeline.write(record, formats: Set(OutputFormat.allCases), template: template, to: folder)
      var files: [String: Data] = [:]
      for path in written { files[URL(fileURLWithPath: path).lastPathComponent] = try Data(contentsOf: URL(fileURLWithPath: path)) }
      outputs.append(files)
    }
    let en = outputs[0]
    for name in ["uncertainty.csv", "report.md", "report-uncertainty.svg", "emissions.csv"] {
      #expect(en[name] != nil, "\(name)")
      #expect(en[name] == outputs[1][name], "\(name) differs between two runs of one seed")
    }
    let csv = String(decoding: try #require(en["uncertainty.csv"]), as: UTF8.self).split(separator: "\n")
    #expect(csv.first == "province,methodology,year,scope,source,approach,central_tco2,lower95_tco2,upper95_tco2")
    #expect(csv.contains { $0.hasPrefix("liaoning,study-2025,2013,total,all,monte-carlo,") })
    #expect(csv.contains { $0.hasPrefix("liaoning,study-2025,2013,combustion,all,approach-1,") })
    #expect(!csv.contains { $0.contains(",energy,") })
    let report = String(decoding: try #require(en["report.md"]), as: UTF8.self)
    #expect(report.contains("### 2.5 How sure the figures are"))
    #expect(report.contains("of the draws peak in 2013 too"))
    let zh = String(decoding: try #require(outputs[2]["report.md"]), as: UTF8.self)
    #expect(zh.contains("### 2.5 数据的不确定性"))
    #expect(zh.contains("年达峰"))
  }

  /// The national sum from joint draws is wider than the independent sum (shared factors are
  /// positively correlated across provinces).
  @Test func nationalJointWiderThanIndependent() throws {
    let account = try Bundled.account.get()
    // Two copies of one province: its factors are shared, its activity is its own.
    let renamed = Account(province: "copy", methodology: account.methodology, years: account.years, activity: account.activity, findings: [])
    let joint = NationalUncertainty(accounts: [account, renamed], draws: 4_000, seed: 5)
    let year = try #require(joint.years.first { $0.year == 2013 })
    #expect(year.provinces == 2)
    #expect((year.upper - year.lower) > (year.independentUpper - year.independentLower))
    let csv = NationalUncertaintyWriter.csv(joint)
    #expect(csv.contains("\nstudy-2025,national,2013,joint,"))
    #expect(csv.contains("\nstudy-2025,national,2013,independent,"))
  }
}
