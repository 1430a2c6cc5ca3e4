import Accounting
import CementModel

extension DeviationEvidence {
  /// The evidence of one verification: each column's cells beside the account, the cement and
  /// clinker the account used, the table's totals (aggregate columns, and totals stated in the
  /// text) over its published parts, and the growth statements that do not hold.
  init(account: Account, table: PublishedTable, cells: [CellCheck], statements: [StatementCheck]) {
    var published: [String: [Int: Double]] = [:]
    var recomputed: [String: [Int: Double]] = [:]
    for check in cells {
      published[check.cell.column, default: [:]][check.cell.year] = check.cell.value
      if let value = check.recomputed { recomputed[check.cell.column, default: [:]][check.cell.year] = value }
    }
    let columns = table.columns.map { c in
      ColumnComparison(
        name: c.name, published: published[c.name] ?? [:], recomputed: recomputed[c.name] ?? [:],
        isProcess: c.selector == .aggregate(.process) || c.selector == .source("calcination"))
    }

    // Only ratios of these are used, so tonnes will do.
    var inputs: [String: [Int: Double]] = [:]
    if let cement = account.activity.products[.cement] {
      inputs[Self.cement] = cement.mapValues(\.value.baseValue)
    }
    for year in account.years {
      for entry in year.entries {
        if case .process(let clinker, _) = entry.calculation { inputs[Self.clinker, default: [:]][year.year, default: 0] += clinker.value.baseValue }
      }
    }

    // An aggregate can be checked against its parts when the table has a column for every
    // source of it that the account has.
    var scopes: [String: Scope] = [:]
    for entry in account.years.flatMap(\.entries) where entry.emissions.baseValue != 0 { scopes[entry.source] = entry.scope }
    func parts(of aggregate: Aggregate) -> [String]? {
      let members = Self.scopes(of: aggregate)
      let partColumns = table.columns.compactMap { c -> (name: String, source: String)? in
        guard case .source(let s) = c.selector, let scope = scopes[s], members.contains(scope) else { return nil }
        return (c.name, s)
      }
      let sources = Set(scopes.filter { members.contains($0.value) }.keys)
      guard !partColumns.isEmpty, sources.isSubset(of: Set(partColumns.map(\.source))) else { return nil }
      return partColumns.map(\.name)
    }
    // Each printed cell is rounded by up to half the tolerance.
    func rounding(_ parts: [String]) -> Double { table.tolerance * Double(parts.count + 1) / 2 }
    var totals: [TotalComparison] = []
    for column in table.columns {
      guard case .aggregate(let a) = column.selector, let parts = parts(of: a) else { continue }
      totals.append(TotalComparison(name: column.name, stated: published[column.name] ?? [:], parts: parts, tolerance: rounding(parts)))
    }
    for statement in table.statements {
      guard case .value(.aggregate(let a), let year, let stated, let tolerance) = statement.claim, let parts = parts(of: a) else { continue }
      totals.append(
        TotalComparison(name: statement.id, stated: [year: stated], parts: parts, tolerance: max(tolerance, rounding(parts))))
    }

    let growth = statements.compactMap { check -> GrowthComparison? in
      guard !check.holds, let rates = check.growth,
        case .growth(let series, _, _, let method, let stated, let tolerance) = check.statement.claim
      else { return nil }
      return GrowthComparison(
        id: check.statement.id, series: series.description, method: method, statedPercent: stated, tolerance: tolerance, rates: rates)
    }
    self.init(columns: columns, inputs: inputs, totals: totals, growth: growth)
  }

  /// The scopes an aggregate sums, as `YearAccount.total` does.
  static func scopes(of aggregate: Aggregate) -> Set<Scope> {
    switch aggregate {
    case .combustion: [.combustion]
    case .electricity: [.electricity]
    case .process: [.process]
    case .energy: [.combustion, .electricity]
    case .total: [.combustion, .electricity, .process]
    }
  }
}
