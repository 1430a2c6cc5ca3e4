import Accounting
import CarbonCost
import CementModel
import Foundation
import Importing

/// What-if values that override the market files (`--carbon-price`, `--exchange-rate`).
public struct MarketOverrides: Sendable {
  /// Prices by market name (`eu-cbam`: €/t CO₂ for every year; `china-ets`: CNY/t CO₂).
  public var prices: [String: Double]
  /// CNY per € for the CBAM.
  public var exchangeRate: Double?

  public init(prices: [String: Double] = [:], exchangeRate: Double? = nil) {
    self.prices = prices
    self.exchangeRate = exchangeRate
  }

  /// Parses `--carbon-price` values: `80` (the EU certificate price) or `MARKET=VALUE`.
  public static func prices(_ texts: [String]) throws(PipelineError) -> [String: Double] {
    var result: [String: Double] = [:]
    for text in texts {
      let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
      let (market, number) = parts.count == 2 ? (parts[0], parts[1]) : ("eu-cbam", parts[0])
      guard let value = Double(number), value.isFinite, value >= 0 else {
        throw PipelineError("--carbon-price \(text): not a price", hint: "write a number (the EU certificate price, €/t CO₂) or MARKET=VALUE, e.g. china-ets=80")
      }
      result[market] = value
    }
    return result
  }
}

extension Pipeline {
  /// Where markets are looked up by name: the inputs' own `markets` folder, then the bundled one.
  var marketFolders: [String] {
    let own = inputs.root + "/markets"
    return (own == "Inputs/markets" ? [own] : [own, "Inputs/markets"]) + [BuiltIn.marketsFolder]
  }

  /// The market file named (`eu-cbam`) or at a path, loaded.
  public func market(_ nameOrPath: String) throws(PipelineError) -> Market {
    let path: String
    if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") {
      path = nameOrPath
    } else {
      guard let found = marketFolders.map({ "\($0)/\(nameOrPath).yaml" }).first(where: BuiltIn.exists) else {
        throw PipelineError("no market '\(nameOrPath)' in \(marketFolders.joined(separator: " or "))", hint: "available: \(shippedMarketNames.joined(separator: ", ")), or pass a path to a .yaml file")
      }
      path = found
    }
    do { return try MarketLoader(read: readText).load(path: path) } catch { throw PipelineError(error) }
  }

  /// The names of the markets in the market folders.
  var shippedMarketNames: [String] {
    Set(marketFolders.flatMap(BuiltIn.yamlNames)).sorted()
  }

  /// The markets named, or every shipped market but the studies' parameters when none is
  /// named, with the overrides applied.
  public func markets(_ names: [String], overrides: MarketOverrides) throws(PipelineError) -> [Market] {
    let chosen = try (names.isEmpty ? shippedMarketNames : names).map { name throws(PipelineError) in try market(name) }
    let markets = names.isEmpty ? chosen.filter { if case .study = $0 { false } else { true } } : chosen
    for name in overrides.prices.keys where !markets.contains(where: { $0.name == name }) {
      throw PipelineError("--carbon-price \(name)=…: no market '\(name)' is applied", hint: "markets applied: \(markets.map(\.name).joined(separator: ", "))")
    }
    return markets.map { overrides.apply(to: $0) }
  }

  /// Loads the seed study's published Tables 2–3 and parameters and verifies every cell.
  public func verifyCarbonStudy(name: String) throws(PipelineError) -> (text: String, agrees: Bool) {
    guard case .study(let study) = try market(name) else {
      throw PipelineError("market '\(name)' is not a study's parameters", hint: "verify --published takes ets-cbam-2025")
    }
    guard case .euCBAM(let cbam) = try market("eu-cbam") else { throw PipelineError("market 'eu-cbam' is not a CBAM market file") }
    let candidates = ["\(inputs.root)/published/\(name)/tables-2-3.csv", "Inputs/published/\(name)/tables-2-3.csv"]
    let path = candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates[0]
    let cells = try Self.studyCells(path)
    let checks = SeedStudyVerification.verify(study, cells: cells)
    var text = "\(name): \(path) against \(study.file), formulas (1)–(6)\n"
    for check in checks where !check.agrees {
      let got = check.figure.map { "\($0.value)" } ?? "no such figure"
      text += "\(check.cell.location): table \(check.cell.table) \(check.cell.product) \(check.cell.scenario) \(check.cell.item): published \(check.cell.value), recomputed \(got)\n"
    }
    let agreeing = checks.filter(\.agrees).count
    text += "\(agreeing) of \(checks.count) cells agree exactly\n\nSimplifications against the regulation's path (\(cbam.file)):\n"
    for (index, s) in SeedStudyVerification.simplifications(study, cbam: cbam).enumerated() {
      text += "  \(index + 1). \(s.text)\n     \(s.effect)\n"
    }
    return (text, agreeing == checks.count && !checks.isEmpty)
  }

  /// The cells of a published study table (`table,product,case,item,value,unit`).
  static func studyCells(_ path: String) throws(PipelineError) -> [StudyCell] {
    let text: String
    do { text = try readText(path) } catch { throw PipelineError("cannot read the published table \(path)", hint: "see Inputs/published/ets-cbam-2025/README.md") }
    var cells: [StudyCell] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index > 0 && !line.isEmpty {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 6, let value = Double(fields[4]) else {
        throw PipelineError("\(path):\(index + 1):1: error: expected table,product,case,item,value,unit with a number as value", hint: "see Inputs/published/ets-cbam-2025/README.md")
      }
      cells.append(StudyCell(table: fields[0], product: fields[1], scenario: fields[2], item: fields[3], value: value, location: "\(path):\(index + 1)"))
    }
    return cells
  }
}

