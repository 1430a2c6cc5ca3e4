import Accounting
import CementModel
import Verification
import Writers

/// What `verify` computed, ready to print.
public struct VerificationOutcome: Sendable {
  public let reports: [VerificationReport]
  public let text: String
  /// The comparison with a published inventory (`verify --published ceads-emission-inventory`).
  public let inventory: InventoryVerification?
  /// Whether every cell of a source that is neither tables nor an inventory agrees
  /// (`ets-cbam-2025`); true for the others.
  public let otherCellsAgree: Bool
  /// Every published cell agrees; against an inventory: no province-year outside the
  /// tolerance is left unexplained.
  public var cellsAgree: Bool { reports.allSatisfy(\.tablesAgree) && (inventory?.unexplained.isEmpty ?? true) && otherCellsAgree }
  public var statementsHold: Bool { reports.allSatisfy { $0.failedStatements.isEmpty } }

  public init(reports: [VerificationReport], text: String, inventory: InventoryVerification? = nil, otherCellsAgree: Bool = true) {
    self.reports = reports
    self.text = text
    self.inventory = inventory
    self.otherCellsAgree = otherCellsAgree
  }
}

extension Pipeline {
  /// The summary `run` prints for an account.
  public static func summary(_ account: Account, outputs: [String]) -> String {
    RunSummary.render(account, outputs: outputs)
  }

  /// Verifies a province's account against each of its published tables.
  public func verify(
    province: String, methodology override: String?, years: ClosedRange<Int>? = nil, tolerance: Double?
  ) throws(PipelineError) -> VerificationOutcome {
    let tables = try publishedTables(province: province)
    guard !tables.isEmpty else {
      throw PipelineError("no published tables for \(province) in \(inputs.root)/published/\(province)", hint: "see Inputs/README.md for the format")
    }
    let yearbook = try importYearbook(province)
    let methodologies = try tables.map { table throws(PipelineError) in
      let loaded = try self.methodology(override ?? table.methodology ?? "study-2025")
      return years.map { loaded.over(years: $0) } ?? loaded
    }
    // The workbooks are read once for every table.
    let ceads = try self.ceads(for: methodologies)
    var reports: [VerificationReport] = []
    var text = ""
    for (table, methodology) in zip(tables, methodologies) {
      let combined = try Pipeline.combine(yearbook, ceads: ceads, province: province, methodology: methodology)
      let provinceInputs = years.map { combined.restricted(to: $0) } ?? combined
      let account = try Pipeline.account(provinceInputs, methodology: methodology, catalogue: catalogue)
      let report = Verifier(tolerance: tolerance).verify(account, against: table)
      reports.append(report)
      text += VerificationText.render(report)
    }
    return VerificationOutcome(reports: reports, text: text)
  }
}

/// `--strict`: warnings become errors.
public enum Strictness {
  public static func check(_ findings: [Finding]) throws(PipelineError) {
    let warnings = findings.filter { $0.severity >= .warning }
    guard !warnings.isEmpty else { return }
    throw PipelineError(
      "--strict: \(warnings.count) warning(s) would be errors:\n" + warnings.map { "  \($0)" }.joined(separator: "\n"),
      hint: "run without --strict to accept them (they are listed in the summary)")
  }
}
