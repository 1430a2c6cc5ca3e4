import Mustache

/// A report template that cannot be used, with where the problem is: printed like a compiler
/// error, `Templates/report.en.md.mustache:12:5: error: a section is not closed …`, followed by
/// the template's line and a caret under the column.
public struct ReportError: Error, Sendable, CustomStringConvertible {
  /// The template's name or path, as the caller gave it.
  public let template: String
  /// 1-based line and column of the problem in the template.
  public let line: Int
  public let column: Int
  /// The template's text on that line.
  public let sourceLine: String
  /// What is wrong, written for the person editing the template.
  public let message: String

  public init(template: String, line: Int, column: Int, sourceLine: String, message: String) {
    self.template = template
    self.line = line
    self.column = column
    self.sourceLine = sourceLine
    self.message = message
  }

  public var description: String {
    let caret = String(repeating: " ", count: max(0, column - 1)) + "^"
    return "\(template):\(line):\(column): error: \(message)\n  \(sourceLine)\n  \(caret)"
  }

  /// The error of a Mustache parse failure; `columnShift` is subtracted from columns on line 1
  /// (text the writer put in front of the template's first line).
  init(template: String, parserError: MustacheTemplate.ParserError, columnShift: Int) {
    let context = parserError.context
    let shift = context.lineNumber == 1 ? columnShift : 0
    let sourceLine = context.lineNumber == 1 ? String(context.line.dropFirst(columnShift)) : context.line
    self.init(
      template: template, line: context.lineNumber, column: Self.tagStart(in: sourceLine, near: context.columnNumber - shift),
      sourceLine: sourceLine, message: Self.message(parserError.error))
  }

  /// The column of the `{{` that opens the tag the parser stopped in: the parser reports where
  /// it stopped reading (after `{{/name`), but the person editing looks for the tag.
  static func tagStart(in line: String, near column: Int) -> Int {
    let characters = Array(line)
    var index = min(max(0, column - 2), characters.count - 2)
    while index >= 0 {
      if characters[index] == "{", characters[index + 1] == "{" { return index + 1 }
      index -= 1
    }
    return max(1, column)
  }

  private static func message(_ error: any Error) -> String {
    guard let error = error as? MustacheTemplate.Error else { return "the template cannot be read (\(error))" }
    switch error {
    case .sectionCloseNameIncorrect:
      return "this closing tag names another section than the one open: close {{#name}} with {{/name}}"
    case .unfinishedName:
      return "a tag is not finished: write a name followed by }}"
    case .expectedSectionEnd:
      return "a section is not closed: {{#name}} or {{^name}} needs a matching {{/name}}"
    case .invalidSetDelimiter:
      return "a set-delimiter tag is malformed: write {{=<% %>=}}"
    case .transformAppliedToInheritanceSection:
      return "a transform cannot be applied to an inheritance section"
    case .illegalTokenInsideInheritSection:
      return "only block definitions may appear inside an inherited partial"
    case .textInsideInheritSection:
      return "text cannot appear inside an inherited partial"
    case .invalidConfigVariableSyntax:
      return "a configuration tag is malformed: write {{% CONTENT_TYPE: TEXT}}"
    case .unrecognisedConfigVariable:
      return "unknown configuration tag: the only one is {{% CONTENT_TYPE: TEXT}}"
    }
  }
}
