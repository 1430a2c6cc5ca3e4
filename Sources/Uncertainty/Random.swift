#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SplitMix64 (Steele, Lea & Flood 2014): seeds the generators of the blocks of draws, so that
/// block `b` of seed `s` always draws the same numbers, whichever core computes it.
public struct SplitMix64: Sendable {
  private var state: UInt64
  public init(seed: UInt64) { state = seed }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// xoshiro256** (Blackman & Vigna 2018): the generator of the draws; small, fast, and the
/// same on every platform (no dependence on the system's random numbers).
public struct Xoshiro256StarStar: Sendable {
  private var s0, s1, s2, s3: UInt64

  /// The generator of block `block` of a run seeded with `seed`.
  public init(seed: UInt64, block: UInt64 = 0) {
    var mix = SplitMix64(seed: seed ^ (block &* 0xD1B5_4A32_D192_ED03))
    s0 = mix.next(); s1 = mix.next(); s2 = mix.next(); s3 = mix.next()
  }

  @inline(__always) public mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
    s2 ^= t
    s3 = s3 << 45 | s3 >> 19
    return result
  }

  /// A uniform value in [0, 1) from the top 53 bits.
  @inline(__always) public mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// A uniform value in (0, 1).
  @inline(__always) mutating func openUniform() -> Double { (Double(next() >> 11) + 0.5) * 0x1.0p-53 }

  /// A standard normal value by the ziggurat method (Marsaglia & Tsang 2000, 128 layers): the
  /// layer from the low 7 bits, the value from the high 32 bits; about one draw in 80 falls
  /// outside the rectangles and takes the exact wedge or tail step.
  public mutating func normal() -> Double { normal(Ziggurat.shared) }

  /// ``normal()`` with the tables at hand (the inner loop of a block).
  @inline(__always) mutating func normal(_ table: Ziggurat) -> Double {
    while true {
      let bits = next()
      let layer = Int(bits & 127)
      let hz = Int32(truncatingIfNeeded: bits >> 32)
      let x = Double(hz) * table.w[layer]
      if UInt32(hz.magnitude) < table.k[layer] { return x }
      if layer == 0 {
        // The tail beyond r (Marsaglia 1964).
        while true {
          let tx = -log(openUniform()) / Ziggurat.r
          let ty = -log(openUniform())
          if ty + ty >= tx * tx { return hz > 0 ? Ziggurat.r + tx : -Ziggurat.r - tx }
        }
      }
      if table.f[layer] + uniform() * (table.f[layer - 1] - table.f[layer]) < exp(-0.5 * x * x) { return x }
    }
  }
}

/// The tables of the 128-layer normal ziggurat (Marsaglia & Tsang 2000, `zigset`).
struct Ziggurat: Sendable {
  static let r = 3.442619855899
  static let shared = Ziggurat()
  let k: [UInt32]
  let w: [Double]
  let f: [Double]

  init() {
    let m1 = 2147483648.0, v = 9.91256303526217e-3
    var k = [UInt32](repeating: 0, count: 128), w = [Double](repeating: 0, count: 128), f = [Double](repeating: 0, count: 128)
    var dn = Self.r, tn = dn
    let q = v / exp(-0.5 * dn * dn)
    k[0] = UInt32(dn / q * m1)
    k[1] = 0
    w[0] = q / m1
    w[127] = dn / m1
    f[0] = 1
    f[127] = exp(-0.5 * dn * dn)
    for i in stride(from: 126, through: 1, by: -1) {
      dn = sqrt(-2 * log(v / dn + exp(-0.5 * dn * dn)))
      k[i + 1] = UInt32(dn / tn * m1)
      tn = dn
      f[i] = exp(-0.5 * dn * dn)
      w[i] = dn / m1
    }
    self.k = k
    self.w = w
    self.f = f
  }
}
