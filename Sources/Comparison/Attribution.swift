import CementModel

/// How a total change splits into the parts due to each group of methodology keys.
///
/// The groups that differ are applied to A one at a time, in `KeyGroup` order (factor set, grid
/// factor, process method, allocation, gap filling, other choices), each intermediate
/// methodology is accounted, and each group's part of a figure is the change its step made.
/// The last step ends at B itself. Figures are counted in whole grams of CO₂ (integer millionths of a tonne),
/// so the parts telescope: they add up exactly to B − A, with no rounding left over.
public struct Attribution: Sendable {
  /// The groups applied, in order.
  public let groups: [KeyGroup]
  /// Each figure's part per group, in millionths of a tonne of CO₂ (grams).
  public let parts: [FigureKey: [KeyGroup: Int64]]
  /// Each figure's total change B − A, in millionths of a tonne.
  public let totals: [FigureKey: Int64]

  /// Millionths of a tonne per tonne.
  public static let scale = 1_000_000.0

  /// A figure in millionths of a tonne, the integer the parts are counted in.
  public static func units(_ tonnes: Double?) -> Int64 { Int64(((tonnes ?? 0) * scale).rounded()) }
  /// Back to tonnes.
  public static func tonnes(_ units: Int64) -> Double { Double(units) / scale }

  /// Splits the change from `a` to `b`. `account` computes the figures of a methodology over the
  /// same inputs; `accountA` and `accountB` are the two ends, already computed.
  public static func attribute(
    from a: Methodology, to b: Methodology, accountA: FigureTable, accountB: FigureTable,
    account: (Methodology) throws -> FigureTable
  ) rethrows -> Attribution {
    let differing = KeyGroup.allCases.filter { ![.inputData, .identity].contains($0) && !a.sameGroup($0, as: b) }
    var states: [FigureTable] = [accountA]
    var current = a
    for (i, group) in differing.enumerated() {
      current = current.replacing(group, from: b)
      states.append(i == differing.count - 1 ? accountB : try account(current))
    }
    if differing.isEmpty { states.append(accountB) }
    let keys = Set(states.flatMap(\.values.keys))
    var parts: [FigureKey: [KeyGroup: Int64]] = [:]
    var totals: [FigureKey: Int64] = [:]
    for key in keys {
      var split: [KeyGroup: Int64] = [:]
      for (i, group) in differing.enumerated() {
        split[group] = units(states[i + 1].values[key]) - units(states[i].values[key])
      }
      parts[key] = split
      totals[key] = units(accountB.values[key]) - units(accountA.values[key])
    }
    return Attribution(groups: differing, parts: parts, totals: totals)
  }

  /// The parts of a year's total (all scopes, or one), summed over its figures.
  public func yearParts(_ year: Int, scope: String? = nil) -> [KeyGroup: Int64] {
    var sum: [KeyGroup: Int64] = [:]
    for (key, split) in parts where key.year == year && (scope == nil || key.scope == scope) {
      for (group, part) in split { sum[group, default: 0] += part }
    }
    return sum
  }

  /// A year's total change (all scopes, or one).
  public func yearTotal(_ year: Int, scope: String? = nil) -> Int64 {
    totals.filter { $0.key.year == year && (scope == nil || $0.key.scope == scope) }.values.reduce(0, +)
  }
}

extension Methodology {
  /// Whether a group of choices is the same in both methodologies.
  func sameGroup(_ group: KeyGroup, as other: Methodology) -> Bool {
    switch group {
    case .factorSet: factorSet == other.factorSet
    case .electricity: electricity == other.electricity
    case .process: process == other.process
    case .allocation: allocation == other.allocation
    case .gapFilling: gapFilling == other.gapFilling && copiedYears == other.copiedYears && timeSeries == other.timeSeries
    case .other:
      years == other.years && stageSeries == other.stageSeries && stages == other.stages && cementDerivation == other.cementDerivation
        && checks == other.checks
    case .inputData, .identity: true
    }
  }

  /// This methodology with one group of choices taken from `other` (memberwise, so every other
  /// choice stays as it is).
  func replacing(_ group: KeyGroup, from other: Methodology) -> Methodology {
    let take = { (g: KeyGroup) in g == group }
    return Methodology(
      name: name, title: title, files: files, years: take(.other) ? other.years : years,
      factorSet: take(.factorSet) ? other.factorSet : factorSet,
      electricity: take(.electricity) ? other.electricity : electricity,
      process: take(.process) ? other.process : process,
      allocation: take(.allocation) ? other.allocation : allocation,
      gapFilling: take(.gapFilling) ? other.gapFilling : gapFilling,
      copiedYears: take(.gapFilling) ? other.copiedYears : copiedYears,
      stageSeries: take(.other) ? other.stageSeries : stageSeries,
      stages: take(.other) ? other.stages : stages,
      timeSeries: take(.gapFilling) ? other.timeSeries : timeSeries,
      cementDerivation: take(.other) ? other.cementDerivation : cementDerivation,
      checks: take(.other) ? other.checks : checks)
  }
}
