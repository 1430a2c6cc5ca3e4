import CarbonCost
import Calculation
import CementModel
import Foundation

/// Reads a market file (`Inputs/markets/*.yaml`; format in `Inputs/markets/README.md`) into a
/// typed ``Market``: every value with its unit, its source and the line it was written on.
/// Errors (`file:line:column: error: … hint: …`) for an unknown key, a missing year, a negative
/// price, a value in the wrong unit.
public struct MarketLoader: Sendable {
  let read: @Sendable (String) throws -> String

  /// A loader reading files with `read`.
  public init(read: @escaping @Sendable (String) throws -> String) { self.read = read }

  /// Loads the market file at `path`.
  public func load(path: String) throws(MethodologyError) -> Market {
    let text: String
    do { text = try read(path) } catch { throw MethodologyError(SourceLocation(file: path), "cannot read the market file: \(error)") }
    return try Self.parse(yaml: text, file: path)
  }

  /// Parses a market file's text.
  public static func parse(yaml: String, file: String) throws(MethodologyError) -> Market {
    let root = try ConfigNode.parse(yaml: yaml, file: file)
    guard case .mapping(let pairs, _) = root, let kindNode = pairs.first(where: { $0.key == "kind" })?.value else {
      throw MethodologyError(root.location, "missing key 'kind'", hint: "kind is one of: \(kinds.joined(separator: ", "))")
    }
    let kind = try ConfigMapping.scalar(kindNode, path: "kind")
    let reader = Reader(file: file)
    switch kind {
    case "china-ets": return .chinaETS(try reader.chinaETS(root))
    case "eu-cbam": return .euCBAM(try reader.euCBAM(root))
    case "study": return .study(try reader.study(root))
    default:
      throw MethodologyError(root.location, "unknown market kind '\(kind)'", hint: "kind is one of: \(kinds.joined(separator: ", "))")
    }
  }

  static let kinds = ["china-ets", "eu-cbam", "study"]
  static let hint = "see Inputs/markets/README.md for every key and an example"

  /// The unit texts a market file may use, with their tags.
  static let units: [String: UnitTag] = [
    "1": .one, "t": .tonnes, "tCO2": .tonnesCO2, "tCO2/t": MarketUnits.intensity,
    "CNY/tCO2": MarketUnits.yuanPerTonneCO2, "EUR/tCO2": MarketUnits.euroPerTonneCO2, "CNY/EUR": MarketUnits.yuanPerEuro,
    "CNY/t": MarketUnits.yuan / UnitTag.tonnes, "EUR/t": MarketUnits.euro / UnitTag.tonnes,
  ]

  struct Reader {
    let file: String
    static let valueKeys = ["value", "unit", "source", "unverified", "note"]

    // MARK: Markets

    func chinaETS(_ root: ConfigNode) throws(MethodologyError) -> ChinaETS {
      let top = try ConfigMapping(root, path: "", allowed: ["market", "kind", "title", "note", "coverage", "threshold", "allocation", "price"])
      let name = try top.string("market")
      let years = try yearMapping(try top.required("allocation", hint: MarketLoader.hint), path: "allocation")
      var allocation: [Int: ChinaETS.Allocation] = [:]
      for (year, node) in years {
        let entry = try ConfigMapping(node, path: "allocation.\(year)", allowed: ["rule", "benchmark", "adjustment", "source", "unverified", "note"])
        switch try entry.string("rule") {
        case "verified_emissions": allocation[year] = .verifiedEmissions
        case "intensity":
          allocation[year] = .intensity(
            benchmark: try parameter(try entry.required("benchmark"), key: "\(name).benchmark", path: "allocation.\(year).benchmark", unit: "tCO2/t", year: year),
            adjustment: try parameter(try entry.required("adjustment"), key: "\(name).adjustment", path: "allocation.\(year).adjustment", unit: "1", year: year))
        case let other:
          throw MethodologyError(
            entry.node.location, "unknown allocation rule '\(other)' for \(year)", hint: "rule is verified_emissions or intensity")
        }
      }
      let allocationYears = years.map(\.year)
      let price = try series(try top.required("price", hint: MarketLoader.hint), key: "\(name).price", path: "price", unit: "CNY/tCO2", years: allocationYears, isPrice: true)
      let threshold = try parameter(try top.required("threshold"), key: "\(name).threshold", path: "threshold", unit: "tCO2")
      return ChinaETS(name: name, file: file, allocation: allocation, price: price, threshold: threshold)
    }

