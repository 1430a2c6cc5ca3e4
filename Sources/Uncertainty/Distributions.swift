import CementModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The 97.5 % point of the standard normal distribution: a 95 % half-width is 1.96 σ.
public let z975 = 1.959963984540054

extension InputUncertainty {
  /// The relative standard deviation σ/μ of the input (μ the central value the account uses),
  /// from the shape and the bounds (IPCC 2006 Vol. 1 Ch. 3 §3.2.2.4):
  /// - normal: the bounds are the 2.5 % and 97.5 % points, σ = (upper − lower) / (2 × 1.96);
  /// - lognormal: ln(1 + bound) are the 2.5 % and 97.5 % points of a normal of mean m, sd s;
  ///   σ/μ = e^(m + s²/2) √(e^(s²) − 1);
  /// - triangular (mode 0, edges lower and upper): σ² = (l² + u² − l·u) / 18;
  /// - uniform: σ = (upper − lower) / √12.
  public var relativeStandardDeviation: Double {
    switch shape {
    case .normal: return (upper - lower) / (2 * z975)
    case .lognormal:
      let (m, s) = logParameters
      return exp(m + s * s / 2) * sqrt(exp(s * s) - 1)
    case .triangular: return sqrt((lower * lower + upper * upper - lower * upper) / 18)
    case .uniform: return (upper - lower) / 12.0.squareRoot()
    }
  }

  /// The IPCC percentage uncertainty U (half the 95 % interval over the mean) as a fraction,
  /// taken as 1.96 σ/μ: the form Approach 1 propagates (Eq. 3.1, 3.2).
  public var approachOneU: Double { z975 * relativeStandardDeviation }

  /// The mean and standard deviation of ln(value / central) for a lognormal input.
  var logParameters: (m: Double, s: Double) {
    let a = log1p(lower), b = log1p(upper)
    return ((a + b) / 2, (b - a) / (2 * z975))
  }

  /// The sampler of value / central.
  var sampler: RelativeSampler {
    switch shape {
    case .normal: return .normal(sigma: relativeStandardDeviation, shift: (lower + upper) / 2)
    case .lognormal:
      let (m, s) = logParameters
      return .lognormal(m: m, s: s)
    case .triangular:
      let width = upper - lower
      return .triangular(lower: lower, upper: upper, modeQuantile: width == 0 ? 0 : -lower / width)
    case .uniform: return .uniform(lower: lower, width: upper - lower)
    }
  }
}

/// How one draw of value / central is made from the generator.
enum RelativeSampler: Sendable, Hashable {
  case normal(sigma: Double, shift: Double)
  case lognormal(m: Double, s: Double)
  case triangular(lower: Double, upper: Double, modeQuantile: Double)
  case uniform(lower: Double, width: Double)

  /// Fills `out` with `count` multipliers (value / central), in order.
  func fill(_ out: UnsafeMutablePointer<Double>, count: Int, _ rng: inout Xoshiro256StarStar) {
    switch self {
    case .normal(let sigma, let shift):
      let table = Ziggurat.shared
      for i in 0..<count { out[i] = 1 + shift + sigma * rng.normal(table) }
    case .lognormal(let m, let s):
      let table = Ziggurat.shared
      for i in 0..<count { out[i] = exp(m + s * rng.normal(table)) }
    case .triangular(let l, let u, let c):
      let width = u - l
      for i in 0..<count {
        let v = rng.uniform()
        out[i] = 1 + (v < c ? l + (v * width * -l).squareRoot() : u - ((1 - v) * width * u).squareRoot())
      }
    case .uniform(let l, let width):
      for i in 0..<count { out[i] = 1 + l + width * rng.uniform() }
    }
  }
}
