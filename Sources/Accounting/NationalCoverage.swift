import CementModel

/// What a national yearly sum rests on: how many provinces' figures were observed as read,
/// filled, replaced or flagged, how many are missing, and the share of the sum that is imputed.
public struct YearCoverage: Sendable, Hashable {
  public let year: Int
  /// Provinces whose every figure of the year was read as published.
  public let observed: Int
  /// Provinces with a figure filled by a time-series method (carried forward, interpolated, spliced …).
  public let filled: Int
  /// Provinces with a figure replaced as an outlier.
  public let replaced: Int
  /// Provinces with an anomaly at warning level or above kept as observed.
  public let flagged: Int
  /// Provinces without a figure for the year (not accounted, or the year outside their inputs).
  public let missing: Int
  /// Provinces whose year lacks a series they have in other years (a gap left not available):
  /// their total of the year is incomplete. Each entry: `province: coke, lpg`.
  public let incomplete: [String]
  /// The share of the national total resting on filled or replaced figures.
  public let imputedShare: Double
  /// What replacing the outliers changed in the national total (treated − as observed).
  public let treatmentEffect: Quantity<CO2Mass>

  /// The flags of a figure that was not read but estimated.
  public static let imputedFlags: Set<Flag> = [.carriedForward, .interpolated, .spliced, .surrogate, .extrapolated, .replaced]

  /// The coverage of every year of `accounts`; `failed` provinces count as missing in every year.
  public static func of(_ accounts: [Account], years: [Int], failed: Int = 0) -> [YearCoverage] {
    years.map { year in
      var observed = 0, filled = 0, replaced = 0, flagged = 0, missing = failed
      var imputed = 0.0, total = 0.0, effect = 0.0
      var incomplete: [String] = []
      for account in accounts {
        guard let entry = account[year] else {
          missing += 1
          continue
        }
        let lacking = account.activity.fuels.filter { !$0.value.isEmpty && $0.value[year] == nil }.keys.map(\.id).sorted()
        if !lacking.isEmpty { incomplete.append("\(account.province): \(lacking.joined(separator: ", "))") }
        let flags = entry.entries.reduce(into: Set<Flag>()) { $0.formUnion($1.calculation.flags) }
        total += entry.total(.total).baseValue
        imputed += entry.entries.filter { !$0.calculation.flags.isDisjoint(with: imputedFlags) }.reduce(0) { $0 + $1.emissions.baseValue }
        effect += account.treatmentEffect[year]?.baseValue ?? 0
        if flags.contains(.replaced) {
          replaced += 1
        } else if account.anomalies.contains(where: { $0.year == year && $0.level >= .warning && $0.treatment == .flagged && $0.kind != .confirmedChange }) {
          flagged += 1
        } else if !flags.isDisjoint(with: imputedFlags) {
          filled += 1
        } else {
          observed += 1
        }
      }
      return YearCoverage(
        year: year, observed: observed, filled: filled, replaced: replaced, flagged: flagged, missing: missing, incomplete: incomplete,
        imputedShare: total > 0 ? imputed / total : 0, treatmentEffect: Quantity(baseValue: effect))
    }
  }
}

extension NationalSummary {
  /// Every province's anomalies, ranked (level, then score).
  public static func anomalies(of accounts: [Account]) -> [Anomaly] {
    accounts.flatMap(\.anomalies).sorted(by: Anomaly.ranked)
  }
}
