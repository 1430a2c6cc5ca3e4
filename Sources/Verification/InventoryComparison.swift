import CementModel

/// One cell of a published emission inventory beside the account: a province, a year and a
/// source (a fuel id, or ``InventoryCell/process``), both in tonnes of CO₂.
public struct InventoryCell: Sendable, Hashable {
  /// The source name of the process figure.
  public static let process = "process"

  public let province: String
  public let year: Int
  public let source: String
  /// The account's figure, t CO₂.
  public let recomputed: Double
  /// The published figure, t CO₂.
  public let published: Double
  /// The account's activity in the fuel's reporting unit (10⁴ t, 10⁸ m³ …); nil for process.
  public let activity: Double?
  /// The account's factor, t CO₂ per reporting unit; nil when the methodology gives the fuel none.
  public let accountFactor: Double?
  /// Where the published figure is: `file!Liaoning2013!F31`.
  public let location: String

  public init(
    province: String, year: Int, source: String, recomputed: Double, published: Double, activity: Double?, accountFactor: Double?,
    location: String
  ) {
    self.province = province
    self.year = year
    self.source = source
    self.recomputed = recomputed
    self.published = published
    self.activity = activity
    self.accountFactor = accountFactor
    self.location = location
  }
}

/// What a deviating cell of an inventory is.
public enum InventoryDeviationKind: String, Sendable, Hashable, CaseIterable {
  /// Published ÷ recomputed is the same for the fuel in every province-year: the two use
  /// different factors (both are given).
  case factorRatio = "factor-ratio"
  /// The published figure, read at the inventory's own factor for the fuel, implies another
  /// activity than the account's: the publisher's activity and the account's input disagree.
  case activityDisagreement = "activity-disagreement"
  /// The account has CO₂ where the inventory has none.
  case zeroPublished = "zero-published"
  /// The inventory has CO₂ where the account has none (no activity, or no factor).
  case zeroRecomputed = "zero-recomputed"
  /// The process figure: published ÷ recomputed is one value per year in every province, a
  /// different process basis (per tonne of cement against per tonne of clinker by year).
  case processBasis = "process-basis"
}

/// One explanation: a kind, a source and the cells it holds for.
public struct InventoryFinding: Sendable, Hashable, CustomStringConvertible {
  public let kind: InventoryDeviationKind
  public let source: String
  /// `province year` pairs, sorted.
  public let cells: [InventoryCellKey]
  /// Published ÷ recomputed over the cells, where a ratio means something.
  public let fit: Fit?
  /// The inventory's factor for the fuel (median of published ÷ activity) and the account's,
  /// t CO₂ per reporting unit; nil where there is none (process, a fuel without activity).
  public var publishedFactor: Double? = nil
  public var accountFactor: Double? = nil
  /// Published − recomputed over the cells, t CO₂.
  public var gap: Double = 0
  /// The cell with the largest gap, with its activity and place.
  public var largest: InventoryCell? = nil
  /// Process: published ÷ recomputed in each year.
  public var yearRatios: [Int: Double] = [:]
  /// One line for people, in English (the writers give it in other languages from the fields above).
  public let explanation: String

  /// `coke_oven_gas: factor-ratio in 178 cells: …`.
  public var description: String { "\(source): \(kind.rawValue) in \(cells.count) cell(s): \(explanation)" }
}

/// A province and a year.
public struct InventoryCellKey: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let province: String
  public let year: Int
  public init(province: String, year: Int) {
    self.province = province
    self.year = year
  }
  public static func < (a: Self, b: Self) -> Bool { (a.province, a.year) < (b.province, b.year) }
  public var description: String { "\(province) \(year)" }
}

/// One province-year's combustion CO₂ of the fuels both count, and what explains a gap.
public struct InventoryProvinceYear: Sendable, Hashable {
  public let key: InventoryCellKey
  /// t CO₂.
  public let recomputed: Double
  /// t CO₂.
  public let published: Double
  public let withinTolerance: Bool
  /// The deviating cells of the year, largest gap first (only for a year outside the tolerance).
  public let causes: [InventoryCause]

  /// Recomputed ÷ published.
  public var ratio: Double { published == 0 ? .nan : recomputed / published }
}

/// A deviating cell of a province-year: its source, its kind and published − recomputed (t CO₂).
public struct InventoryCause: Sendable, Hashable {
  public let source: String
  public let kind: InventoryDeviationKind
  public let gap: Double
}

/// The account against a published inventory: every cell classified, every province-year's
/// combustion total within a relative tolerance or explained by its cells.
public struct InventoryVerification: Sendable {
  public let cells: [InventoryCell]
  public let findings: [InventoryFinding]
  public let provinceYears: [InventoryProvinceYear]
  /// The relative tolerance of a province-year's combustion total (0.02).
  public let totalTolerance: Double
  /// The kind of each deviating cell.
  public let kinds: [InventoryCellKeyAndSource: InventoryDeviationKind]

  public var within: Int { provinceYears.filter(\.withinTolerance).count }
  /// Province-years outside the tolerance that no cell explains.
  public var unexplained: [InventoryProvinceYear] { provinceYears.filter { !$0.withinTolerance && $0.causes.isEmpty } }
}

