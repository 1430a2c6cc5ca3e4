import Calculation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The expressions of one account (or of several, for a national sum) compiled once into a flat
/// program over term indices, evaluated over a block of draws at a time (structure of arrays:
/// one row of `blockSize` values per draw key and per intermediate result).
///
/// A term is an input slot: its central value times the multiplier drawn for its draw key (one
/// key per term identity, so a factor shared by every year is one draw for all of them), or a
/// constant when it has no uncertainty. A named figure is compiled once, however many figures
/// refer to it. The program computes each figure by its own expression; there is no second
/// formula.
struct Program: Sendable {
  enum Kind: Sendable, Hashable {
    case product, sum, difference, quotient, maximum, minimum
    case power(Double)
  }

  /// `out = constant ⊗ keys ⊗ slots` for products and sums; binary kinds use `slots[0]`, `slots[1]`.
  struct Op: Sendable {
    var kind: Kind
    var constant: Double
    var keys: [Int]
    /// For sums: the central value each key's multiplier is scaled by.
    var keyScales: [Double]
    var slots: [Int]
    var out: Int
  }

  /// An operand while compiling.
  enum Operand {
    case constant(Double)
    case key(Int, scale: Double)
    case slot(Int)
  }

  private(set) var ops: [Op] = []
  private(set) var slotCount = 0
  private var figureSlots: [FigureID: Operand] = [:]
  /// The draw key of each term identity that has one.
  let keyOf: [TermID: Int]

  init(keyOf: [TermID: Int]) { self.keyOf = keyOf }

  /// Compiles `expression` and returns the slot holding its value (a constant gets a slot too).
  mutating func output(_ expression: Expression) -> Int { materialise(compile(expression)) }

  private mutating func newSlot() -> Int {
    slotCount += 1
    return slotCount - 1
  }

  private mutating func materialise(_ operand: Operand) -> Int {
    switch operand {
    case .slot(let s): return s
    case .constant(let c):
      let out = newSlot()
      ops.append(Op(kind: .product, constant: c, keys: [], keyScales: [], slots: [], out: out))
      return out
    case .key(let k, let scale):
      let out = newSlot()
      ops.append(Op(kind: .product, constant: scale, keys: [k], keyScales: [], slots: [], out: out))
      return out
    }
  }

  private mutating func compile(_ expression: Expression) -> Operand {
    switch expression {
    case .term(let term):
      if let key = keyOf[term.id] { return .key(key, scale: term.value) }
      return .constant(term.value)
    case .figure(let id, let inner):
      if let known = figureSlots[id] { return known }
      let compiled = compile(inner)
      let operand: Operand = if case .key = compiled { .slot(materialise(compiled)) } else { compiled }
      figureSlots[id] = operand
      return operand
    case .product(let factors):
      var constant = 1.0
      var keys: [Int] = [], slots: [Int] = []
      for factor in factors {
        switch compile(factor) {
        case .constant(let c): constant *= c
        case .key(let k, let scale):
          constant *= scale
          keys.append(k)
        case .slot(let s): slots.append(s)
        }
      }
      if keys.isEmpty && slots.isEmpty { return .constant(constant) }
      let out = newSlot()
      ops.append(Op(kind: .product, constant: constant, keys: keys, keyScales: [], slots: slots, out: out))
      return .slot(out)
    case .sum(let operands):
      var constant = 0.0
      var keys: [Int] = [], scales: [Double] = [], slots: [Int] = []
      for operand in operands {
        switch compile(operand) {
        case .constant(let c): constant += c
        case .key(let k, let scale):
          keys.append(k)
          scales.append(scale)
        case .slot(let s): slots.append(s)
        }
      }
      if keys.isEmpty && slots.isEmpty { return .constant(constant) }
      let out = newSlot()
      ops.append(Op(kind: .sum, constant: constant, keys: keys, keyScales: scales, slots: slots, out: out))
      return .slot(out)
    case .difference(let a, let b): return binary(.difference, a, b) { $0 - $1 }
    case .quotient(let a, let b): return binary(.quotient, a, b) { $0 / $1 }
    case .maximum(let a, let b): return binary(.maximum, a, b) { Swift.max($0, $1) }
    case .minimum(let a, let b): return binary(.minimum, a, b) { Swift.min($0, $1) }
    case .power(let a, let p):
      let base = compile(a)
      if case .constant(let c) = base { return .constant(p == 1 ? c : pow(c, p)) }
      let out = newSlot()
      ops.append(Op(kind: .power(p), constant: 0, keys: [], keyScales: [], slots: [materialise(base)], out: out))
      return .slot(out)
    }
  }

  private mutating func binary(_ kind: Kind, _ a: Expression, _ b: Expression, _ fold: (Double, Double) -> Double) -> Operand {
    let x = compile(a), y = compile(b)
    if case .constant(let cx) = x, case .constant(let cy) = y { return .constant(fold(cx, cy)) }
    let sx = materialise(x), sy = materialise(y)
    let out = newSlot()
    ops.append(Op(kind: kind, constant: 0, keys: [], keyScales: [], slots: [sx, sy], out: out))
    return .slot(out)
  }

  /// Evaluates every op over `count` draws: `keys` holds one row of `stride` multipliers per
  /// draw key, `slots` one row per slot.
  func evaluate(keys: UnsafePointer<Double>, slots: UnsafeMutablePointer<Double>, stride: Int, count: Int) {
    for op in ops {
      let out = slots + op.out * stride
      switch op.kind {
      case .product:
        for i in 0..<count { out[i] = op.constant }
        for k in op.keys {
          let row = keys + k * stride
          for i in 0..<count { out[i] *= row[i] }
        }
        for s in op.slots {
          let row = UnsafePointer(slots + s * stride)
          for i in 0..<count { out[i] *= row[i] }
        }
      case .sum:
        for i in 0..<count { out[i] = op.constant }
        for (k, scale) in zip(op.keys, op.keyScales) {
          let row = keys + k * stride
          for i in 0..<count { out[i] += scale * row[i] }
        }
        for s in op.slots {
          let row = UnsafePointer(slots + s * stride)
          for i in 0..<count { out[i] += row[i] }
        }
      case .difference:
        let a = UnsafePointer(slots + op.slots[0] * stride), b = UnsafePointer(slots + op.slots[1] * stride)
        for i in 0..<count { out[i] = a[i] - b[i] }
      case .quotient:
        let a = UnsafePointer(slots + op.slots[0] * stride), b = UnsafePointer(slots + op.slots[1] * stride)
        for i in 0..<count { out[i] = a[i] / b[i] }
      case .maximum:
        let a = UnsafePointer(slots + op.slots[0] * stride), b = UnsafePointer(slots + op.slots[1] * stride)
        for i in 0..<count { out[i] = Swift.max(a[i], b[i]) }
      case .minimum:
        let a = UnsafePointer(slots + op.slots[0] * stride), b = UnsafePointer(slots + op.slots[1] * stride)
        for i in 0..<count { out[i] = Swift.min(a[i], b[i]) }
      case .power(let p):
        let a = UnsafePointer(slots + op.slots[0] * stride)
        for i in 0..<count { out[i] = pow(a[i], p) }
      }
    }
  }
}
