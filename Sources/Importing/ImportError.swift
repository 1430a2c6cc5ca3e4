import CementModel

/// A table that cannot be imported: where the problem is, what is wrong, and how to fix it.
///
/// Prints like a compiler diagnostic:
/// `Inputs/yearbook/liaoning/2013.csv:14:3: error: expected a number in column "Coke (10 000 t)", found "1,2x"`.
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file, and the line and column when the problem is in one place.
  public let location: SourceLocation
  /// What is wrong, for the person who will fix the table.
  public let message: String
  /// How to fix it, when there is something useful to say.
  public let hint: String?

  public init(_ message: String, at location: SourceLocation, hint: String? = nil) {
    self.location = location
    self.message = message
    self.hint = hint
  }

  /// `path:line:column: error: message`, then `  hint: …` on a second line when there is a hint.
  public var description: String {
    "\(location): error: \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
  }
}
