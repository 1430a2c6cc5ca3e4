import CementModel

/// Turns imported table rows into one series per fuel and product over the methodology's
/// years: components folded into their totals, duplicates resolved or refused, copied years
/// detected, gaps filled by the methodology's rule, each step recorded on the value.
public struct Reconciler: Sendable {
  public let catalogue: FuelCatalogue
  public let years: ClosedRange<Int>
  /// How each series is filled and how sources are combined.
  public let timeSeries: TimeSeriesRules
  public let copiedYears: CopiedYearRule
  /// The products the account needs for every year (cement, or clinker when it is read from
  /// the table): a year the time-series methods cannot fill is an error naming the table.
  public let requiredProducts: Set<Product>
  /// Component fuels the factor set gives factors of their own (raw coal, cleaned coal …).
  /// Where a table lacks its carrier's total and every component present has its own factors,
  /// the components stay separate series; otherwise they are summed into the carrier.
  public let componentsWithFactors: Set<Fuel>
  /// Tolerances of the consistency checks.
  public let checks: ConsistencyRules

  public init(
    catalogue: FuelCatalogue = .standard, years: ClosedRange<Int>, gapFilling: GapFilling, copiedYears: CopiedYearRule,
    requiredProducts: Set<Product> = [], componentsWithFactors: Set<Fuel> = [], timeSeries: TimeSeriesRules? = nil,
    checks: ConsistencyRules = .standard
  ) {
    self.catalogue = catalogue
    self.years = years
    self.timeSeries = timeSeries ?? .gapFilling(gapFilling)
    self.copiedYears = copiedYears
    self.requiredProducts = requiredProducts
    self.componentsWithFactors = componentsWithFactors
    self.checks = checks
  }

  /// Reconciles one province's inputs with the rules of `methodology`.
  public init(catalogue: FuelCatalogue = .standard, methodology: Methodology) {
    let product: Product
    switch methodology.process.clinker {
    case .table: product = .clinker
    case .cementTimesRatio: product = .cement
    }
    self.init(
      catalogue: catalogue, years: methodology.years, gapFilling: methodology.gapFilling, copiedYears: methodology.copiedYears,
      requiredProducts: [product], componentsWithFactors: Set(methodology.factorSet.fuels.keys), timeSeries: methodology.timeSeries,
      checks: methodology.checks)
  }

  /// The default methods, as messages name them: `carry-forward`, `overlap, carry-forward`.
  var defaultMethods: String { Self.methodNames(timeSeries.methods) }
  /// The methods that can fill a year no dataset gives: all but overlap, which only takes
  /// years from a second dataset.
  var gapMethods: String { Self.methodNames(timeSeries.methods.filter { if case .overlap = $0 { false } else { true } }) }

  static func methodNames(_ methods: [TimeSeriesMethod]) -> String { methods.map(\.name).joined(separator: ", ") }

