/// A problem found below the public API, before the reader knows which file and sheet it
/// belongs to; ``XLSXWorkbookReader`` turns it into an ``XLSXReadError``.
struct ReadFailure: Error, Sendable {
  var message: String
  var hint: String?
  /// The cell in A1 notation, when the problem is in one cell.
  var cell: String?

  init(_ message: String, hint: String? = nil, cell: String? = nil) {
    self.message = message
    self.hint = hint
    self.cell = cell
  }
}
