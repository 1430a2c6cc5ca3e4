import Accounting
import CementModel
import Mustache
import Testing

@testable import Writers

/// Templates reach the view model's fields through `MustacheParent.child(named:)`, whose lists
/// of names are written by hand (Mustache's own look-up, a `Mirror` per key, was most of the
/// rendering time). Every list must give every stored property, under its Swift name.
@Suite struct ReportModelLookupTests {
  @Test(arguments: [Language.en, .zh])
  func everyFieldIsFoundUnderItsName(language: Language) throws {
    var types: Set<String> = []
    for record in [try BundledRun.record(language: language), try recordWithADifferingCell(language), try BundledRun.recordWithCarbonCost(language: language)] {
      check(ReportWriter.model(record, figure: "report-figure.svg"), path: "model", types: &types)
    }
    // The records reach the types that only rows of a failed check hold.
    #expect(types.isSuperset(of: ["ReportModel", "DifferingCell", "FailedStatement", "Stage", "InputFileRow", "CarbonCostReport", "Row"]))
  }

  /// Compares each field `Mirror` sees with what `child(named:)` gives, through the whole model.
  private func check(_ value: Any, path: String, types: inout Set<String>) {
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .collection:
      for (index, element) in mirror.children.enumerated() { check(element.value, path: "\(path)[\(index)]", types: &types) }
    case .struct:
      guard let parent = value as? MustacheParent else {
        Issue.record("\(path): \(type(of: value)) does not give its fields by name (MustacheParent)")
        return
      }
      types.insert("\(type(of: value))")
      #expect(parent.child(named: "noSuchField") == nil, "\(path)")
      for child in mirror.children {
        guard let label = child.label else { continue }
        let found = parent.child(named: label)
        #expect(found.map { String(describing: $0) } == String(describing: child.value), "\(path).\(label)")
        check(child.value, path: "\(path).\(label)", types: &types)
      }
    default:
      break
    }
  }

  /// The bundled run checked against a table whose 2013 coal cell is off by one.
  private func recordWithADifferingCell(_ language: Language) throws -> RunRecord {
    let account = try BundledRun.account()
    let coal = try #require(account[2013]?.emissions(of: "coal")).value(in: .tenThousandTonnesCO2)
    let table = PublishedTable(
      title: "Test table", citation: "test", methodology: "study-2025", unit: .tenThousandTonnesCO2, tolerance: 0.01,
      columns: [PublishedColumn(name: "coal", selector: .source("coal"))],
      cells: [
        PublishedCell(year: 2013, column: "coal", value: coal + 1, text: "x", location: SourceLocation(file: "published.csv", line: 7, column: 2))
      ],
      statements: [], files: ["published.csv"])
    return try BundledRun.record(language: language, published: [table])
  }
}

/// The writers' text helpers work on bytes or scalars where they can, for speed; they must give
/// what the character-by-character versions they replaced give, kept here as the reference.
@Suite struct WriterTextTests {
  static let texts = [
    "", " ", "plain", "  two  words  ", "a\tb\nc\r\nd", "\r\n", "line one\nline two, longer", "x\r\ny", "\n\n", "tail\n",
    "CO₂ 排放 | *bold* _it_ `code` <b> [link]", "焦炭\u{3000}Coke", "e\u{301} \u{301}x", "\n\u{301}a", "全角　空格\n第二行",
    "Liu, Zhao & Wang (2025): IPCC combustion", "👍🏽 ok\u{200D}", "\u{1C}\u{1F}", "a\u{85}b\u{A0}c",
    "coke × 10⁴ t — *x*\u{2028}y\u{3000}\u{3000}z", "\u{600} x", "\u{111C2} *a", "*\u{301}b", " \u{1F3FD}*", "焦炭 **煤** _\n_",
    "abcdefgh\nij", "abcdefghijklmnop\n", "abcdefghé", "0123456789abcdef0123456789", "seven c\nlonger second line",
  ]

  @Test func markdownTextIsEscapedAsByCharacter() {
    for text in Self.texts {
      #expect(MarkdownText.oneLine(text) == text.split(whereSeparator: \.isWhitespace).joined(separator: " "), "\(text.debugDescription)")
      var inline = ""
      for character in text.split(whereSeparator: \.isWhitespace).joined(separator: " ") {
        if "\\`*_<>[]".contains(character) { inline.append("\\") }
        inline.append(character)
      }
      #expect(MarkdownText.inline(text) == inline, "\(text.debugDescription)")
    }
  }

  @Test func svgAndCSVTextIsEscapedAsByCharacter() {
    let entities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;"]
    for text in Self.texts + ["a & b <c> \"d\" 'e'", "x,y", "a\"b", "l1\r\nl2", "焦炭 & 煤 · 10⁴ t"] {
      #expect(SVGText.escape(text) == text.map { entities[$0] ?? String($0) }.joined(), "\(text.debugDescription)")
      let quoted = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
      let field = quoted ? "\"" + text.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\"" : text
      #expect(EmissionsCSV.field(text) == field, "\(text.debugDescription)")
    }
  }

  @Test func workbookTextIsTrimmedAsByCharacter() {
    for text in Self.texts + ["x ", " x", "焦炭 ", "焦炭", "a\u{301}", "\u{301}a", "a\t"] {
      var trimmed = Substring(text)
      while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
      while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
      #expect(WorkbookWriter.SheetBuilder.trimmed(text) == String(trimmed), "\(text.debugDescription)")
    }
  }

  @Test func cellWidthIsTheWidestLineAsSplitByCharacter() {
    for text in Self.texts {
      let expected = text.split(separator: "\n").map { WorkbookWriter.DisplayWidth.of(String($0)) }.max() ?? 0
      #expect(WorkbookWriter.DisplayWidth.widestLine(text) == expected, "\(text.debugDescription)")
    }
  }

  @Test(arguments: [
    (1234.567, "#,##0.00", 7.0),  // 1234.57: the column sizes by digits, not separators
    (-0.004, "0.00", 4),  // 0.00, no minus
    (9.9951, "0.00", 5),  // 10.00
    (0.1234, "0.0%", 5),  // 12.3%
    (2013, "0", 4),
    (1.0 / 3, nil, 11),  // General: about eleven characters
  ] as [(Double, String?, Double)])
  func numbersAreAsWideAsTheirFormatShowsThem(number: Double, format: String?, width: Double) {
    #expect(WorkbookWriter.DisplayWidth.of(.number(number), numberFormat: format) == width)
  }
}

/// Issue 17: the report's chart axis ends on a maximum that is not finite (the magnitude loop
/// would run forever on ∞), giving the axis of an empty chart.
@Suite struct ChartAxisTests {
  @Test(arguments: [Double.infinity, -Double.infinity, Double.nan])
  func anAxisOverANonFiniteMaximumEnds(_ maximum: Double) {
    let axis = ReportChart.Axis(maximum: maximum)
    #expect(axis.step == 1 && axis.top == 1)
  }

  @Test func anAxisOverTheLargestFiniteMaximumEnds() {
    let axis = ReportChart.Axis(maximum: .greatestFiniteMagnitude)
    #expect(axis.step.isFinite && axis.step > 0)
  }
}