    func euCBAM(_ root: ConfigNode) throws(MethodologyError) -> EUCBAM {
      let top = try ConfigMapping(
        root, path: "",
        allowed: [
          "market", "kind", "title", "note", "years", "goods", "markup", "free_allocation_share", "cross_sectoral_correction",
          "certificate_price", "exchange_rate", "deduction", "de_minimis",
        ])
      let name = try top.string("market")
      let yearsNode = try top.required("years", hint: "years: 2026-2034")
      guard let years = YearRange(try ConfigMapping.scalar(yearsNode, path: "years")) else {
        throw MethodologyError(yearsNode.location, "'years' must be a range such as 2026-2034")
      }
      var goods: [CBAMGood] = []
      let goodsNode = try ConfigMapping(try top.required("goods"), path: "goods", allowed: CBAMGood.Basis.allCases.map(\.rawValue))
      for (good, _, node) in goodsNode.entries {
        let path = "goods.\(good)"
        let entry = try ConfigMapping(node, path: path, allowed: ["cn_code", "default_value", "benchmark", "note"])
        goods.append(
          CBAMGood(
            name: good, basis: CBAMGood.Basis(rawValue: good)!, cnCode: try entry.string("cn_code"),
            defaultValue: try parameter(try entry.required("default_value"), key: "\(name).\(good).default_value", path: "\(path).default_value", unit: "tCO2/t"),
            benchmark: try parameter(try entry.required("benchmark"), key: "\(name).\(good).benchmark", path: "\(path).benchmark", unit: "tCO2/t")))
      }
      let span = Array(years.range)
      let deduction = try ConfigMapping(try top.required("deduction"), path: "deduction", allowed: ["price", "net_share", "note"])
      return EUCBAM(
        name: name, file: file, goods: goods,
        markup: try series(try top.required("markup"), key: "\(name).markup", path: "markup", unit: "1", years: span),
        freeAllocationShare: try series(
          try top.required("free_allocation_share"), key: "\(name).free_allocation_share", path: "free_allocation_share", unit: "1", years: span,
          atMostOne: true),
        crossSectoralCorrection: try parameter(
          try top.required("cross_sectoral_correction"), key: "\(name).cross_sectoral_correction", path: "cross_sectoral_correction", unit: "1"),
        certificatePrice: try series(
          try top.required("certificate_price"), key: "\(name).certificate_price", path: "certificate_price", unit: "EUR/tCO2", years: span,
          isPrice: true),
        exchangeRate: try parameter(try top.required("exchange_rate"), key: "\(name).exchange_rate", path: "exchange_rate", unit: "CNY/EUR", isPrice: true),
        deductionPrice: try parameter(try deduction.required("price"), key: "\(name).deduction.price", path: "deduction.price", unit: "CNY/tCO2", isPrice: true),
        deductionNetShare: try parameter(
          try deduction.required("net_share"), key: "\(name).deduction.net_share", path: "deduction.net_share", unit: "1", atMostOne: true),
        deMinimis: try parameter(try top.required("de_minimis"), key: "\(name).de_minimis", path: "de_minimis", unit: "t"))
    }

    func study(_ root: ConfigNode) throws(MethodologyError) -> SeedStudy {
      let top = try ConfigMapping(root, path: "", allowed: ["market", "kind", "title", "note", "citation", "china_price", "eu_price", "exchange_rate", "cases"])
      let name = try top.string("market")
      var cases: [SeedStudy.Case] = []
      let casesNode = try ConfigMapping(try top.required("cases"), path: "cases", allowed: ["cement", "aluminium"])
      for (product, _, node) in casesNode.entries {
        let path = "cases.\(product)"
        let entry = try ConfigMapping(node, path: path, allowed: ["revenue", "production_cost", "intensity", "note"])
        cases.append(
          SeedStudy.Case(
            product: product,
            revenue: try parameter(try entry.required("revenue"), key: "\(name).\(product).revenue", path: "\(path).revenue", unit: "CNY/t", isPrice: true),
            productionCost: try parameter(
              try entry.required("production_cost"), key: "\(name).\(product).production_cost", path: "\(path).production_cost", unit: "CNY/t",
              isPrice: true),
            intensity: try parameter(try entry.required("intensity"), key: "\(name).\(product).intensity", path: "\(path).intensity", unit: "tCO2/t")))
      }
      return SeedStudy(
        name: name, file: file,
        chinaPrice: try parameter(try top.required("china_price"), key: "\(name).china_price", path: "china_price", unit: "CNY/tCO2", isPrice: true),
        euPrice: try parameter(try top.required("eu_price"), key: "\(name).eu_price", path: "eu_price", unit: "EUR/tCO2", isPrice: true),
        exchangeRate: try parameter(try top.required("exchange_rate"), key: "\(name).exchange_rate", path: "exchange_rate", unit: "CNY/EUR", isPrice: true),
        cases: cases)
    }

    // MARK: Values