  public func reconcile(_ inputs: ProvinceInputs) throws(ReconciliationError) -> ActivitySeries {
    var findings = inputs.findings
    try checkPlausible(inputs.energy)
    let datasets = try orderedDatasets(inputs)

    var observed: [(dataset: String, fuels: [Fuel: [Int: ActivityValue]])] = []
    var totalEnergy: [Int: ActivityValue] = [:]
    var yearsWithTables = Set<Int>()
    var firstRow: [Int: SourceLocation] = [:]
    // The cells of the primary dataset's present tables that print no value (`…`, NA, empty).
    var gapCells: [Fuel: [Int: SourceLocation]] = [:]
    for dataset in datasets {
      let rows = try uniqueRows(inputs.energy.filter { $0.dataset == dataset }, findings: &findings)
      try checkYearsInRange(rows.map { ($0.year, $0.location) })
      var series: [Fuel: [Int: ActivityValue]] = [:]
      for row in rows {
        firstRow[row.year] = firstRow[row.year] ?? row.location
        for (fuel, value) in try groupValues(row, findings: &findings) {
          if fuel == .totalEnergy {
            if let amount = value.value, totalEnergy[row.year] == nil { totalEnergy[row.year] = value.map(nil) { _ in amount } }
          } else {
            series[fuel, default: [:]][row.year] = value.value.map { amount in value.map(nil) { _ in amount } }
            if value.value == nil, dataset == datasets.first, let cell = value.sources.first?.location {
              gapCells[fuel, default: [:]][row.year] = cell
              if series[fuel] == nil { series[fuel] = [:] }
            }
          }
        }
      }
      let copied = handleCopiedYears(&series, rows: rows, dataset: datasets.count > 1 ? dataset : nil, findings: &findings)
      yearsWithTables.formUnion(Set(rows.map(\.year)).subtracting(copiedYears == .treatAsGap ? Set(copied) : []))
      observed.append((dataset, series))
    }
    try checkYearsInRange(inputs.products.map { ($0.year, $0.output.sources.first?.location ?? SourceLocation(file: "products")) })

    let products = try productSeries(inputs.products, datasets: datasets, findings: &findings)
    if inputs.products.isEmpty && !inputs.energy.isEmpty {
      // Energy tables without a products table: combustion and electricity need no output.
      findings.append(Finding(
        .warning, check: "process-not-available",
        "no products table (cement or clinker output): process CO₂ is not available; the account gives combustion and electricity only",
        at: Self.folder(of: inputs)))
    } else {
      try checkRequiredProducts(products, inputs: inputs)
    }
    var surrogates: [SeriesName: [Int: Double]] = [:]
    for (product, values) in products { surrogates[.product(product)] = values.mapValues(\.value.baseValue) }
    for (fuel, values) in observed.first?.fuels ?? [:] { surrogates[.fuel(fuel)] = values.mapValues(\.value.baseValue) }

    var fuels: [Fuel: [Int: ActivityValue]] = [:]
    let allFuels = Set(observed.flatMap(\.fuels.keys))
    for fuel in allFuels.sorted() {
      let name = SeriesName.fuel(fuel)
      let methods = timeSeries.methods(for: name)
      let primary = observed.first?.fuels[fuel] ?? [:]
      let secondary = observed.dropFirst().compactMap { entry in entry.fuels[fuel].map { (entry.dataset, $0) } }
      let filled = TimeSeriesFiller(years: years, methods: methods).fill(primary, secondary: secondary, surrogates: surrogates)
      findings += Self.fillFindings(name, filled.values, observed: primary, notes: filled.notes)
      // A filled cell is a warning naming it; an unfilled one is in the warning below, at its cell.
      for (year, cell) in (gapCells[fuel] ?? [:]).sorted(by: { $0.key < $1.key }) where filled.values[year] != nil {
        findings.append(Finding(
          .warning, check: "gap-filled",
          "\(catalogue[fuel]?.englishName ?? fuel.id) \(year): the cell gives no value; filled by \(Self.methodNames(methods))", at: cell, year: year))
      }
      if let first = filled.unfilled.min() {
        let years = YearRuns.text(YearRuns.runs(filled.unfilled))
        let them = filled.unfilled.count == 1 ? "it" : "them"
        findings.append(Finding(
          .warning, check: "not-available",
          "\(catalogue[fuel]?.englishName ?? fuel.id) has no value for \(years) and \(methods.isEmpty ? "the methodology fills no gap" : "\(Self.methodNames(methods)) cannot fill \(them)"): not available, so the totals of \(years) are incomplete (without it)",
          at: gapCells[fuel]?[first], year: first))
      }
      fuels[fuel] = filled.values
    }
    for year in years where !yearsWithTables.contains(year) {
      guard fuels.values.contains(where: { $0[year] != nil }) else {
        throw ReconciliationError(
          "no energy table for \(year), and \(gapMethods) cannot fill it",
          hint: "supply the \(year) table or narrow the methodology's years (now \(years.lowerBound)-\(years.upperBound))")
      }
      findings.append(Finding(.warning, check: "gap-filled", "no energy table for \(year): filled by \(gapMethods)", year: year))
    }
    guard !fuels.isEmpty else { throw ReconciliationError("no energy table for the non-metallic mineral products industry was found") }

    findings += ConsistencyChecks(rules: checks, catalogue: catalogue).findings(
      fuels: fuels, totalEnergy: totalEnergy, products: products, statedTotals: inputs.statedTotals, firstRow: firstRow)
    return ActivitySeries(
      province: inputs.province, years: years, fuels: fuels, totalEnergy: totalEnergy, products: products, findings: findings)
  }

