import Calculation

/// One value of a market file: its key, the year it belongs to (nil when it serves every year),
/// its value in base units with a checked unit tag, where it was read (file and line), the
/// source it cites, and whether that source is an unverified transcription.
public struct MarketParameter: Sendable, Hashable {
  /// The key, prefixed with the market's name (`eu-cbam.certificate_price`).
  public let key: String
  public let year: Int?
  public let value: Double
  public let unit: UnitTag
  /// The market file and the line the value was written on.
  public let file: String
  public let line: Int?
  /// The act, page or study the value is taken from.
  public let source: String
  /// True when the file says the value rests on a third-party transcription not checked
  /// against the official text (`unverified: true`).
  public let unverified: Bool

  /// A parameter.
  public init(key: String, year: Int? = nil, value: Double, unit: UnitTag, file: String, line: Int? = nil, source: String, unverified: Bool = false) {
    self.key = key
    self.year = year
    self.value = value
    self.unit = unit
    self.file = file
    self.line = line
    self.source = source
    self.unverified = unverified
  }

  /// The parameter as a term of a calculation (`.parameter(key)` from `.dataFile(file:line:key:)`).
  public var term: Term {
    Term(.parameter(key), year: year, value: value, unit: unit, source: .dataFile(file: file, line: line, key: key))
  }

  /// The parameter as an operand.
  public var expression: Expression { .term(term) }

  /// The same parameter with another value (a `--carbon-price` what-if), its source saying so.
  public func overridden(value: Double, by origin: String) -> MarketParameter {
    MarketParameter(key: key, year: year, value: value, unit: unit, file: origin, line: nil, source: origin, unverified: false)
  }
}

/// Units used by the market rules.
public enum MarketUnits {
  public static let euro: UnitTag = "EUR"
  public static let yuan: UnitTag = "CNY"
  /// t CO₂ per t of product.
  public static let intensity = UnitTag.tonnesCO2 / UnitTag.tonnes
  /// € per t CO₂.
  public static let euroPerTonneCO2 = euro / UnitTag.tonnesCO2
  /// CNY per t CO₂.
  public static let yuanPerTonneCO2 = yuan / UnitTag.tonnesCO2
  /// CNY per €.
  public static let yuanPerEuro = yuan / euro
}

/// China's national ETS for cement: who is covered, the allocation rule of each compliance year,
/// the CEA price of each year and the inclusion threshold. Loaded from `Inputs/markets/china-ets.yaml`.
public struct ChinaETS: Sendable, Hashable {
  /// How a year's allowances are given.
  public enum Allocation: Sendable, Hashable {
    /// Allowances equal verified emissions (the 2024 rule of the 2024–2025 allocation plan).
    case verifiedEmissions
    /// Intensity-based: clinker output × benchmark (t CO₂/t clinker) × adjustment coefficient
    /// (the 2025 rule; the 2017 draft's 0.8534 for earlier years, as a what-if).
    case intensity(benchmark: MarketParameter, adjustment: MarketParameter)
  }

  public let name: String
  public let file: String
  /// The allocation rule of each compliance year.
  public let allocation: [Int: Allocation]
  /// The CEA price of each year (CNY/t CO₂).
  public let price: [Int: MarketParameter]
  /// The inclusion threshold (t CO₂ a year); stated, not applied to a province's aggregate.
  public let threshold: MarketParameter

  public init(name: String, file: String, allocation: [Int: Allocation], price: [Int: MarketParameter], threshold: MarketParameter) {
    self.name = name
    self.file = file
    self.allocation = allocation
    self.price = price
    self.threshold = threshold
  }

  /// The years with both a rule and a price.
  public var years: [Int] { allocation.keys.filter { price[$0] != nil }.sorted() }
}

/// A good under the EU CBAM (Regulation (EU) 2023/956 Annex I) with its China default value
/// (IR (EU) 2025/2621 as corrected by IR 2026/1740) and its CBAM benchmark (IR (EU) 2025/2620).
public struct CBAMGood: Sendable, Hashable {
  /// What a tonne of the good is, and so which of the account's intensities its actual route uses.
  public enum Basis: String, Sendable, Hashable, CaseIterable {
    /// A tonne of cement: direct + indirect CO₂ per t cement.
    case cement
    /// A tonne of clinker: direct CO₂ per t clinker.
    case clinker
  }

  /// The good's name in the outputs (`cement`, `clinker`).
  public let name: String
  public let basis: Basis
  public let cnCode: String
  /// Default specific embedded emissions, direct + indirect, before the mark-up (t CO₂/t).
  public let defaultValue: MarketParameter
  /// The benchmark the free-allocation adjustment is computed with (t CO₂/t).
  public let benchmark: MarketParameter

