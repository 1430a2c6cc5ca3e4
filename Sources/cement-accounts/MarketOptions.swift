import ArgumentParser
import CarbonCost
import Pipeline

/// `--market`, `--carbon-price`, `--exchange-rate`: what the carbon costs, for `run` and `batch`.
struct MarketOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "A market in <dir>/markets/ (china-ets, eu-cbam) or a path to a market .yaml; repeat for several (default: the shipped markets; China's ETS when the account has one of its years).",
      valueName: "name-or-path"))
  var market: [String] = []

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A what-if price instead of the market file's: VALUE for the EU certificate price (EUR/t CO2, every year), or MARKET=VALUE (china-ets=80, CNY/t CO2); repeatable.",
      valueName: "price"))
  var carbonPrice: [String] = []

  @Option(name: .long, help: ArgumentHelp("A what-if exchange rate for the CBAM (CNY per EUR) instead of the market file's.", valueName: "CNY-per-EUR"))
  var exchangeRate: Double?

  /// The markets chosen, loaded, with the what-ifs applied.
  func markets(_ pipeline: Pipeline) throws(PipelineError) -> [Market] {
    if let exchangeRate, !(exchangeRate > 0) { throw PipelineError("--exchange-rate \(exchangeRate): must be a positive number of CNY per EUR") }
    let overrides = MarketOverrides(prices: try MarketOverrides.prices(carbonPrice), exchangeRate: exchangeRate)
    return try pipeline.markets(market, overrides: overrides)
  }
}
