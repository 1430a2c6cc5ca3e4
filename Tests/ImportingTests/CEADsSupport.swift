import CementModel
import Foundation
import Importing
import Testing
import XLSXWriting

/// Where the real CEADs data live on the project machines (never copied into the project).
enum CEADsData {
  static let directory = "/work/shared/data/ceads"
  static let energyFolder = "\(directory)/energy-inventory"
  static func energyInventory(_ year: Int) -> String { "\(energyFolder)/provincial-energy-inventory-\(year).xlsx" }
  static let apparentInventory = "\(directory)/apparent-emission-inventory-1997-2022.xlsx"
  static let available = FileManager.default.fileExists(atPath: energyInventory(2013))
    && FileManager.default.fileExists(atPath: apparentInventory)

  /// The 30 provinces of the CEADs inventories (no Tibet, Hong Kong, Macao or Taiwan), as ids.
  static let provinces: Set<String> = [
    "anhui", "beijing", "chongqing", "fujian", "gansu", "guangdong", "guangxi", "guizhou", "hainan", "hebei",
    "heilongjiang", "henan", "hubei", "hunan", "innermongolia", "jiangsu", "jiangxi", "jilin", "liaoning", "ningxia",
    "qinghai", "shaanxi", "shandong", "shanghai", "shanxi", "sichuan", "tianjin", "xinjiang", "yunnan", "zhejiang",
  ]
}

/// A fresh directory under the system temp dir for generated workbooks; removed by `remove()`.
struct CEADsScratch {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("ceads-importer-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  func write(_ bytes: [UInt8], to name: String) throws -> String {
    let path = self.path(name)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Small workbooks laid out as CEADs lays out its inventories, written with XLSXWriting.
enum CEADsFixture {
  /// A cell of a generated sheet: nil leaves the cell empty.
  typealias Row = [CellValue?]

  /// The 20 energy types of a CEADs energy sheet, in its order.
  static let fuels = [
    "Raw_Coal", "Cleaned_Coal", "Other_Washed_Coal", "Briquettes", "Coke", "Coke_Oven_Gas", "Other_Gas",
    "Other_Coking_Products", "Crude_Oil", "Gasoline", "Kerosene", "Diesel_Oil", "Fuel_Oil", "LPG", "Refinery_Gas",
    "Other_Petroleum_Products", "Natural_Gas", "Heat", "Electricity", "Other_Energy",
  ]
  static let units = [
    "10^4 ton", "10^4 ton", "10^4 ton", "10^4 ton", "10^4 ton", "10^8 cu.m", "10^8 cu.m", "10^4 ton", "10^4 ton",
    "10^4 ton", "10^4 ton", "10^4 ton", "10^4 ton", "10^4 ton", "10^4 ton", "10^4 ton", "10^8 cu.m", "10^10 kj",
    "10^8 kwh", "10^4 tce",
  ]
  /// The catalogue fuel each column maps to.
  static let catalogueFuels: [Fuel] = [
    "raw_coal", "cleaned_coal", "other_washed_coal", "briquettes", .coke, "coke_oven_gas", "other_gas",
    "other_coking_products", .crudeOil, .gasoline, .kerosene, .dieselOil, .fuelOil, "lpg", "refinery_gas",
    "other_petroleum_products", .naturalGas, "heat", .electricity, "other_energy",
  ]
  /// Liaoning's `Nonmetal Mineral Products` row of 2013, rounded to two decimals.
  static let liaoning2013: [Double] = [
    226.76, 25.02, 4.97, 2.79, 381.35, 0.07, 31.39, 2.04, 0, 3.75, 0.02, 21.47, 13.42, 3.49, 0.47, 44.48, 9.82, 45.58,
    151.54, 1.23,
  ]

  static func numbers(_ values: [Double]) -> Row { values.map { CellValue.number($0) } }

  /// A province sheet: header, unit row, `Total Final Consumption`, two other sectors, then
  /// the sector row (row 6) labelled `label` with `values`.
  static func energySheet(
    label: String = "Nonmetal Mineral Products", values: Row = numbers(liaoning2013), header: [String] = fuels,
    units: [String] = units
  ) -> [Row] {
    [
      [.text("Energy_inventory")] + header.map { CellValue.text($0) },
      [.text("unit")] + units.map { CellValue.text($0) },
      [.text("Total Final Consumption")] + numbers(liaoning2013.map { $0 * 10 }),
      [.text("Coal Mining and Dressing")] + numbers(liaoning2013.map { $0 / 10 }),
      [.text("Nonmetal Minerals Mining and Dressing")] + numbers(liaoning2013.map { $0 / 20 }),
      [.text(label)] + values,
      [.text("Smelting and Pressing of Ferrous Metals")] + numbers(liaoning2013.map { $0 * 2 }),
    ]
  }

  /// The `NOTE` sheet that opens every CEADs workbook.
  static let note: [Row] = [
    [.text("Introduction/简介"), .text("This spreadsheet provides energy inventory for Chinese provinces.")],
    [.text("Unit/单位"), .text("10^4 tn, 10^8 cu.m, 10^10 kj, 10^8 kwh, 10^4 tce\n万吨、亿立方米、百亿千焦、亿千瓦时、万吨标准煤")],
  ]

  /// Writes a workbook with the sheets given, in order, and returns its path.
  static func write(_ sheets: [(name: String, rows: [Row])], to path: String) throws -> String {
    let workbook = try Workbook(
      path: path,
      properties: DocumentProperties(author: "cement-accounts tests", created: CreationDate(year: 2024, month: 1, day: 1)))
    for (name, rows) in sheets {
      let sheet = try workbook.addWorksheet(named: name)
      for (row, cells) in rows.enumerated() {
        for (column, cell) in cells.enumerated() {
          if let cell { try sheet.write(cell, row: row, column: column) }
        }
      }
    }
    try workbook.close()
    return path
  }

  /// A CEADs apparent-inventory year sheet: provinces in C…, items below, `Process | Cement` in row 5.
  static func apparentSheet(provinces: [String], cement: Row, cementLabel: String = "Cement") -> [Row] {
    let count = provinces.count
    return [
      [nil, .text("Items")] + provinces.map { CellValue.text($0) },
      [.text("Fossil fuel"), .text("Raw coal total")] + numbers((0..<count).map { Double($0) * 10 + 30 }),
      [nil, .text("Crude oil total")] + numbers((0..<count).map { Double($0) + 20 }),
      [nil, .text("Natural gas total")] + numbers((0..<count).map { Double($0) + 5 }),
      [.text("Process"), .text(cementLabel)] + cement,
      [.text("Total apparent CO2 emissions (mt)"), nil] + numbers((0..<count).map { Double($0) * 10 + 60 }),
    ]
  }

  static let apparentNote: [Row] = [
    [.text("Introduction/简介"), .text("This spreadsheet provides apparent CO2 emission inventory for Chinese provinces.")],
    [.text("Unit/单位"), .text("Mt\n百万吨")],
  ]
}

/// The ImportError thrown by `body`, or nil.
func ceadsError<T>(_ body: () throws -> T) -> ImportError? {
  do {
    _ = try body()
    return nil
  } catch {
    return error as? ImportError
  }
}