  /// The datasets of the inputs, the primary one first. Several datasets need the
  /// methodology to name its primary.
  private func orderedDatasets(_ inputs: ProvinceInputs) throws(ReconciliationError) -> [String] {
    let present = Set(inputs.energy.map(\.dataset)).union(inputs.products.map(\.dataset)).sorted()
    guard present.count > 1 else { return present }
    guard let primary = timeSeries.primary, present.contains(primary) else {
      throw ReconciliationError(
        "the inputs of \(inputs.province) come from \(present.count) datasets (\(present.joined(separator: ", "))), and the methodology "
          + (timeSeries.primary.map { "names '\($0)' as primary, which is not among them" } ?? "does not say which is primary"),
        hint: "set time_series.primary to one of \(present.joined(separator: ", ")) and choose how the other is spliced on (overlap)")
    }
    return [primary] + present.filter { $0 != primary }
  }

  /// Finds copied years in one dataset's series, flags them or removes them by the rule, and
  /// returns them.
  private func handleCopiedYears(
    _ series: inout [Fuel: [Int: ActivityValue]], rows: [IndustryEnergyRecord], dataset: String?, findings: inout [Finding]
  ) -> [Int] {
    let copied = CopiedYearDetector.copiedYears(in: series)
    for (year, previous) in copied.sorted(by: { $0.key < $1.key }) {
      let action = copiedYears == .treatAsGap ? "treated as missing and filled by \(defaultMethods)" : "kept and flagged"
      findings.append(Finding(
        .warning, check: "copied-year",
        "\(year) equals \(previous) in every fuel\(dataset.map { " of \($0)" } ?? ""): probably copied, not observed (\(action))",
        at: rows.first { $0.year == year }?.location, year: year))
      for fuel in series.keys {
        if copiedYears == .treatAsGap {
          series[fuel]?[year] = nil
        } else if let value = series[fuel]?[year] {
          var flagged = value
          flagged.flags.insert(.copiedYear)
          flagged.steps.append("equals \(previous) in every fuel (copied year?)")
          series[fuel]?[year] = flagged
        }
      }
    }
    return Array(copied.keys)
  }

