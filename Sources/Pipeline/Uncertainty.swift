import Writers
import Accounting
import Uncertainty

/// What `--uncertainty`, `--draws` and `--seed` ask for.
public struct UncertaintyRequest: Sendable, Hashable {
  /// `--uncertainty`: compute it even when the methodology does not turn it on.
  public var requested: Bool
  /// `--draws N`, else the methodology's.
  public var draws: Int?
  /// `--seed S`, else the methodology's.
  public var seed: UInt64?

  public init(requested: Bool, draws: Int? = nil, seed: UInt64? = nil) {
    self.requested = requested
    self.draws = draws
    self.seed = seed
  }

  /// The analysis of `account`, or nil when neither the request nor the methodology asks for it.
  public func analysis(_ account: Account) -> UncertaintyAnalysis? {
    guard requested || account.methodology.uncertainty.enabledByDefault else { return nil }
    return UncertaintyAnalysis(account: account, draws: draws, seed: seed)
  }

  /// The joint national analysis of `accounts`, or nil.
  public func national(_ accounts: [Account]) -> NationalUncertainty? {
    guard let first = accounts.first, requested || first.methodology.uncertainty.enabledByDefault else { return nil }
    return NationalUncertainty(accounts: accounts, draws: draws, seed: seed)
  }
}

extension Pipeline {
  /// Writes `national-uncertainty.csv` and `national-uncertainty.md` into the methodology's
  /// national folder, staged like the other national files.
  static func writeNationalUncertainty(
    _ joint: NationalUncertainty, formats: Set<OutputFormat>, language: Language, to output: String
  ) throws(PipelineError) -> [String] {
    var staging = StagedFiles(folder: "\(output)/national/\(joint.methodology)")
    defer { staging.discard() }
    if formats.contains(.csv) { try staging.stage("national-uncertainty.csv", bytes: Array(NationalUncertaintyWriter.csv(joint).utf8)) }
    if formats.contains(.md) {
      try staging.stage("national-uncertainty.md", bytes: Array(NationalUncertaintyWriter.markdown(joint, language: language).utf8))
    }
    return try staging.commit()
  }
}