    /// `{value:, unit:, source:, unverified:}`: checked for its unit, a source, and (prices) a
    /// value that is not negative.
    func parameter(
      _ node: ConfigNode, key: String, path: String, unit expected: String, year: Int? = nil, isPrice: Bool = false, atMostOne: Bool = false
    ) throws(MethodologyError) -> MarketParameter {
      let entry = try ConfigMapping(node, path: path, allowed: Self.valueKeys)
      let valueNode = try entry.required("value", hint: "write '\(path): {value: …, unit: \(expected), source: …}'")
      guard let value = Double(try ConfigMapping.scalar(valueNode, path: "\(path).value")), value.isFinite else {
        throw MethodologyError(valueNode.location, "'\(path).value' must be a number, found \(valueNode.kindDescription)")
      }
      let unitNode = try entry.required("unit", hint: "write 'unit: \(expected)'")
      let unit = try ConfigMapping.scalar(unitNode, path: "\(path).unit")
      guard unit == expected, let tag = MarketLoader.units[unit] else {
        throw MethodologyError(
          unitNode.location, "'\(path)' must be in \(expected), not '\(unit)'",
          hint: "convert the value to \(expected) and write 'unit: \(expected)'")
      }
      if isPrice && value < 0 {
        throw MethodologyError(valueNode.location, "'\(path)' is negative (\(value) \(unit)); a price cannot be", hint: "write the price as a positive number")
      }
      if value < 0 || (atMostOne && value > 1) {
        throw MethodologyError(valueNode.location, "'\(path)' must lie \(atMostOne ? "between 0 and 1" : "at or above 0"), found \(value)")
      }
      let source = try entry.required("source", hint: "every market value names its act, page or study: 'source: …'")
      let unverified = try entry.optionalString("unverified").map { text throws(MethodologyError) -> Bool in
        guard let flag = Bool(text) else { throw MethodologyError(entry.optional("unverified")!.location, "'\(path).unverified' must be true or false") }
        return flag
      }
      return MarketParameter(
        key: key, year: year, value: value, unit: tag, file: file, line: valueNode.location.line,
        source: try ConfigMapping.scalar(source, path: "\(path).source"), unverified: unverified ?? false)
    }

    /// A value per year (`{2026: {value: …}, …}`) or one value for every year (`{value: …}`);
    /// a series must give each of `years`.
    func series(
      _ node: ConfigNode, key: String, path: String, unit: String, years: [Int], isPrice: Bool = false, atMostOne: Bool = false
    ) throws(MethodologyError) -> [Int: MarketParameter] {
      if case .mapping(let pairs, _) = node, pairs.contains(where: { $0.key == "value" }) {
        let single = try parameter(node, key: key, path: path, unit: unit, isPrice: isPrice, atMostOne: atMostOne)
        return Dictionary(uniqueKeysWithValues: years.map { ($0, single) })
      }
      var result: [Int: MarketParameter] = [:]
      for (year, value) in try yearMapping(node, path: path) {
        result[year] = try parameter(value, key: key, path: "\(path).\(year)", unit: unit, year: year, isPrice: isPrice, atMostOne: atMostOne)
      }
      if let missing = years.first(where: { result[$0] == nil }) {
        throw MethodologyError(
          node.location, "'\(path)' has no value for \(missing)",
          hint: "give every year \(years.first!)–\(years.last!), or one value for all: '\(path): {value: …, unit: \(unit), source: …}'")
      }
      return result
    }

    /// A mapping keyed by years, in file order, with no gap between its first and last year.
    func yearMapping(_ node: ConfigNode, path: String) throws(MethodologyError) -> [(year: Int, node: ConfigNode)] {
      guard case .mapping(let pairs, _) = node, !pairs.isEmpty else {
        throw MethodologyError(node.location, "'\(path)' must be a mapping of years to values", hint: MarketLoader.hint)
      }
      var result: [(year: Int, node: ConfigNode)] = []
      for pair in pairs {
        guard let year = Int(pair.key), (1900...2100).contains(year) else {
          throw MethodologyError(pair.keyLocation, "unknown key '\(path).\(pair.key)': expected a year", hint: MarketLoader.hint)
        }
        result.append((year, pair.value))
      }
      let years = Set(result.map(\.year))
      if let first = years.min(), let last = years.max(), let missing = (first...last).first(where: { !years.contains($0) }) {
        throw MethodologyError(node.location, "'\(path)' has no entry for \(missing), between \(first) and \(last)", hint: "give every year of the range")
      }
      return result
    }
  }
}

/// `2026-2034`.
struct YearRange {
  let range: ClosedRange<Int>
  init?(_ text: String) {
    let parts = text.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard parts.count == 2, let a = parts[0], let b = parts[1], a <= b else { return nil }
    range = a...b
  }
}
