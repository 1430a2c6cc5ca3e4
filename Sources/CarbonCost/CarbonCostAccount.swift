import Calculation

/// One figure of a carbon cost, as `carbon-cost.csv` lists it: market, route (`default`,
/// `actual`, `difference`, or `-`), year, quantity, and the figure (value, unit and formula).
public struct CostFigure: Sendable {
  public let market: String
  public let route: String
  public let year: Int
  public let quantity: String
  public let figure: Figure
  /// The unit as written in the CSV (`tCO2`, `EUR/t`).
  public let unitLabel: String

  public init(market: String, route: String, year: Int, quantity: String, figure: Figure, unitLabel: String) {
    self.market = market
    self.route = route
    self.year = year
    self.quantity = quantity
    self.figure = figure
    self.unitLabel = unitLabel
  }
}

/// The carbon cost of one province's account under the chosen markets.
public struct CarbonCostAccount: Sendable {
  public let province: String
  /// The markets applied.
  public let markets: [Market]
  /// The reference year whose intensity the CBAM's actual route uses (the last accounted year).
  public let referenceYear: Int?
  public let figures: [CostFigure]

  /// Every market parameter used, in order of first use.
  public var parameters: [Term] {
    var seen = Set<TermID>()
    var result: [Term] = []
    for figure in figures {
      for term in figure.figure.expression.terms where term.kind.isParameter && seen.insert(term.id).inserted { result.append(term) }
    }
    return result
  }

  /// The figures of one market.
  public func figures(of market: String) -> [CostFigure] { figures.filter { $0.market == market } }

  /// The figure of a market, route, year and quantity.
  public func figure(_ market: String, _ route: String, _ year: Int, _ quantity: String) -> CostFigure? {
    figures.first { $0.market == market && $0.route == route && $0.year == year && $0.quantity == quantity }
  }

  /// The carbon cost of `account` under `markets` (the study's parameters give no figures
  /// here: they are verified against the study's tables).
  public init(_ account: AccountFigures, markets: [Market]) {
    province = account.province
    self.markets = markets
    referenceYear = account.accountedYears.last
    var figures: [CostFigure] = []
    for market in markets {
      switch market {
      case .chinaETS(let ets): figures += Self.ets(ets, account)
      case .euCBAM(let cbam): figures += Self.cbam(cbam, account, referenceYear: referenceYear)
      case .study: break
      }
    }
    self.figures = figures
  }

  /// China's ETS per accounted year the market has a rule and a price for.
  static func ets(_ ets: ChinaETS, _ account: AccountFigures) -> [CostFigure] {
    var result: [CostFigure] = []
    for year in account.accountedYears {
      guard let rule = ets.allocation[year], let price = ets.price[year],
        let combustion = account.term(AccountFigures.Name.combustion, year), let process = account.term(AccountFigures.Name.process, year),
        let clinker = account.term(AccountFigures.Name.clinker, year)
      else { continue }
      func add(_ quantity: String, _ expression: Expression, _ unit: String) -> Expression {
        let figure = Figure(FigureID("\(ets.name)/\(quantity)", year: year, scope: account.province), expression)
        result.append(CostFigure(market: ets.name, route: "-", year: year, quantity: quantity, figure: figure, unitLabel: unit))
        return figure.reference
      }
      let covered = add("covered_emissions", ChinaETSRules.coveredEmissions(combustion: combustion, process: process), "tCO2")
      let allowances = add("allowances", ChinaETSRules.allowances(rule, covered: covered, clinker: clinker), "tCO2")
      _ = add("balance", ChinaETSRules.balance(allowances: allowances, covered: covered), "tCO2")
      let cost = add("cost", ChinaETSRules.cost(covered: covered, allowances: allowances, price: price.expression), "CNY")
      _ = add("cost_per_tonne_clinker", ChinaETSRules.perTonne(cost, output: clinker), "CNY/t")
      if let cement = account.term(AccountFigures.Name.cement, year) {
        _ = add("cost_per_tonne_cement", ChinaETSRules.perTonne(cost, output: cement), "CNY/t")
      }
    }
    return result
  }

