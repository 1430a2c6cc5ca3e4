import CementModel

/// The anomaly screen of one province: every fuel and product series scored by
/// ``AnomalyDetector``, graded by score and materiality, checked against the other sources,
/// and treated as the methodology says (``AnomalyRules/Treatment``). Pure.
public struct AnomalyScreen: Sendable {
  public let rules: AnomalyRules
  /// The consistency checks' standard-coal coefficients (per base unit), to compare a fuel with the total energy column.
  public let standardCoal: [Fuel: Double]
  public let catalogue: FuelCatalogue

  public init(rules: AnomalyRules, standardCoal: [Fuel: Double] = [:], catalogue: FuelCatalogue = .standard) {
    self.rules = rules
    self.standardCoal = standardCoal
    self.catalogue = catalogue
  }

  /// What the account says about each series, to weigh a point's departure.
  public struct Weights: Sendable {
    /// CO₂ (t) of each series by year: a fuel's combustion or electricity CO₂, a product's process CO₂.
    public var emissions: [SeriesName: [Int: Double]]
    /// The province's total CO₂ (t) by year.
    public var total: [Int: Double]

    public init(emissions: [SeriesName: [Int: Double]], total: [Int: Double]) {
      self.emissions = emissions
      self.total = total
    }
  }

  /// The anomalies of the series, ranked, each graded; `treatment` is `flagged` until ``treat(_:anomalies:)``.
  /// - Parameter corroborating: Other sources per series, beside those the series themselves give
  ///   (the table's total energy column for fuels; the industry's energy CO₂ for products).
  public func screen(_ activity: ActivitySeries, weights: Weights, corroborating: [SeriesName: [Corroborating]] = [:]) -> [Anomaly] {
    var series: [(SeriesName, String, String, [Int: Double], [Int: SourceLocation])] = []
    for (fuel, values) in activity.fuels.sorted(by: { $0.key < $1.key }) where catalogue[fuel]?.role != .total {
      let unit = values.first?.value.value.dimension.reportingUnit.symbol ?? ""
      series.append((.fuel(fuel), catalogue[fuel]?.englishName ?? fuel.id, unit, values.mapValues(\.value.reportingValue), locations(values)))
    }
    for (product, values) in activity.products.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      series.append((.product(product), "\(product.rawValue) output", "10⁴ t", values.mapValues { $0.value.baseValue / 1e4 }, locations(values)))
    }
    let energyTotal = energy(weights)
    var found: [Anomaly] = []
    for (name, label, unit, values, places) in series {
      var others = corroborating[name] ?? []
      switch name {
      case .fuel(let fuel):
        if let coefficient = standardCoal(fuel), !activity.totalEnergy.isEmpty {
          others.append(Corroborating(
            source: "the table's total energy (tce)", values: activity.totalEnergy.mapValues(\.value.reportingValue), conversion: coefficient))
        }
      case .product:
        if !energyTotal.isEmpty { others.append(Corroborating(source: "the industry's energy CO₂", values: energyTotal)) }
      }
      let perUnit = Self.perUnit(values, emissions: weights.emissions[name] ?? [:])
      for candidate in AnomalyDetector(rules: rules).detect(values, corroborating: others) {
        let neighbours = (candidate.year - rules.window...candidate.year + rules.window).filter { $0 != candidate.year }.compactMap { weights.total[$0] }
        let reference = neighbours.isEmpty ? (weights.total[candidate.year] ?? 0) : AnomalyDetector.median(neighbours)
        let share = reference > 0 ? abs(candidate.value - candidate.expected) * perUnit / reference : 0
        found.append(Anomaly(
          province: activity.province, series: name, label: label, year: candidate.year, value: candidate.value, expected: candidate.expected,
          expectedLow: candidate.low, expectedHigh: candidate.high, unit: unit, score: candidate.score, kind: candidate.kind,
          level: level(candidate, share: share), share: share, corroboration: candidate.corroboration, location: places[candidate.year]))
      }
    }
    return found.sorted(by: Anomaly.ranked)
  }

  /// Warning and error need both the score and the share of the province's CO₂; a change
  /// another source confirms is a note.
  /// A break is at most a warning: a level that shifts and stays may be a real change no other
  /// source of the inputs shows; an error is a value that cannot be right.
  func level(_ candidate: AnomalyDetector.Candidate, share: Double) -> Finding.Severity {
    guard candidate.kind != .confirmedChange else { return .note }
    if candidate.score >= rules.errorScore && share >= rules.errorShare && candidate.kind == .outlier { return .error }
    if candidate.score >= rules.warningScore && share >= rules.warningShare { return .warning }
    return .note
  }

  /// Whether the methodology replaces this anomaly: an outlier at warning level or above.
  public func replaces(_ anomaly: Anomaly) -> Bool {
    rules.treatment == .replace && anomaly.kind == .outlier && anomaly.level >= .warning
  }

  /// The series with every anomaly the methodology replaces given the value of the replacement
  /// methods, the original kept in the steps; and the anomalies with their treatment.
  public func treat(_ activity: ActivitySeries, anomalies: [Anomaly]) -> (ActivitySeries, [Anomaly]) {
    var result = activity
    var treated = anomalies
    let replaced = Dictionary(grouping: anomalies.indices.filter { replaces(anomalies[$0]) }) { anomalies[$0].series }
    for (name, indices) in replaced {
      let years = Set(indices.map { anomalies[$0].year })
      switch name {
      case .fuel(let fuel):
        guard let values = activity.fuels[fuel] else { continue }
        let filled = replace(values, years: years, anomalies: indices.map { anomalies[$0] })
        result.fuels[fuel] = filled
        for i in indices { treated[i].treatment = .replaced; treated[i].replacement = filled[anomalies[i].year].map { $0.value.reportingValue } }
      case .product(let product):
        guard let values = activity.products[product] else { continue }
        let filled = replace(values, years: years, anomalies: indices.map { anomalies[$0] })
        result.products[product] = filled
        for i in indices { treated[i].treatment = .replaced; treated[i].replacement = filled[anomalies[i].year].map { $0.value.baseValue / 1e4 } }
      }
    }
    for i in treated.indices where treated[i].treatment == .replaced && treated[i].replacement == treated[i].value {
      treated[i].treatment = .flagged  // the methods could not fill the year: the observation stays
      treated[i].replacement = nil
    }
    return (result, treated)
  }

  private func replace<V: Scalable>(_ values: [Int: Traced<V>], years: Set<Int>, anomalies: [Anomaly]) -> [Int: Traced<V>] {
    guard let first = values.keys.min(), let last = values.keys.max() else { return values }
    let kept = values.filter { !years.contains($0.key) }
    let filled = TimeSeriesFiller(years: first...last, methods: rules.replacement).fill(kept)
    var result = values
    for anomaly in anomalies {
      guard let original = values[anomaly.year], let estimate = filled.values[anomaly.year] else { continue }
      var value = estimate
      value.sources = original.sources + estimate.sources
      value.steps = original.steps + estimate.steps + [
        "replaced an outlier: observed \(Format.significant(anomaly.value)) \(anomaly.unit) (score \(Format.fixed(anomaly.score, 1)), "
          + "expected \(Format.significant(anomaly.expectedLow))–\(Format.significant(anomaly.expectedHigh))) by "
          + Reconciler.methodNames(rules.replacement) + " (IPCC 2006 Vol. 1 §5.3)"
      ]
      value.flags = estimate.flags.union(original.flags).union([.replaced])
      result[anomaly.year] = value
    }
    return result
  }

  // MARK: - Helpers

  private func locations<V>(_ values: [Int: Traced<V>]) -> [Int: SourceLocation] {
    values.compactMapValues { $0.sources.first?.location }
  }

  /// t ce per reporting unit of the fuel, from the checks' standard-coal coefficients.
  private func standardCoal(_ fuel: Fuel) -> Double? {
    guard let definition = catalogue[fuel] else { return nil }
    if definition.dimension == .coalEquivalent { return 1 }
    // Coefficients are per base unit; the total column is read in its reporting unit.
    guard let k = standardCoal[fuel] else { return nil }
    return k * definition.dimension.reportingUnit.toBase / ActivityDimension.coalEquivalent.reportingUnit.toBase
  }

  /// The industry's energy CO₂ by year: the fuels' emissions summed.
  private func energy(_ weights: Weights) -> [Int: Double] {
    var sums: [Int: Double] = [:]
    for (name, values) in weights.emissions {
      guard case .fuel = name else { continue }
      for (year, value) in values { sums[year, default: 0] += value }
    }
    return sums
  }

  /// CO₂ per reporting unit of the series: the median of its years' ratios.
  static func perUnit(_ values: [Int: Double], emissions: [Int: Double]) -> Double {
    let ratios = values.compactMap { year, value -> Double? in
      guard value > 0, let e = emissions[year], e > 0 else { return nil }
      return e / value
    }
    return AnomalyDetector.median(ratios)
  }
}
