import CementModel

/// Explains how a published table deviates from the account instead of only listing the cells:
/// it tests the usual suspects (a unit slip, carbon for CO₂, a factor on the wrong activity, a
/// slipped cell, a copied or shifted year, a borrowed column, a total that is not its parts'
/// sum, an arithmetic-mean growth rate) and reports those that hold across years, with the
/// fitted factor and its spread.
///
/// A fit must hold for `minimumYears` deviating years (a slipped cell and a row found in
/// `minimumColumns` columns excepted); a column that agrees is never given a ratio; when
/// several suspects fit the same years, the one explaining most years wins, then the more
/// specific one (a power of ten before 44/12, before a ratio of inputs, a shift, another
/// column and, last, an unnamed constant factor).
public struct DeviationExplainer: Sendable {
  /// The largest absolute difference, in the table's unit, for a cell to agree; also the
  /// rounding allowed around every fit (published cells are rounded to the printed digit).
  public var tolerance: Double
  /// The largest relative distance of one year from a fitted ratio.
  public var relativeTolerance: Double
  /// The fewest years a ratio, shift or borrowed column must hold for.
  public var minimumYears: Int
  /// The fewest columns in which a copied or shifted row must be seen.
  public var minimumColumns: Int
  /// The smallest share of a row's non-zero columns that must be copied or shifted.
  public var rowShare: Double

  public init(
    tolerance: Double, relativeTolerance: Double = 0.01, minimumYears: Int = 3, minimumColumns: Int = 3, rowShare: Double = 0.75
  ) {
    self.tolerance = tolerance
    self.relativeTolerance = relativeTolerance
    self.minimumYears = minimumYears
    self.minimumColumns = minimumColumns
    self.rowShare = rowShare
  }

  /// Every explanation that fits, rows first, then column by column, totals and growth rates.
  public func explain(_ evidence: DeviationEvidence) -> [DeviationFinding] {
    let (rows, explained) = rowFindings(evidence.columns)
    var findings = rows
    for column in evidence.columns {
      findings += columnFindings(column, among: evidence.columns, inputs: evidence.inputs, explained: explained[column.name] ?? [])
    }
    let published = Dictionary(evidence.columns.map { ($0.name, $0.published) }, uniquingKeysWith: { a, _ in a })
    findings += evidence.totals.compactMap { totalFinding($0, published: published) }
    findings += evidence.growth.compactMap(growthFinding)
    return findings
  }

  // MARK: - Cells

  /// Within the tolerance, as the verifier compares (with its half-ulp margin).
  private func agrees(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= tolerance * (1 + 1e-9) }

