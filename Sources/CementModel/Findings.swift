/// Something a stage noticed that a reader of the account must see: a filled gap, a copied
/// year, an unknown column, a value differing from a published table. Findings travel with the
/// result to the run summary and the workbook's `Checks` sheet; `--strict` turns warnings into errors.
public struct Finding: Sendable, Hashable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, Comparable {
    case note, warning, error
    public static func < (a: Severity, b: Severity) -> Bool {
      let order: [Severity] = [.note, .warning, .error]
      return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
  }

  public let severity: Severity
  /// A short stable name for the kind of finding (`gap-filled`, `copied-year`, `unknown-column` …).
  public let check: String
  public let message: String
  public let location: SourceLocation?
  public let year: Int?

  public init(_ severity: Severity, check: String, _ message: String, at location: SourceLocation? = nil, year: Int? = nil) {
    self.severity = severity
    self.check = check
    self.message = message
    self.location = location
    self.year = year
  }

  /// `path:line:column: warning: message`, like a compiler.
  public var description: String {
    let prefix = location.map { "\($0): " } ?? ""
    return "\(prefix)\(severity.rawValue): \(message)"
  }
}
