import Foundation

/// An effect of the decomposition: one factor of the cement identity (`pathways.md` §6),
/// and, for the scenarios' wedges, CCUS.
public enum Effect: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
  /// Cement output.
  case activity
  /// Clinker per tonne of cement.
  case clinkerRatio = "clinker-ratio"
  /// Kiln energy per tonne of clinker.
  case thermalIntensity = "thermal-intensity"
  /// Each fuel's share of kiln energy.
  case fuelMix = "fuel-mix"
  /// Each fuel's CO₂ per unit of heat.
  case fuelFactors = "fuel-factors"
  /// Electricity per tonne of cement.
  case electricityIntensity = "electricity-intensity"
  /// CO₂ per MWh of grid electricity.
  case gridFactor = "grid-factor"
  /// Calcination CO₂ per tonne of clinker.
  case processFactor = "process-factor"
  /// The share of direct CO₂ left after capture, `1 − coverage × capture rate`.
  case ccus

  public var description: String { rawValue }
  public static func < (a: Effect, b: Effect) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// The additive LMDI-I decomposition (Ang 2004; Ang 2005, "The LMDI approach to decomposition
/// analysis: a practical guide", Energy Policy 33, 867–871; Ang 2015, Energy Policy 86, 233–238):
/// for `V = Σ_i Π_k x_{k,i}`, `ΔV_k = Σ_i L(V_i^T, V_i^0) · ln(x_{k,i}^T / x_{k,i}^0)`, with the
/// logarithmic mean `L(a, b) = (a − b) / (ln a − ln b)`, `L(a, a) = a`. The effects add up to
/// `V^T − V^0` with no residual.
public enum LMDI {
  /// One sub-aggregate `V_i = Π_k x_k`: each factor with its effect, in the two periods.
  public struct Component: Sendable, Hashable {
    public let factors: [(effect: Effect, from: Double, to: Double)]
    public init(_ factors: [(effect: Effect, from: Double, to: Double)]) { self.factors = factors }

    /// A component from two periods' factor values, where NaN marks a factor with no value (a
    /// factor per GJ of a fuel not burnt, whose sub-aggregate is zero): it takes the other
    /// period's value, so its log ratio is 0 and the change goes to the factor that is zero
    /// (the δ → 0 limit of Ang & Liu 2007).
    public init(pairing from: [(effect: Effect, value: Double)], _ to: [Double]) {
      factors = zip(from, to).map { p, q in
        switch (p.value.isNaN, q.isNaN) {
        case (true, true): (p.effect, 1, 1)
        case (true, false): (p.effect, q, q)
        case (false, true): (p.effect, p.value, p.value)
        case (false, false): (p.effect, p.value, q)
        }
      }
    }
    public var from: Double { factors.reduce(1) { $0 * $1.from } }
    public var to: Double { factors.reduce(1) { $0 * $1.to } }
    public static func == (a: Component, b: Component) -> Bool {
      a.factors.map(\.effect) == b.factors.map(\.effect) && a.factors.map(\.from) == b.factors.map(\.from)
        && a.factors.map(\.to) == b.factors.map(\.to)
    }
    public func hash(into hasher: inout Hasher) { for f in factors { hasher.combine(f.effect); hasher.combine(f.from); hasher.combine(f.to) } }
  }

  /// The logarithmic mean of two positive numbers, `L(a, a) = a`.
  ///
  /// Near `a = b` the quotient loses digits, so there the series `L ≈ m (1 − d²/3)` in
  /// `m = (a + b)/2`, `d = (a − b)/(a + b)` is used (its next term is of order d⁴).
  public static func logarithmicMean(_ a: Double, _ b: Double) -> Double {
    if a == b { return a }
    let m = (a + b) / 2
    let d = (a - b) / (a + b)
    if abs(d) < 1e-4 { return m * (1 - d * d / 3 - 4 * d * d * d * d / 45) }
    return (a - b) / (log(a) - log(b))
  }

  /// The effects of one period change of `components`, by LMDI-I.
  ///
  /// Zeros as Ang & Liu (2007, Energy Policy 35, 238–246) prescribe by the analytical limit
  /// of the small-value strategy: a sub-aggregate zero in both periods contributes nothing; one
  /// that appears (`V_i^0 = 0 < V_i^T`) gives `V_i^T` to the factors that are zero in the first
  /// period (shared equally when several are), and one that disappears gives `−V_i^0` to the
  /// factors zero in the last period. A factor that is not a positive finite number in a period
  /// where its sub-aggregate is positive cannot be decomposed: its sub-aggregate's change goes
  /// to that factor's effect, so the sum stays exact.
  public static func decompose(_ components: [Component]) -> [Effect: Double] {
    var effects: [Effect: Double] = [:]
    for component in components {
      let v0 = component.from, vT = component.to
      // A product that is not a number (fuel burnt in a year with no clinker: 0 × ∞) cannot be
      // decomposed; it is left out (a known gap: such pairs do not add up exactly).
      guard v0.isFinite, vT.isFinite else { continue }
      if v0 == 0 && vT == 0 { continue }
      if v0 == 0 || vT == 0 {
        let zeroIn = component.factors.filter { v0 == 0 ? $0.from == 0 : $0.to == 0 }.map(\.effect)
        let recipients = zeroIn.isEmpty ? [component.factors.first!.effect] : zeroIn
        for effect in recipients { effects[effect, default: 0] += (vT - v0) / Double(recipients.count) }
        continue
      }
      let weight = logarithmicMean(vT, v0)
      var assigned = 0.0
      var broken: Effect?
      for factor in component.factors {
        guard factor.from > 0, factor.to > 0, factor.from.isFinite, factor.to.isFinite else {
          broken = broken ?? factor.effect
          continue
        }
        let effect = weight * log(factor.to / factor.from)
        effects[factor.effect, default: 0] += effect
        assigned += effect
      }
      if let broken { effects[broken, default: 0] += (vT - v0) - assigned }
    }
    return effects
  }
}
