import Accounting
import CementModel

extension SeriesSelector {
  /// The selected figure of a year, or nil if the account has no such source.
  public func value(in year: YearAccount) -> Quantity<CO2Mass>? {
    switch self {
    case .aggregate(let a): year.total(a)
    case .source(let s): year.emissions(of: s)
    }
  }
}
