/// Years as runs of consecutive years.
public enum YearRuns {
  /// `[2000, 2001, 2002, 2005]` → `[2000...2002, 2005...2005]`.
  public static func runs<S: Sequence<Int>>(_ years: S) -> [ClosedRange<Int>] {
    var result: [ClosedRange<Int>] = []
    for year in Set(years).sorted() {
      if let last = result.last, last.upperBound + 1 == year {
        result[result.count - 1] = last.lowerBound...year
      } else {
        result.append(year...year)
      }
    }
    return result
  }

  /// `2000–2002, 2005`.
  public static func text(_ runs: [ClosedRange<Int>]) -> String {
    runs.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }.joined(separator: ", ")
  }
}
