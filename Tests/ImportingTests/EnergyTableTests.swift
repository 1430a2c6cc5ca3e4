import CementModel
import Importing
import Testing

@Suite("Energy tables: layouts")
struct EnergyTableLayoutTests {
  let importer = YearbookImporter()

  @Test func bilingualCellsWithUnitsInBracketsTitleAndNotes() throws {
    let file = "Inputs/yearbook/liaoning/energy-bilingual-cells.csv"
    let result = try importer.importEnergyTable(try Fixture.bytes("energy-bilingual-cells.csv"), file: file)
    #expect(result.encoding == "UTF-8")
    #expect(result.findings.isEmpty)
    let record = try #require(result.records.first)
    #expect(result.records.count == 1)
    #expect(record.year == 2013)
    #expect(record.industryLabel == "C30 非金属矿物制品业 Manufacture of Non-metallic Mineral Products")
    #expect(record.location == SourceLocation(file: file, line: 7, column: 1))
    #expect(Set(record.values.keys) == [
      .totalEnergy, "raw_coal", "cleaned_coal", .coke, "other_gas", .gasoline, .dieselOil, .fuelOil, "lpg", .naturalGas,
      .electricity, "heat",
    ])
    #expect(close(record.base(.totalEnergy), 16_102_000))  // 1,610.20 万吨标准煤
    #expect(close(record.base("raw_coal"), 2_267_600))
    #expect(close(record.base("cleaned_coal"), 250_200))
    #expect(close(record.base(.coke), 3_813_500))
    #expect(close(record.base("other_gas"), 3_139_000_000))  // 31.39 亿立方米
    #expect(close(record.base(.gasoline), 37_500))
    #expect(close(record.base(.dieselOil), 214_700))
    #expect(close(record.base(.fuelOil), 134_200))
    #expect(close(record.base("lpg"), 34_900))
    #expect(close(record.base(.naturalGas), 982_000_000))
    #expect(close(record.base(.electricity), 15_154_000))  // 151.54 亿千瓦小时 in MWh
    #expect(record.values["heat"]?.value == nil)
    #expect(record.values["heat"]?.flags == [.notAvailable])
    #expect(record.values[.coke]?.value?.dimension == .mass)
    #expect(record.values[.naturalGas]?.value?.dimension == .gasVolume)
    #expect(record.values[.electricity]?.value?.dimension == .electricity)
    #expect(record.values[.totalEnergy]?.value?.dimension == .coalEquivalent)
  }

  @Test func eachValueKeepsItsSourceCellAndConversionStep() throws {
    let file = "Inputs/yearbook/liaoning/2013.csv"
    let result = try importer.importEnergyTable(try Fixture.bytes("energy-bilingual-cells.csv"), file: file)
    let coke = try #require(result.records.first?.values[.coke])
    #expect(coke.sources == [
      SourceRecord(
        location: SourceLocation(file: file, line: 7, column: 5), originalText: "381.35", originalUnit: "万吨",
        label: "焦炭(万吨) Coke (10 000 t)")
    ])
    #expect(coke.steps == ["read 381.35 万吨 = 3 813 500 t"])
    #expect(coke.flags.isEmpty)
    let gas = try #require(result.records.first?.values[.naturalGas])
    #expect(gas.steps == ["read 9.82 亿立方米 = 982 000 000 m³"])
    let total = try #require(result.records.first?.values[.totalEnergy])
    #expect(total.sources.first?.originalText == "1,610.20")
    #expect(total.steps == ["read 1610.20 万吨标准煤 = 16 102 000 tce"])
    let heat = try #require(result.records.first?.values["heat"])
    #expect(heat.steps == ["read \"…\" as not available"])
    #expect(heat.sources.first?.originalUnit == "万百万千焦")
  }

  @Test func tabSeparatedCRLFWithChineseAndEnglishHeaderRowsAndAUnitRow() throws {
    let file = "energy-two-header-rows.tsv"
    let result = try importer.importEnergyTable(try Fixture.bytes(file), file: file)
    let record = try #require(result.records.first)
    #expect(result.records.count == 1)
    #expect(record.year == 2014)
    #expect(record.industryLabel == "非金属矿物制品业 Non-metallic Mineral Products")
    #expect(record.location == SourceLocation(file: file, line: 7, column: 1))
    #expect(close(record.base(.electricity), 15_154_000))  // 1,515,400 万千瓦时
    #expect(close(record.base(.naturalGas), 982_000_000))  // ９８，２００ 万立方米
    #expect(close(record.base(.coke), 3_813_500))  // " 381.35 "
    #expect(close(record.base(.coal), 12_345_000))  // 1,234.5 × 10 000 tons
    #expect(record.values[.crudeOil]?.value?.baseValue == 0)  // —
    #expect(record.values[.crudeOil]?.flags.isEmpty == true)
    #expect(record.values[.dieselOil]?.value == nil)  // …
    #expect(record.values[.fuelOil]?.value == nil)  // NA
    #expect(record.values[.fuelOil]?.flags == [.notAvailable])
    #expect(record.values[.electricity]?.sources.first?.label == "电力 Electricity")
    #expect(record.values[.electricity]?.sources.first?.originalUnit == "万千瓦时")
    #expect(record.values[.coal]?.sources.first?.originalUnit == "10 000 tons")
    #expect(record.values[.crudeOil]?.steps == ["read \"—\" (none) as 0 10,000 tons = 0 t"])
  }

  @Test func unknownColumnIsReportedAsAWarningWithItsHeaderCell() throws {
    let file = "energy-two-header-rows.tsv"
    let result = try importer.importEnergyTable(try Fixture.bytes(file), file: file)
    #expect(result.findings.count == 1)
    let finding = try #require(result.findings.first)
    #expect(finding.severity == .warning)
    #expect(finding.check == "unknown-column")
    #expect(finding.location == SourceLocation(file: file, line: 3, column: 8))
    #expect(finding.message == "column 8 \"生物质 Biomass\" is not a fuel of the catalogue; its values were not read")
  }

  @Test func gb18030TableWithFullWidthDigitsAndAYearbookEditionInTheTitle() throws {
    let file = "energy-gb18030.csv"
    let result = try importer.importEnergyTable(try Fixture.bytes(file), file: file)
    #expect(result.encoding == "GB18030")
    let record = try #require(result.records.first)
    #expect(record.year == 2012)  // not 2013, the yearbook's edition
    #expect(record.industryLabel == "３０　非金属矿物制品业")
    #expect(close(record.base(.coal), 2_503_200))  // ２５０．３２
    #expect(close(record.base(.coke), 3_755_000))
    #expect(record.values[.crudeOil]?.value?.baseValue == 0)
    #expect(close(record.base(.kerosene), 1_000))
    #expect(close(record.base(.naturalGas), 915_000_000))
    #expect(close(record.base(.electricity), 14_630_000))
    #expect(record.values[.coke]?.sources.first?.originalUnit == "万吨")
    #expect(record.values[.coke]?.sources.first?.label == "焦炭（万吨）")
  }

  @Test func ceadsStyleEnglishHeaderWithUnitRowAndYearFromTheFileName() throws {
    let file = "Inputs/ceads/liaoning-2013.csv"
    let result = try importer.importEnergyTable(try Fixture.bytes("ceads-style-2013.csv"), file: file)
    #expect(result.encoding == "UTF-8 with BOM")
    #expect(result.findings.isEmpty)
    let record = try #require(result.records.first)
    #expect(record.year == 2013)
    #expect(record.industryLabel == "Nonmetal Mineral Products")
    #expect(record.values.count == 20)
    #expect(close(record.base("raw_coal"), 2_267_600))
    #expect(close(record.base(.coke), 3_813_500))
    #expect(close(record.base("other_gas"), 3_139_000_000))
    #expect(close(record.base(.naturalGas), 982_000_000))
    #expect(close(record.base(.electricity), 15_154_000))
    #expect(record.values["heat"]?.value == ActivityAmount(dimension: .heat, baseValue: 0))
    #expect(record.values[.naturalGas]?.sources.first?.originalUnit == "10^8 cu.m")
  }

  @Test func sameFuelInDifferentUnitsAcrossEditionsGivesTheSameAmount() throws {
    let a = try importer.importEnergyTable(try Fixture.bytes("energy-bilingual-cells.csv"), file: "a.csv").records[0]
    let b = try importer.importEnergyTable(try Fixture.bytes("energy-two-header-rows.tsv"), file: "b.tsv").records[0]
    let c = try importer.importEnergyTable(try Fixture.bytes("ceads-style-2013.csv"), file: "c-2013.csv").records[0]
    for fuel in [Fuel.naturalGas, .electricity, .coke] {
      let (x, y, z) = (try #require(a.values[fuel]?.value), try #require(b.values[fuel]?.value), try #require(c.values[fuel]?.value))
      #expect(abs(x.reportingValue - y.reportingValue) < 1e-9, "\(fuel)")
      #expect(abs(x.reportingValue - z.reportingValue) < 1e-9, "\(fuel)")
    }
    #expect(try a.values[.naturalGas]?.value?.gasVolume().value(in: .hundredMillionCubicMetres) == 9.82)
  }

  @Test func severalYearsInAYearColumnWithMergedYearCellsAndARepeatedRow() throws {
    let file = "energy-several-years.csv"
    let result = try importer.importEnergyTable(try Fixture.bytes(file), file: file)
    #expect(result.records.map(\.year) == [2011, 2012, 2013])
    #expect(result.records.map(\.industryLabel) == ["非金属矿物制品业", "Non-metal Mineral Products", "非金属矿物制品业"])
    #expect(result.records.map(\.location.line) == [3, 6, 7])
    #expect(close(result.records[1].base(.coke), 3_755_000))
    #expect(close(result.records[2].base(.electricity), 15_154_000))
    #expect(result.findings.map(\.check) == ["duplicate-row"])
    let finding = try #require(result.findings.first)
    #expect(finding.location == SourceLocation(file: file, line: 8, column: 2))
    #expect(finding.year == 2013)
    #expect(finding.message == "the row for the non-metallic mineral products industry (非金属矿物制品业) in 2013 repeats line 7 with the same values; line 7 was used")
  }
}
