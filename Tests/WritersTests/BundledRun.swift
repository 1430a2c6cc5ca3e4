import Accounting
import CementModel
import Foundation
import Pipeline
import Verification
import Writers

/// The bundled Liaoning inputs accounted under study-2025, read once for every writer test.
enum BundledRun {
  /// The repository's root, found from this file's path.
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  struct Loaded: Sendable {
    let account: Account
    let files: [InputFile]
    let published: [PublishedTable]
  }

  private static let loaded: Result<Loaded, any Error> = Result {
    let pipeline = Pipeline(inputs: repository + "/Inputs")
    let methodology = try pipeline.methodology("study-2025")
    let inputs = try pipeline.importProvince("liaoning")
    let account = try Pipeline.account(inputs, methodology: methodology)
    return Loaded(account: account, files: inputs.files, published: try pipeline.publishedTables(province: "liaoning"))
  }

  static func account() throws -> Account { try loaded.get().account }

  /// The run record of the bundled province, verified against its published tables (or `published`).
  static func record(language: Language = .en, published: [PublishedTable]? = nil, inputFiles: [InputFile]? = nil) throws -> RunRecord {
    let loaded = try loaded.get()
    let reports = (published ?? loaded.published).map { Verifier().verify(loaded.account, against: $0) }
    return RunRecord(
      account: loaded.account, verification: reports, inputFiles: inputFiles ?? loaded.files, toolVersion: toolVersion, language: language)
  }

  /// The bundled record with the shipped markets' carbon cost.
  static func recordWithCarbonCost(language: Language = .en) throws -> RunRecord {
    let pipeline = Pipeline(inputs: repository + "/Inputs")
    var record = try self.record(language: language)
    let markets = try ["china-ets", "eu-cbam"].map { try pipeline.market(repository + "/Inputs/markets/\($0).yaml") }
    record.carbonCost = Pipeline.carbonCost(record.account, markets: markets)
    return record
  }
}
