import CementModel

/// What a term of a calculation stands for. Each kind is named as the study or the guideline
/// names the quantity; features that add inputs (prices, levers, draws) add a case here.
public enum TermKind: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Fuel consumption (FC) of a fuel in a year, as read and allocated.
  case fuelConsumption(fuel: String)
  /// Electricity consumption.
  case electricityConsumption
  /// Net calorific value (NCV) of a fuel.
  case netCalorificValue(fuel: String)
  /// Carbon content (CC) per unit of heat.
  case carbonContent(fuel: String)
  /// Oxidation rate (OF).
  case oxidationRate(fuel: String)
  /// Grid emission factor.
  case gridFactor
  /// Process emission factor per tonne of clinker.
  case processFactor
  /// Clinker-to-cement ratio.
  case clinkerRatio
  /// Clinker output.
  case clinkerOutput
  /// Cement output.
  case cementOutput
  /// Share of the industry's fuel attributed to cement.
  case allocationShare
  /// A figure of an account used as an input of another calculation (a province's total in a
  /// national sum, an account's emissions in a carbon-cost figure).
  case accountFigure(String)
  /// A parameter of a market, a scenario or any other input file, by its key.
  case parameter(String)
  /// A constant of definition (44/12, a unit conversion).
  case constant(String)

  public var description: String {
    switch self {
    case .fuelConsumption(let fuel): "fuel consumption (\(fuel))"
    case .electricityConsumption: "electricity consumption"
    case .netCalorificValue(let fuel): "net calorific value (\(fuel))"
    case .carbonContent(let fuel): "carbon content (\(fuel))"
    case .oxidationRate(let fuel): "oxidation rate (\(fuel))"
    case .gridFactor: "grid factor"
    case .processFactor: "process factor"
    case .clinkerRatio: "clinker-to-cement ratio"
    case .clinkerOutput: "clinker output"
    case .cementOutput: "cement output"
    case .allocationShare: "allocation share"
    case .accountFigure(let name): name
    case .parameter(let key): key
    case .constant(let name): name
    }
  }

  public static func < (a: TermKind, b: TermKind) -> Bool { a.description < b.description }
}

/// Where a term's value was taken from: a cell of an input, a key of a data file (methodology,
/// market, scenario) with its line and the file it was inherited from, a figure of an account,
/// or a definition.
public enum TermSource: Sendable, Hashable, CustomStringConvertible {
  /// An input cell (`energy-2013.csv:14:3`, `inventory.xlsx!Liaoning2013!B30`) with its text.
  case input(SourceRecord)
  /// Several input cells summed or filled into one value (components, a filled gap).
  case inputs([SourceRecord], steps: [String])
  /// A key of a data file: `study-2025.yaml:35` `factor_set.fuels.coal.ncv`. `inheritedFrom`
  /// names the file a child inherited the key from, when it is not the file itself.
  case dataFile(file: String, line: Int?, key: String, inheritedFrom: String? = nil)
  /// A figure of an account, by its identity and where it is written.
  case figure(FigureID)
  /// A constant of definition, with the reason (`44/12: molar mass of CO₂ over C`).
  case definition(String)

  public var description: String {
    switch self {
    case .input(let record): record.location.description
    case .inputs(let records, _): records.map(\.location.description).joined(separator: "; ")
    case .dataFile(let file, let line, let key, let parent):
      (line.map { "\(file):\($0)" } ?? file) + " \(key)" + (parent.map { " (inherited from \($0))" } ?? "")
    case .figure(let id): id.description
    case .definition(let reason): reason
    }
  }
}

/// A named input of a calculation: its kind, the year it belongs to (nil when the same for
/// every year), its value in base units, its unit tag and its source.
///
/// Two terms with the same identity (`kind`, `year`, `scope`) are the same input: a factor shared by
/// every year is one term, so an uncertainty draw or a scenario lever changes it everywhere.
public struct Term: Sendable, Hashable, CustomStringConvertible {
  /// What the term stands for.
  public let kind: TermKind
  /// The year the value belongs to, or nil when one value serves every year.
  public let year: Int?
  /// Who the term belongs to when several accounts meet in one calculation (a province), or nil.
  public let scope: String?
  /// The value in the base units of `unit`.
  public let value: Double
  /// The checked unit of `value`.
  public let unit: UnitTag
  /// Where the value was taken from.
  public let source: TermSource

  /// A term; `value` must be finite (a non-finite input is refused where it is read, so one here
  /// is a programming error).
  public init(_ kind: TermKind, year: Int? = nil, scope: String? = nil, value: Double, unit: UnitTag, source: TermSource) {
    precondition(value.isFinite, "term \(kind) has a non-finite value")
    self.kind = kind
    self.year = year
    self.scope = scope
    self.value = value
    self.unit = unit
    self.source = source
  }

  /// The identity of the term: what, when and whose; the value is not part of it.
  public var id: TermID { TermID(kind: kind, year: year, scope: scope) }

  public var description: String { "\(id) = \(value) \(unit) [\(source)]" }

  /// The mass ratio of CO₂ to carbon, 44/12 (formula 3 of the study).
  public static let carbonToCO2 = Term(
    .constant("44/12"), value: 44.0 / 12.0, unit: UnitTag.tonnesCO2 / UnitTag.tonnesCarbon,
    source: .definition("44/12: molar mass of CO₂ over that of carbon"))
}

/// The identity of a term: its kind, year and scope.
public struct TermID: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let kind: TermKind
  public let year: Int?
  public let scope: String?

  /// An identity from its parts.
  public init(kind: TermKind, year: Int? = nil, scope: String? = nil) {
    self.kind = kind
    self.year = year
    self.scope = scope
  }

  public var description: String {
    [scope, kind.description, year.map(String.init)].compactMap { $0 }.joined(separator: " ")
  }

  public static func < (a: TermID, b: TermID) -> Bool {
    (a.scope ?? "", a.kind, a.year ?? Int.min) < (b.scope ?? "", b.kind, b.year ?? Int.min)
  }
}

/// The identity of a figure: a named result (`combustion/coal`, `total`, `cbam/cost-per-tonne`)
/// of a year, for a scope (a province), computed by an expression.
public struct FigureID: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The figure's name, stable across runs (`combustion/coal`, `total`, `share/process`).
  public let name: String
  /// The year, or nil for a figure over the whole period.
  public let year: Int?
  /// The province (or other owner), or nil inside one account.
  public let scope: String?

  /// An identity from its parts.
  public init(_ name: String, year: Int? = nil, scope: String? = nil) {
    self.name = name
    self.year = year
    self.scope = scope
  }

  public var description: String { [scope, name, year.map(String.init)].compactMap { $0 }.joined(separator: " ") }

  public static func < (a: FigureID, b: FigureID) -> Bool {
    (a.scope ?? "", a.name, a.year ?? Int.min) < (b.scope ?? "", b.name, b.year ?? Int.min)
  }
}
