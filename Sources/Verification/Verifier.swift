import Accounting
import CementModel

/// The comparison of one published cell with the account.
public struct CellCheck: Sendable, Hashable {
  public let cell: PublishedCell
  /// The recomputed value in the table's unit, nil when the account lacks the year or source.
  public let recomputed: Double?
  public let agrees: Bool
  public var difference: Double? { recomputed.map { $0 - cell.value } }
}

/// The check of one statement of the text.
public struct StatementCheck: Sendable, Hashable {
  public let statement: Statement
  public let holds: Bool
  /// What the account gives, written for people ("8.36 % compound; arithmetic mean 9.55 %").
  public let recomputed: String
  /// For a growth statement, every rate the account gives over its period.
  public let growth: GrowthRates?

  public init(statement: Statement, holds: Bool, recomputed: String, growth: GrowthRates? = nil) {
    self.statement = statement
    self.holds = holds
    self.recomputed = recomputed
    self.growth = growth
  }
}

/// Every cell and statement of a published table compared with an account.
public struct VerificationReport: Sendable {
  public let table: PublishedTable
  /// The largest difference, in the table's unit, for which a cell agreed.
  public let tolerance: Double
  public let cells: [CellCheck]
  public let statements: [StatementCheck]
  /// What explains the deviations (and the copied years) of the table, from
  /// ``DeviationExplainer``.
  public let explanations: [DeviationFinding]
  /// Cells of years the account does not cover (an account over fewer years than the
  /// table), not compared.
  public let cellsOutsideYears: [PublishedCell]
  /// Statements about years the account does not cover, not checked.
  public let statementsOutsideYears: [Statement]

  public var differingCells: [CellCheck] { cells.filter { !$0.agrees } }
  public var failedStatements: [StatementCheck] { statements.filter { !$0.holds } }
  /// True when every cell agrees within the tolerance.
  public var tablesAgree: Bool { differingCells.isEmpty }
  /// The differing cells no explanation covers.
  public var unexplainedCells: [CellCheck] {
    differingCells.filter { check in !explanations.contains { $0.covers(column: check.cell.column, year: check.cell.year) } }
  }
}

/// Recomputes every cell of a published table and every statement of its text from an account.
public struct Verifier: Sendable {
  public let tolerance: Double?

  /// - Parameter tolerance: overrides the table's own tolerance (in the table's unit).
  public init(tolerance: Double? = nil) { self.tolerance = tolerance }

  public func verify(_ account: Account, against table: PublishedTable) -> VerificationReport {
    let tolerance = self.tolerance ?? table.tolerance
    let selectors = Dictionary(table.columns.map { ($0.name, $0.selector) }, uniquingKeysWith: { a, _ in a })
    let covered = Set(account.years.map(\.year))
    let tableYears = Set(table.cells.map(\.year))
    let cells = table.cells.filter { covered.contains($0.year) }.map { cell -> CellCheck in
      let recomputed = account[cell.year].flatMap { year in selectors[cell.column]?.value(in: year) }?.value(in: table.unit)
      // A half-ulp margin so that a difference of exactly the tolerance counts as agreement.
      let agrees = recomputed.map { abs($0 - cell.value) <= tolerance * (1 + 1e-9) } ?? false
      return CellCheck(cell: cell, recomputed: recomputed, agrees: agrees)
    }
    let (checkable, outside) = table.statements.reduce(into: ([Statement](), [Statement]())) { split, statement in
      if Self.years(of: statement, tableYears: tableYears).isSubset(of: covered) { split.0.append(statement) } else { split.1.append(statement) }
    }
    let statements = checkable.map { check($0, account: account, unit: table.unit) }
    let evidence = DeviationEvidence(account: account, table: table, cells: cells, statements: statements)
    let explanations = DeviationExplainer(tolerance: tolerance).explain(evidence)
    return VerificationReport(
      table: table, tolerance: tolerance, cells: cells, statements: statements, explanations: explanations,
      cellsOutsideYears: table.cells.filter { !covered.contains($0.year) }, statementsOutsideYears: outside)
  }

  /// The years a statement speaks of; a peak or trough without its own period speaks of the table's.
  private static func years(of statement: Statement, tableYears: Set<Int>) -> Set<Int> {
    switch statement.claim {
    case .value(_, let year, _, _), .share(_, _, let year, _, _): [year]
    case .growth(_, let from, let to, _, _, _): Set(from...to)
    case .peak(_, let year, let within), .trough(_, let year, let within): within.map { Set($0) } ?? tableYears.union([year])
    }
  }

  private func check(_ statement: Statement, account: Account, unit: MeasurementUnit<CO2Mass>) -> StatementCheck {
    func series(_ s: SeriesSelector) -> [Int: Quantity<CO2Mass>] {
      Dictionary(uniqueKeysWithValues: account.years.compactMap { y in s.value(in: y).map { (y.year, $0) } })
    }
    func missing(_ what: String) -> StatementCheck { StatementCheck(statement: statement, holds: false, recomputed: "no \(what)") }
    switch statement.claim {
    case .value(let s, let year, let stated, let tol):
      guard let value = series(s)[year]?.value(in: unit) else { return missing("\(s) for \(year)") }
      return StatementCheck(statement: statement, holds: abs(value - stated) <= tol * (1 + 1e-9), recomputed: "\(Format.fixed(value, 2)) \(unit.symbol)")
    case .share(let part, let whole, let year, let stated, let tol):
      guard let p = series(part)[year], let w = series(whole)[year], let share = Indicators.share(p, of: w) else {
        return missing("\(part) share of \(whole) for \(year)")
      }
      return StatementCheck(statement: statement, holds: abs(share * 100 - stated) <= tol * (1 + 1e-9), recomputed: "\(Format.fixed(share * 100, 2)) %")
    case .growth(let s, let from, let to, let method, let stated, let tol):
      guard let rates = GrowthRates(series(s), from: from, to: to) else { return missing("\(s) for \(from) and \(to)") }
      let value = rates.rate(method)
      let holds = value.map { abs($0 * 100 - stated) <= tol * (1 + 1e-9) } ?? false
      var text = "\(value.map { Format.fixed($0 * 100, 2) } ?? "n/a") % \(method.rawValue)"
      if !holds, method == .compound {
        text += "; arithmetic mean of annual rates \(rates.arithmeticMean.map { Format.fixed($0 * 100, 2) } ?? "n/a") %"
      }
      return StatementCheck(statement: statement, holds: holds, recomputed: text, growth: rates)
    case .peak(let s, let year, let within), .trough(let s, let year, let within):
      let isPeak = if case .peak = statement.claim { true } else { false }
      let values = series(s).filter { within?.contains($0.key) ?? true }
      let extreme = isPeak
        ? values.max { ($0.value, -$0.key) < ($1.value, -$1.key) }
        : values.min { ($0.value, $0.key) < ($1.value, $1.key) }
      guard let extreme else { return missing("\(s) values") }
      return StatementCheck(
        statement: statement, holds: extreme.key == year,
        recomputed: "\(isPeak ? "peak" : "trough") in \(extreme.key) (\(Format.fixed(extreme.value.value(in: unit), 2)) \(unit.symbol))")
    }
  }
}