  public init(name: String, basis: Basis, cnCode: String, defaultValue: MarketParameter, benchmark: MarketParameter) {
    self.name = name
    self.basis = basis
    self.cnCode = cnCode
    self.defaultValue = defaultValue
    self.benchmark = benchmark
  }
}

/// The EU CBAM in its definitive period: goods, mark-ups, free-allocation share, certificate
/// price, the deduction of a carbon price paid in China, the exchange rate and the de-minimis
/// threshold. Loaded from `Inputs/markets/eu-cbam.yaml`.
public struct EUCBAM: Sendable, Hashable {
  public let name: String
  public let file: String
  public let goods: [CBAMGood]
  /// The mark-up on default values by year (a pure number: 0.1 = +10 %).
  public let markup: [Int: MarketParameter]
  /// The share of free allocation still given in the EU by year (Directive 2003/87/EC Art. 10a(1a)).
  public let freeAllocationShare: [Int: MarketParameter]
  /// The cross-sectoral correction factor (pure number).
  public let crossSectoralCorrection: MarketParameter
  /// The certificate price by year (€/t CO₂).
  public let certificatePrice: [Int: MarketParameter]
  /// CNY per €.
  public let exchangeRate: MarketParameter
  /// The carbon price paid in China that Art. 9 lets the declarant deduct (CNY/t CO₂).
  public let deductionPrice: MarketParameter
  /// The share of the embedded emissions on which that price was effectively paid, net of the
  /// free allocation received in China (pure number).
  public let deductionNetShare: MarketParameter
  /// The de-minimis threshold: net mass per importer per year (t).
  public let deMinimis: MarketParameter

  public init(
    name: String, file: String, goods: [CBAMGood], markup: [Int: MarketParameter], freeAllocationShare: [Int: MarketParameter],
    crossSectoralCorrection: MarketParameter, certificatePrice: [Int: MarketParameter], exchangeRate: MarketParameter,
    deductionPrice: MarketParameter, deductionNetShare: MarketParameter, deMinimis: MarketParameter
  ) {
    self.name = name
    self.file = file
    self.goods = goods
    self.markup = markup
    self.freeAllocationShare = freeAllocationShare
    self.crossSectoralCorrection = crossSectoralCorrection
    self.certificatePrice = certificatePrice
    self.exchangeRate = exchangeRate
    self.deductionPrice = deductionPrice
    self.deductionNetShare = deductionNetShare
    self.deMinimis = deMinimis
  }

  /// The years with a mark-up, a free-allocation share and a price.
  public var years: [Int] {
    freeAllocationShare.keys.filter { markup[$0] != nil && certificatePrice[$0] != nil }.sorted()
  }
}

/// The seed study's parameters (`ets-cbam-2025`, §3.2.1): one case per product.
public struct SeedStudy: Sendable, Hashable {
  /// A product the study prices: export revenue, production cost and emission intensity.
  public struct Case: Sendable, Hashable {
    public let product: String
    public let revenue: MarketParameter
    public let productionCost: MarketParameter
    public let intensity: MarketParameter
    public init(product: String, revenue: MarketParameter, productionCost: MarketParameter, intensity: MarketParameter) {
      self.product = product
      self.revenue = revenue
      self.productionCost = productionCost
      self.intensity = intensity
    }
  }

  public let name: String
  public let file: String
  /// China's carbon price (CNY/t CO₂).
  public let chinaPrice: MarketParameter
  /// The EU carbon price (€/t CO₂).
  public let euPrice: MarketParameter
  /// CNY per €.
  public let exchangeRate: MarketParameter
  public let cases: [Case]

  public init(name: String, file: String, chinaPrice: MarketParameter, euPrice: MarketParameter, exchangeRate: MarketParameter, cases: [Case]) {
    self.name = name
    self.file = file
    self.chinaPrice = chinaPrice
    self.euPrice = euPrice
    self.exchangeRate = exchangeRate
    self.cases = cases
  }
}

/// A market file's content.
public enum Market: Sendable, Hashable {
  case chinaETS(ChinaETS)
  case euCBAM(EUCBAM)
  case study(SeedStudy)

  /// The market's name (`china-ets`, `eu-cbam`, `ets-cbam-2025`).
  public var name: String {
    switch self {
    case .chinaETS(let m): m.name
    case .euCBAM(let m): m.name
    case .study(let m): m.name
    }
  }

  /// The years the market prices (empty for the study, which has no years).
  public var years: [Int] {
    switch self {
    case .chinaETS(let m): m.years
    case .euCBAM(let m): m.years
    case .study: []
    }
  }
}
