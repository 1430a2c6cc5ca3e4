import CementModel
import Foundation
import Testing
import Writers

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The Markdown report and its figure, rendered from the bundled Liaoning run with the
/// repository's templates.
@Suite struct ReportTests {
  // MARK: - Golden files

  @Test(arguments: [Language.en, .zh])
  func reportMatchesItsGoldenFile(language: Language) throws {
    try ReportSnapshot.assertMatches(try ReportFixture.report(language), named: "report.\(language.rawValue).md")
  }

  @Test func figureMatchesItsGoldenFile() throws {
    try ReportSnapshot.assertMatches(ReportWriter.svgChart(try ReportFixture.record()), named: "report-figure.svg")
  }

  // MARK: - The study's numbers

  @Test func stageSentenceStatesTheStudysStageTwo() throws {
    let model = ReportWriter.model(try ReportFixture.record(), figure: "f.svg")
    let stage = try #require(model.stages.declared.first { $0.first == "2009" })
    #expect(stage.sentence.contains("from 24.72 to 44.68 Mt, 15.95 % a year, peak in 2013, +80.8 % on 2009"))
    #expect(try ReportFixture.report(.en).contains("from 24.72 to 44.68 Mt, 15.95 % a year, peak in 2013, +80.8 % on 2009"))
  }

  @Test func stageMeasuredFromAnotherBaseYearSaysSo() throws {
    let model = ReportWriter.model(try ReportFixture.record(), figure: "f.svg")
    let stage = try #require(model.stages.declared.first { $0.first == "2014" })
    #expect(stage.base == "2013")
    #expect(stage.sentence.contains("from 44.68 (2013) to 20.22 Mt, -8.43 % a year"))
    // Stage 3 includes the bundled coke series' level shift of 2016, and says so.
    #expect(stage.sentence.hasSuffix("-54.7 % on 2013 (this rests on anomalous values: 2016 Coke break, flagged)"))
  }

  @Test func tablesShowTheStudysCells() throws {
    let model = ReportWriter.model(try ReportFixture.record(), figure: "f.svg")
    let coal = try #require(model.combustion.columns.firstIndex(of: "Coal"))
    let row2013 = try #require(model.combustion.rows.first { $0.year == "2013" })
    #expect(row2013.cells[coal] == "2838.52")
    #expect(model.combustion.columns.last == "Electricity")
    #expect(model.combustion.rows.first { $0.year.hasPrefix("2008") }?.year == "2008 †")
    #expect(model.process.rows.first?.emissions == "1026.31")
    let totals2000 = try #require(model.totals.rows.first)
    #expect(totals2000.energy == "1351.53")
    #expect(totals2000.processShare == "43.16")
    #expect(model.totals.rows.last?.processShare == "50.38")
    #expect(model.totals.leadingFuel == "Coal")
  }

  @Test func checksListTheCarriedForwardYearsAndTheStatementsThatDoNotHold() throws {
    let model = ReportWriter.model(try ReportFixture.record(), figure: "f.svg")
    #expect(model.checks.filled.map(\.years) == ["2008 and 2018"])
    // The two carried-forward years and the two level shifts the anomaly screen flags (coke 2016, crude oil 2002).
    #expect(model.checks.warnings.count == 4)
    let table = try #require(model.verification.tables.first)
    #expect((table.cellsCompared, table.cellsAgree, table.cellsDiffer) == ("230", "230", "0"))
    #expect(table.failedStatements.map(\.id) == ["stage-1-growth", "stage-2-growth", "stage-3-growth", "process-cumulative-growth"])
    #expect(table.failedStatements.last?.gives == "100.06 % cumulative")
  }

  @Test func chineseLabelsFollowTheLanguage() throws {
    let model = ReportWriter.model(try ReportFixture.record(language: .zh), figure: "f.svg")
    #expect(model.province == "辽宁")
    #expect(model.combustion.columns.first == "煤炭")
    #expect(model.units.table == "万吨 CO₂")
    let stage = try #require(model.stages.declared.first { $0.first == "2009" })
    #expect(stage.sentence.contains("由 24.72 百万吨变为 44.68 百万吨，年均增长率 15.95%，2013 年达到峰值，较 2009 年变化 +80.8%"))
  }

  // MARK: - Markdown

  @Test func tableCellsEscapePipesAndLineBreaks() throws {
    let odd = InputFile(path: "Inputs/a|b.csv", role: "energy\ntable | odd", sha256: "00", encoding: "UTF-8")
    let record = try ReportFixture.record(inputFiles: [odd])
    let row = try #require(ReportWriter.model(record, figure: "f.svg").provenance.inputFiles.first)
    #expect(row.path == "Inputs/a\\|b.csv")
    #expect(row.role == "energy table \\| odd")
    let report = try ReportWriter.render(template: try ReportFixture.template(.en), templateName: "t", record: record, figure: "f.svg")
    let line = try #require(report.split(separator: "\n").first { $0.contains("a\\|b.csv") })
    #expect(Self.unescapedPipes(line) == 5, "a four-column row has five cell borders: \(line)")
  }