  /// Printed identically (a copied cell).
  private func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a)) }

  /// `published ≈ predicted`, where `predicted` is the account's value × `factor`: the printed
  /// rounding (scaled by the factor, for a published value that was rounded before the slip)
  /// plus the relative tolerance.
  private func fits(_ published: Double, _ predicted: Double, factor: Double) -> Bool {
    abs(published - predicted) <= tolerance * max(1, abs(factor)) + relativeTolerance * abs(predicted)
  }

  /// Large enough that its rounding does not blur a ratio by more than a fraction of the
  /// relative tolerance.
  private func large(_ value: Double) -> Bool { abs(value) >= 50 * tolerance }

  /// Not zero to the printed digit, so it can take part in a ratio or a match.
  private func informative(_ value: Double) -> Bool { abs(value) >= 10 * tolerance }

  // MARK: - Rows: copied and shifted years

  /// Copied and shifted rows, and the deviating cells of each column they account for (a
  /// copied cell only when it is the account's value of the year before, so that a column
  /// with its own fault in a copied year is still explained on its own).
  private func rowFindings(_ columns: [ColumnComparison]) -> (findings: [DeviationFinding], explained: [String: Set<Int>]) {
    let years = Set(columns.flatMap(\.published.keys)).sorted()
    var findings: [DeviationFinding] = []
    var explained: [String: Set<Int>] = [:]
    var copied: Set<Int> = []
    for year in years where years.contains(year - 1) {
      var nonZero: [String] = []
      var equal: [ColumnComparison] = []
      for column in columns {
        guard let before = column.published[year - 1], let value = column.published[year], abs(before) > tolerance || abs(value) > tolerance
        else { continue }
        nonZero.append(column.name)
        if same(before, value) { equal.append(column) }
      }
      guard equal.count >= minimumColumns, Double(equal.count) >= rowShare * Double(nonZero.count) else { continue }
      copied.insert(year)
      for c in equal {
        if let before = c.recomputed[year - 1], agrees(c.published[year - 1]!, before) { explained[c.name, default: []].insert(year) }
      }
      let names = equal.map(\.name)
      let others = nonZero.filter { !names.contains($0) }
      let repeatedInAccount = equal.filter { c in
        guard let before = c.recomputed[year - 1], let value = c.recomputed[year] else { return false }
        return agrees(before, value)
      }.count
      let account =
        repeatedInAccount == equal.count
        ? "the account repeats it too (its inputs for \(year) repeat \(year - 1))"
        : repeatedInAccount == 0
          ? "the account does not: the published table copied the year"
          : "the account repeats it in \(repeatedInAccount) of them"
      let but = others.isEmpty ? "" : " (all but \(others.joined(separator: ", ")))"
      findings.append(
        DeviationFinding(
          column: nil, kind: .copiedYear(from: year - 1), years: [year...year], columns: names, fit: nil,
          explanation: "\(year) repeats \(year - 1) in \(equal.count) of \(nonZero.count) non-zero columns\(but); \(account)"))
    }
    for offset in [-1, 1] {
      var shifted: [Int: [(name: String, ratio: Double)]] = [:]
      for year in years {
        var deviating = 0
        var matches: [(name: String, ratio: Double)] = []
        for column in columns {
          guard let p = column.published[year], let r = column.recomputed[year], !agrees(p, r), informative(p) else { continue }
          deviating += 1
          if let other = column.recomputed[year + offset], agrees(p, other) { matches.append((column.name, p / other)) }
        }
        if matches.count >= minimumColumns, Double(matches.count) >= rowShare * Double(deviating) { shifted[year] = matches }
      }
      // A lone copied year also equals the account's previous year; it is a copy, not a shift.
      let runs = YearRuns.runs(shifted.keys).filter { run in !run.allSatisfy { copied.contains($0) } }
      guard !runs.isEmpty else { continue }
      let kept = runs.flatMap { Array($0) }
      for year in kept { for match in shifted[year]! { explained[match.name, default: []].insert(year) } }
      let names = columns.map(\.name).filter { name in kept.contains { year in shifted[year]!.contains { $0.name == name } } }
      let fit = Fit(kept.flatMap { shifted[$0]!.map(\.ratio) })
      let direction = offset < 0 ? "previous" : "next"
      let cause = offset < 0 ? "a row inserted above them" : "a row dropped above them"
      findings.append(
        DeviationFinding(
          column: nil, kind: .shiftedYears(by: offset), years: runs, columns: names, fit: fit,
          explanation:
            "each row holds the account's \(direction) year (published[y] = recomputed[y\(offset < 0 ? "−" : "+")1], \(fit!)) in \(names.count) columns: rows displaced by one year, \(cause)"
        ))
    }
    return (findings, explained)
  }

  // MARK: - Columns

  private struct Candidate {
    let kind: DeviationKind
    let years: [Int]
    let fit: Fit?
    /// Lower is more specific.
    let rank: Int
    let explanation: String

    /// The fit's spread relative to its factor, for ties.
    var looseness: Double { fit.map { $0.maxDeviation / max(abs($0.mean), 1e-12) } ?? 0 }
  }

  private func columnFindings(
    _ column: ColumnComparison, among columns: [ColumnComparison], inputs: [String: [Int: Double]], explained: Set<Int>
  ) -> [DeviationFinding] {
    var agreeing = 0
    var remaining: Set<Int> = []
    for (year, p) in column.published {
      guard let r = column.recomputed[year] else { continue }
      if agrees(p, r) { agreeing += 1 } else if !explained.contains(year) { remaining.insert(year) }
    }
    var findings: [DeviationFinding] = []
    while !remaining.isEmpty {
      let candidates = self.candidates(column, years: remaining.sorted(), agreeing: agreeing, among: columns, inputs: inputs)
      guard
        let best = candidates.min(by: { a, b in
          (-a.years.count, a.rank, a.looseness) < (-b.years.count, b.rank, b.looseness)
        })
      else { break }
      findings.append(
        DeviationFinding(column: column.name, kind: best.kind, years: YearRuns.runs(best.years), fit: best.fit, explanation: best.explanation))
      remaining.subtract(best.years)
    }
    return findings
  }

  /// Every suspect that fits some of `years` (the column's unexplained deviating years).
  private func candidates(
    _ column: ColumnComparison, years: [Int], agreeing: Int, among columns: [ColumnComparison], inputs: [String: [Int: Double]]
  ) -> [Candidate] {
    let published = column.published
    let recomputed = column.recomputed
    var result: [Candidate] = []

    /// The years where published ≈ recomputed × factor(year), and the fit of published ÷ that.
    func ratioFit(_ factor: (Int) -> Double?) -> (years: [Int], fit: Fit?) {
      let fitting = years.filter { y in
        guard let p = published[y], let r = recomputed[y], abs(r) > tolerance, let k = factor(y) else { return false }
        return fits(p, r * k, factor: k)
      }
      return (fitting, spread(fitting) { y in published[y]! / (recomputed[y]! * factor(y)!) })
    }
    /// The fit of `value` over the years, from those large enough to fix a ratio.
    func spread(_ years: [Int], _ value: (Int) -> Double) -> Fit? {
      let sized = years.filter { large(published[$0]!) }
      return Fit((sized.isEmpty ? years : sized).map(value))
    }
    func ratio(_ years: [Int]) -> Fit? { spread(years) { published[$0]! / recomputed[$0]! } }

    // A power of ten over a run of years, or in one cell of an otherwise agreeing column.
    for power in [-4, -3, -2, -1, 1, 2, 3, 4] {
      let k = pow10(power)
      // Only cells whose own ratio is within the tolerance of 10ᵏ, and never a zero cell: the
      // absolute tolerance, scaled by 10ᵏ, would otherwise let small or empty cells fit.
      let (fitting, _) = ratioFit { y in
        guard let p = published[y], let r = recomputed[y], informative(p), informative(r),
          abs(p / (r * k) - 1) <= max(powerOfTenTolerance, relativeTolerance)
        else { return nil }
        return k
      }
      if fitting.count >= minimumYears, let fit = ratio(fitting) {
        result.append(
          Candidate(
            kind: .unitSlip(powerOfTen: power), years: fitting, fit: fit, rank: 0,
            explanation: "published = recomputed × \(fit) (10^\(power)), consistent with \(unitHint(power))"))
      } else if agreeing >= minimumYears {
        for year in fitting {
          let fit = ratio([year])!
          result.append(
            Candidate(
              kind: .cellSlip(powerOfTen: power), years: [year], fit: fit, rank: 2,
              explanation:
                "this cell is recomputed × \(Format.fixed(fit.mean, 4)) (10^\(power)) while \(agreeing) years of the column agree: a slipped decimal point"
            ))
        }
      }
    }

    // Carbon and CO₂.
    for (kind, k, text) in [
      (DeviationKind.carbonForCO2, 12.0 / 44, "12/44 (0.2727): carbon reported as CO₂ (the 44/12 of formula 3 left out)"),
      (DeviationKind.co2ForCarbon, 44.0 / 12, "44/12 (3.6667): the carbon-to-CO₂ factor 44/12 applied twice"),
    ] {
      let (fitting, _) = ratioFit { _ in k }
      if fitting.count >= minimumYears, let fit = ratio(fitting) {
        result.append(Candidate(kind: kind, years: fitting, fit: fit, rank: 1, explanation: "published = recomputed × \(fit) ≈ \(text)"))
      }
    }

    // The ratio of two input series: the factor applied to another activity.
    for used in inputs.keys.sorted() {
      for base in inputs.keys.sorted() where base != used {
        let factor = { (y: Int) -> Double? in
          guard let a = inputs[used]?[y], let b = inputs[base]?[y], b != 0 else { return nil }
          // A ratio near 1 tells nothing apart from a small deviation.
          return abs(a / b - 1) > 2 * relativeTolerance ? a / b : nil
        }
        let (fitting, fit) = ratioFit(factor)
        guard fitting.count >= minimumYears, let fit else { continue }
        let quotients = fitting.compactMap(factor)
        let range = "\(Format.fixed(quotients.min()!, 3))–\(Format.fixed(quotients.max()!, 3))"
        let hint =
          used == DeviationEvidence.cement && base == DeviationEvidence.clinker
          ? ": the process factor per tonne of clinker applied to cement output" : ""
        result.append(
          Candidate(
            kind: .wrongBase(used: used, insteadOf: base), years: fitting, fit: fit, rank: 3,
            explanation:
              "published = recomputed × \(used)/\(base) year by year (\(used)/\(base) \(range); published ÷ that = \(fit)): computed on \(used) where the account uses \(base)\(hint)"
          ))
      }
    }

    // Values a year early or late.
    for offset in [-1, 1] {
      let fitting = years.filter { y in
        guard let p = published[y], informative(p), let other = recomputed[y + offset] else { return false }
        return agrees(p, other)
      }
      if fitting.count >= minimumYears, let fit = Fit(fitting.map { published[$0]! / recomputed[$0 + offset]! }) {
        result.append(
          Candidate(
            kind: .shiftedYears(by: offset), years: fitting, fit: fit, rank: 4,
            explanation:
              "published[y] = recomputed[y\(offset < 0 ? "−" : "+")1] (\(fit)): the column's values are one year \(offset < 0 ? "late" : "early")"
          ))
      }
    }

    // Another column's values.
    for other in columns where other.name != column.name {
      let fitting = years.filter { y in
        guard let p = published[y], informative(p), let value = other.recomputed[y], let own = recomputed[y] else { return false }
        return agrees(p, value) && !agrees(own, value)
      }
      if fitting.count >= minimumYears, let fit = Fit(fitting.map { published[$0]! / other.recomputed[$0]! }) {
        result.append(
          Candidate(
            kind: .otherColumn(other.name), years: fitting, fit: fit, rank: 5,
            explanation: "holds the account's \(other.name) values (\(fit)): columns swapped or mislabelled"))
      }
    }

    // Any other constant factor, fitted around the median ratio.
    let ratios = years.compactMap { y -> Double? in
      guard let p = published[y], let r = recomputed[y], informative(p), informative(r) else { return nil }
      return p / r
    }.sorted()
    if ratios.count >= minimumYears {
      let median = ratios[ratios.count / 2]
      let (fitting, _) = ratioFit { _ in median }
      if fitting.count >= minimumYears, let fit = ratio(fitting), abs(fit.mean - 1) > fit.maxDeviation {
        result.append(
          Self.clinkerRatios.contains(fit.mean) && column.isProcess
            ? Candidate(
              kind: .processBasis, years: fitting, fit: fit, rank: 6,
              explanation: "published = recomputed × \(fit), a clinker-to-cement ratio: process CO₂ on clinker where the account takes cement output (a process-basis fault)")
            : (1 / Self.clinkerRatios.upperBound...1 / Self.clinkerRatios.lowerBound).contains(fit.mean) && column.isProcess
              ? Candidate(
                kind: .processBasis, years: fitting, fit: fit, rank: 6,
                explanation: "published = recomputed × \(fit), the inverse of a clinker-to-cement ratio: process CO₂ on cement output where the account takes clinker (a process-basis fault)")
              : Candidate(kind: .otherFactor, years: fitting, fit: fit, rank: 6, explanation: "published = recomputed × \(fit), " + constantFactorCause(fit.mean)))
      }
    }
    return result
  }

  /// Clinker-to-cement ratios of real cement industries (China 0.55–0.75 since 2010; 0.95 for
  /// nearly pure Portland cement; IPCC 2006 Vol. 3 §2.2.1.1 and domain notes §4).
  static let clinkerRatios = 0.5...0.95

  /// How far a cell's ratio may be from 10ᵏ to be called a power of ten.
  static let powerOfTenTolerance = 0.05
  var powerOfTenTolerance: Double { Self.powerOfTenTolerance }

  /// What a constant factor that no named suspect fits suggests: near a power of ten (within
  /// 5 %), a unit slip together with a slightly different factor; otherwise another factor.
  private func constantFactorCause(_ factor: Double) -> String {
    let power = (-4...4).min { abs(factor / pow10($0) - 1) < abs(factor / pow10($1) - 1) }!
    let rest = factor / pow10(power)
    guard power != 0, abs(rest - 1) <= 0.05 else {
      return "a constant: another emission factor (a grid factor, a carbon content) than the account's"
    }
    let percent = Format.fixed(abs(rest - 1) * 100, 1)
    return "≈ 10^\(power) × \(Format.fixed(rest, 4)): \(unitHint(power)), and a factor \(percent) % \(rest < 1 ? "lower" : "higher") than the account's "
      + "(another grid factor, calorific value or carbon content)"
  }

  private func pow10(_ power: Int) -> Double {
    var value = 1.0
    for _ in 0..<abs(power) { value *= 10 }
    return power < 0 ? 1 / value : value
  }

  /// The conversions that typically lose or add 10ⁿ.
  private func unitHint(_ power: Int) -> String {
    let size = ["", "10", "100", "1000", "10⁴"][abs(power)]
    let examples = [
      1: "10⁸ kWh × t/MWh → 10⁴ t, which needs ×10; or 10³ t read as 10⁴ t",
      2: "percent read as a fraction, or 10⁶ t read as 10⁴ t",
      3: "t read as 10³ t (kt), or kg as t",
      4: "10⁸ m³ read as 10⁴ m³, or t read as 10⁴ t",
    ][abs(power)]!
    return "\(power < 0 ? "a missing" : "an extra") ×\(size) in a unit conversion (e.g. \(examples))"
  }

  // MARK: - Totals and growth

  private func totalFinding(_ total: TotalComparison, published: [String: [Int: Double]]) -> DeviationFinding? {
    var gaps: [Int: Double] = [:]
    var partsByYear: [Int: [Double]] = [:]
    for (year, stated) in total.stated {
      let parts = total.parts.compactMap { part in published[part]?[year] }
      guard parts.count == total.parts.count else { continue }
      let gap = stated - parts.reduce(0, +)
      if abs(gap) > total.tolerance * (1 + 1e-9) {
        gaps[year] = gap
        partsByYear[year] = parts
      }
    }
    guard !gaps.isEmpty, let fit = Fit(gaps.keys.sorted().map { gaps[$0]! }) else { return nil }
    // A part left out (or counted twice) is the usual reason.
    let missing = total.parts.indices.first { i in gaps.allSatisfy { year, gap in abs(gap + partsByYear[year]![i]) <= total.tolerance } }
    let twice = total.parts.indices.first { i in gaps.allSatisfy { year, gap in abs(gap - partsByYear[year]![i]) <= total.tolerance } }
    var text = "the stated total differs from the sum of its \(total.parts.count) published parts by \(fit)"
    if let i = missing { text += "; it is the sum without \(total.parts[i])" } else if let i = twice { text += "; it counts \(total.parts[i]) twice" }
    return DeviationFinding(
      column: total.name, kind: .totalNotSumOfParts, years: YearRuns.runs(gaps.keys), columns: [total.name], fit: fit, explanation: text)
  }

  private func growthFinding(_ growth: GrowthComparison) -> DeviationFinding? {
    let rates = growth.rates
    func close(_ rate: Double?) -> Bool { rate.map { abs($0 * 100 - growth.statedPercent) <= growth.tolerance * (1 + 1e-9) } ?? false }
    guard !close(rates.rate(growth.method)), growth.method == .compound else { return nil }
    let stated = "\(growth.id): the stated \(Format.fixed(growth.statedPercent, 2)) %"
    let compound = "the compound rate \(rates.compound.map { Format.fixed($0 * 100, 2) } ?? "n/a") %"
    if close(rates.arithmeticMean), let mean = rates.arithmeticMean {
      return DeviationFinding(
        column: growth.series, kind: .arithmeticMeanGrowth, years: [rates.from...rates.to],
        fit: Fit(mean: mean * 100, maxDeviation: abs(mean * 100 - growth.statedPercent)),
        explanation: "\(stated) is the arithmetic mean of the annual rates (\(Format.fixed(mean * 100, 2)) %), not \(compound)")
    }
    let length = rates.to - rates.from
    for years in [length + 1, length - 1] where years > 0 {
      if let rate = rates.compound(overYears: years), close(rate) {
        return DeviationFinding(
          column: growth.series, kind: .growthPeriod(years: years), years: [rates.from...rates.to],
          fit: Fit(mean: rate * 100, maxDeviation: abs(rate * 100 - growth.statedPercent)),
          explanation:
            "\(stated) is the compound rate over \(years) years (\(Format.fixed(rate * 100, 2)) %), not over the \(length) years \(rates.from)–\(rates.to) (\(compound))"
        )
      }
    }
    return nil
  }
}
