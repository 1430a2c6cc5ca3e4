/// Where a value was read: a file and, when known, its line and column (1-based), or a
/// workbook cell such as `energy-2013.xlsx!Liaoning2013!B30`.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let file: String
  public let line: Int?
  public let column: Int?
  /// A spreadsheet cell reference (`Sheet!B30`), for workbook sources.
  public let cell: String?

  public init(file: String, line: Int? = nil, column: Int? = nil, cell: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.cell = cell
  }

  /// `file:line:column`, or `file!cell`, as compilers and spreadsheets print locations.
  public var description: String {
    if let cell { return "\(file)!\(cell)" }
    var text = file
    if let line {
      text += ":\(line)"
      if let column { text += ":\(column)" }
    }
    return text
  }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    (a.file, a.line ?? 0, a.column ?? 0, a.cell ?? "") < (b.file, b.line ?? 0, b.column ?? 0, b.cell ?? "")
  }
}

/// The original statistic behind a value: the cell it came from, exactly as written there,
/// with the column header and unit it was read under.
public struct SourceRecord: Sendable, Hashable, CustomStringConvertible {
  public let location: SourceLocation
  /// The cell text as found, before any cleaning.
  public let originalText: String
  /// The unit as written in the table (`万吨`, `10^8 kWh` …).
  public let originalUnit: String
  /// The column (or row) label the value was read under.
  public let label: String

  public init(location: SourceLocation, originalText: String, originalUnit: String, label: String) {
    self.location = location
    self.originalText = originalText
    self.originalUnit = originalUnit
    self.label = label
  }

  public var description: String { "\(location) \"\(originalText)\" [\(originalUnit)]" }
}

/// Marks on a value that a reader of the account must see.
public enum Flag: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
  /// The year was missing and filled with the previous year's value.
  case carriedForward = "carried-forward"
  /// The year was missing and filled by linear interpolation.
  case interpolated
  /// The year's values equal the previous year's in every fuel: probably copied, not observed.
  case copiedYear = "copied-year"
  /// The value was summed from component columns (raw coal + cleaned coal …).
  case summedFromComponents = "summed-components"
  /// Only a share of the industry's value is attributed to cement.
  case allocated
  /// The value was derived from other statistics rather than read.
  case derived
  /// The year came from a second source, scaled onto the first by their overlap (splice).
  case spliced
  /// The year was estimated from a related series (surrogate method).
  case surrogate
  /// The year lies beyond the observations and was extrapolated from their trend.
  case extrapolated
  /// The source printed no value (`…`, `NA`, empty) and nothing filled it.
  case notAvailable = "not-available"
  /// The observed value was an outlier and was replaced by a time-series method (the original is in the steps).
  case replaced

  public var description: String { rawValue }
  public static func < (a: Flag, b: Flag) -> Bool { a.rawValue < b.rawValue }
}

/// A value of type `Value` with everything that explains it: the source cells it came from,
/// each transformation applied in order, and flags.
public struct Traced<Value: Sendable & Hashable>: Sendable, Hashable {
  public var value: Value
  public var sources: [SourceRecord]
  /// Transformations in the order they were applied, written for people
  /// ("converted 万吨 → t (×10 000)", "carried forward from 2007").
  public var steps: [String]
  public var flags: Set<Flag>

  public init(_ value: Value, sources: [SourceRecord] = [], steps: [String] = [], flags: Set<Flag> = []) {
    self.value = value
    self.sources = sources
    self.steps = steps
    self.flags = flags
  }

  /// The same history with another value: a step records what was done.
  public func map<T>(_ step: String?, flag: Flag? = nil, _ transform: (Value) throws -> T) rethrows -> Traced<T> {
    var next = Traced<T>(try transform(value), sources: sources, steps: steps, flags: flags)
    if let step { next.steps.append(step) }
    if let flag { next.flags.insert(flag) }
    return next
  }

  /// Flags sorted by name, for stable output.
  public var sortedFlags: [Flag] { flags.sorted() }
}

/// An activity amount with its history.
public typealias ActivityValue = Traced<ActivityAmount>
