import Accounting
import CementModel

/// Renders an account as `emissions.csv`: one row per year, scope and source, CO₂ in tonnes at
/// full precision (the shortest decimal that reads back to the same double), flags joined by `;`.
public enum EmissionsCSV {
  public static let header = "province,methodology,year,scope,source,tco2,flags"

  public static func render(_ account: Account) -> String {
    var lines = [header]
    for year in account.years {
      for entry in year.entries {
        let flags = entry.calculation.flags.sorted().map(\.rawValue).joined(separator: ";")
        lines.append([
          field(account.province), field(account.methodology.name), "\(entry.year)", entry.scope.rawValue, field(entry.source),
          "\(entry.emissions.value(in: .tonnesCO2))", field(flags),
        ].joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Quotes a field when it holds a comma, a quote or a line break (RFC 4180).
  static func field(_ text: String) -> String {
    // By bytes: the four are ASCII, which UTF-8 never uses inside a longer sequence.
    guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
    return "\"" + replacingASCII(in: text) { $0 == 0x22 ? [0x22, 0x22] : nil } + "\""
  }
}

extension String {
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
