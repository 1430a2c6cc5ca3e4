import CementModel
import Importing
import Testing

private func tonnes(_ record: ProductRecord?) -> Double? { record?.output.value?.baseValue }

private func find(_ records: [ProductRecord], _ product: Product, _ year: Int) -> ProductRecord? {
  records.first { $0.product == product && $0.year == year }
}

@Suite("Products tables: layouts")
struct ProductsTableLayoutTests {
  let importer = YearbookImporter()

  @Test func yearsAsRowsProductsAsColumns() throws {
    let file = "products-years-as-rows.csv"
    let result = try importer.importProductsTable(try Fixture.bytes(file), file: file)
    #expect(result.encoding == "UTF-8")
    #expect(result.findings.isEmpty)
    #expect(result.records.map(\.year) == [2010, 2010, 2011, 2011, 2012, 2012, 2013, 2013])
    #expect(result.records.map(\.product) == [.cement, .clinker, .cement, .clinker, .cement, .clinker, .cement, .clinker])
    #expect(close(tonnes(find(result.records, .cement, 2010)), 45_103_000))
    #expect(close(tonnes(find(result.records, .cement, 2013)), 60_111_500))
    #expect(close(tonnes(find(result.records, .clinker, 2013)), 34_567_000))
    let clinker2010 = try #require(find(result.records, .clinker, 2010))
    #expect(clinker2010.output.value == nil)
    #expect(clinker2010.output.flags == [.notAvailable])
    let cement2013 = try #require(find(result.records, .cement, 2013))
    #expect(cement2013.output.sources == [
      SourceRecord(
        location: SourceLocation(file: file, line: 7, column: 3), originalText: "6,011.15", originalUnit: "万吨",
        label: "水泥(万吨) Cement (10^4 t)")
    ])
    #expect(cement2013.output.steps == ["read 6011.15 万吨 = 60 111 500 t"])
  }

  @Test func productsAsRowsYearsAsColumnsInGB18030TabSeparated() throws {
    let file = "products-years-as-columns.tsv"
    let result = try importer.importProductsTable(try Fixture.bytes(file), file: file)
    #expect(result.encoding == "GB18030")
    #expect(result.records.map(\.year) == [2011, 2012, 2013, 2011, 2012, 2013])
    #expect(result.records.map(\.product) == [.cement, .cement, .cement, .clinker, .clinker, .clinker])
    #expect(close(tonnes(find(result.records, .cement, 2012)), 56_234_000))
    #expect(close(tonnes(find(result.records, .clinker, 2011)), 29_500_000))
    #expect(find(result.records, .clinker, 2012)?.output.value == nil)
    let cement = try #require(find(result.records, .cement, 2013))
    #expect(cement.output.sources == [
      SourceRecord(location: SourceLocation(file: file, line: 4, column: 5), originalText: "6,011.15", originalUnit: "万吨", label: "水泥 Cement")
    ])
  }

  @Test func singleYearWithOneOutputColumnAndUnitsInTonnesAndTenThousandTonnes() throws {
    let file = "products-single-year.csv"
    let result = try importer.importProductsTable(try Fixture.bytes(file), file: file)
    #expect(result.records.map(\.year) == [2013, 2013])
    #expect(result.records.map(\.product) == [.cement, .clinker])
    #expect(close(tonnes(result.records.first), 60_111_500))
    #expect(close(tonnes(result.records.last), 34_567_000))
    #expect(result.records.first?.output.sources.first?.originalUnit == "吨")
    #expect(result.records.first?.output.steps == ["read 60111500 吨 = 60 111 500 t"])
    #expect(result.records.first?.output.sources.first?.location == SourceLocation(file: file, line: 4, column: 3))
  }

  @Test func cementProductsAndClinkerAreNotCement() throws {
    let bytes = utf8("2013年\n产品,计量单位,产量\n水泥制品,万立方米,140.2\n水泥熟料,万吨,3456.7\n水泥专用设备,台,12\n")
    let result = try importer.importProductsTable(bytes, file: "p.csv")
    #expect(result.records.map(\.product) == [.clinker])
  }

  @Test func unitForTheWholeTableAndYearFromTheFileName() throws {
    let bytes = utf8("主要工业产品产量\n单位：万吨 Unit: 10 000 tons\n产品,产量\n水泥,\"6,011.15\"\n")
    let result = try importer.importProductsTable(bytes, file: "Inputs/products-2013.csv")
    #expect(result.records.map(\.year) == [2013])
    #expect(close(tonnes(result.records.first), 60_111_500))
    #expect(result.records.first?.output.sources.first?.originalUnit == "万吨")
  }

  @Test func unitInTheYearHeaders() throws {
    let bytes = utf8("产品,2012(万吨),2013(万吨)\n水泥,5623.4,6011.15\n")
    let result = try importer.importProductsTable(bytes, file: "p.csv")
    #expect(result.records.map(\.year) == [2012, 2013])
    #expect(close(tonnes(result.records.last), 60_111_500))
  }

  @Test func otherProductsRowsBetweenTheHeaderAndCementAreSkipped() throws {
    let bytes = utf8("产品名称,计量单位,2012,2013,2013年比2012年增长(%)\n原煤,万吨,6920.7,7010.0,1.3\n发电量,亿千瓦时,1700,1800,5.9\n水泥,万吨,5623.4,6011.15,6.9\n")
    let result = try importer.importProductsTable(bytes, file: "p.csv")
    #expect(result.records.map(\.year) == [2012, 2013])
    #expect(close(tonnes(result.records.last), 60_111_500))
  }

  @Test func yearColumnWithoutAHeaderWord() throws {
    let bytes = utf8(",水泥(万吨),熟料(万吨)\n2012,5623.4,3200.5\n2013,6011.15,3456.7\n")
    let result = try importer.importProductsTable(bytes, file: "p.csv")
    #expect(result.records.map(\.year) == [2012, 2012, 2013, 2013])
    #expect(close(tonnes(find(result.records, .clinker, 2013)), 34_567_000))
  }

  @Test func englishLabelLinePrintedUnderTheChineseOneAddsNothing() throws {
    let bytes = utf8("产品,单位,2013\n水泥,万吨,6011.15\nCement,,\n")
    let result = try importer.importProductsTable(bytes, file: "p.csv")
    #expect(result.records.count == 1)
    #expect(result.findings.isEmpty)
  }

  @Test func repeatedRowWithTheSameValueIsAWarning() throws {
    let bytes = utf8("产品,单位,2013\n水泥,万吨,6011.15\n水泥 Cement,万吨,\"6,011.15\"\n")
    let result = try importer.importProductsTable(bytes, file: "p.csv")
    #expect(result.records.count == 1)
    #expect(result.findings.map(\.description) == [
      "p.csv:3:3: warning: cement (水泥) in 2013 is given again with the same value; line 2 was used"
    ])
  }
}

