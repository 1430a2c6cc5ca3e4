import CementModel

/// Fills the years a series lacks, by the methodology's rule, and records on each filled value
/// how it was made and from which observations.
public struct GapFiller: Sendable {
  public let rule: GapFilling
  public let years: ClosedRange<Int>

  public init(rule: GapFilling, years: ClosedRange<Int>) {
    self.rule = rule
    self.years = years
  }

  /// The filled series and the years it could not fill (no observation on the needed side).
  public func fill<V: Interpolatable>(_ observed: [Int: Traced<V>]) -> (values: [Int: Traced<V>], unfilled: [Int]) {
    var values = observed.filter { years.contains($0.key) }
    var unfilled: [Int] = []
    let known = observed.keys.sorted()
    for year in years where observed[year] == nil {
      let before = known.last { $0 < year }
      let after = known.first { $0 > year }
      switch (rule, before, after) {
      case (.carryForward, let b?, _):
        values[year] = observed[b]!.map("carried forward from \(b) (gap-filling: carry-forward)", flag: .carriedForward) { $0 }
      case (.linear, let b?, let a?):
        let weight = Double(year - b) / Double(a - b)
        let low = observed[b]!, high = observed[a]!
        var value = Traced(
          V.interpolate(low.value, high.value, weight: weight), sources: low.sources + high.sources,
          steps: ["interpolated linearly between \(b) and \(a), weight \(weight) (gap-filling: linear)"], flags: [.interpolated])
        value.flags.formUnion(low.flags.union(high.flags).subtracting([.copiedYear]))
        values[year] = value
      default:
        unfilled.append(year)
      }
    }
    return (values, unfilled)
  }
}

/// A value two observations can be interpolated between.
public protocol Interpolatable: Sendable, Hashable {
  static func interpolate(_ a: Self, _ b: Self, weight: Double) -> Self
}

extension ActivityAmount: Interpolatable {
  public static func interpolate(_ a: ActivityAmount, _ b: ActivityAmount, weight: Double) -> ActivityAmount {
    ActivityAmount(dimension: a.dimension, baseValue: a.baseValue + (b.baseValue - a.baseValue) * weight)
  }
}

extension Quantity: Interpolatable {
  public static func interpolate(_ a: Quantity, _ b: Quantity, weight: Double) -> Quantity {
    Quantity(baseValue: a.baseValue + (b.baseValue - a.baseValue) * weight)
  }
}

/// Finds years whose values equal the previous year's in every fuel, the signature of a year
/// filled by copying (the study's 2008 = 2007 and 2018 = 2017).
public enum CopiedYearDetector {
  /// Copied year → the year it repeats. A year counts only when both years have values for
  /// the same fuels and at least one is non-zero.
  public static func copiedYears(in series: [Fuel: [Int: ActivityValue]]) -> [Int: Int] {
    let allYears = Set(series.values.flatMap(\.keys)).sorted()
    var copied: [Int: Int] = [:]
    for year in allYears where allYears.contains(year - 1) {
      var sameEverywhere = true, anyNonZero = false
      for values in series.values {
        let a = values[year - 1]?.value, b = values[year]?.value
        if a != b { sameEverywhere = false; break }
        if let b, b.baseValue != 0 { anyNonZero = true }
      }
      if sameEverywhere && anyNonZero { copied[year] = year - 1 }
    }
    return copied
  }
}
