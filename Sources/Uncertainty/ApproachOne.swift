import Calculation

/// IPCC 2006 Vol. 1 Ch. 3 §3.2.3.1, Approach 1: propagation of error over a figure's own
/// expression, for uncorrelated inputs.
///
/// - Products (Eq. 3.1): `U_total = √(U₁² + U₂² + … + U_n²)`, U in per cent of each factor;
///   written here in absolute terms, `(U·x)² = Σ_i (U_i x_i · Π_{j≠i} x_j)²`, which is the same
///   where no factor is zero.
/// - Sums (Eq. 3.2): `U_total = √((U₁x₁)² + (U₂x₂)² + …) / |x₁ + x₂ + …|`; differences alike.
/// - Quotients as products, powers `x^p` as `|p| U_x`.
/// A named figure is propagated once and reused.
public struct ApproachOne {
  /// The 95 % half-width U of each term, as a fraction of its value (0 for exact terms).
  let termU: (Term) -> Double
  private var memo: [FigureID: (value: Double, halfWidth: Double)] = [:]

  /// Propagation with `termU` giving each term's U (a fraction: 0.1 for ±10 %).
  public init(termU: @escaping (Term) -> Double) { self.termU = termU }

  /// The value of `expression` and its absolute 95 % half-width.
  public mutating func propagate(_ expression: Expression) -> (value: Double, halfWidth: Double) {
    switch expression {
    case .term(let term): return (term.value, abs(term.value) * termU(term))
    case .figure(let id, let inner):
      if let known = memo[id] { return known }
      let result = propagate(inner)
      memo[id] = result
      return result
    case .product(let factors): return product(factors.map { propagate($0) }, inverted: [])
    case .quotient(let a, let b):
      let x = propagate(a), y = propagate(b)
      return product([x, y], inverted: [1])
    case .sum(let operands):
      let parts = operands.map { propagate($0) }
      return (parts.reduce(0) { $0 + $1.value }, parts.reduce(0) { $0 + $1.halfWidth * $1.halfWidth }.squareRoot())
    case .difference(let a, let b):
      let x = propagate(a), y = propagate(b)
      return (x.value - y.value, (x.halfWidth * x.halfWidth + y.halfWidth * y.halfWidth).squareRoot())
    case .power(let a, let p):
      let x = propagate(a)
      let value = Expression.power(.number(x.value), p).value
      return (value, x.value == 0 ? 0 : abs(value) * abs(p) * x.halfWidth / abs(x.value))
    case .maximum(let a, let b):
      let x = propagate(a), y = propagate(b)
      return x.value >= y.value ? x : y
    case .minimum(let a, let b):
      let x = propagate(a), y = propagate(b)
      return x.value <= y.value ? x : y
    }
  }

  /// Eq. 3.1 over factors (those at `inverted` divide).
  private func product(_ parts: [(value: Double, halfWidth: Double)], inverted: Set<Int>) -> (value: Double, halfWidth: Double) {
    var value = 1.0
    for (i, p) in parts.enumerated() { value = inverted.contains(i) ? value / p.value : value * p.value }
    var squares = 0.0
    for (i, p) in parts.enumerated() {
      var others = 1.0
      for (j, q) in parts.enumerated() where j != i { others = inverted.contains(j) ? others / q.value : others * q.value }
      let sensitivity = inverted.contains(i) ? others / (p.value * p.value) : others
      squares += (p.halfWidth * sensitivity) * (p.halfWidth * sensitivity)
    }
    return (value, squares.squareRoot())
  }

  /// IPCC 2006 Vol. 1 Ch. 3 §3.2.3.1, trend uncertainty (the Approach 1 table): for sources x
  /// with base-year emissions C_x and year-t emissions D_x, the type A sensitivity
  /// `A_x = ((0.01 D_x + ΣD) / (0.01 C_x + ΣC) − 1) × 100 − (ΣD − ΣC) / ΣC × 100` (an input
  /// that changes alike in both years: a shared factor) and the type B sensitivity
  /// `B_x = D_x / ΣC` (an input with an error of its own each year: activity data);
  /// `U_trend = √Σ_x ((A_x U_A,x)² + (B_x U_B,x √2)²)`, in percentage points of the trend.
  /// - Parameter sources: per source, C_x, D_x, and the combined U (per cent) of its type A and
  ///   of its type B inputs (Eq. 3.1 over each group).
  /// - Returns: the trend `ΣD / ΣC − 1` and its uncertainty, both as fractions.
  public static func trend(_ sources: [(base: Double, year: Double, uA: Double, uB: Double)]) -> (trend: Double, uncertainty: Double) {
    let sumC = sources.reduce(0) { $0 + $1.base }, sumD = sources.reduce(0) { $0 + $1.year }
    guard sumC != 0 else { return (0, 0) }
    var squares = 0.0
    for x in sources {
      let a = ((0.01 * x.year + sumD) / (0.01 * x.base + sumC) - 1) * 100 - (sumD - sumC) / sumC * 100
      let b = x.year / sumC
      let fromA = a * x.uA * 100, fromB = b * x.uB * 100 * 2.0.squareRoot()
      squares += fromA * fromA + fromB * fromB
    }
    return (sumD / sumC - 1, squares.squareRoot() / 100)
  }
}
