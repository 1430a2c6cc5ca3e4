import Accounting
import CementModel

/// One side of a comparison: a run folder read back, or a methodology run on the fly.
public struct DiffSide: Sendable {
  /// How the side is named in the outputs (`study-2025`, `Output/liaoning/study-2025`).
  public let label: String
  public let figures: FigureTable
  /// The methodology, when known (always on the fly; from a run folder when its files are
  /// unchanged since the run).
  public let methodology: Methodology?
  /// Every input file the run read, with its role and SHA-256 (empty when unknown).
  public let inputFiles: [InputFile]
  /// Every activity value and the input cell it came from (a run folder's workbook Provenance).
  public let provenance: [ProvenanceRow]
  /// Why something is missing on this side, for the reader.
  public let notes: [String]

  public init(
    label: String, figures: FigureTable, methodology: Methodology?, inputFiles: [InputFile] = [], provenance: [ProvenanceRow] = [],
    notes: [String] = []
  ) {
    self.label = label
    self.figures = figures
    self.methodology = methodology
    self.inputFiles = inputFiles
    self.provenance = provenance
    self.notes = notes
  }
}

/// One figure that changed by more than the tolerance.
public struct FigureChange: Sendable, Hashable {
  public let key: FigureKey
  /// t CO₂ in A (nil: A has no such figure).
  public let old: Double?
  public let new: Double?
  public let oldFlags: String
  public let newFlags: String

  public var absolute: Double { (new ?? 0) - (old ?? 0) }
  /// `(new − old) / old`, nil when A's figure is absent or zero.
  public var relative: Double? {
    guard let old, old != 0 else { return nil }
    return absolute / old
  }
}

/// A year's total, of one scope or of all (`scope` nil), on both sides.
public struct TotalChange: Sendable, Hashable {
  public let year: Int
  public let scope: String?
  public let old: Double?
  public let new: Double?
  public var absolute: Double { (new ?? 0) - (old ?? 0) }
  public var relative: Double? {
    guard let old, old != 0 else { return nil }
    return absolute / old
  }
}

/// An input file that differs between the two runs.
public struct InputFileChange: Sendable, Hashable {
  public let path: String
  public let role: String
  public let oldSHA256: String?
  public let newSHA256: String?
}

/// The comparison of two accounts: what changed, by how much, and why where it can be told.
public struct Comparison: Sendable {
  public let a: String
  public let b: String
  public let province: String
  /// Figures differing by at most this (t CO₂) count as unchanged.
  public let tolerance: Double
  public let changes: [FigureChange]
  /// Totals per year: all scopes (`scope` nil), then each scope.
  public let totals: [TotalChange]
  public let yearsAdded: [Int]
  public let yearsRemoved: [Int]
  /// Methodology keys that differ; empty when either methodology is unknown.
  public let methodologyDifferences: [KeyDifference]
  public let methodologiesKnown: Bool
  /// Present when the accounts were computed on the fly over the same inputs.
  public let attribution: Attribution?
  public let inputFiles: [InputFileChange]
  public let inputCells: [InputCellChange]
  /// What the comparison could not do, and why.
  public let notes: [String]

  /// Compares two sides. `attribution` is given when both were accounted here.
  public static func compare(_ a: DiffSide, _ b: DiffSide, tolerance: Double, attribution: Attribution? = nil) -> Comparison {
    let keys = Set(a.figures.values.keys).union(b.figures.values.keys).sorted()
    let changes = keys.compactMap { key -> FigureChange? in
      let old = a.figures.values[key], new = b.figures.values[key]
      guard old == nil || new == nil || abs(new! - old!) > tolerance else { return nil }
      return FigureChange(key: key, old: old, new: new, oldFlags: a.figures.flags[key] ?? "", newFlags: b.figures.flags[key] ?? "")
    }
    let yearsA = Set(a.figures.years), yearsB = Set(b.figures.years)
    var totals: [TotalChange] = []
    for year in yearsA.union(yearsB).sorted() {
      for scope in [nil] + Scope.allCases.map(\.rawValue) {
        totals.append(TotalChange(
          year: year, scope: scope, old: yearsA.contains(year) ? a.figures.total(year: year, scope: scope) : nil,
          new: yearsB.contains(year) ? b.figures.total(year: year, scope: scope) : nil))
      }
    }
    var notes = a.notes.map { "\(a.label): \($0)" } + b.notes.map { "\(b.label): \($0)" }
    let known = a.methodology != nil && b.methodology != nil
    let differences = known ? MethodologyKeys.differences(MethodologyKeys.flatten(a.methodology!), MethodologyKeys.flatten(b.methodology!)) : []
    if !known { notes.append("the methodology keys are not compared: a methodology is not known (see above)") }
    if a.figures.province != b.figures.province {
      notes.append("the two accounts are of different provinces (\(a.figures.province), \(b.figures.province)): every figure differs by its key")
    }
    let files = InputCellChange.fileChanges(a.inputFiles, b.inputFiles)
    if known, differences.allSatisfy({ $0.group == .identity }), !files.isEmpty {
      notes.append("the methodologies make the same choices, so every change is due to the input data")
    }
    let cells = InputCellChange.compare(a.provenance, b.provenance, figures: changes)
    return Comparison(
      a: a.label, b: b.label, province: b.figures.province.isEmpty ? a.figures.province : b.figures.province, tolerance: tolerance,
      changes: changes, totals: totals, yearsAdded: yearsB.subtracting(yearsA).sorted(), yearsRemoved: yearsA.subtracting(yearsB).sorted(),
      methodologyDifferences: differences, methodologiesKnown: known, attribution: attribution, inputFiles: files, inputCells: cells,
      notes: notes)
  }

  /// Totals of all scopes, one per year.
  public var yearTotals: [TotalChange] { totals.filter { $0.scope == nil } }
  /// The methodology groups that differ.
  public var differingGroups: [KeyGroup] { Array(Set(methodologyDifferences.map(\.group))).sorted() }
}
