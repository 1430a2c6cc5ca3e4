/// The 31 provincial-level divisions of mainland China, in the order of the statistical
/// yearbooks (NBS region codes 11–65), each with its id as the inputs spell it (CEADs sheet names
/// lower-cased without spaces: `innermongolia`), its English name and its Chinese short name
/// (as the yearbooks' tables print it: 辽宁, 内蒙古). The one table of province names: reports,
/// workbooks and summaries in either language take their names from here.
public struct ProvinceName: Sendable, Hashable {
  /// The id the inputs use (`liaoning`, `innermongolia`).
  public let id: String
  /// The English name (`Inner Mongolia`).
  public let english: String
  /// The Chinese short name (`内蒙古`).
  public let chinese: String
  /// Other spellings of the id found in folder names (`inner_mongolia`, `neimenggu`, `xizang`).
  public let aliases: [String]

  /// The 31 divisions, in the yearbooks' order.
  public static let all: [ProvinceName] = [
    .init(id: "beijing", english: "Beijing", chinese: "北京"),
    .init(id: "tianjin", english: "Tianjin", chinese: "天津"),
    .init(id: "hebei", english: "Hebei", chinese: "河北"),
    .init(id: "shanxi", english: "Shanxi", chinese: "山西"),
    .init(id: "innermongolia", english: "Inner Mongolia", chinese: "内蒙古", aliases: ["inner_mongolia", "inner-mongolia", "neimenggu"]),
    .init(id: "liaoning", english: "Liaoning", chinese: "辽宁"),
    .init(id: "jilin", english: "Jilin", chinese: "吉林"),
    .init(id: "heilongjiang", english: "Heilongjiang", chinese: "黑龙江"),
    .init(id: "shanghai", english: "Shanghai", chinese: "上海"),
    .init(id: "jiangsu", english: "Jiangsu", chinese: "江苏"),
    .init(id: "zhejiang", english: "Zhejiang", chinese: "浙江"),
    .init(id: "anhui", english: "Anhui", chinese: "安徽"),
    .init(id: "fujian", english: "Fujian", chinese: "福建"),
    .init(id: "jiangxi", english: "Jiangxi", chinese: "江西"),
    .init(id: "shandong", english: "Shandong", chinese: "山东"),
    .init(id: "henan", english: "Henan", chinese: "河南"),
    .init(id: "hubei", english: "Hubei", chinese: "湖北"),
    .init(id: "hunan", english: "Hunan", chinese: "湖南"),
    .init(id: "guangdong", english: "Guangdong", chinese: "广东"),
    .init(id: "guangxi", english: "Guangxi", chinese: "广西"),
    .init(id: "hainan", english: "Hainan", chinese: "海南"),
    .init(id: "chongqing", english: "Chongqing", chinese: "重庆"),
    .init(id: "sichuan", english: "Sichuan", chinese: "四川"),
    .init(id: "guizhou", english: "Guizhou", chinese: "贵州"),
    .init(id: "yunnan", english: "Yunnan", chinese: "云南"),
    .init(id: "tibet", english: "Tibet", chinese: "西藏", aliases: ["xizang"]),
    .init(id: "shaanxi", english: "Shaanxi", chinese: "陕西"),
    .init(id: "gansu", english: "Gansu", chinese: "甘肃"),
    .init(id: "qinghai", english: "Qinghai", chinese: "青海"),
    .init(id: "ningxia", english: "Ningxia", chinese: "宁夏"),
    .init(id: "xinjiang", english: "Xinjiang", chinese: "新疆"),
  ]

  init(id: String, english: String, chinese: String, aliases: [String] = []) {
    self.id = id
    self.english = english
    self.chinese = chinese
    self.aliases = aliases
  }

  private static let byID: [String: ProvinceName] = {
    var table: [String: ProvinceName] = [:]
    for name in all {
      table[name.id] = name
      for alias in name.aliases { table[alias] = name }
    }
    return table
  }()

  /// The province with this id or alias (case-insensitive), or nil.
  public static func named(_ id: String) -> ProvinceName? { byID[id.lowercased()] }

  /// The English name of a province id: the table's, else the id with each word capitalised
  /// (a yearbook folder the table does not know, such as a test's `testland`).
  public static func english(_ id: String) -> String {
    named(id)?.english
      ?? id.split(whereSeparator: { $0 == "_" || $0 == "-" || $0 == " " }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
  }

  /// The Chinese name of a province id: the table's, else the id as it is.
  public static func chinese(_ id: String) -> String { named(id)?.chinese ?? id }
}
