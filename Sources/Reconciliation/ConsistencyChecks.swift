import CementModel

/// The consistency checks run on every reconciled series, each with the methodology's
/// tolerance, each reporting what it found as findings (the workbook's `Checks` sheet):
///
/// - `parts-vs-total`: a table's parts against its stated total (CEADs sectors against
///   `Total Final Consumption`);
/// - `total-energy`: the fuel columns converted to standard coal against the table's total
///   energy column;
/// - `zero-activity`: a year without any fuel use while cement is produced, and a fuel at zero
///   between two years of use.
///
/// A year identical to the previous one is the reconciler's `copied-year`; a negative or
/// impossible value is refused at import.
public struct ConsistencyChecks: Sendable {
  public let rules: ConsistencyRules
  public let catalogue: FuelCatalogue

  public init(rules: ConsistencyRules, catalogue: FuelCatalogue = .standard) {
    self.rules = rules
    self.catalogue = catalogue
  }

  public func findings(
    fuels: [Fuel: [Int: ActivityValue]], totalEnergy: [Int: ActivityValue], products: [Product: [Int: Traced<Quantity<Mass>>]],
    statedTotals: [StatedTotal], firstRow: [Int: SourceLocation] = [:]
  ) -> [Finding] {
    partsAgainstTotals(statedTotals) + fuelsAgainstTotalEnergy(fuels, totalEnergy: totalEnergy, firstRow: firstRow)
      + zeroActivity(fuels, products: products)
  }

  // MARK: - Checks

  /// Each stated total against the sum of its parts.
  public func partsAgainstTotals(_ totals: [StatedTotal]) -> [Finding] {
    guard !totals.isEmpty else { return [] }
    var findings: [Finding] = []
    for total in totals.sorted(by: { ($0.year, $0.fuel) < ($1.year, $1.fuel) }) {
      let difference = total.sumOfParts - total.total
      guard exceeds(difference, of: total.total) else { continue }
      findings.append(Finding(
        .warning, check: "parts-vs-total",
        "\(name(total.fuel)) \(total.year): the \(total.partCount) \(total.what) sum to \(Format.significant(total.sumOfParts)), "
          + "the stated total is \(Format.significant(total.total)) (\(Format.percent(difference / total.total)); tolerance \(Format.fixed(rules.partsTolerance * 100, 1)) %)",
        at: total.location, year: total.year))
    }
    return [summary("parts-vs-total", checked: totals.count, failed: findings.count, what: "stated totals against their parts")] + findings
  }

  /// The fuels, converted to standard coal, against the table's total energy use.
  public func fuelsAgainstTotalEnergy(_ fuels: [Fuel: [Int: ActivityValue]], totalEnergy: [Int: ActivityValue], firstRow: [Int: SourceLocation]) -> [Finding] {
    guard !totalEnergy.isEmpty, !rules.standardCoal.isEmpty else { return [] }
    let lacking = fuels.keys.filter { rules.standardCoal[$0] == nil && catalogue[$0]?.dimension != .coalEquivalent }.sorted()
    guard lacking.isEmpty else {
      return [Finding(
        .note, check: "total-energy",
        "the fuels were not checked against the total energy column: no standard-coal coefficient for \(lacking.map(\.id).joined(separator: ", "))")]
    }
    var findings: [Finding] = []
    for (year, total) in totalEnergy.sorted(by: { $0.key < $1.key }) {
      let sum = fuels.reduce(0.0) { sum, entry in
        guard let amount = entry.value[year]?.value else { return sum }
        return sum + (amount.dimension == .coalEquivalent ? amount.baseValue : amount.baseValue * rules.standardCoal[entry.key]!)
      }
      let stated = total.value.baseValue
      guard exceeds(sum - stated, of: stated) else { continue }
      findings.append(Finding(
        .warning, check: "total-energy",
        "\(year): the fuels come to \(Format.significant(sum / 1e4)) × 10⁴ tce in standard coal, the table's total is "
          + "\(Format.significant(stated / 1e4)) × 10⁴ tce (\(Format.percent((sum - stated) / stated)); tolerance \(Format.fixed(rules.partsTolerance * 100, 1)) %)",
        at: total.sources.first?.location ?? firstRow[year], year: year))
    }
    return [summary("total-energy", checked: totalEnergy.count, failed: findings.count, what: "years' fuels against the total energy column")]
      + findings
  }

  /// A year with no fuel use at all while cement is produced; a fuel at zero between two
  /// years of use.
  public func zeroActivity(_ fuels: [Fuel: [Int: ActivityValue]], products: [Product: [Int: Traced<Quantity<Mass>>]]) -> [Finding] {
    var findings: [Finding] = []
    let years = Set(fuels.values.flatMap(\.keys)).sorted()
    for year in years {
      let total = fuels.values.reduce(0.0) { $0 + ($1[year]?.value.baseValue ?? 0) }
      let output = products.values.compactMap { $0[year]?.value.baseValue }.max() ?? 0
      if total == 0 && output > 0 {
        findings.append(Finding(
          .warning, check: "zero-activity", "\(year): no fuel use at all, yet \(Format.significant(output / 1e4)) × 10⁴ t of cement or clinker", year: year))
      }
    }
    for (fuel, values) in fuels.sorted(by: { $0.key < $1.key }) {
      for year in values.keys.sorted() where values[year]!.value.baseValue == 0 {
        guard let before = values[year - 1]?.value.baseValue, let after = values[year + 1]?.value.baseValue, before > 0, after > 0 else { continue }
        findings.append(Finding(
          .note, check: "zero-activity", "\(name(fuel)) is 0 in \(year) but used in \(year - 1) and \(year + 1)",
          at: values[year]!.sources.first?.location, year: year))
      }
    }
    return findings
  }

  // MARK: - Helpers

  private func exceeds(_ difference: Double, of total: Double) -> Bool {
    abs(difference) > rules.partsTolerance * max(abs(total), 1e-9)
  }

  private func name(_ fuel: Fuel) -> String { catalogue[fuel]?.englishName ?? fuel.id }

  private func summary(_ check: String, checked: Int, failed: Int, what: String) -> Finding {
    Finding(.note, check: check, "\(checked) \(what) checked: \(failed == 0 ? "all within tolerance" : "\(failed) outside tolerance")")
  }
}
