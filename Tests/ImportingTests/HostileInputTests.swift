import CementModel
import Testing

@testable import Importing

/// Issue 17, the importing side: variants of each class the end-to-end catalogue shows once
/// (`EndToEndTests/HostileInputTests.swift`), so that the class is fixed, not the example.
@Suite struct HostileImportTests {
  typealias Loader = MethodologyLoaderTests

  private func refusal(_ yaml: String) -> MethodologyError? {
    #expect(throws: MethodologyError.self) { try ConfigNode.parse(yaml: yaml, file: "m.yaml") }
  }

  private func loadRefusal(_ files: [String: String], _ path: String) -> MethodologyError? {
    #expect(throws: MethodologyError.self) { try Loader.loader(files).load(path: path) }
  }

  /// `levels` lines of `width` aliases each: width^levels nodes once expanded.
  static func aliasBomb(levels: Int = 12, width: Int = 10, asKey: Bool = false) -> String {
    var text = "title: \"R & D\"\nbomb:\n  l0: &l0 [" + Array(repeating: "\"lol\"", count: width).joined(separator: ", ") + "]\n"
    for level in 1..<levels {
      text += "  l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: width).joined(separator: ", ") + "]\n"
    }
    if asKey { text += "keys:\n  ? *l\(levels - 1)\n  : 1\n  *l\(levels - 1) : 2\n" }
    return text
  }

  // MARK: - Aliases

  @Test func anAliasBombIsRefusedAtItsFirstAnchor() throws {
    let error = try #require(refusal(Self.aliasBomb()))
    #expect(error.description.hasPrefix("m.yaml:3:7: error: YAML anchors and aliases (&name, *name) are not accepted in methodology files"))
  }

  /// An alias as a key would be hashed in full while Yams looks for repeated keys.
  @Test func anAliasBombUsedAsAKeyIsRefusedBeforeComposing() throws {
    let error = try #require(refusal(Self.aliasBomb(asKey: true)))
    #expect(error.location.line == 3 && error.location.column == 7, "\(error)")
    #expect(error.message.hasPrefix("YAML anchors and aliases"))
  }

  /// Found by FuzzMethodologyLoad: an alias followed by more text inside a flow sequence
  /// becomes a key of a one-pair mapping, hashed in full while the document is composed.
  @Test func anAliasBombThatEndsUpAKeyInAFlowSequenceIsRefused() throws {
    let text = Self.aliasBomb(levels: 8, width: 9) + "  l8: [*l7, *l7  grid_factor: 0.6101 tCO2/MWh\n  source: x\n"
    let error = try #require(refusal(text))
    #expect(error.location.line == 3 && error.message.hasPrefix("YAML anchors and aliases"), "\(error)")
  }

  @Test func aliasesInFlowAndScalarFormsAreRefused() throws {
    for yaml in ["a: &x 1\nb: *x\n", "a: &x {k: 1}\nb: [*x]\n", "a: &x 1\nb: {*x : 2}\n", "- &x a\n- *x\n", "a: &x:y 1\nb: *x:y\n", "a: &x 1\n"] {
      let error = try #require(refusal(yaml), "\(yaml)")
      #expect(error.message.hasPrefix("YAML anchors and aliases"), "\(yaml): \(error)")
    }
  }

  /// `&` and `*` in text are text.
  @Test func ampersandsAndAsterisksInTextAreKept() throws {
    let node = try ConfigNode.parse(
      yaml: "title: \"Liu, Zhao & Wang\"\nnote: a * b & c\nsource: '*emphasis*'\nother: see *this* &that\n", file: "m.yaml")
    guard case .mapping(let pairs, _) = node else { Issue.record("not a mapping"); return }
    #expect(pairs.map(\.key) == ["title", "note", "source", "other"])
  }

  // MARK: - Repeated keys

  @Test func aRepeatedNestedKeyNamesBothLines() throws {
    let error = try #require(refusal("factor_set:\n  name: P\n  fuels:\n    coal: 1\n    coke: 2\n    coal: 3\nyears: 2000-2001\n"))
    #expect(error.description == """
      m.yaml:6:5: error: the key 'coal' is given twice in one mapping: on line 4 and again on line 6
        hint: keep one of them; a key may appear once in each mapping
      """)
  }

  @Test func aRepeatedKeyDoesNotDumpTheFile() throws {
    let error = try #require(refusal("a: 1\nb: 2\na: 3\n"))
    #expect(error.description.hasPrefix("m.yaml:3:1: error: the key 'a' is given twice in one mapping: on line 1 and again on line 3"))
    #expect(!error.description.contains("b: 2"))
  }

  // MARK: - inherits

  @Test func aMissingGrandparentIsNamedAtTheParentsLine() throws {
    let error = try #require(loadRefusal(
      ["dir/child.yaml": "name: child\ninherits: parent\n", "dir/parent.yaml": "# the parent\n\ninherits: grandparent.yaml\n"], "dir/child.yaml"))
    #expect(error.location == SourceLocation(file: "dir/parent.yaml", line: 3, column: 11))
    #expect(error.message.hasPrefix("'inherits' names dir/grandparent.yaml, which cannot be read: "), "\(error)")
  }

  @Test func anInheritanceLoopIsNamedAtTheLineThatCloses() throws {
    let error = try #require(loadRefusal(["a.yaml": "inherits: b\n", "b.yaml": "\ninherits: a\n"], "a.yaml"))
    #expect(error.location == SourceLocation(file: "b.yaml", line: 2, column: 11), "\(error)")
  }

  // MARK: - Series keys and stages

  private static func with(_ replacement: (String, String)) -> String {
    Loader.base.replacingOccurrences(of: replacement.0, with: replacement.1)
  }

  @Test func aClinkerRatioByYearMissingYearsIsNamed() throws {
    let yaml = Self.with(("ratio: 1,", "ratio: { 2000: 1, 2002: 0.9 },"))
    let error = try #require(loadRefusal(["m.yaml": yaml], "m.yaml"))
    #expect(error.description.hasPrefix("m.yaml:16:49: error: 'process.clinker.ratio' gives no value for 2001 of the methodology's years 2000-2002"))
  }

  @Test func anAllocationShareByYearMissingYearsIsNamed() throws {
    let yaml = Self.with(("  share: 1\n", "  share:\n    2000: 1\n"))
    let error = try #require(loadRefusal(["m.yaml": yaml], "m.yaml"))
    #expect(error.location.line == 19 && error.message.hasPrefix("'allocation.share' gives no value for 2 years (2001, …)"), "\(error)")
  }

  @Test(arguments: [
    ("{ name: early, first: 1999, last: 2001 }", "first: 1999"), ("{ name: base, first: 2000, last: 2001, base: 1990 }", "base: 1990"),
  ])
  func aStageOutsideTheYearsIsNamed(_ stage: String, _ what: String) throws {
    let yaml = Loader.base + "\nstages:\n  series: total\n  list:\n    - \(stage)\n"
    let error = try #require(loadRefusal(["m.yaml": yaml], "m.yaml"))
    #expect(error.location.line == 25 && error.message.contains("has \(what), outside the methodology's years 2000-2002"), "\(error)")
  }

  // MARK: - Factors that would overflow

  @Test(arguments: ["ncv: 1e30 GJ/t", "ncv: 2e6 MJ/kg", "carbon_content: 1e300 tC/TJ"])
  func aHugeFactorIsRefusedAtItsPlace(_ factor: String) throws {
    let key = factor.components(separatedBy: ":")[0]
    let original = key == "ncv" ? "ncv: 20.908 GJ/t" : "carbon_content: 26.37 tC/TJ"
    let error = try #require(loadRefusal(["m.yaml": Self.with((original, factor))], "m.yaml"))
    #expect(error.location.line == 7 && error.message.contains("beyond any factor of its kind"), "\(error)")
  }

  @Test func aGridFactorOfAbsurdSizeIsRefused() throws {
    let error = try #require(loadRefusal(["m.yaml": Self.with(("0.6101 tCO2/MWh", "1e307 tCO2/MWh"))], "m.yaml"))
    #expect(error.location.line == 10, "\(error)")
  }

  @Test func factorsInSmallUnitsAreAccepted() throws {
    let m = try Loader.loader(["m.yaml": Self.with(("ncv: 20.908 GJ/t", "ncv: 20908 kJ/kg"))]).load(path: "m.yaml")
    #expect(m.factorSet.fuels[Fuel("coal")] != nil)
  }

  // MARK: - Published tables

  private func published(_ csv: String, columns: String = "  coal: coal\n", statements: String = "") -> MethodologyError? {
    let files = [
      "p/t.yaml": "title: t\ntable: t.csv\nunit: 10^4 t CO2\ntolerance: 0.01\ncolumns:\n\(columns)\(statements)", "p/t.csv": csv,
    ]
    let loader = PublishedTableLoader(read: { path in
      guard let text = files[path] else { throw Loader.LoaderTestError.missing(path) }
      return text
    })
    #expect(throws: MethodologyError.self) { try loader.load(path: "p/t.yaml") }
    do {
      _ = try loader.load(path: "p/t.yaml")
      return nil
    } catch { return error }
  }

  @Test func aPublishedYearGivenTwiceWithSpacesIsRefused() throws {
    let error = try #require(published("year,coal\n2000,1\n 2000 ,2\n"))
    #expect(error.description.hasPrefix("p/t.csv:3:1: error: 2000 appears twice in the published table: on line 2 and on line 3"))
  }

  @Test func aPublishedTableOfBlankLinesHasNoRows() throws {
    let error = try #require(published("year,coal\n\n\n"))
    #expect(error.message.hasPrefix("the published table has a header and no rows"))
  }

  @Test func aStatementOfAnUnknownSeriesIsRefused() throws {
    let error = try #require(published(
      "year,coal\n2000,1\n", statements: "statements:\n  - { value: { series: cole, year: 2000, stated: 1, tolerance: 0.1 } }\n"))
    #expect(error.location.line == 8 && error.message == "unknown series 'cole' for 'statements[1].value.series'", "\(error)")
  }

  // MARK: - Text tables

  /// A NUL far past the first 8 KiB, where the binary sniffing looks, in the second cell.
  @Test func aNulByteDeepInTheFileIsNamedAtItsLineAndColumn() throws {
    var text = "标题 Title\n"
    for i in 0..<800 { text += "row \(i),\(i).5,1\n" }
    var bytes = utf8(text)
    let row = bytes.count
    bytes += utf8("row x,12") + [0] + utf8("3,1\n")
    let error = try #require(importError { _ = try TextDecoding.decode(bytes, file: "t.csv") })
    #expect(row > 8192)
    #expect(error.location == SourceLocation(file: "t.csv", line: 802, column: 2), "\(error)")
  }

  @Test func aRowOfTooManyCellsIsNamedAtItsLine() throws {
    let text = "标题\n" + "行业 Industry,煤炭 Coal,焦炭 Coke\n" + String(repeating: ",", count: 20_000) + "\n"
    let error = try #require(importError { _ = try YearbookImporter().importTable(utf8(text), file: "t.csv") })
    #expect(error.location.line == 3 && error.message.hasPrefix("line 3 has 20001 cells"), "\(error)")
  }

  /// A products table with its header again, in tonnes, and a year below it.
  @Test func aRepeatedProductsHeaderIsRefused() throws {
    let text = "主要工业产品产量\n年份 Year,水泥(万吨) Cement (10^4 t)\n2000,1954.88\n2001,2101.45\n年份 Year,水泥(吨) Cement (t)\n2002,21457500\n"
    let error = try #require(importError { _ = try YearbookImporter().importProductsTable(utf8(text), file: "p.csv") })
    #expect(error.location == SourceLocation(file: "p.csv", line: 5, column: 2), "\(error)")
    #expect(error.message.hasPrefix("the header is repeated on line 5 (the table's header is on line 2)"))
  }

  /// A header of two rows (Chinese above English) is one header, not a repeated one.
  @Test func aProductsHeaderOfTwoRowsIsOneHeader() throws {
    let text = "年份,水泥(万吨)\nYear,Cement (10^4 t)\n2000,1954.88\n2001,2101.45\n"
    let table = try YearbookImporter().importProductsTable(utf8(text), file: "p.csv")
    #expect(table.records.count == 2)
  }

  /// The same header again, units and all: still a second table.
  @Test func anIdenticalRepeatedHeaderIsRefused() throws {
    let header = "行业 Industry,煤炭(万吨) Coal (10^4 t),焦炭(万吨) Coke (10^4 t)\n"
    let text = "分行业能源消费量(2001年)\n" + header + "非金属矿物制品业,1,2\n\n" + header + "非金属矿物制品业,1,2\n"
    let error = try #require(importError { _ = try YearbookImporter().importEnergyTable(utf8(text), file: "t.csv") })
    #expect(error.location.line == 5 && error.message.hasPrefix("the header is repeated on line 5 (the table's header is on line 2)"), "\(error)")
  }
}
