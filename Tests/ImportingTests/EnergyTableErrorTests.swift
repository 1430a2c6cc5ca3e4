import CementModel
import Importing
import Testing

/// A small energy table: a title line (line 1), a header (line 2), other rows, the industry row.
private func energyTable(
  title: String = "2013年", header: String = "行业,焦炭(万吨) Coke (10 000 t),电力(亿千瓦时)", rows: [String] = ["非金属矿物制品业,1,2"]
) -> [UInt8] {
  utf8(([title, header] + rows).joined(separator: "\n") + "\n")
}

private let path = "Inputs/yearbook/liaoning/2013.csv"

@Suite("Energy tables: errors name the file, line, column and what was found")
struct EnergyTableErrorTests {
  let importer = YearbookImporter()

  private func failure(_ bytes: [UInt8], file: String = path) -> ImportError? {
    importError { _ = try importer.importEnergyTable(bytes, file: file) }
  }

  @Test func valueThatIsNotANumber() throws {
    let error = try #require(failure(energyTable(rows: ["制造业,5,6", "非金属矿物制品业,\"1,2x\",2"])))
    #expect(error.location == SourceLocation(file: path, line: 4, column: 2))
    #expect(error.description == """
      Inputs/yearbook/liaoning/2013.csv:4:2: error: expected a number in column "焦炭(万吨) Coke (10 000 t)", found "1,2x"
        hint: write a plain number (1234.5 or 1,234.5); leave the cell empty or write … when the value is not available, - when it is zero
      """)
  }

  @Test func negativeValue() throws {
    let error = try #require(failure(energyTable(rows: ["非金属矿物制品业,1,-2.5"])))
    #expect(error.location == SourceLocation(file: path, line: 3, column: 3))
    #expect(error.message == "expected a number of zero or more in column \"电力(亿千瓦时)\", found \"-2.5\"")
  }

  @Test func numberTooLargeForItsUnit() throws {
    let huge = "1" + String(repeating: "0", count: 305)
    let error = try #require(failure(energyTable(rows: ["非金属矿物制品业,\(huge),2"])))
    #expect(error.location == SourceLocation(file: path, line: 3, column: 2))
    #expect(error.message == "the number in column \"焦炭(万吨) Coke (10 000 t)\" is too large: \"\(huge)\"")
  }

  @Test func columnWithoutAUnit() throws {
    let error = try #require(failure(energyTable(header: "行业,焦炭 Coke,电力(亿千瓦时)")))
    #expect(error.location == SourceLocation(file: path, line: 2, column: 2))
    #expect(error.message == "no unit for column \"焦炭 Coke\"; expected one of 万吨, 吨, 10^4 t, 10 000 t, 10,000 tons, tons")
    #expect(error.hint == "write the unit in the header, as in 焦炭(万吨) or Coke (10^4 t), or add a unit row (单位 Unit) under the header")
  }

  @Test func unknownUnitInTheHeader() throws {
    let error = try #require(failure(energyTable(header: "行业,原油(万桶),电力(亿千瓦时)")))
    #expect(error.location == SourceLocation(file: path, line: 2, column: 2))
    #expect(error.message == "unknown unit \"万桶\" in column \"原油(万桶)\"; accepted units of mass: 万吨, 吨, 10^4 t, 10 000 t, 10,000 tons, tons")
  }

  @Test func unrecognisedBracketIsTakenForAUnitWhenTheColumnHasNoOther() throws {
    let error = try #require(failure(energyTable(header: "行业,焦炭(kt),电力(亿千瓦时)")))
    #expect(error.location == SourceLocation(file: path, line: 2, column: 2))
    #expect(error.message.hasPrefix("unknown unit \"kt\" in column \"焦炭(kt)\"; accepted units of mass: "))
  }

  @Test func remarkInBracketsBesideAUnitIsIgnored() throws {
    let result = try importer.importEnergyTable(energyTable(header: "行业,其他洗煤(含煤泥)(万吨),电力(亿千瓦时)"), file: path)
    #expect(close(result.records.first?.base("other_washed_coal"), 1e4))
  }

  @Test func unknownUnitInTheUnitRow() throws {
    let error = try #require(failure(energyTable(header: "行业,焦炭,电力", rows: ["单位,万吨,亿瓦时", "非金属矿物制品业,1,2"])))
    #expect(error.location == SourceLocation(file: path, line: 3, column: 3))
    #expect(error.message.hasPrefix("unknown unit \"亿瓦时\" in column \"电力\"; accepted units of electricity: 亿千瓦时"))
  }

  @Test func unitOfTheWrongDimension() throws {
    let error = try #require(failure(energyTable(header: "行业,焦炭(万吨),天然气(万吨)")))
    #expect(error.location == SourceLocation(file: path, line: 2, column: 3))
    #expect(error.message == "column \"天然气(万吨)\" is in 万吨, a unit of mass, but Natural Gas (天然气) is measured as gas volume; "
      + "expected one of 亿立方米, 万立方米, 立方米, 10^8 cu.m, 100 million cu.m, 10^4 cu.m, 10^8 m3")
  }

  @Test func headerAndUnitRowDisagree() throws {
    let error = try #require(failure(energyTable(header: "行业,焦炭(万吨),电力(亿千瓦时)", rows: ["单位,吨,亿千瓦时", "非金属矿物制品业,1,2"])))
    #expect(error.location == SourceLocation(file: path, line: 3, column: 2))
    #expect(error.message == "column \"焦炭(万吨)\" gives two different units: 万吨 and 吨")
  }

  @Test func noRowForTheIndustryListsLabelsSeen() throws {
    let error = try #require(failure(energyTable(rows: ["采矿业,1,2", "制造业,3,4", "非金属矿采选业,5,6"])))
    #expect(error.location == SourceLocation(file: path, line: 3, column: 1))
    #expect(error.message == "no row for the non-metallic mineral products industry (非金属矿物制品业); labels seen: \"采矿业\", \"制造业\", \"非金属矿采选业\"")
    #expect(error.description.hasPrefix("Inputs/yearbook/liaoning/2013.csv:3:1: error: no row for"))
  }

  @Test func twoRowsWithDifferentValuesNameBothLines() throws {
    let error = try #require(failure(energyTable(rows: ["非金属矿物制品业,1,2", "其他,0,0", "Non-metallic Mineral Products,1,3"])))
    #expect(error.location == SourceLocation(file: path, line: 5, column: 1))
    #expect(error.message == "two rows for the non-metallic mineral products industry (非金属矿物制品业) in 2013 differ: line 3 and line 5 "
      + "(电力(亿千瓦时): \"2\" vs \"3\")")
  }

  @Test func tableWithoutAFuelHeader() throws {
    let error = try #require(failure(utf8("表 1 工业总产值\n行业,总产值,利润\n非金属矿物制品业,1,2\n")))
    #expect(error.location == SourceLocation(file: path))
    #expect(error.message == "no header row naming the fuels: expected a row with at least two fuel columns such as 煤炭 Coal, 焦炭 Coke, 电力 Electricity")
  }

  @Test func twoColumnsForOneFuel() throws {
    let error = try #require(failure(energyTable(header: "行业,焦炭(万吨),电力(亿千瓦时),Coke (10^4 t)", rows: ["非金属矿物制品业,1,2,1"])))
    #expect(error.location == SourceLocation(file: path, line: 2, column: 4))
    #expect(error.message == "columns 2 (\"焦炭(万吨)\") and 4 (\"Coke (10^4 t)\") both hold Coke (焦炭)")
  }

  @Test func chineseAndEnglishHeaderRowsNamingDifferentFuels() throws {
    let error = try #require(failure(energyTable(header: "行业,焦炭(万吨),煤油(万吨)\nIndustry,Coke,Coal")))
    #expect(error.location == SourceLocation(file: path, line: 3, column: 3))
    #expect(error.message == "the header rows name different fuels for column 3: \"煤油(万吨)\" (Kerosene (煤油)) on line 2, \"Coal\" (Coal (煤炭)) on line 3")
  }

  @Test func noYearAnywhere() throws {
    let error = try #require(failure(energyTable(title: "分行业能源消费量"), file: "Inputs/energy.csv"))
    #expect(error.location == SourceLocation(file: "Inputs/energy.csv"))
    #expect(error.message == "cannot tell the table's year: there is no 年份/Year column, no year in the lines above the header, and none in the file name")
    #expect(error.hint == "add a title line such as \"2013年\", or name the file after the year (2013.csv, energy-2013.csv)")
  }

  @Test func titleWithSeveralYearsAndNoYearInTheFileName() throws {
    let error = try #require(failure(energyTable(title: "2012年与2013年对比"), file: "energy.csv"))
    #expect(error.location == SourceLocation(file: "energy.csv", line: 1))
    #expect(error.message == "the title lines name several years (2012, 2013); cannot tell which the table is for")
  }

  @Test func yearColumnCellThatIsNotAYear() throws {
    let bytes = utf8("年份,行业,焦炭(万吨),电力(亿千瓦时)\n2013,制造业,1,2\n二〇一三,非金属矿物制品业,1,2\n")
    let error = try #require(failure(bytes))
    #expect(error.location == SourceLocation(file: path, line: 3, column: 1))
    #expect(error.message == "expected a year (1949–2100) in column \"年份\", found \"二〇一三\"")
  }

  @Test func unterminatedQuoteIsACSVError() throws {
    let error = try #require(failure(energyTable(rows: ["制造业,1,2", "非金属矿物制品业,\"3,4", "注：…"])))
    #expect(error.location == SourceLocation(file: path, line: 4, column: 2))
    #expect(error.message == "unterminated quoted field starting at line 4: a field that opens with \" must close with \"")
  }

  @Test func labelColumnMissing() throws {
    let error = try #require(failure(utf8("2013\n焦炭(万吨),电力(亿千瓦时)\n1,2\n")))
    #expect(error.location == SourceLocation(file: path, line: 2, column: 1))
    #expect(error.message == "no column for the industry names: the first fuel column is the table's first column")
  }
}

@Suite("Energy tables: years, labels, units and cells")
struct EnergyTableConventionTests {
  let importer = YearbookImporter()

  private func record(_ bytes: [UInt8], file: String = path) throws -> IndustryEnergyRecord {
    let result = try importer.importEnergyTable(bytes, file: file)
    return try #require(result.records.first)
  }

  @Test(arguments: [
    ("表 4-12 分行业能源消费量(实物量) 2013年", "x.csv", 2013),
    ("Energy Consumption by Industry (Physical Quantity) (2011)", "x.csv", 2011),
    ("辽宁统计年鉴2015 分行业能源消费量（２０１４年）", "x.csv", 2014),
    ("Liaoning Statistical Yearbook 2015", "energy-2014.csv", 2014),
    ("分行业能源消费量", "Inputs/yearbook/liaoning/2010.csv", 2010),
    ("2012年与2013年", "energy-2013.csv", 2013),
  ])
  func yearFromTitleElseFileName(title: String, file: String, year: Int) throws {
    #expect(try record(energyTable(title: title), file: file).year == year)
  }

  @Test func titleYearWinsOverTheFileNameWithAWarning() throws {
    let result = try importer.importEnergyTable(energyTable(title: "2013年"), file: "2014.csv")
    #expect(result.records.first?.year == 2013)
    #expect(result.findings.map(\.description) == ["2014.csv:1: warning: the title says 2013 but the file name says 2014; the table was read as 2013"])
    #expect(result.findings.first?.check == "year-mismatch")
  }

  @Test(arguments: [
    "非金属矿物制品业", "30 非金属矿物制品业", "C30非金属矿物制品业", "31 非金属矿物制品业", "３０　非金属矿物制品业",
    "　　非金属矿物制品业", "非金属矿物制品业（C30）", "其中：非金属矿物制品业", "Manufacture of Non-metallic Mineral Products",
    "Non-metal Mineral Products", "Nonmetal Mineral Products", "Non-metallic Mineral Products", "C30 Non-metallic Mineral Products",
    "ＮＯＮ－ＭＥＴＡＬＬＩＣ　ＭＩＮＥＲＡＬ　ＰＲＯＤＵＣＴＳ", "非金属矿物制品业 Non-metallic Mineral Products",
    "Non-metallic Mineral Products Industry",
  ])
  func industryLabelSpellings(_ label: String) throws {
    let result = try importer.importEnergyTable(energyTable(rows: ["制造业,9,9", "\"\(label)\",1,2"]), file: path)
    #expect(result.records.map(\.industryLabel) == [label.trimmingCharacters(in: .whitespaces)])
  }

  @Test(arguments: [
    "非金属矿采选业", "Mining and Processing of Non-metal Ores", "非金属矿物制品业增加值", "水泥制造", "Non-metallic Mineral Mining",
  ])
  func labelsThatAreNotTheIndustry(_ label: String) throws {
    let error = importError { _ = try importer.importEnergyTable(energyTable(rows: ["\"\(label)\",1,2"]), file: path) }
    #expect(error?.message.hasPrefix("no row for the non-metallic mineral products industry") == true)
  }

  @Test func labelSplitOverAChineseAndAnEnglishColumn() throws {
    let bytes = utf8("2013年\n行业,Industry,焦炭(万吨),电力(亿千瓦时)\n制造业,Manufacturing,5,6\n非金属矿物制品业,Non-metallic Mineral Products,1,2\n")
    let record = try record(bytes)
    #expect(record.industryLabel == "非金属矿物制品业 Non-metallic Mineral Products")
    #expect(record.location == SourceLocation(file: path, line: 4, column: 1))
  }

  @Test func englishLabelInTheSecondColumnOnly() throws {
    let bytes = utf8("2013年\n行业,Industry,焦炭(万吨),电力(亿千瓦时)\n,Manufacturing,5,6\n,Nonmetal Mineral Products,1,2\n")
    let record = try record(bytes)
    #expect(record.industryLabel == "Nonmetal Mineral Products")
    #expect(record.location == SourceLocation(file: path, line: 4, column: 2))
  }

  @Test(arguments: [
    ("万吨", 1e4), ("吨", 1), ("10^4 t", 1e4), ("10⁴ t", 1e4), ("10 000 tons", 1e4), ("10,000 tons", 1e4), ("10000 t", 1e4),
    ("10^4 ton", 1e4), ("tons", 1), ("１０＾４ｔ", 1e4), ("10 thousand tons", 1e4), ("tonnes", 1), ("t", 1),
  ])
  func massUnitSpellings(unit: String, tonnes: Double) throws {
    let record = try record(energyTable(header: "行业,\"焦炭(\(unit))\",电力(亿千瓦时)"))
    #expect(close(record.base(.coke), tonnes))
    #expect(record.values[.coke]?.sources.first?.originalUnit == unit)
  }

  @Test(arguments: [
    ("亿立方米", 1e8), ("10^8 cu.m", 1e8), ("100 million cu.m", 1e8), ("10^8 m3", 1e8), ("10⁸m³", 1e8), ("万立方米", 1e4),
    ("10^4 cu.m", 1e4), ("10 000 cu.m", 1e4), ("立方米", 1), ("m3", 1), ("cu.m", 1),
  ])
  func gasUnitSpellings(unit: String, cubicMetres: Double) throws {
    let record = try record(energyTable(header: "行业,\"天然气(\(unit))\",电力(亿千瓦时)"))
    #expect(close(record.base(.naturalGas), cubicMetres))
  }

  @Test(arguments: [
    ("亿千瓦时", 1e5), ("亿千瓦小时", 1e5), ("10^8 kWh", 1e5), ("100 million kWh", 1e5), ("万千瓦时", 10), ("10^4 kWh", 10),
    ("10^8 kwh", 1e5), ("万千瓦小时", 10), ("亿度", 1e5), ("万度", 10), ("MWh", 1),
  ])
  func electricityUnitSpellings(unit: String, megawattHours: Double) throws {
    let record = try record(energyTable(header: "行业,焦炭(万吨),电力(\(unit))", rows: ["非金属矿物制品业,1,1"]))
    #expect(close(record.base(.electricity), megawattHours))
  }

  @Test(arguments: [("万吨标准煤", 1e4), ("10^4 tce", 1e4), ("吨标准煤", 1), ("万吨标煤", 1e4), ("10 000 tce", 1e4), ("tce", 1)])
  func coalEquivalentUnitSpellings(unit: String, tce: Double) throws {
    let record = try record(energyTable(header: "行业,能源消费总量(\(unit)),焦炭(万吨)"))
    #expect(close(record.base(.totalEnergy), tce))
  }

  @Test(arguments: [("10^10 kJ", 1e4), ("万百万千焦", 1e4), ("百亿千焦", 1e4), ("10^10 kj", 1e4), ("GJ", 1), ("TJ", 1e3)])
  func heatUnitSpellings(unit: String, gigajoules: Double) throws {
    let record = try record(energyTable(header: "行业,热力(\(unit)),焦炭(万吨)"))
    #expect(close(record.values["heat"]?.value?.baseValue, gigajoules))
  }

  @Test func unitsOnTheUnitRowWithoutALabel() throws {
    let record = try record(energyTable(header: "Industry,Coke,Electricity", rows: [",(10^4 t),(10^8 kWh)", "非金属矿物制品业,1,2"]))
    #expect(close(record.base(.coke), 1e4))
    #expect(close(record.base(.electricity), 2e5))
    #expect(record.values[.coke]?.sources.first?.originalUnit == "(10^4 t)")
  }

  @Test func unitAfterTheNameWithoutBrackets() throws {
    let record = try record(energyTable(header: "行业,焦炭万吨,Electricity 10^8 kWh"))
    #expect(close(record.base(.coke), 1e4))
    #expect(record.values[.electricity]?.sources.first?.originalUnit == "10^8 kWh")
  }

  @Test func unitForTheWholeTableInALineAbove() throws {
    let record = try record(energyTable(title: "2013年\n单位：万吨", header: "行业,焦炭,原油,电力(亿千瓦时)", rows: ["非金属矿物制品业,1,2,3"]))
    #expect(close(record.base(.crudeOil), 2e4))
    #expect(record.values[.crudeOil]?.sources.first?.originalUnit == "万吨")
  }

  @Test(arguments: [
    ("Raw_Coal", Fuel("raw_coal")), ("RAW COAL", "raw_coal"), ("Raw-Coal", "raw_coal"), ("ｃｏｋｅ", .coke), ("焦炭　", .coke),
    ("其中：原煤", "raw_coal"), ("Gas/Diesel Oil", .dieselOil), ("Liquefied Petroleum Gas", "lpg"), ("合计 Total", .totalEnergy),
    ("Kero-sene", .kerosene), ("焦炉煤气", "coke_oven_gas"),
  ])
  func fuelHeaderSpellings(header: String, fuel: Fuel) throws {
    let unit = fuel == .totalEnergy ? "10^4 tce" : fuel == "coke_oven_gas" ? "亿立方米" : "万吨"
    let bytes = energyTable(header: "行业,\"\(header)\",电力", rows: ["单位,\(unit),亿千瓦时", "非金属矿物制品业,1,2"])
    #expect(try record(bytes).values.keys.sorted() == [fuel, .electricity].sorted())
  }

  @Test(arguments: [
    ("", nil), ("…", nil), ("……", nil), ("...", nil), ("NA", nil), ("N/A", nil), ("n.a.", nil), ("-", 0), ("—", 0), ("–", 0),
    ("－", 0), ("--", 0), ("——", 0), ("0", 0), ("1,234.5", 1234.5), ("１２３．４", 123.4), ("１，２３４", 1234), (" 12 ", 12),
    (".5", 0.5), ("1,234,567", 1_234_567), ("0.00", 0),
  ] as [(String, Double?)])
  func cellConventions(cell: String, value: Double?) throws {
    let record = try record(energyTable(rows: ["非金属矿物制品业,\"\(cell)\",1"]))
    let coke = try #require(record.values[.coke])
    if let value {
      #expect(close(coke.value.map { $0.baseValue / 1e4 }, value))
    } else {
      #expect(coke.value == nil)
    }
    #expect(coke.flags == (value == nil ? [.notAvailable] : []))
    #expect(coke.sources.first?.originalText == cell)
  }

  @Test(arguments: ["1,2x", "1,23", "12a", "1e5", "1e999", "1.2.3", "x", "12%", "+5", "1 234"])
  func cellsThatAreNotNumbers(_ cell: String) throws {
    let error = importError { _ = try importer.importEnergyTable(energyTable(rows: ["非金属矿物制品业,\"\(cell)\",1"]), file: path) }
    #expect(error?.location == SourceLocation(file: path, line: 3, column: 2))
    #expect(error?.message == "expected a number in column \"焦炭(万吨) Coke (10 000 t)\", found \"\(cell)\"")
  }

  @Test(arguments: ["-3", "−3.5", "-1,234.5"])
  func negativeCells(_ cell: String) throws {
    let error = importError { _ = try importer.importEnergyTable(energyTable(rows: ["非金属矿物制品业,\"\(cell)\",1"]), file: path) }
    #expect(error?.message == "expected a number of zero or more in column \"焦炭(万吨) Coke (10 000 t)\", found \"\(cell)\"")
  }

  @Test func raggedRowReadsMissingCellsAsNotAvailable() throws {
    let record = try record(energyTable(rows: ["非金属矿物制品业,1"]))
    #expect(record.values[.electricity]?.value == nil)
    #expect(record.values[.electricity]?.flags == [.notAvailable])
    #expect(record.values[.electricity]?.steps == ["empty cell: not available"])
    #expect(record.values[.electricity]?.sources.first?.location == SourceLocation(file: path, line: 3, column: 3))
  }

  @Test func headerCellBrokenOverTwoLinesInsideQuotes() throws {
    let bytes = utf8("2013年\n行业,\"焦炭\n(万吨)\",电力(亿千瓦时)\n非金属矿物制品业,x,2\n")
    let error = try #require(importError { _ = try importer.importEnergyTable(bytes, file: path) })
    #expect(error.location == SourceLocation(file: path, line: 4, column: 2))
    #expect(error.message == "expected a number in column \"焦炭 (万吨)\", found \"x\"")
  }

  @Test func valueInAColumnWithoutAHeaderIsReported() throws {
    let result = try importer.importEnergyTable(energyTable(rows: ["制造业,1,2,3", "非金属矿物制品业,1,2,7.5"]), file: path)
    #expect(result.findings.map(\.description) == [
      "Inputs/yearbook/liaoning/2013.csv:4:4: warning: column 4 has no header; its value \"7.5\" in this row was not read"
    ])
    #expect(result.findings.first?.check == "unknown-column")
  }

  @Test func englishLabelColumnAtTheRightEdgeIsNotAnUnknownColumn() throws {
    let bytes = utf8("2013年\n行业,焦炭(万吨),电力(亿千瓦时),Industry\n非金属矿物制品业,1,2,Non-metallic Mineral Products\n")
    let result = try importer.importEnergyTable(bytes, file: path)
    #expect(result.findings.isEmpty)
    #expect(result.records.first?.industryLabel == "非金属矿物制品业 Non-metallic Mineral Products")
  }
}
