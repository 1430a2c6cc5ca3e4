import CementModel

/// How far one methodology moves a national total against another, split by group of
/// choices: the process basis, the factors of the fuels both count, the grid factor, the fuels
/// only one counts, and everything else.
///
/// As ``Attribution`` does for one province: the groups are applied to A one at a time, in
/// ``Step`` order, each intermediate methodology is accounted (every province, summed), and each
/// step's part is the change it made; the parts add up to B − A.
public struct NationalAttribution: Sendable {
  /// The groups, in the order they are applied.
  public enum Step: String, Sendable, Hashable, CaseIterable {
    /// `process`: factor and clinker basis.
    case processBasis = "process basis"
    /// The factors of the fuels both methodologies count.
    case factors
    /// `electricity`: the grid factor.
    case grid
    /// Fuels only one of them counts (a factor added or removed).
    case fuels
    /// Allocation, gap filling and the other choices.
    case other = "other choices"
  }

  /// The two methodologies' names.
  public let from: String
  public let to: String
  /// National total by year, t CO₂, under A and under B.
  public let totalA: [Int: Double]
  public let totalB: [Int: Double]
  /// Each step's part of B − A by year, t CO₂.
  public let parts: [Step: [Int: Double]]

  public var years: [Int] { Set(totalA.keys).union(totalB.keys).sorted() }

  /// The part of a step over all years, t CO₂.
  public func part(_ step: Step) -> Double { parts[step]?.values.reduce(0, +) ?? 0 }

  /// B − A over all years, t CO₂.
  public var change: Double { totalB.values.reduce(0, +) - totalA.values.reduce(0, +) }

  /// The methodology after each step, from `a` towards `b`; the last is `b`'s choices.
  public static func steps(from a: Methodology, to b: Methodology) -> [(step: Step, methodology: Methodology)] {
    var current = a.replacing(.process, from: b)
    var result: [(Step, Methodology)] = [(.processBasis, current)]
    var fuels = current.factorSet.fuels
    for (fuel, factors) in b.factorSet.fuels where fuels[fuel] != nil { fuels[fuel] = factors }
    current = current.replacing(
      .factorSet, from: b.with(factorSet: FactorSet(name: b.factorSet.name, source: b.factorSet.source, fuels: fuels)))
    result.append((.factors, current))
    current = current.replacing(.electricity, from: b)
    result.append((.grid, current))
    current = current.replacing(.factorSet, from: b)
    result.append((.fuels, current))
    for group in [KeyGroup.allocation, .gapFilling, .other] { current = current.replacing(group, from: b) }
    result.append((.other, current))
    return result
  }

  /// Splits B − A. `account` gives the national total by year (t CO₂) under a methodology;
  /// `totalA` and `totalB` are the two ends, already computed.
  public static func attribute(
    from a: Methodology, to b: Methodology, totalA: [Int: Double], totalB: [Int: Double], account: (Methodology) throws -> [Int: Double]
  ) rethrows -> NationalAttribution {
    let steps = steps(from: a, to: b)
    var previous = totalA
    var parts: [Step: [Int: Double]] = [:]
    for (index, (step, methodology)) in steps.enumerated() {
      let next = index == steps.count - 1 ? totalB : try account(methodology)
      var part: [Int: Double] = [:]
      for year in Set(previous.keys).union(next.keys) { part[year] = (next[year] ?? 0) - (previous[year] ?? 0) }
      parts[step] = part
      previous = next
    }
    return NationalAttribution(from: a.name, to: b.name, totalA: totalA, totalB: totalB, parts: parts)
  }
}

extension Methodology {
  /// This methodology with another factor set.
  func with(factorSet: FactorSet) -> Methodology {
    Methodology(
      name: name, title: title, files: files, years: years, factorSet: factorSet, electricity: electricity, process: process,
      allocation: allocation, gapFilling: gapFilling, copiedYears: copiedYears, stageSeries: stageSeries, stages: stages,
      timeSeries: timeSeries, cementDerivation: cementDerivation, checks: checks)
  }
}
