import CementModel

/// One activity value of an account and the input cell it came from, as a run's workbook
/// records it (sheet `Provenance`).
public struct ProvenanceRow: Sendable, Hashable {
  public let year: Int
  /// The series, as the workbook names it (`煤炭 Coal`, `水泥 Cement`).
  public let item: String
  public let value: Double
  public let unit: String
  /// `file:line:column` of the source cell(s), `; `-separated.
  public let location: String
  /// The cell text as written.
  public let originalText: String
  public let steps: String
  public let flags: String

  public init(year: Int, item: String, value: Double, unit: String, location: String, originalText: String, steps: String, flags: String) {
    self.year = year
    self.item = item
    self.value = value
    self.unit = unit
    self.location = location
    self.originalText = originalText
    self.steps = steps
    self.flags = flags
  }
}

/// An activity value that differs between two runs, and the figures that moved with it.
public struct InputCellChange: Sendable, Hashable {
  public let year: Int
  public let item: String
  public let old: ProvenanceRow?
  public let new: ProvenanceRow?
  /// The figure of the same year and source (the fuel, or calcination for cement and clinker),
  /// when it changed.
  public let downstream: FigureChange?

  /// Values compare equal within this relative difference (the workbook stores doubles).
  static let relativeTolerance = 1e-12

  /// The activity values that differ, matched by year and series.
  static func compare(_ a: [ProvenanceRow], _ b: [ProvenanceRow], figures: [FigureChange]) -> [InputCellChange] {
    guard !a.isEmpty || !b.isEmpty else { return [] }
    struct Key: Hashable, Comparable {
      let year: Int
      let item: String
      static func < (x: Key, y: Key) -> Bool { (x.year, x.item) < (y.year, y.item) }
    }
    let left = Dictionary(a.map { (Key(year: $0.year, item: $0.item), $0) }, uniquingKeysWith: { first, _ in first })
    let right = Dictionary(b.map { (Key(year: $0.year, item: $0.item), $0) }, uniquingKeysWith: { first, _ in first })
    let byFigure = Dictionary(figures.map { ("\($0.key.year) \($0.key.source)", $0) }, uniquingKeysWith: { first, _ in first })
    return Set(left.keys).union(right.keys).sorted().compactMap { key in
      let old = left[key], new = right[key]
      if let old, let new, old.originalText == new.originalText, old.unit == new.unit,
        abs(old.value - new.value) <= relativeTolerance * max(abs(old.value), abs(new.value))
      {
        return nil
      }
      let source = sourceID(of: key.item)
      return InputCellChange(year: key.year, item: key.item, old: old, new: new, downstream: source.flatMap { byFigure["\(key.year) \($0)"] })
    }
  }

  /// The figure source a workbook series name feeds: a fuel id, or calcination for the products.
  static func sourceID(of item: String) -> String? {
    if item.hasPrefix("水泥") || item.hasPrefix("熟料") || item.hasSuffix("Cement") || item.hasSuffix("Clinker") { return "calcination" }
    return FuelCatalogue.standard.definitions.first { "\($0.chineseName) \($0.englishName)" == item || $0.fuel.id == item }?.fuel.id
  }

  /// Input files whose checksum differs, or that only one run read, matched by file name and role.
  static func fileChanges(_ a: [InputFile], _ b: [InputFile]) -> [InputFileChange] {
    func name(_ f: InputFile) -> String { "\(f.role)|\(f.path.split(separator: "/").last.map(String.init) ?? f.path)" }
    let left = Dictionary(a.map { (name($0), $0) }, uniquingKeysWith: { first, _ in first })
    let right = Dictionary(b.map { (name($0), $0) }, uniquingKeysWith: { first, _ in first })
    return Set(left.keys).union(right.keys).sorted().compactMap { key in
      let old = left[key], new = right[key]
      guard old?.sha256 != new?.sha256 else { return nil }
      let file = new ?? old!
      return InputFileChange(path: file.path, role: file.role, oldSHA256: old?.sha256, newSHA256: new?.sha256)
    }
  }
}
