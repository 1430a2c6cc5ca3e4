import CementModel

/// Turns imported table rows into one series per fuel and product over the methodology's
/// years: components folded into their totals, duplicates resolved or refused, copied years
/// detected, gaps filled by the methodology's rule, each step recorded on the value.
public struct Reconciler: Sendable {
  public let catalogue: FuelCatalogue
  public let years: ClosedRange<Int>
  public let gapFilling: GapFilling
  public let copiedYears: CopiedYearRule

  public init(catalogue: FuelCatalogue = .standard, years: ClosedRange<Int>, gapFilling: GapFilling, copiedYears: CopiedYearRule) {
    self.catalogue = catalogue
    self.years = years
    self.gapFilling = gapFilling
    self.copiedYears = copiedYears
  }

  /// Reconciles one province's inputs with the rules of `methodology`.
  public init(catalogue: FuelCatalogue = .standard, methodology: Methodology) {
    self.init(catalogue: catalogue, years: methodology.years, gapFilling: methodology.gapFilling, copiedYears: methodology.copiedYears)
  }

  public func reconcile(_ inputs: ProvinceInputs) throws(ReconciliationError) -> ActivitySeries {
    var findings = inputs.findings
    try checkPlausible(inputs.energy)
    let rows = try uniqueRows(inputs.energy, findings: &findings)
    try checkYearsInRange(rows.map { ($0.year, $0.location) } + inputs.products.map { ($0.year, $0.output.sources.first?.location ?? SourceLocation(file: "products")) })

    var observed: [Fuel: [Int: ActivityValue]] = [:]
    var totalEnergy: [Int: ActivityValue] = [:]
    for row in rows {
      for (fuel, value) in try groupValues(row, findings: &findings) {
        if fuel == .totalEnergy {
          if let amount = value.value { totalEnergy[row.year] = value.map(nil) { _ in amount } }
        } else {
          observed[fuel, default: [:]][row.year] = value.value.map { amount in value.map(nil) { _ in amount } }
        }
      }
    }
    let copied = CopiedYearDetector.copiedYears(in: observed)
    for (year, previous) in copied.sorted(by: { $0.key < $1.key }) {
      let action = copiedYears == .treatAsGap ? "treated as missing and filled by \(gapFilling.rawValue)" : "kept and flagged"
      findings.append(Finding(
        .warning, check: "copied-year",
        "\(year) equals \(previous) in every fuel: probably copied, not observed (\(action))",
        at: rows.first { $0.year == year }?.location, year: year))
      for fuel in observed.keys {
        if copiedYears == .treatAsGap {
          observed[fuel]?[year] = nil
        } else if let value = observed[fuel]?[year] {
          var flagged = value
          flagged.flags.insert(.copiedYear)
          flagged.steps.append("equals \(previous) in every fuel (copied year?)")
          observed[fuel]?[year] = flagged
        }
      }
    }

    let yearsWithTables = Set(rows.map(\.year)).subtracting(copiedYears == .treatAsGap ? Set(copied.keys) : [])
    var fuels: [Fuel: [Int: ActivityValue]] = [:]
    for (fuel, series) in observed {
      let filled = GapFiller(rule: gapFilling, years: years).fill(series.compactMapValues { $0 })
      for missing in filled.unfilled {
        findings.append(Finding(
          .warning, check: "not-available",
          "\(fuel) has no value for \(missing) and \(gapFilling.rawValue) cannot fill it: left out of the account", year: missing))
      }
      fuels[fuel] = filled.values
    }
    for year in years where !yearsWithTables.contains(year) {
      guard fuels.values.contains(where: { $0[year] != nil }) else {
        throw ReconciliationError(
          "no energy table for \(year), and \(gapFilling.rawValue) cannot fill it",
          hint: "supply the \(year) table or narrow the methodology's years (now \(years.lowerBound)-\(years.upperBound))")
      }
      findings.append(Finding(.warning, check: "gap-filled", "no energy table for \(year): filled by \(gapFilling.rawValue)", year: year))
    }
    guard !fuels.isEmpty else { throw ReconciliationError("no energy table for the non-metallic mineral products industry was found") }

    let products = try productSeries(inputs.products, findings: &findings)
    return ActivitySeries(
      province: inputs.province, years: years, fuels: fuels, totalEnergy: totalEnergy, products: products, findings: findings)
  }

  // MARK: - Steps

  /// One row per year; identical duplicates are noted, conflicting ones refused.
  private func uniqueRows(_ rows: [IndustryEnergyRecord], findings: inout [Finding]) throws(ReconciliationError) -> [IndustryEnergyRecord] {
    var byYear: [Int: IndustryEnergyRecord] = [:]
    for row in rows.sorted(by: { ($0.year, $0.location) < ($1.year, $1.location) }) {
      guard let first = byYear[row.year] else {
        byYear[row.year] = row
        continue
      }
      let same = first.values.mapValues(\.value) == row.values.mapValues(\.value)
      guard same else {
        throw ReconciliationError(
          "two different rows for \(row.year): \(first.location) and \(row.location)",
          hint: "keep one table per year, or remove the row that is wrong")
      }
      findings.append(Finding(.note, check: "duplicate", "\(row.location) repeats \(first.location) (same values): used once", at: row.location, year: row.year))
    }
    return byYear.values.sorted { $0.year < $1.year }
  }