/// A cell's key with its source.
public struct InventoryCellKeyAndSource: Sendable, Hashable {
  public let key: InventoryCellKey
  public let source: String
}

extension DeviationExplainer {
  /// Compares an account with a published emission inventory cell by cell (CEADs' Nonmetal
  /// Mineral Products row: each fuel, and the cement process figure).
  ///
  /// A cell agrees within ``tolerance`` (t CO₂) or ``relativeTolerance``. Each fuel's published
  /// factor is the value most cells' published CO₂ ÷ the account's activity cluster at (CEADs
  /// uses one factor per fuel, so it holds exactly wherever the two files agree). A deviating cell is then, in this order:
  /// a zero on one side; a factor ratio (published ÷ recomputed = published factor ÷ account
  /// factor, within the relative tolerance); otherwise an activity disagreement, the
  /// published CO₂ at the published factor implying another activity than the account's.
  /// The process cells are fitted year by year: one ratio in every province of a year is a
  /// different process basis.
  ///
  /// - Parameter totalTolerance: The relative gap allowed between the two combustion totals
  ///   of a province-year (the fuels the account gives a factor).
  public func explainInventory(_ cells: [InventoryCell], totalTolerance: Double = 0.02) -> InventoryVerification {
    func agrees(_ cell: InventoryCell) -> Bool {
      abs(cell.published - cell.recomputed) <= max(tolerance, relativeTolerance * abs(cell.published))
    }
    var kinds: [InventoryCellKeyAndSource: InventoryDeviationKind] = [:]
    var findings: [InventoryFinding] = []
    let bySource = Dictionary(grouping: cells, by: \.source)
    for source in bySource.keys.sorted() {
      let group = bySource[source]!
      let deviating = group.filter { !agrees($0) }
      guard !deviating.isEmpty else { continue }
      if source == InventoryCell.process {
        findings += processFindings(deviating, kinds: &kinds)
        continue
      }
      let implied = group.compactMap { cell -> Double? in
        guard let activity = cell.activity, activity > 0, cell.published > 0 else { return nil }
        return cell.published / activity
      }.sorted()
      let publishedFactor = Self.commonValue(implied, within: relativeTolerance / 10)
      let accountFactor = group.lazy.compactMap(\.accountFactor).first
      var classified: [InventoryDeviationKind: [InventoryCell]] = [:]
      for cell in deviating {
        let kind: InventoryDeviationKind
        if abs(cell.published) <= tolerance {
          kind = .zeroPublished
        } else if abs(cell.recomputed) <= tolerance {
          kind = .zeroRecomputed
        } else if let publishedFactor, let accountFactor, accountFactor > 0,
          abs(cell.published / cell.recomputed / (publishedFactor / accountFactor) - 1) <= relativeTolerance
        {
          kind = .factorRatio
        } else {
          kind = .activityDisagreement
        }
        classified[kind, default: []].append(cell)
        kinds[InventoryCellKeyAndSource(key: InventoryCellKey(province: cell.province, year: cell.year), source: source)] = kind
      }
      for kind in InventoryDeviationKind.allCases {
        guard let cells = classified[kind] else { continue }
        findings.append(
          fuelFinding(kind, source: source, cells: cells, publishedFactor: publishedFactor, accountFactor: accountFactor))
      }
    }

    // Province-year totals over the fuels the account counts.
    var provinceYears: [InventoryProvinceYear] = []
    let byKey = Dictionary(grouping: cells.filter { $0.source != InventoryCell.process && $0.accountFactor != nil }) {
      InventoryCellKey(province: $0.province, year: $0.year)
    }
    for key in byKey.keys.sorted() {
      let group = byKey[key]!
      let recomputed = group.reduce(0) { $0 + $1.recomputed }, published = group.reduce(0) { $0 + $1.published }
      let within = published == 0 ? recomputed == 0 : abs(recomputed / published - 1) <= totalTolerance
      let causes = group.compactMap { cell -> InventoryCause? in
        guard let kind = kinds[InventoryCellKeyAndSource(key: key, source: cell.source)] else { return nil }
        return InventoryCause(source: cell.source, kind: kind, gap: cell.published - cell.recomputed)
      }.sorted { abs($0.gap) > abs($1.gap) }
      provinceYears.append(
        InventoryProvinceYear(key: key, recomputed: recomputed, published: published, withinTolerance: within, causes: within ? [] : causes))
    }
    return InventoryVerification(
      cells: cells, findings: findings, provinceYears: provinceYears, totalTolerance: totalTolerance, kinds: kinds)
  }

  /// The value most of `sorted` cluster at (within a relative `width`): the publisher's factor,
  /// which holds exactly wherever its two files agree, however many cells disagree; the median
  /// when no two values cluster; nil for no values.
  static func commonValue(_ sorted: [Double], within width: Double) -> Double? {
    guard !sorted.isEmpty else { return nil }
    var best = (start: 0, count: 1), start = 0
    for end in sorted.indices {
      while sorted[end] > sorted[start] * (1 + width) { start += 1 }
      if end - start + 1 > best.count { best = (start, end - start + 1) }
    }
    return best.count > 1 ? sorted[best.start + best.count / 2] : sorted[sorted.count / 2]
  }

