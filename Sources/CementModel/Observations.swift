/// One industry row of one year's energy table, as imported: every recognised column's value
/// with its source cell. Nothing is aggregated or filled yet.
public struct IndustryEnergyRecord: Sendable, Hashable {
  public let year: Int
  /// The industry label as written in the table.
  public let industryLabel: String
  /// Where the row is.
  public let location: SourceLocation
  /// Values by catalogue fuel; `nil` values are cells the source left unavailable (`…`, `NA`, empty).
  public let values: [Fuel: Traced<ActivityAmount?>]
  /// The dataset the row belongs to (`yearbook`, `ceads`): rows of different datasets for one
  /// year are not duplicates but sources to be combined by the methodology's time-series rules.
  public let dataset: String

  public init(
    year: Int, industryLabel: String, location: SourceLocation, values: [Fuel: Traced<ActivityAmount?>], dataset: String = Dataset.yearbook
  ) {
    self.year = year
    self.industryLabel = industryLabel
    self.location = location
    self.values = values
    self.dataset = dataset
  }
}

/// A product whose output the products table gives.
public enum Product: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  case cement
  case clinker
  public var description: String { rawValue }
}

/// One year's output of one product, with its source cell.
public struct ProductRecord: Sendable, Hashable {
  public let year: Int
  public let product: Product
  public let output: Traced<Quantity<Mass>?>
  /// The dataset the value belongs to (see ``IndustryEnergyRecord/dataset``).
  public let dataset: String

  public init(year: Int, product: Product, output: Traced<Quantity<Mass>?>, dataset: String = Dataset.yearbook) {
    self.year = year
    self.product = product
    self.output = output
    self.dataset = dataset
  }
}

/// What the importers found for one province: energy rows, product output, and notes on
/// what they saw but did not use (unknown columns, extra rows).
public struct ProvinceInputs: Sendable {
  public let province: String
  public var energy: [IndustryEnergyRecord]
  public var products: [ProductRecord]
  public var findings: [Finding]
  /// Every file read, with its checksum, for the summary.
  public var files: [InputFile]
  /// Totals a table states beside its parts, for the consistency checks.
  public var statedTotals: [StatedTotal]

  public init(
    province: String, energy: [IndustryEnergyRecord] = [], products: [ProductRecord] = [], findings: [Finding] = [],
    files: [InputFile] = [], statedTotals: [StatedTotal] = []
  ) {
    self.province = province
    self.energy = energy
    self.products = products
    self.findings = findings
    self.files = files
    self.statedTotals = statedTotals
  }
}

extension ProvinceInputs {
  /// The inputs for the years of `period` only (`--years`): records of other years are set
  /// aside with a note, so that a sub-period can be accounted from complete tables.
  public func restricted(to period: ClosedRange<Int>) -> ProvinceInputs {
    var restricted = self
    restricted.energy = energy.filter { period.contains($0.year) }
    restricted.products = products.filter { period.contains($0.year) }
    restricted.statedTotals = statedTotals.filter { period.contains($0.year) }
    let left = Set(energy.map(\.year) + products.map(\.year)).filter { !period.contains($0) }.sorted()
    if let first = left.first, let last = left.last {
      restricted.findings.append(Finding(
        .note, check: "outside-period",
        "tables for \(left.count) year(s) outside \(period.lowerBound)-\(period.upperBound) (\(first)–\(last)) set aside"))
    }
    return restricted
  }
}

/// A file an account was computed from, with its SHA-256, so a reader can tell whether the
/// inputs changed.
public struct InputFile: Sendable, Hashable {
  public let path: String
  /// What the file is: `energy table`, `products table`, `methodology`, `published table`.
  public let role: String
  public let sha256: String
  /// The text encoding it was read in, where that applies.
  public let encoding: String?

  public init(path: String, role: String, sha256: String, encoding: String? = nil) {
    self.path = path
    self.role = role
    self.sha256 = sha256
    self.encoding = encoding
  }
}

/// The datasets the importers tag their records with.
public enum Dataset {
  /// Yearbook tables exported as CSV (`Inputs/yearbook/<province>/`).
  public static let yearbook = "yearbook"
  /// The CEADs provincial energy inventories and apparent emission inventory.
  public static let ceads = "ceads"
}

/// A total a table states beside the parts it should equal: `Total Final Consumption` of a
/// fuel against the sum of the sectors listed under it.
public struct StatedTotal: Sendable, Hashable {
  public let year: Int
  public let fuel: Fuel
  /// What is compared, for messages: `sectors vs Total Final Consumption`.
  public let what: String
  /// The stated total and the sum of the parts, in the fuel's reporting unit.
  public let total: Double
  public let sumOfParts: Double
  public let partCount: Int
  /// The cell of the stated total.
  public let location: SourceLocation

  public init(year: Int, fuel: Fuel, what: String, total: Double, sumOfParts: Double, partCount: Int, location: SourceLocation) {
    self.year = year
    self.fuel = fuel
    self.what = what
    self.total = total
    self.sumOfParts = sumOfParts
    self.partCount = partCount
    self.location = location
  }
}
