import CementModel
import Foundation
import Importing
import Testing

@Suite("Text decoding")
struct TextDecodingTests {
  @Test func gb18030FixtureDecodesIncludingAFourByteCharacter() throws {
    let bytes = try Fixture.bytes("energy-gb18030.csv")
    #expect(String(validating: bytes, as: UTF8.self) == nil)  // the fixture really is not UTF-8
    let decoded = try TextDecoding.decode(bytes, file: "energy-gb18030.csv")
    #expect(decoded.encoding == "GB18030")
    #expect(decoded.text.contains("３０　非金属矿物制品业"))
    #expect(decoded.text.contains("㐀"))  // 0x8139EF30 in GB18030
  }

  @Test func gb18030BytesMatchTheStandard() throws {
    let decoded = try TextDecoding.decode([0xD6, 0xD0, 0xCE, 0xC4, 0xB2, 0xE2, 0xCA, 0xD4], file: "x.csv")
    #expect(decoded == DecodedText(text: "中文测试", encoding: "GB18030"))
  }

  @Test func utf8WithAndWithoutAByteOrderMark() throws {
    #expect(try TextDecoding.decode(Array("水泥,1\n".utf8), file: "x") == DecodedText(text: "水泥,1\n", encoding: "UTF-8"))
    #expect(try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("水泥".utf8), file: "x") == DecodedText(text: "水泥", encoding: "UTF-8 with BOM"))
  }

  @Test func utf16WithAByteOrderMark() throws {
    let littleEndian: [UInt8] = [0xFF, 0xFE, 0x34, 0x6C, 0xE5, 0x6C, 0x2C, 0x00, 0x31, 0x00]
    #expect(try TextDecoding.decode(littleEndian, file: "x").text == "水泥,1")
    let bigEndian: [UInt8] = [0xFE, 0xFF, 0x6C, 0x34, 0x6C, 0xE5, 0x00, 0x2C]
    #expect(try TextDecoding.decode(bigEndian, file: "x").encoding == "UTF-16BE with BOM")
  }

  @Test func emptyFile() throws {
    let error = try #require(importError { _ = try TextDecoding.decode([], file: "Inputs/a.csv") })
    #expect(error.description == "Inputs/a.csv: error: file is empty\n  hint: export the table again; the file has no bytes")
  }

  @Test func fileWithOnlyAByteOrderMark() throws {
    let error = try #require(importError { _ = try TextDecoding.decode([0xEF, 0xBB, 0xBF], file: "a.csv") })
    #expect(error.message == "file is empty (it holds only a UTF-8 byte-order mark)")
  }

  @Test(arguments: [
    [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] as [UInt8],  // an .xlsx (zip) header
    Array(repeating: 0x01, count: 40) + Array("a,b\n".utf8),
  ])
  func binaryContent(_ bytes: [UInt8]) throws {
    let error = try #require(importError { _ = try TextDecoding.decode(bytes, file: "Inputs/a.xlsx") })
    #expect(error.location == SourceLocation(file: "Inputs/a.xlsx"))
    #expect(error.message == "looks like a binary file, not a text table")
    #expect(error.hint == "export the sheet as CSV (comma- or tab-separated text); Excel workbooks (.xlsx, .xls) are not read directly")
  }

  @Test func neitherUTF8NorGB18030() throws {
    let error = try #require(importError { _ = try TextDecoding.decode(Array("a,b\nc,".utf8) + [0xFF, 0xFF], file: "a.csv") })
    #expect(error.location == SourceLocation(file: "a.csv", line: 2, column: 2))
    #expect(error.message == "file is neither UTF-8 nor GB18030 text: the byte 0xFF after \"c,\" is not UTF-8")
  }
}

@Suite("Table classification")
struct ClassificationTests {
  let importer = YearbookImporter()

  @Test(arguments: [
    ("energy-bilingual-cells.csv", TableKind.energy), ("energy-two-header-rows.tsv", .energy), ("energy-gb18030.csv", .energy),
    ("ceads-style-2013.csv", .energy), ("energy-several-years.csv", .energy), ("products-years-as-rows.csv", .products),
    ("products-years-as-columns.tsv", .products), ("products-single-year.csv", .products),
  ])
  func fixturesAreClassifiedByContent(file: String, kind: TableKind) throws {
    #expect(try importer.classify(try Fixture.bytes(file), file: file) == kind)
  }

  @Test func productsTableListingFuelsAsColumnsIsStillAProductsTable() throws {
    #expect(try importer.classify(utf8("年份,原煤(万吨),焦炭(万吨),水泥(万吨)\n2013,1,2,3\n"), file: "p.csv") == .products)
  }

  @Test func tableOfNeitherKindIsAnErrorNamingTheFile() throws {
    let error = try #require(importError { _ = try importer.classify(utf8("地区,人口\n辽宁,4375\n"), file: "Inputs/population.csv") })
    #expect(error.location == SourceLocation(file: "Inputs/population.csv", line: 1, column: 1))
    #expect(error.message == "neither an energy-by-industry table nor a products table: no row names two or more fuels, and no cell names cement (水泥); "
      + "line 1 looks like the header but names no fuel of the catalogue: \"地区\", \"人口\"")
  }
}

@Suite("Robustness and speed")
struct RobustnessTests {
  let importer = YearbookImporter()

  /// SplitMix64, so the inputs are the same on every run.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  private func runAll(_ bytes: [UInt8]) {
    _ = try? importer.classify(bytes, file: "fuzz.csv")
    _ = try? importer.importEnergyTable(bytes, file: "fuzz-2013.csv")
    _ = try? importer.importProductsTable(bytes, file: "fuzz-2013.csv")
  }

  @Test func garbageAndMangledFixturesNeverCrash() throws {
    var random = Generator(state: 2013)
    let fixtures = try [
      "energy-bilingual-cells.csv", "energy-two-header-rows.tsv", "energy-gb18030.csv", "products-years-as-rows.csv",
      "products-years-as-columns.tsv",
    ].map(Fixture.bytes)
    let alphabet = Array("水泥熟料非金属矿物制品业焦炭万吨亿立方米年份Year,\t;\"\n\r …—-0123456789.（）()".utf8)
    for _ in 0..<150 {
      runAll((0..<Int.random(in: 0...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
      runAll((0..<Int.random(in: 0...300, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? 0 })
      var mangled = fixtures.randomElement(using: &random) ?? []
      for _ in 0..<8 where !mangled.isEmpty {
        mangled[Int.random(in: 0..<mangled.count, using: &random)] = alphabet.randomElement(using: &random) ?? 0
      }
      runAll(Array(mangled.prefix(Int.random(in: 0...mangled.count, using: &random))))
    }
  }
}
