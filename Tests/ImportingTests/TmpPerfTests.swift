import CSVReading
import Importing
import Testing
import Foundation

@Test func tmpStages() throws {
  var lines = ["表 4-12 分行业能源消费量(实物量) 2013年",
               "行业 Industry,煤炭(万吨) Coal,焦炭(万吨) Coke,原油(万吨),汽油(万吨),煤油(万吨),柴油(万吨),燃料油(万吨),天然气(亿立方米),电力(亿千瓦时),热力(万百万千焦),能源消费总量(万吨标准煤)"]
  for index in 0..<99 { lines.append("行业\(index),\"1,234.5\",2,3,4,5,6,7,8,9,10,11") }
  lines.append("非金属矿物制品业,226.76,381.35,0,3.75,0,21.47,13.42,9.82,151.54,…,1610.2")
  let text = lines.joined(separator: "\n")
  let bytes = Array(text.utf8)
  let clock = ContinuousClock()
  print("decode", clock.measure { for _ in 0..<10 { _ = try? TextDecoding.decode(bytes, file: "t") } } / 10)
  print("detect", clock.measure { for _ in 0..<10 { _ = CSVReader.detectDelimiter(text) } } / 10)
  print("parse", clock.measure { for _ in 0..<10 { _ = try? CSVReader.parse(text) } } / 10)
  print("classify", clock.measure { for _ in 0..<10 { _ = try? YearbookImporter().classify(bytes, file: "t") } } / 10)
  print("init", clock.measure { for _ in 0..<10 { _ = YearbookImporter() } } / 10)
}