  /// One note per series and method that filled years beyond carry-forward and interpolation
  /// (which the gap findings already report), and the methods' own notes.
  static func fillFindings<V: Scalable>(
    _ name: SeriesName, _ values: [Int: Traced<V>], observed: [Int: Traced<V>], notes: [String]
  ) -> [Finding] {
    var findings = notes.map { Finding(.warning, check: "time-series", "\(name): \($0)") }
    for (flag, method) in [(Flag.spliced, "spliced from a second source by overlap"), (.surrogate, "estimated by surrogate"), (.extrapolated, "extrapolated by trend")] {
      let filled = values.filter { observed[$0.key] == nil && $0.value.flags.contains(flag) }.keys.sorted()
      guard let first = filled.first else { continue }
      let detail = values[first]!.steps.last ?? ""
      findings.append(Finding(
        .note, check: "time-series-\(flag.rawValue)", "\(name) \(yearList(filled)) \(method) (\(first): \(detail))", year: first))
    }
    return findings
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
        let difference = firstDifference(first, row)
        throw ReconciliationError(
          "two different rows for \(row.year): \(first.location) and \(row.location)" + (difference.map { " (\($0.text))" } ?? ""),
          at: difference?.location ?? row.location, hint: "keep one table per year, or remove the row that is wrong")
      }
      findings.append(Finding(.note, check: "duplicate", "\(row.location) repeats \(first.location) (same values): used once", at: row.location, year: row.year))
    }
    return byYear.values.sorted { $0.year < $1.year }
  }

  /// The first fuel whose values differ between two rows for one year, as the cells read
  /// (`Coal: "545.0000" vs "540.0308"`), with the place of the second row's cell.
  private func firstDifference(_ a: IndustryEnergyRecord, _ b: IndustryEnergyRecord) -> (text: String, location: SourceLocation)? {
    for fuel in catalogue.reportingOrder(Set(a.values.keys).union(b.values.keys)) where a.values[fuel]?.value != b.values[fuel]?.value {
      let shown = { (row: IndustryEnergyRecord) in row.values[fuel]?.sources.first.map { "\"\($0.originalText)\"" } ?? "no column" }
      let name = catalogue[fuel]?.englishName ?? fuel.id
      return ("\(name): \(shown(a)) vs \(shown(b))", b.values[fuel]?.sources.first?.location ?? b.location)
    }
    return nil
  }

  /// Refuses a negative value or one above the fuel's national scale: a unit slip or a typo.
  private func checkPlausible(_ rows: [IndustryEnergyRecord]) throws(ReconciliationError) {
    for row in rows {
      for (fuel, value) in row.values.sorted(by: { $0.key < $1.key }) {
        guard let amount = value.value, let definition = catalogue[fuel] else { continue }
        let location = value.sources.first?.location ?? row.location
        let unit = "× " + amount.dimension.reportingUnit.symbol
        let read = value.sources.first.map { " (read \"\($0.originalText)\" in \($0.originalUnit))" } ?? ""
        if amount.baseValue < 0 {
          throw ReconciliationError(
            "\(definition.englishName) in \(row.year) is negative: \(Self.plain(amount.reportingValue)) \(unit)\(read)", at: location)
        }
        if amount.reportingValue > definition.plausibleMaximum {
          throw ReconciliationError(
            "\(definition.englishName) in \(row.year) is \(Self.plain(amount.reportingValue)) \(unit)\(read), "
              + "more than China's whole national use (at most \(Self.plain(definition.plausibleMaximum)) \(unit))",
            at: location, hint: "check the column's unit (吨 vs 万吨, 万立方米 vs 亿立方米) and the decimal point")
        }
      }
    }
  }

  /// `5400308` for a whole number, `540.0308` otherwise: no `.0`, no exponent for table-sized values.
  static func plain(_ value: Double) -> String {
    value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
  }

  private func checkYearsInRange(_ years: [(Int, SourceLocation)]) throws(ReconciliationError) {
    if let (year, location) = years.first(where: { !self.years.contains($0.0) }) {
      throw ReconciliationError(
        "\(year) lies outside the methodology's years \(self.years.lowerBound)-\(self.years.upperBound)", at: location,
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
      if sorted.allSatisfy({ componentsWithFactors.contains($0.0) }) {
        for (fuel, value) in sorted { result[fuel] = value }
        continue
      }
      var total: ActivityAmount?
      do {
        for (_, part) in sorted { if let amount = part.value { total = try total.map { try $0.adding(amount) } ?? amount } }
      } catch {
        throw ReconciliationError("components of \(carrier) have different units: \(error)", at: row.location)
      }
      result[carrier] = Traced(
        total, sources: sorted.flatMap(\.1.sources), steps: ["summed from \(names)"], flags: [.summedFromComponents])
      findings.append(Finding(.note, check: "summed-components", "\(row.year): \(carrier) summed from \(names)", at: row.location, year: row.year))
    }
    return result
  }

  private func productSeries(
    _ records: [ProductRecord], datasets: [String], findings: inout [Finding]
  ) throws(ReconciliationError) -> [Product: [Int: Traced<Quantity<Mass>>]] {
    var observed: [Product: [String: [Int: Traced<Quantity<Mass>>]]] = [:]
    for record in records {
      guard let output = record.output.value else { continue }
      let value = record.output.map(nil) { _ in output }
      if let existing = observed[record.product]?[record.dataset]?[record.year] {
        guard existing.value == output else {
          throw ReconciliationError(
            "two different \(record.product) outputs for \(record.year): \(existing.sources.map(\.location.description).joined()) and \(value.sources.map(\.location.description).joined())",
            at: value.sources.first?.location, hint: "keep one value per product and year, or remove the one that is wrong")
        }
        continue
      }
      observed[record.product, default: [:]][record.dataset, default: [:]][record.year] = value
    }
    var result: [Product: [Int: Traced<Quantity<Mass>>]] = [:]
    for (product, byDataset) in observed.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      let name = SeriesName.product(product)
      let ordered = datasets.filter { byDataset[$0] != nil }
      let primary = ordered.first.flatMap { byDataset[$0] } ?? [:]
      let methods = timeSeries.methods(for: name)
      let filled = TimeSeriesFiller(years: years, methods: methods).fill(
        primary, secondary: ordered.dropFirst().map { ($0, byDataset[$0]!) })
      findings += Self.fillFindings(name, filled.values, observed: primary, notes: filled.notes)
      for year in filled.values.keys.sorted() where primary[year] == nil {
        findings.append(Finding(.warning, check: "gap-filled", "\(product) output for \(year) filled by \(Self.methodNames(methods))", year: year))
      }
      for year in filled.unfilled {
        findings.append(Finding(.warning, check: "not-available", "no \(product) output for \(year)", year: year))
      }
      result[product] = filled.values
    }
    return result
  }
}