  private func fuelFinding(
    _ kind: InventoryDeviationKind, source: String, cells: [InventoryCell], publishedFactor: Double?, accountFactor: Double?
  ) -> InventoryFinding {
    let keys = cells.map { InventoryCellKey(province: $0.province, year: $0.year) }.sorted()
    let ratios = cells.filter { abs($0.recomputed) > tolerance }.map { $0.published / $0.recomputed }
    let fit = Fit(ratios)
    let gap = cells.reduce(0) { $0 + $1.published - $1.recomputed }
    let gapText = "published − account = \(Format.fixed(gap / 1e6, 3)) Mt CO₂"
    // Per reporting unit (10⁴ t, 10⁸ m³) ÷ 10⁴: per tonne, per 10⁴ m³.
    let factors =
      "the inventory's factor \(publishedFactor.map { Format.fixed($0 / 1e4, 4) } ?? "n/a") t CO₂ per t (gases: per 10⁴ m³) against the account's "
      + "\(accountFactor.map { Format.fixed($0 / 1e4, 4) } ?? "none")"
    let explanation: String
    switch kind {
    case .factorRatio:
      explanation = "published = account × \(fit.map(\.description) ?? "n/a") in every such cell: a factor difference, \(factors); \(gapText)"
    case .activityDisagreement:
      let worst = cells.max { abs($0.published - $0.recomputed) < abs($1.published - $1.recomputed) }!
      let impliedActivity = publishedFactor.map { worst.published / $0 }
      explanation =
        "at \(factors), the published CO₂ implies another activity than the account's: the two files disagree "
        + "(largest: \(worst.province) \(worst.year), activity \(worst.activity.map { Format.fixed($0, 2) } ?? "n/a") against "
        + "\(impliedActivity.map { Format.fixed($0, 2) } ?? "n/a") implied, \(worst.location)); \(gapText)"
    case .zeroPublished:
      explanation = "the inventory has zero where the account has CO₂ from the activity it reads; \(gapText)"
    case .zeroRecomputed:
      let noFactor = accountFactor == nil
      explanation =
        (noFactor
          ? "the methodology gives this fuel no factor (not combusted) while the inventory counts CO₂"
          : "the account's activity is zero while the inventory counts CO₂: the two files disagree")
        + "; \(gapText)"
    case .processBasis:
      explanation = gapText
    }
    var finding = InventoryFinding(kind: kind, source: source, cells: keys, fit: fit, explanation: explanation)
    finding.publishedFactor = publishedFactor
    finding.accountFactor = accountFactor
    finding.gap = gap
    finding.largest = cells.max { abs($0.published - $0.recomputed) < abs($1.published - $1.recomputed) }
    return finding
  }

  /// Process: one ratio per year in every province means another basis.
  private func processFindings(_ cells: [InventoryCell], kinds: inout [InventoryCellKeyAndSource: InventoryDeviationKind])
    -> [InventoryFinding]
  {
    var perYear: [String] = [], yearRatios: [Int: Double] = [:]
    var kept: [InventoryCell] = []
    var others: [InventoryCell] = []
    for (year, group) in Dictionary(grouping: cells, by: \.year).sorted(by: { $0.key < $1.key }) {
      let ratios = group.filter { abs($0.recomputed) > tolerance }.map { $0.published / $0.recomputed }
      guard let fit = Fit(ratios), fit.maxDeviation <= relativeTolerance * abs(fit.mean) else {
        others += group
        continue
      }
      perYear.append("\(year) \(Format.fixed(fit.mean, 4))")
      yearRatios[year] = fit.mean
      kept += group
    }
    var findings: [InventoryFinding] = []
    if !kept.isEmpty {
      for cell in kept { kinds[InventoryCellKeyAndSource(key: InventoryCellKey(province: cell.province, year: cell.year), source: cell.source)] = .processBasis }
      let gap = kept.reduce(0) { $0 + $1.published - $1.recomputed }
      var finding = InventoryFinding(
        kind: .processBasis, source: InventoryCell.process,
        cells: kept.map { InventoryCellKey(province: $0.province, year: $0.year) }.sorted(),
        fit: Fit(kept.filter { abs($0.recomputed) > tolerance }.map { $0.published / $0.recomputed }),
        explanation:
          "published ÷ account is one value per year in every province (\(perYear.joined(separator: ", "))): another process basis, "
          + "not the activity; published − account = \(Format.fixed(gap / 1e6, 3)) Mt CO₂")
      finding.gap = gap
      finding.yearRatios = yearRatios
      findings.append(finding)
    }
    if !others.isEmpty {
      for cell in others {
        kinds[InventoryCellKeyAndSource(key: InventoryCellKey(province: cell.province, year: cell.year), source: cell.source)] = .activityDisagreement
      }
      findings.append(
        fuelFinding(.activityDisagreement, source: InventoryCell.process, cells: others, publishedFactor: nil, accountFactor: nil))
    }
    return findings
  }
}
