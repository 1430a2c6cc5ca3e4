/// An error of the pipeline, written for the person at the terminal: what went wrong, where,
/// and a hint. Errors of the stages keep their own messages.
public struct PipelineError: Error, Sendable, CustomStringConvertible {
  public let message: String
  public let hint: String?

  public init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }

  /// Wraps any stage error; its description is already written for people.
  public init(_ error: any Error) {
    if let error = error as? PipelineError {
      self = error
    } else {
      self.init("\(error)")
    }
  }

  public var description: String {
    let text = message.contains("error: ") ? message : "error: \(message)"
    return text + (hint.map { "\n  hint: \($0)" } ?? "")
  }
}