extension MarketOverrides {
  /// The market with this what-if's values in place of the file's.
  func apply(to market: Market) -> Market {
    switch market {
    case .chinaETS(let ets):
      guard let price = prices[ets.name], let any = ets.price.values.first else { return market }
      let p = MarketParameter(key: any.key, value: price, unit: any.unit, file: "--carbon-price", source: "--carbon-price \(ets.name)=\(price)")
      return .chinaETS(ChinaETS(name: ets.name, file: ets.file, allocation: ets.allocation, price: ets.price.mapValues { _ in p }, threshold: ets.threshold))
    case .euCBAM(let c):
      var price = c.certificatePrice
      if let value = prices[c.name], let any = price.values.first {
        let p = MarketParameter(key: any.key, value: value, unit: any.unit, file: "--carbon-price", source: "--carbon-price \(value)")
        price = price.mapValues { _ in p }
      }
      let rate = exchangeRate.map { c.exchangeRate.overridden(value: $0, by: "--exchange-rate \($0)") } ?? c.exchangeRate
      return .euCBAM(
        EUCBAM(
          name: c.name, file: c.file, goods: c.goods, markup: c.markup, freeAllocationShare: c.freeAllocationShare,
          crossSectoralCorrection: c.crossSectoralCorrection, certificatePrice: price, exchangeRate: rate, deductionPrice: c.deductionPrice,
          deductionNetShare: c.deductionNetShare, deMinimis: c.deMinimis))
    case .study: return market
    }
  }
}

extension Pipeline {
  /// The carbon cost of `account` under `markets`, or nil when none applies. Unless the markets
  /// were named (`explicit`), China's ETS applies when the account has one of its years; the
  /// CBAM always applies, projected from the account's last year.
  public static func carbonCost(_ account: Account, markets: [Market], explicit: Bool = false) -> CarbonCostAccount? {
    let years = Set(account.years.map(\.year))
    let applicable = markets.filter { market in
      switch market {
      case .chinaETS(let ets): explicit || !years.isDisjoint(with: ets.years)
      case .euCBAM: true
      case .study: false
      }
    }
    guard !applicable.isEmpty else { return nil }
    return CarbonCostAccount(AccountFigures(account), markets: applicable)
  }
}
