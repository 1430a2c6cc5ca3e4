import Mustache

/// Writes the Markdown report of a run: a view model with every figure formatted, rendered
/// through a Mustache template the user may edit (`Templates/report.<language>.md.mustache`),
/// and the SVG chart the report links to.
///
/// The templates are logic-less: they choose what to show and in what words; the numbers,
/// names and sentences come from ``ReportModel``, in the record's language.
public enum ReportWriter {
  /// The configuration tag that stops Mustache from HTML-escaping values: a Markdown report
  /// wants `'`, `&` and `<` as they are (the view model already escaped what Markdown needs).
  static let textContentType = "{{% CONTENT_TYPE: TEXT}}"

  /// The view model: every number already formatted, every table cell escaped.
  /// - Parameters:
  ///   - record: the run to report.
  ///   - figure: the file name of the SVG chart, linked from the report.
  public static func model(_ record: RunRecord, figure: String) -> ReportModel {
    var model = ReportModelBuilder(record: record, figure: figure).build()
    model.uncertainty = record.uncertainty.map { [UncertaintySection($0, labels: .of(record.language))] } ?? []
    return model
  }

  /// Renders the report of `record` with a template's text.
  /// - Parameters:
  ///   - template: the template's text (read from `Templates/report.<language>.md.mustache`).
  ///   - templateName: how errors name the template, usually its path.
  ///   - figure: the file name of the SVG chart, linked from the report.
  /// - Throws: ``ReportError`` with the line and column when the template cannot be parsed.
  public static func render(template: String, templateName: String, record: RunRecord, figure: String) throws(ReportError) -> String {
    try ReportTemplate(text: template, name: templateName).render(record, figure: figure)
  }

  /// The chart of emissions by source over the years, as an SVG document.
  public static func svgChart(_ record: RunRecord) -> String {
    ReportChart(record: record).render()
  }

  /// Parses a template. A template without a `CONTENT_TYPE` tag gets the text one in front of
  /// its first line, so that a forgotten tag does not fill the report with HTML entities.
  static func parse(_ template: String, name: String) throws(ReportError) -> MustacheTemplate {
    let prefix = template.contains("CONTENT_TYPE") ? "" : textContentType
    do {
      return try MustacheTemplate(string: prefix + template)
    } catch let error as MustacheTemplate.ParserError {
      throw ReportError(template: name, parserError: error, columnShift: prefix.count)
    } catch {
      throw ReportError(template: name, line: 1, column: 1, sourceLine: "", message: "the template cannot be read (\(error))")
    }
  }
}

/// A report template parsed once, to render many records (a batch renders one per province).
public struct ReportTemplate: Sendable {
  /// How errors name the template, usually its path.
  public let name: String
  private let parsed: MustacheTemplate

  /// - Throws: ``ReportError`` with the line and column when the template cannot be parsed.
  public init(text: String, name: String) throws(ReportError) {
    self.name = name
    self.parsed = try ReportWriter.parse(text, name: name)
  }

  /// The report of `record`, linking the SVG chart `figure`.
  public func render(_ record: RunRecord, figure: String) -> String {
    parsed.render(ReportWriter.model(record, figure: figure))
  }
}