  /// Refuses a negative value or one above the fuel's national scale: a unit slip or a typo.
  private func checkPlausible(_ rows: [IndustryEnergyRecord]) throws(ReconciliationError) {
    for row in rows {
      for (fuel, value) in row.values.sorted(by: { $0.key < $1.key }) {
        guard let amount = value.value, let definition = catalogue[fuel] else { continue }
        let where_ = value.sources.first.map { "\($0.location): " } ?? "\(row.location): "
        let unit = amount.dimension.reportingUnit.symbol
        if amount.baseValue < 0 {
          throw ReconciliationError("\(where_)\(definition.englishName) in \(row.year) is negative (\(amount.reportingValue) \(unit))")
        }
        if amount.reportingValue > definition.plausibleMaximum {
          throw ReconciliationError(
            "\(where_)\(definition.englishName) in \(row.year) is \(amount.reportingValue) \(unit), more than China's whole national use (at most \(Int(definition.plausibleMaximum)) \(unit))",
            hint: "check the column's unit (吨 vs 万吨, 万立方米 vs 亿立方米) and the decimal point")
        }
      }
    }
  }

  private func checkYearsInRange(_ years: [(Int, SourceLocation)]) throws(ReconciliationError) {
    if let (year, location) = years.first(where: { !self.years.contains($0.0) }) {
      throw ReconciliationError(
        "\(location): \(year) lies outside the methodology's years \(self.years.lowerBound)-\(self.years.upperBound)",
        hint: "extend the methodology's 'years', or remove the table for \(year) from the inputs")
    }
  }

  /// Folds component columns into their carrier when the table lacks the carrier's total.
  private func groupValues(_ row: IndustryEnergyRecord, findings: inout [Finding]) throws(ReconciliationError) -> [Fuel: Traced<ActivityAmount?>] {
    var result: [Fuel: Traced<ActivityAmount?>] = [:]
    var components: [Fuel: [(Fuel, Traced<ActivityAmount?>)]] = [:]
    for (fuel, value) in row.values {
      guard let definition = catalogue[fuel] else { continue }
      switch definition.role {
      case .carrier, .total: result[fuel] = value
      case .component(let carrier): components[carrier, default: []].append((fuel, value))
      }
    }
    for (carrier, parts) in components.sorted(by: { $0.key < $1.key }) {
      let names = parts.map(\.0.id).sorted().joined(separator: ", ")
      if result[carrier] != nil {
        findings.append(Finding(
          .note, check: "component-not-summed",
          "\(row.year): \(names) reported beside the \(carrier) total; the total is used", at: row.location, year: row.year))
        continue
      }
      let sorted = parts.sorted { $0.0 < $1.0 }
      var total: ActivityAmount?
      do {
        for (_, part) in sorted { if let amount = part.value { total = try total.map { try $0.adding(amount) } ?? amount } }
      } catch {
        throw ReconciliationError("\(row.location): components of \(carrier) have different units: \(error)")
      }
      result[carrier] = Traced(
        total, sources: sorted.flatMap(\.1.sources), steps: ["summed from \(names)"], flags: [.summedFromComponents])
      findings.append(Finding(.note, check: "summed-components", "\(row.year): \(carrier) summed from \(names)", at: row.location, year: row.year))
    }
    return result
  }

  private func productSeries(_ records: [ProductRecord], findings: inout [Finding]) throws(ReconciliationError) -> [Product: [Int: Traced<Quantity<Mass>>]] {
    var observed: [Product: [Int: Traced<Quantity<Mass>>]] = [:]
    for record in records {
      guard let output = record.output.value else { continue }
      let value = record.output.map(nil) { _ in output }
      if let existing = observed[record.product]?[record.year] {
        guard existing.value == output else {
          throw ReconciliationError(
            "two different \(record.product) outputs for \(record.year): \(existing.sources.map(\.location.description).joined()) and \(value.sources.map(\.location.description).joined())")
        }
        continue
      }
      observed[record.product, default: [:]][record.year] = value
    }
    var result: [Product: [Int: Traced<Quantity<Mass>>]] = [:]
    for (product, series) in observed {
      let filled = GapFiller(rule: gapFilling, years: years).fill(series)
      for year in filled.values.keys.sorted() where series[year] == nil {
        findings.append(Finding(.warning, check: "gap-filled", "\(product) output for \(year) filled by \(gapFilling.rawValue)", year: year))
      }
      for year in filled.unfilled {
        findings.append(Finding(.warning, check: "not-available", "no \(product) output for \(year)", year: year))
      }
      result[product] = filled.values
    }
    return result
  }
}

/// A reconciliation that cannot go on.
public struct ReconciliationError: Error, Sendable, CustomStringConvertible {
  public let message: String
  public let hint: String?
  public init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }
  public var description: String { "error: \(message)" + (hint.map { "\n  hint: \($0)" } ?? "") }
}