  @Test(arguments: [Language.en, .zh])
  func everyTableHasABlankLineBeforeAndAfter(language: Language) throws {
    let lines = try ReportFixture.report(language).split(separator: "\n", omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() where line.hasPrefix("|") {
      let previous = index > 0 ? lines[index - 1] : "", next = index + 1 < lines.count ? lines[index + 1] : ""
      if !previous.hasPrefix("|") { #expect(previous.isEmpty, "no blank line before the table at line \(index + 1)") }
      if !next.hasPrefix("|") { #expect(next.isEmpty, "no blank line after the table at line \(index + 1)") }
    }
  }

  @Test(arguments: [Language.en, .zh])
  func everyRowOfATableHasItsHeadersCellCount(language: Language) throws {
    var columns: Int?
    for line in try ReportFixture.report(language).split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.hasPrefix("|") else {
        columns = nil
        continue
      }
      let count = Self.unescapedPipes(line)
      if let columns { #expect(count == columns, "\(line)") } else { columns = count }
    }
  }

  @Test func reportLinksTheFigure() throws {
    let report = try ReportWriter.render(
      template: try ReportFixture.template(.en), templateName: "t", record: try ReportFixture.record(), figure: "emissions by source.svg")
    #expect(report.contains("](<emissions by source.svg>)"))
  }

  @Test func templateWithoutTheContentTypeTagIsNotHTMLEscaped() throws {
    let report = try ReportWriter.render(
      template: "{{province}}'s & <{{period}}>", templateName: "t", record: try ReportFixture.record(), figure: "f.svg")
    #expect(report == "Liaoning's & <2000–2022>")
  }

  // MARK: - Template errors

  @Test func templateSyntaxErrorNamesTheTemplateLineAndColumn() throws {
    let template = "{{% CONTENT_TYPE: TEXT}}\n# {{province}}\n\n{{#stages.declared}}\n- {{sentence}}\n{{/stages.suggested}}\n"
    let error = try #require(throws: ReportError.self) {
      try ReportWriter.render(template: template, templateName: "Templates/broken.md.mustache", record: try ReportFixture.record(), figure: "f.svg")
    }
    #expect(error.template == "Templates/broken.md.mustache")
    #expect((error.line, error.column) == (6, 1))
    #expect(error.description.hasPrefix("Templates/broken.md.mustache:6:1: error: this closing tag names another section"))
    #expect(error.description.contains("{{/stages.suggested}}"))
  }

  @Test func errorOnTheFirstLineOfATemplateWithoutContentTypeHasTheTemplatesColumn() throws {
    let error = try #require(throws: ReportError.self) {
      try ReportWriter.render(template: "# {{province", templateName: "t.mustache", record: try ReportFixture.record(), figure: "f.svg")
    }
    #expect((error.line, error.column) == (1, 3))
    #expect(error.sourceLine == "# {{province")
  }

  // MARK: - Figure

  @Test(arguments: [Language.en, .zh])
  func figureIsXMLWithOneLegendEntryPerSource(language: Language) throws {
    let record = try ReportFixture.record(language: language)
    let svg = ReportWriter.svgChart(record)
    let reader = ReportSVGReader()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = reader
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    #expect(reader.root == "svg")
    #expect(reader.legendItems == record.account.sources.count)
    #expect(reader.legendItems == 10)
    let coal = language == .en ? "Coal" : "煤炭"
    #expect(reader.texts.contains(coal))
    #expect(reader.texts.contains("2000") && reader.texts.contains("2022"))
  }

  @Test func figureIsTheSameForTheSameRecord() throws {
    let record = try ReportFixture.record()
    #expect(ReportWriter.svgChart(record) == ReportWriter.svgChart(record))
  }

  // MARK: - Helpers

  /// The `|` of a Markdown table row that are cell borders (not escaped as `\|`).
  static func unescapedPipes(_ line: Substring) -> Int {
    var count = 0, previous: Character = " "
    for character in line {
      if character == "|", previous != "\\" { count += 1 }
      previous = character
    }
    return count
  }
}

/// Reads an SVG document: its root element, the legend entries and every text.
final class ReportSVGReader: NSObject, XMLParserDelegate {
  var root: String?
  var legendItems = 0
  var texts: [String] = []
  private var inText = false

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
  ) {
    if root == nil { root = name }
    if name == "g", attributes["class"] == "legend-item" { legendItems += 1 }
    if name == "text" {
      inText = true
      texts.append("")
    }
  }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    if name == "text" { inText = false }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inText { texts[texts.count - 1] += string }
  }
}
