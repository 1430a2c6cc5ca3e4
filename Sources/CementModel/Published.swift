
/// What a published column or a statement refers to in an account.
public enum SeriesSelector: Sendable, Hashable, CustomStringConvertible {
  /// An aggregate: `energy` (the study's Table 1 total), `process`, `total` …
  case aggregate(Aggregate)
  /// One source: a fuel id, `electricity` or `calcination`.
  case source(String)

  /// Reads `energy`, `total` … as aggregates and anything else as a source.
  public init(_ text: String) {
    self = Aggregate(rawValue: text).map(SeriesSelector.aggregate) ?? .source(text)
  }

  public var description: String {
    switch self {
    case .aggregate(let a): a.rawValue
    case .source(let s): s
    }
  }
}

/// A column of a published table and the figure of the account it should equal.
public struct PublishedColumn: Sendable, Hashable {
  public let name: String
  public let selector: SeriesSelector
  public init(name: String, selector: SeriesSelector) {
    self.name = name
    self.selector = selector
  }
}

/// One published cell, with where it was read.
public struct PublishedCell: Sendable, Hashable {
  public let year: Int
  public let column: String
  /// The value in the table's unit.
  public let value: Double
  public let text: String
  public let location: SourceLocation
  public init(year: Int, column: String, value: Double, text: String, location: SourceLocation) {
    self.year = year
    self.column = column
    self.value = value
    self.text = text
    self.location = location
  }
}

/// How a stated growth rate is computed.
public enum GrowthMethod: String, Sendable, Hashable, CaseIterable {
  /// `(end / start)^(1/years) − 1`.
  case compound
  /// `end / start − 1`.
  case cumulative
}

/// A figure the study states in its text, to be checked against the account.
public struct Statement: Sendable, Hashable {
  public enum Claim: Sendable, Hashable {
    /// A value of a series in a year, in the table's unit.
    case value(SeriesSelector, year: Int, stated: Double, tolerance: Double)
    /// A share in percent.
    case share(SeriesSelector, of: SeriesSelector, year: Int, statedPercent: Double, tolerance: Double)
    /// A growth rate in percent between two years.
    case growth(SeriesSelector, from: Int, to: Int, method: GrowthMethod, statedPercent: Double, tolerance: Double)
    /// The year of the highest value within a range.
    case peak(SeriesSelector, year: Int, within: ClosedRange<Int>?)
    /// The year of the lowest value within a range.
    case trough(SeriesSelector, year: Int, within: ClosedRange<Int>?)
  }

  public let id: String
  /// The study's words.
  public let quote: String
  public let claim: Claim
  public let location: SourceLocation

  public init(id: String, quote: String, claim: Claim, location: SourceLocation) {
    self.id = id
    self.quote = quote
    self.claim = claim
    self.location = location
  }
}

/// A published table (one or several of a study's tables in one grid, year by column) and the
/// statements of its text.
public struct PublishedTable: Sendable {
  public let title: String
  public let citation: String
  /// The methodology meant to reproduce it.
  public let methodology: String?
  public let unit: MeasurementUnit<CO2Mass>
  /// Largest absolute difference, in the table's unit, for a cell to agree.
  public let tolerance: Double
  public let columns: [PublishedColumn]
  public let cells: [PublishedCell]
  public let statements: [Statement]
  /// The files it was read from.
  public let files: [String]

  public init(
    title: String, citation: String, methodology: String?, unit: MeasurementUnit<CO2Mass>, tolerance: Double,
    columns: [PublishedColumn], cells: [PublishedCell], statements: [Statement], files: [String]
  ) {
    self.title = title
    self.citation = citation
    self.methodology = methodology
    self.unit = unit
    self.tolerance = tolerance
    self.columns = columns
    self.cells = cells
    self.statements = statements
    self.files = files
  }
}