@Suite("Products tables: errors")
struct ProductsTableErrorTests {
  let importer = YearbookImporter()

  private func failure(_ text: String, file: String = "Inputs/yearbook/liaoning/products-2013.csv") -> ImportError? {
    importError { _ = try importer.importProductsTable(utf8(text), file: file) }
  }

  @Test func noCementAnywhere() throws {
    let error = try #require(failure("产品,单位,2013\n水泥制品,万立方米,140.2\n钢材,万吨,1\n"))
    #expect(error.location == SourceLocation(file: "Inputs/yearbook/liaoning/products-2013.csv"))
    #expect(error.message == "no cement (水泥) row or column in the products table")
  }

  @Test func valueThatIsNotANumberInAProductRow() throws {
    let error = try #require(failure("产品,单位,2012,2013\n水泥,万吨,5623.4,6O11\n"))
    #expect(error.description.hasPrefix(
      "Inputs/yearbook/liaoning/products-2013.csv:2:4: error: expected a number in row \"水泥\", column \"2013\", found \"6O11\""))
  }

  @Test func valueThatIsNotANumberInAProductColumn() throws {
    let error = try #require(failure("年份,水泥(万吨)\n2012,5623.4\n2013,x\n"))
    #expect(error.location == SourceLocation(file: "Inputs/yearbook/liaoning/products-2013.csv", line: 3, column: 2))
    #expect(error.message == "expected a number in column \"水泥(万吨)\", found \"x\"")
  }

  @Test func productRowWithoutAUnit() throws {
    let error = try #require(failure("产品,2012,2013\n水泥,5623.4,6011.15\n"))
    #expect(error.location == SourceLocation(file: "Inputs/yearbook/liaoning/products-2013.csv", line: 2, column: 1))
    #expect(error.message == "no unit for row \"水泥\"; expected one of 万吨, 吨, 10^4 t, 10 000 t, 10,000 tons, tons")
  }

  @Test func unitThatIsNotAMass() throws {
    let error = try #require(failure("产品,单位,2013\n水泥,万立方米,1\n"))
    #expect(error.location == SourceLocation(file: "Inputs/yearbook/liaoning/products-2013.csv", line: 2, column: 2))
    #expect(error.message == "row \"水泥\" is in 万立方米, a unit of gas volume; product output is a mass: expected one of 万吨, 吨, 10^4 t, 10 000 t, 10,000 tons, tons")
  }

  @Test func unknownUnitInAUnitColumn() throws {
    let error = try #require(failure("产品,计量单位,2013\n水泥,万担,1\n"))
    #expect(error.location == SourceLocation(file: "Inputs/yearbook/liaoning/products-2013.csv", line: 2, column: 2))
    #expect(error.message == "unknown unit \"万担\" for row \"水泥\"; accepted units of mass: 万吨, 吨, 10^4 t, 10 000 t, 10,000 tons, tons")
  }

  @Test func twoRowsForCementWithDifferentValues() throws {
    let error = try #require(failure("产品,单位,2013\n水泥,万吨,6011.15\nCement,万吨,6000\n"))
    #expect(error.location == SourceLocation(file: "Inputs/yearbook/liaoning/products-2013.csv", line: 3, column: 3))
    #expect(error.message == "two values for cement (水泥) in 2013 differ: \"6011.15\" on line 2 and \"6000\" on line 3")
  }

  @Test func rowWithValuesButNoReadableYear() throws {
    let error = try #require(failure("年份 Year,水泥(万吨)\n2012,5623.4\n2013年度,6011.15\n注：无\n"))
    #expect(error.location == SourceLocation(file: "Inputs/yearbook/liaoning/products-2013.csv", line: 3, column: 1))
    #expect(error.message == "expected a year in column \"年份 Year\", found \"2013年度\"")
  }

  @Test func singleYearTableWithoutAnOutputColumn() throws {
    let error = try #require(failure("2013年\n产品,本月,累计\n水泥,500,6011.15\n"))
    #expect(error.location == SourceLocation(file: "Inputs/yearbook/liaoning/products-2013.csv", line: 3))
    #expect(error.message == "cannot tell which column holds the output: no column is headed with a year or 产量/Output")
  }

  @Test func twoColumnsHeadedWithTheSameYear() throws {
    let error = try #require(failure("产品,单位,2013,2013年\n水泥,万吨,1,2\n"))
    #expect(error.location == SourceLocation(file: "Inputs/yearbook/liaoning/products-2013.csv", line: 1, column: 4))
    #expect(error.message == "columns 3 and 4 are both headed 2013")
  }
}
