import CementModel
import Foundation
import Testing
import XLSXWriting
@testable import Writers

/// The one palette, the one table of province names, and the national report's words.
@Suite struct OutputPolishTests {
  @Test func everySourceHasItsOwnColour() {
    // The study's sources, then up to eight others (CEADs fuels beyond the study's) in order of appearance.
    let sources =
      ["coal", "coke", "crude_oil", "gasoline", "kerosene", "diesel_oil", "fuel_oil", "natural_gas", "electricity", "calcination"]
      + (1...8).map { "other-\($0)" }
    let colours = SourcePalette.colors(for: sources)
    #expect(Set(colours).count == colours.count, "\(zip(sources, colours).map { "\($0.0) \(SourcePalette.hex($0.1))" })")
    // Raw coal's old fallback (#86bcb6) and fuel oil's old colour (#76b7b2) were nearly the same.
    #expect(SourcePalette.hex(SourcePalette.colors(for: ["fuel_oil"])[0]) == "#59a14f")
  }

  @Test func thirtyOneProvincesInBothLanguages() {
    #expect(ProvinceName.all.count == 31)
    #expect(Set(ProvinceName.all.map(\.chinese)).count == 31)
    #expect(ProvinceName.chinese("innermongolia") == "内蒙古" && ProvinceName.english("innermongolia") == "Inner Mongolia")
    #expect(ProvinceName.chinese("Liaoning") == "辽宁" && ProvinceName.chinese("yunnan") == "云南")
    #expect(ProvinceName.english("testland") == "Testland" && ProvinceName.chinese("testland") == "testland")
  }

  @Test func theChineseNationalReportUsesChineseNamesUnitsAndPatterns() {
    let words = NationalWords(.zh)
    #expect(words.province("innermongolia") == "内蒙古")
    #expect(words.pattern("flat–flat–decline") == "平稳—平稳—下降")
    #expect(words.pattern("–") == "–")
    #expect(words.mass(Quantity(baseValue: 13_166_000)) == "1316.60")  // 万吨
    #expect(NationalWords(.en).mass(Quantity(baseValue: 13_166_000)) == "13.17")  // Mt
  }

  @Test func headerAndFooterCodes() {
    let footer = HeaderFooter(left: "A & B", right: "Page \(HeaderFooter.page) of \(HeaderFooter.pages)")
    #expect(footer.code == "&LA && B&RPage &P of &N")
    #expect(HeaderFooter(center: HeaderFooter.sheet).code == "&C&A")
  }
}
