import Accounting
import Calculation
import CementModel

/// The figures of an account a carbon cost is computed from, as terms of kind
/// `.accountFigure(name)` with `.figure(FigureID)` sources: the workbook binds them to the
/// account's cells (Totals and shares, Process), so a changed account cell changes the cost.
public struct AccountFigures: Sendable {
  /// The names of the account figures used, as written in `.accountFigure(...)`.
  public enum Name {
    public static let combustion = "combustion"
    public static let electricity = "electricity"
    public static let process = "process"
    public static let clinker = "clinker output"
    public static let cement = "cement output"
  }

  public let province: String
  /// The terms of each accounted year, by name.
  public let years: [Int: [String: Term]]

  /// The terms of `account`: per year the combustion, electricity and process CO₂ (t CO₂),
  /// the clinker output behind the process figure and the cement output (t).
  public init(_ account: Account) {
    province = account.province
    var years: [Int: [String: Term]] = [:]
    for year in account.years {
      var terms: [String: Term] = [:]
      func add(_ name: String, _ value: Double, _ unit: UnitTag) {
        terms[name] = Term(
          .accountFigure(name), year: year.year, scope: account.province, value: value, unit: unit,
          source: .figure(FigureID(name, year: year.year, scope: account.province)))
      }
      add(Name.combustion, year.total(.combustion).value(in: .tonnesCO2), .tonnesCO2)
      add(Name.electricity, year.total(.electricity).value(in: .tonnesCO2), .tonnesCO2)
      add(Name.process, year.total(.process).value(in: .tonnesCO2), .tonnesCO2)
      if let entry = year.entries.first(where: { $0.scope == .process }), case .process(let clinker, _) = entry.calculation {
        add(Name.clinker, clinker.value.value(in: .tonnes), .tonnes)
      }
      if let cement = account.activity.products[.cement]?[year.year] {
        add(Name.cement, cement.value.value(in: .tonnes), .tonnes)
      }
      years[year.year] = terms
    }
    self.years = years
  }

  /// Figures given directly (tests, the national comparison).
  public init(province: String, years: [Int: [String: Term]]) {
    self.province = province
    self.years = years
  }

  /// The term `name` of `year`, as an operand.
  public func term(_ name: String, _ year: Int) -> Expression? { years[year]?[name].map(Expression.term) }

  /// The accounted years, in order.
  public var accountedYears: [Int] { years.keys.sorted() }
}
