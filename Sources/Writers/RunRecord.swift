import Accounting
import CarbonCost
import CementModel
import Uncertainty
import Verification

/// The language of a report's text and a workbook's labels.
public enum Language: String, Sendable, Hashable, CaseIterable {
  case en, zh
}

/// Everything the writers need about one run: the account, its stages, its checks against
/// published tables, and the files it came from. The writers only format this; they compute
/// nothing new.
public struct RunRecord: Sendable {
  public let account: Account
  public let stages: StageAnalysis
  /// Comparisons with the published tables made for the same methodology (may be empty).
  public let verification: [VerificationReport]
  /// Every input, methodology and published file read, with its checksum.
  public let inputFiles: [InputFile]
  public let toolVersion: String
  public let language: Language
  /// What the carbon costs under the chosen markets (`carbon-cost.csv`, the `Carbon cost`
  /// sheet, the report's section), or nil when no market applies.
  public var carbonCost: CarbonCostAccount?
  /// How sure each figure is (IPCC Approaches 1 and 2), when `--uncertainty` asked for it.
  public var uncertainty: UncertaintyAnalysis?

  public init(
    account: Account, stages: StageAnalysis? = nil, verification: [VerificationReport] = [], inputFiles: [InputFile],
    toolVersion: String, language: Language = .en
  ) {
    self.account = account
    self.stages = stages ?? StageAnalysis(account: account)
    self.verification = verification
    self.inputFiles = inputFiles
    self.toolVersion = toolVersion
    self.language = language
  }

  /// The reference date of the account, used wherever a file records a date: the first day
  /// after the accounting period. Taken from the inputs, never from the clock, so that the same
  /// inputs give byte-identical outputs.
  public var referenceDate: (year: Int, month: Int, day: Int) {
    ((account.years.last?.year ?? account.methodology.years.upperBound) + 1, 1, 1)
  }
}

/// The tool's version, recorded in every output.
public let toolVersion = "0.1.0"