extension Reconciler {
  /// Refuses an account that would lack a required product in a year: no table gives it,
  /// or the gap-filling rule cannot fill the year (carry-forward has nothing before the first).
  func checkRequiredProducts(_ series: [Product: [Int: Traced<Quantity<Mass>>]], inputs: ProvinceInputs) throws(ReconciliationError) {
    for product in requiredProducts.sorted(by: { $0.rawValue < $1.rawValue }) {
      let label = product == .cement ? "cement (水泥)" : "clinker (熟料 or 水泥熟料)"
      let records = inputs.products.filter { $0.product == product }
      let tables = Set(records.flatMap { $0.output.sources.map(\.location.file) }).sorted()
      guard let values = series[product], !values.isEmpty else {
        throw ReconciliationError(
          records.isEmpty
            ? "no \(product) output for any year: no products table with a \(label) row or column was read"
            : "no \(product) output for any year: every \(label) cell of \(tables.joined(separator: ", ")) is empty",
          at: records.isEmpty ? Self.folder(of: inputs) : tables.first.map { SourceLocation(file: $0) },
          hint: "add the province's table of output of major industrial products (主要工业产品产量)")
      }
      guard let missing = years.first(where: { values[$0] == nil }) else { continue }
      let given = Self.yearList(Set(records.filter { $0.output.value != nil }.map(\.year)).sorted())
      throw ReconciliationError(
        "no \(product) output for \(missing), and \(Self.methodNames(timeSeries.methods(for: .product(product)))) cannot fill it "
          + "(\(tables.count == 1 ? "the table gives" : "the products tables give") \(given))",
        at: tables.count == 1 ? SourceLocation(file: tables[0]) : nil,
        hint: "add \(missing) to the products table, or narrow the methodology's years (now \(years.lowerBound)-\(years.upperBound))")
    }
  }

  /// The folder every input file was read from, when they share one: where a missing table belongs.
  static func folder(of inputs: ProvinceInputs) -> SourceLocation? {
    let folders = Set(inputs.files.map { file in file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? "." })
    return folders.count == 1 ? folders.first.map { SourceLocation(file: $0) } : nil
  }

  /// `2001–2003` for consecutive years, `2001, 2003` otherwise.
  static func yearList(_ years: [Int]) -> String {
    guard let first = years.first, let last = years.last else { return "no year" }
    if first == last { return "\(first)" }
    return last - first + 1 == years.count ? "\(first)–\(last)" : years.map(String.init).joined(separator: ", ")
  }
}

/// A reconciliation that cannot go on.
public struct ReconciliationError: Error, Sendable, CustomStringConvertible {
  /// The cell, row or file at fault, when there is one.
  public let location: SourceLocation?
  public let message: String
  public let hint: String?
  public init(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
    self.location = location
    self.message = message
    self.hint = hint
  }

  /// `path:line:column: error: message`, like the importers' errors, then the hint.
  public var description: String {
    (location.map { "\($0): " } ?? "") + "error: \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
  }
}
