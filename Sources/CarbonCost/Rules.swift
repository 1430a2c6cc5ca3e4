import Calculation

/// The seed study's formulas (1)–(6) (`../shared/reference/002`, §3.2.1): a Chinese exporter's
/// carbon cost, total cost and profit per tonne, without and with CBAM.
public enum SeedStudyFormulas {
  /// Formula (1): `C_carbon = I_carbon × P_carbon` (CNY/t), China's carbon price on every tonne emitted.
  public static func carbonCost(intensity: Expression, chinaPrice: Expression) -> Expression { intensity * chinaPrice }

  /// Formulas (2) and (5): `C_total = C_production + C_carbon` (CNY/t).
  public static func totalCost(production: Expression, carbon: Expression) -> Expression { production + carbon }

  /// Formulas (3) and (6): `P = R − C_total` (CNY/t).
  public static func profit(revenue: Expression, totalCost: Expression) -> Expression { revenue - totalCost }

  /// Formula (4): `C_carbon-CBAM = I_carbon × P_carbon-CBAM × E` (CNY/t): the EU price on every
  /// tonne, converted at E CNY/€ (it replaces formula (1) under CBAM).
  public static func cbamCarbonCost(intensity: Expression, euPrice: Expression, exchangeRate: Expression) -> Expression {
    .product([intensity, euPrice, exchangeRate])
  }
}

/// China's national ETS for the cement sector (环气候〔2025〕23号; the 2024–2025 allocation plan of
/// November 2025): covered emissions, allowances, balance and its cost.
public enum ChinaETSRules {
  /// Covered emissions: the direct CO₂ of clinker production, fuel combustion plus process
  /// (work plan 环气候〔2025〕23号: purchased electricity and heat are not covered).
  public static func coveredEmissions(combustion: Expression, process: Expression) -> Expression { combustion + process }

  /// Allowances of a year: equal to verified emissions (2024 rule), or clinker output ×
  /// benchmark × adjustment coefficient (intensity rule, 2025).
  public static func allowances(_ rule: ChinaETS.Allocation, covered: Expression, clinker: Expression) -> Expression {
    switch rule {
    case .verifiedEmissions: covered
    case .intensity(let benchmark, let adjustment): .product([clinker, benchmark.expression, adjustment.expression])
    }
  }

  /// The balance: allowances − covered emissions (t CO₂); negative is a deficit to buy.
  public static func balance(allowances: Expression, covered: Expression) -> Expression { allowances - covered }

  /// The cost of the balance at the CEA price: (covered − allowances) × price (CNY); negative
  /// is the value of a surplus.
  public static func cost(covered: Expression, allowances: Expression, price: Expression) -> Expression {
    (covered - allowances) * price
  }

  /// A cost per tonne of output (CNY/t clinker or CNY/t cement).
  public static func perTonne(_ cost: Expression, output: Expression) -> Expression { cost / output }
}

/// The EU CBAM's obligation per tonne of good (Regulation (EU) 2023/956 as amended by
/// Regulation (EU) 2025/2083; IR (EU) 2025/2547, 2025/2620, 2025/2621).
public enum CBAMRules {
  /// Specific embedded emissions on actual data, Annex IV of Regulation 2023/956:
  /// `SEE = (direct + indirect) / AL`, from the province's account (t CO₂/t).
  public static func actualEmissions(_ emissions: [Expression], output: Expression) -> Expression {
    (emissions.count == 1 ? emissions[0] : .sum(emissions).checked()) / output
  }

  /// The default value with the year's mark-up (IR (EU) 2025/2621 as corrected by IR 2026/1740:
  /// +10 % 2026, +20 % 2027, +30 % from 2028): `default × (1 + mark-up)`.
  public static func defaultEmissions(_ defaultValue: Expression, markup: Expression) -> Expression {
    defaultValue * (.number(1) + markup)
  }

  /// The free-allocation adjustment per tonne (IR 2025/2620): `benchmark × free-allocation
  /// share × CSCF`, the share by Directive 2003/87/EC Art. 10a(1a) (97.5 % in 2026, 0 in 2034).
  public static func freeAllocationAdjustment(benchmark: Expression, freeShare: Expression, correction: Expression) -> Expression {
    .product([benchmark, freeShare, correction])
  }

  /// The deduction of the carbon price paid in the country of origin (Art. 9), in certificates
  /// per tonne: `SEE × net share × price paid ÷ exchange rate ÷ certificate price`; the net
  /// share is what remains of the emissions once China's free allocation is netted out.
  public static func deduction(
    emissions: Expression, netShare: Expression, pricePaid: Expression, exchangeRate: Expression, certificatePrice: Expression
  ) -> Expression {
    .product([emissions, netShare, pricePaid]) / .product([exchangeRate, certificatePrice])
  }

  /// Certificates to surrender per tonne (Regulation 2023/956 Art. 22 surrender, Art. 31
  /// free-allocation adjustment, Art. 9 deduction): `max(0, SEE − adjustment − deduction)`,
  /// never below zero.
  public static func certificates(emissions: Expression, adjustment: Expression, deduction: Expression) -> Expression {
    .maximum(.number(0), emissions - adjustment - deduction)
  }

  /// The cost per tonne of good: certificates × certificate price (€/t; IR 2025/2548).
  public static func cost(certificates: Expression, price: Expression) -> Expression { certificates * price }

  /// A euro amount in CNY.
  public static func inYuan(_ euros: Expression, exchangeRate: Expression) -> Expression { euros * exchangeRate }

  /// The importer's obligation for `mass` tonnes imported in a year (the de-minimis exemption
  /// added by Regulation (EU) 2025/2083): nothing at or below the threshold (50 t net mass per
  /// importer per year), all of it once the threshold is crossed. The threshold decides which
  /// expression is built.
  public static func importerCost(mass: Expression, costPerTonne: Expression, threshold: Expression) -> Expression {
    mass.value <= threshold.value ? .product([.number(0), mass, costPerTonne]) : mass * costPerTonne
  }
}
