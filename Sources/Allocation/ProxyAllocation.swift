import CementModel

/// Apportions the non-metallic mineral products industry's fuel use to cement.
///
/// The study uses the whole industry as the proxy (share 1). A methodology may instead give a
/// fixed share or a share per year; every allocated value records the share it was given.
public struct ProxyAllocation: Sendable {
  public let rule: AllocationRule

  public init(rule: AllocationRule) { self.rule = rule }

  /// Cement's fuel use: each fuel value × the year's share. Products and the reference total
  /// are not allocated.
  public func allocate(_ industry: ActivitySeries) throws(AllocationError) -> ActivitySeries {
    var shares: [Int: Fraction] = [:]
    for year in industry.years {
      guard let share = rule.share.value(for: year) else {
        throw AllocationError(year: year, message: "the allocation share has no value for \(year)")
      }
      shares[year] = share
    }
    var cement = industry
    cement.allocationShares = shares
    cement.fuels = industry.fuels.mapValues { series in
      Dictionary(uniqueKeysWithValues: series.map { year, value in
        let share = shares[year]!
        return (year, value.map(Self.step(share), flag: share == .one ? nil : .allocated) { Self.cementShare(of: $0, share: share) })
      })
    }
    return cement
  }

  /// Cement's share of the industry's use of a fuel.
  public static func cementShare(of industry: ActivityAmount, share: Fraction) -> ActivityAmount {
    industry.scaled(by: share.value)
  }

  private static func step(_ share: Fraction) -> String {
    share == .one ? "allocated to cement: share 1 (the whole industry is the proxy)" : "allocated to cement: share \(share.value)"
  }
}

/// An allocation that cannot be made.
public struct AllocationError: Error, Sendable, CustomStringConvertible {
  public let year: Int
  public let message: String
  public var description: String { "error: \(message)\n  hint: give 'allocation.share' a constant or a value for every year of the methodology" }
}
