internal import CXlsxWriter

/// A failure while building or writing a workbook, worded for the person reading it:
/// `cannot write 'out/accounts.xlsx': Error creating output xlsx file. Usually a permissions error.`
public struct XLSXError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong, coarsely, for code that needs to react to it.
  public enum Kind: Sendable, Equatable {
    /// libxlsxwriter reported an error (its message is in ``XLSXError/message``).
    case library
    /// The workbook was already closed, so its C memory is gone.
    case workbookClosed
    /// An argument was rejected before it reached libxlsxwriter (a negative row, a NaN).
    case invalidArgument
    /// The finished file could not be moved into place.
    case fileSystem
  }

  /// The coarse kind of failure.
  public let kind: Kind
  /// What was being attempted, e.g. `write 'out.xlsx'` or `add worksheet 'bad/name'`.
  public let operation: String
  /// Why it failed: libxlsxwriter's own message or ours.
  public let message: String

  /// Creates an error; ``description`` reads `cannot <operation>: <message>`.
  public init(kind: Kind, operation: String, message: String) {
    self.kind = kind
    self.operation = operation
    self.message = message
  }

  /// `cannot <operation>: <message>`.
  public var description: String { "cannot \(operation): \(message)" }

  static func library(_ code: lxw_error, _ operation: String) -> XLSXError {
    XLSXError(kind: .library, operation: operation, message: String(cString: lxw_strerror(code)))
  }

  static func closed(_ operation: String) -> XLSXError {
    XLSXError(kind: .workbookClosed, operation: operation, message: "workbook already closed")
  }

  static func invalid(_ operation: String, _ message: String) -> XLSXError {
    XLSXError(kind: .invalidArgument, operation: operation, message: message)
  }
}

/// Throws a library error unless `code` is `LXW_NO_ERROR`.
func check(_ code: lxw_error, _ operation: @autoclosure () -> String) throws(XLSXError) {
  guard code == LXW_NO_ERROR else { throw .library(code, operation()) }
}