  /// The CBAM path per year and good, on default values and on the account's own intensity
  /// of `referenceYear`, and the difference (what verified data is worth per tonne).
  static func cbam(_ cbam: EUCBAM, _ account: AccountFigures, referenceYear: Int?) -> [CostFigure] {
    var result: [CostFigure] = []
    for year in cbam.years {
      guard let markup = cbam.markup[year], let share = cbam.freeAllocationShare[year], let price = cbam.certificatePrice[year] else { continue }
      for good in cbam.goods {
        func add(_ route: String, _ quantity: String, _ expression: Expression, _ unit: String) -> Expression {
          let figure = Figure(FigureID("\(cbam.name)/\(route)/\(quantity)", year: year, scope: account.province), expression)
          result.append(CostFigure(market: cbam.name, route: route, year: year, quantity: quantity, figure: figure, unitLabel: unit))
          return figure.reference
        }
        let adjustment = add(
          "-", "free_allocation_adjustment_\(good.name)",
          CBAMRules.freeAllocationAdjustment(
            benchmark: good.benchmark.expression, freeShare: share.expression, correction: cbam.crossSectoralCorrection.expression), "tCO2/t")
        var costs: [String: Expression] = [:]
        let routes: [(String, Expression?)] = [
          ("default", CBAMRules.defaultEmissions(good.defaultValue.expression, markup: markup.expression)),
          ("actual", referenceYear.flatMap { actualEmissions(good.basis, account, $0) }),
        ]
        for (route, emissions) in routes {
          guard let emissions else { continue }
          let see = add(route, "embedded_emissions_\(good.name)", emissions, "tCO2/t")
          let deduction = add(
            route, "deduction_\(good.name)",
            CBAMRules.deduction(
              emissions: see, netShare: cbam.deductionNetShare.expression, pricePaid: cbam.deductionPrice.expression,
              exchangeRate: cbam.exchangeRate.expression, certificatePrice: price.expression), "tCO2/t")
          let certificates = add(
            route, "certificates_per_tonne_\(good.name)", CBAMRules.certificates(emissions: see, adjustment: adjustment, deduction: deduction),
            "tCO2/t")
          let cost = add(route, "cost_per_tonne_\(good.name)", CBAMRules.cost(certificates: certificates, price: price.expression), "EUR/t")
          _ = add(route, "cost_per_tonne_\(good.name)_cny", CBAMRules.inYuan(cost, exchangeRate: cbam.exchangeRate.expression), "CNY/t")
          costs[route] = cost
        }
        if let d = costs["default"], let a = costs["actual"] {
          _ = add("difference", "cost_per_tonne_\(good.name)", d - a, "EUR/t")
        }
      }
    }
    return result
  }

  /// The account's specific embedded emissions of `good` in `year`: cement direct + indirect
  /// (combustion, process, electricity) per t cement; clinker direct (combustion, process) per
  /// t clinker, since the account does not split electricity between kiln and grinding.
  static func actualEmissions(_ basis: CBAMGood.Basis, _ account: AccountFigures, _ year: Int) -> Expression? {
    typealias N = AccountFigures.Name
    guard let combustion = account.term(N.combustion, year), let process = account.term(N.process, year) else { return nil }
    switch basis {
    case .cement:
      guard let electricity = account.term(N.electricity, year), let cement = account.term(N.cement, year) else { return nil }
      return CBAMRules.actualEmissions([combustion, process, electricity], output: cement)
    case .clinker:
      guard let clinker = account.term(N.clinker, year) else { return nil }
      return CBAMRules.actualEmissions([combustion, process], output: clinker)
    }
  }
}

extension TermKind {
  /// True for a market or scenario parameter.
  public var isParameter: Bool {
    if case .parameter = self { return true }
    return false
  }
}
