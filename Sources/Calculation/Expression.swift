#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A figure's calculation: a small expression tree over named, traced terms.
///
/// Every figure of an account (a fuel's combustion CO₂, a total, a share, a growth rate, a
/// carbon cost, a scenario path) is built once as an `Expression`, by the function that names
/// its formula (`StudyFormulas`, the market and scenario rules). Everything else is derived
/// from that one expression: its value (``value``), its Excel formula (``ExcelFormula``), its
/// provenance (``terms``), its value under other inputs (``value(with:)``: uncertainty draws,
/// scenario levers).
public indirect enum Expression: Sendable, Hashable {
  /// An input with its value, unit and source.
  case term(Term)
  /// `a + b + …`: the operands must share one unit.
  case sum([Expression])
  /// `a × b × …`.
  case product([Expression])
  /// `a − b`: both of one unit.
  case difference(Expression, Expression)
  /// `a / b`.
  case quotient(Expression, Expression)
  /// `a ^ p` for a plain number `p` (a compound growth rate's 1/years); `a` must be a pure number
  /// unless `p` is an integer.
  case power(Expression, Double)
  /// The larger of two values of one unit (`max(0, obligation − deduction)`).
  case maximum(Expression, Expression)
  /// The smaller of two values of one unit (a share capped at 1).
  case minimum(Expression, Expression)
  /// A named figure: evaluated as its expression, rendered as the figure's cell where the
  /// workbook has one, listed as a figure in provenance.
  case figure(FigureID, Expression)

  // MARK: Building

  /// A pure number written as a literal (a constant that needs no source: 1 in `x − 1`, 0).
  public static func number(_ value: Double) -> Expression {
    .term(Term(.constant(Self.literal(value)), value: value, unit: .one, source: .definition("number")))
  }

  /// `a + b`, checked for units.
  public static func + (a: Expression, b: Expression) -> Expression { .sum([a, b]).checked() }
  /// `a − b`, checked for units.
  public static func - (a: Expression, b: Expression) -> Expression { Expression.difference(a, b).checked() }
  /// `a × b`.
  public static func * (a: Expression, b: Expression) -> Expression { .product([a, b]) }
  /// `a / b`.
  public static func / (a: Expression, b: Expression) -> Expression { .quotient(a, b) }

  /// The expression itself, after its unit was checked (traps on a mismatch: a builder's bug).
  public func checked() -> Expression {
    _ = unit
    return self
  }

  // MARK: Evaluating

  /// The value in base units, from the terms' own values.
  public var value: Double { value { $0.value } }

  /// The value with every term's value given by `termValue` (a draw, a lever path); the
  /// structure and units stay as built.
  public func value(with termValue: (Term) -> Double) -> Double {
    switch self {
    case .term(let term): return termValue(term)
    case .sum(let operands):
      var total = 0.0
      for operand in operands { total += operand.value(with: termValue) }
      return total
    case .product(let factors):
      var result = 1.0
      for factor in factors { result *= factor.value(with: termValue) }
      return result
    case .difference(let a, let b): return a.value(with: termValue) - b.value(with: termValue)
    case .quotient(let a, let b): return a.value(with: termValue) / b.value(with: termValue)
    case .power(let a, let p): return Self.raise(a.value(with: termValue), p)
    case .maximum(let a, let b): return Swift.max(a.value(with: termValue), b.value(with: termValue))
    case .minimum(let a, let b): return Swift.min(a.value(with: termValue), b.value(with: termValue))
    case .figure(_, let e): return e.value(with: termValue)
    }
  }

  // MARK: Units

  /// The unit of the value; traps when operands of a sum, difference, maximum or minimum differ
  /// in unit, or a fractional power is taken of a quantity with a unit.
  public var unit: UnitTag {
    switch self {
    case .term(let term): return term.unit
    case .sum(let operands):
      let units = operands.map(\.unit)
      let first = units.first ?? .one
      precondition(units.allSatisfy { $0 == first }, "sum of unlike units: \(units)")
      return first
    case .product(let factors): return factors.reduce(UnitTag.one) { $0 * $1.unit }
    case .difference(let a, let b), .maximum(let a, let b), .minimum(let a, let b):
      precondition(a.unit == b.unit || Self.isZero(a) || Self.isZero(b), "unlike units: \(a.unit) and \(b.unit)")
      return Self.isZero(a) ? b.unit : a.unit
    case .quotient(let a, let b): return a.unit / b.unit
    case .power(let a, let p):
      let u = a.unit
      if u == .one { return .one }
      precondition(p == p.rounded(), "fractional power of \(u)")
      return u.raised(to: Int(p))
    case .figure(_, let e): return e.unit
    }
  }

  // MARK: Tracing

  /// Every distinct term the expression uses (by identity), in order of first use; named
  /// figures are looked into.
  public var terms: [Term] {
    var seen = Set<TermID>()
    var result: [Term] = []
    visitTerms { term in if seen.insert(term.id).inserted { result.append(term) } }
    return result
  }

  /// The named figures the expression refers to directly (not those inside them).
  public var figures: [FigureID] {
    switch self {
    case .term: []
    case .figure(let id, _): [id]
    case .sum(let es), .product(let es): es.flatMap(\.figures)
    case .difference(let a, let b), .quotient(let a, let b), .maximum(let a, let b), .minimum(let a, let b):
      a.figures + b.figures
    case .power(let a, _): a.figures
    }
  }

  /// Calls `body` on every term occurrence, depth first, left to right.
  public func visitTerms(_ body: (Term) -> Void) {
    switch self {
    case .term(let term): body(term)
    case .sum(let es), .product(let es): for e in es { e.visitTerms(body) }
    case .difference(let a, let b), .quotient(let a, let b), .maximum(let a, let b), .minimum(let a, let b):
      a.visitTerms(body)
      b.visitTerms(body)
    case .power(let a, _): a.visitTerms(body)
    case .figure(_, let e): e.visitTerms(body)
    }
  }

  // MARK: Helpers

  static func isZero(_ e: Expression) -> Bool {
    if case .term(let t) = e, case .constant = t.kind, t.value == 0 { return true }
    return false
  }

  /// The shortest decimal that reads back to the same double (`0.525`, `1e-05`).
  static func literal(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  static func raise(_ x: Double, _ p: Double) -> Double { p == 1 ? x : pow(x, p) }
}

/// A figure: its identity and the one expression that computes it.
public struct Figure: Sendable, Hashable {
  public let id: FigureID
  public let expression: Expression

  /// A figure computed by `expression`.
  public init(_ id: FigureID, _ expression: Expression) {
    self.id = id
    self.expression = expression.checked()
  }

  /// The figure as an operand of another expression (rendered as its cell when it has one).
  public var reference: Expression { .figure(id, expression) }

  /// The value in base units.
  public var value: Double { expression.value }

  /// The unit of the value.
  public var unit: UnitTag { expression.unit }
}
