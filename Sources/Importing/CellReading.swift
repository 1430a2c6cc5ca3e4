import CementModel

/// What a value cell says, before any unit is applied.
enum CellReading: Sendable, Hashable {
  /// A non-negative number; `digits` is the number as read, without separators (`1234.5`).
  case number(Double, digits: String)
  /// A dash: the source prints none, which is zero.
  case dash
  /// Empty, `…`, `NA`: the source gives no value.
  case notAvailable
}

/// Why a cell could not be read, for the caller to place in a message.
enum CellProblem: Error, Sendable, Hashable {
  case notANumber
  case negative
  case tooLarge
}

/// Reads value cells by the yearbooks' conventions.
///
/// - Empty, `…`, `……`, `...`, `NA`, `N/A`, `n.a.` → not available.
/// - A cell of dashes only (`-`, `—`, `–`, `－`, `--`, `——`) → zero: yearbooks print a dash for "none".
/// - Numbers may use thousands separators (`1,234.5`), full-width digits and punctuation
///   (`１２３．４`, `１，２３４`) and surrounding spaces. No exponents, no signs: a negative
///   amount is an error, not a value.
enum CellReader {
  static func read(_ text: String) throws(CellProblem) -> CellReading {
    let form = TextForms.trim(TextForms.halfWidth(text))
    if notAvailableForms.contains(form.lowercased()) { return .notAvailable }
    if !form.isEmpty && form.allSatisfy({ dashes.contains($0) }) { return .dash }
    if let first = form.first, minusSigns.contains(first), digits(String(form.dropFirst())) != nil {
      throw .negative
    }
    guard let digits = digits(form) else { throw .notANumber }
    guard let value = Double(digits), value.isFinite else { throw .tooLarge }
    return .number(value, digits: digits)
  }

  /// Whether a cell holds a number (not a dash, not empty, not `…`).
  static func isNumber(_ text: String) -> Bool {
    guard let reading = try? read(text) else { return false }
    if case .number = reading { return true }
    return false
  }

  private static let notAvailableForms: Set<String> = ["", "…", "……", "...", "......", "na", "n/a", "n.a.", "n.a"]
  private static let dashes: Set<Character> = ["-", "—", "–", "―", "‐", "−"]
  private static let minusSigns: Set<Character> = ["-", "−", "–"]

  /// The number without thousands separators, or nil when `form` is not a plain decimal number.
  /// Separators must group by three: `1,234.5` is read, `1,23` is not.
  static func digits(_ form: String) -> String? {
    let parts = form.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let integerPart = parts.first else { return nil }
    let fraction = parts.count == 2 ? parts[1] : ""
    guard fraction.allSatisfy(TextForms.isDigit), parts.count == 1 || !fraction.isEmpty || !integerPart.isEmpty
    else { return nil }
    guard let integer = integerDigits(integerPart), !(integer.isEmpty && fraction.isEmpty) else { return nil }
    let whole = integer.isEmpty ? "0" : integer
    return fraction.isEmpty ? whole : "\(whole).\(fraction)"
  }

  private static func integerDigits(_ text: Substring) -> String? {
    guard text.contains(where: { $0 == "," }) else { return text.allSatisfy(TextForms.isDigit) ? String(text) : nil }
    let groups = text.split(separator: ",", omittingEmptySubsequences: false)
    guard let head = groups.first, (1...3).contains(head.count),
      groups.allSatisfy({ $0.allSatisfy(TextForms.isDigit) }),
      groups.dropFirst().allSatisfy({ $0.count == 3 })
    else { return nil }
    return groups.joined()
  }
}
