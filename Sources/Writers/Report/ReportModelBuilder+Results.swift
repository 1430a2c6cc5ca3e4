import Accounting
import CementModel

// The results: the study's Tables 1 and 3, totals and shares, stages and the structure shift.
extension ReportModelBuilder {
  /// The flags that mark a year in the tables, in the order their symbols are explained.
  static let markedFlags: [(flag: Flag, symbol: String)] = [
    (.carriedForward, "†"), (.interpolated, "‡"), (.copiedYear, "§"), (.spliced, "¶"), (.surrogate, "◊"), (.extrapolated, "»"),
  ]

  /// The marked flags of each year, by the scopes whose entries carry them.
  struct YearMarks {
    let energy: [Int: Set<Flag>]
    let process: [Int: Set<Flag>]
    var isEmpty: Bool { energy.values.allSatisfy(\.isEmpty) && process.values.allSatisfy(\.isEmpty) }
  }

  func yearMarks() -> YearMarks {
    let marked = Set(Self.markedFlags.map(\.flag))
    func flags(_ year: YearAccount, _ scopes: Set<Scope>) -> Set<Flag> {
      year.entries.filter { scopes.contains($0.scope) }.reduce(into: Set<Flag>()) { $0.formUnion($1.calculation.flags) }
        .intersection(marked)
    }
    return YearMarks(
      energy: Dictionary(uniqueKeysWithValues: account.years.map { ($0.year, flags($0, [.combustion, .electricity])) }),
      process: Dictionary(uniqueKeysWithValues: account.years.map { ($0.year, flags($0, [.process])) }))
  }

  /// `2008 †`: the year with the symbols of its flags.
  private func markedYear(_ year: Int, _ flags: Set<Flag>?) -> String {
    let symbols = Self.markedFlags.filter { flags?.contains($0.flag) ?? false }.map(\.symbol).joined()
    return symbols.isEmpty ? "\(year)" : "\(year) \(symbols)"
  }

  func markLegend(_ marks: YearMarks) -> [ReportModel.Mark] {
    Self.markedFlags.compactMap { flag, symbol in
      let years = account.years.map(\.year).filter { year in
        (marks.energy[year]?.contains(flag) ?? false) || (marks.process[year]?.contains(flag) ?? false)
      }
      guard !years.isEmpty else { return nil }
      return ReportModel.Mark(symbol: symbol, meaning: labels.flagMeaning(flag), years: labels.list(years.map(String.init)))
    }
  }

  // MARK: - Tables

  func combustionTable(_ marks: YearMarks) -> ReportModel.CombustionTable {
    let sources = energySources
    let rows = account.years.map { year in
      ReportModel.CombustionRow(
        year: markedYear(year.year, marks.energy[year.year]),
        cells: sources.map { year.emissions(of: $0.source).map(ReportNumber.tableValue) ?? "–" },
        total: ReportNumber.tableValue(year.total(.energy)))
    }
    return ReportModel.CombustionTable(columns: sources.map { MarkdownText.cell(sourceName($0.source, scope: $0.scope)) }, rows: rows)
  }

  func processTable(_ marks: YearMarks) -> ReportModel.ProcessTable {
    let cement = account.activity.products[.cement] ?? [:]
    let rows = account.years.map { year in
      ReportModel.ProcessRow(
        year: markedYear(year.year, marks.process[year.year]),
        cement: cement[year.year].map { ReportNumber.tenThousandTonnes($0.value) } ?? "–",
        clinker: clinker(in: year).map(ReportNumber.tenThousandTonnes) ?? "–",
        emissions: ReportNumber.tableValue(year.total(.process)))
    }
    return ReportModel.ProcessTable(rows: rows)
  }

  /// The clinker output formula (4) used in a year.
  private func clinker(in year: YearAccount) -> Quantity<Mass>? {
    let clinkers = year.entries.compactMap { entry -> Quantity<Mass>? in
      if case .process(let clinker, _) = entry.calculation { clinker.value } else { nil }
    }
    return clinkers.isEmpty ? nil : clinkers.sum { $0 }
  }

  func totalsTable(_ marks: YearMarks) -> ReportModel.TotalsTable {
    let leading = leadingFuel
    let rows = account.years.map { year in
      // Each total summed once: `total` adds up the year's entries on every call.
      let energy = year.total(.energy), process = year.total(.process), total = year.total(.total)
      let leadingShare = leading.flatMap { year.emissions(of: $0) }.flatMap { Indicators.share($0, of: energy) }
      return ReportModel.TotalsRow(
        year: markedYear(year.year, (marks.energy[year.year] ?? []).union(marks.process[year.year] ?? [])),
        combustion: ReportNumber.tableValue(year.total(.combustion)),
        electricity: ReportNumber.tableValue(year.total(.electricity)),
        energy: ReportNumber.tableValue(energy),
        process: ReportNumber.tableValue(process),
        total: ReportNumber.tableValue(total),
        processShare: ReportNumber.percent(Indicators.share(process, of: total)) ?? "–",
        leadingFuelShare: ReportNumber.percent(leadingShare) ?? "–")
    }
    return ReportModel.TotalsTable(leadingFuel: MarkdownText.cell(leading.map { sourceName($0, scope: .combustion) } ?? "–"), rows: rows)
  }

  /// The combustion source with the largest emissions over the period (coal, for the study).
  static func leadingFuel(of account: Account) -> String? {
    let fuels = account.sources.filter { $0.scope == .combustion }.map(\.source)
    let sums = fuels.map { fuel in (fuel, account.years.sum { $0.emissions(of: fuel) ?? .zero }) }
    return sums.max { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 > $1.0) }?.0
  }

  // MARK: - Stages

  func stages() -> ReportModel.Stages {
    let analysis = record.stages
    let series = labels.aggregate(analysis.series)
    let peak = analysis.peakYear.flatMap { account[$0] }
    let suggested = analysis.suggested.enumerated().map { stage($1, name: labels.segmentName($0 + 1)) }
    return ReportModel.Stages(
      series: series,
      declared: analysis.declared.map { stage($0, name: MarkdownText.inline($0.name)) },
      hasDeclared: !analysis.declared.isEmpty,
      peakSentence: peak.map {
        labels.peakSentence(series, $0.year, ReportNumber.megatonnes($0.total(analysis.series))) + caveat($0.year...$0.year)
      } ?? "",
      suggestionSentence: labels.segmentsSentence(analysis.suggested.dropLast().map(\.last)),
      suggested: suggested,
      hasSuggested: !suggested.isEmpty)
  }

  private func stage(_ result: StageResult, name: String) -> ReportModel.Stage {
    let start = ReportNumber.megatonnes(result.startValue), end = ReportNumber.megatonnes(result.endValue)
    let growth = ReportNumber.percent(result.compoundAnnualGrowth), change = ReportNumber.signedPercent(result.change)
    let text = ReportLabels.StageText(
      name: name, first: result.first, last: result.last, base: result.base, start: start, end: end,
      compoundGrowth: growth, peakYear: result.peakYear, change: change)
    return ReportModel.Stage(
      name: name, first: "\(result.first)", last: "\(result.last)", base: "\(result.base)", start: start, end: end,
      compoundGrowth: growth ?? labels.notAvailable,
      meanGrowth: ReportNumber.percent(result.meanAnnualGrowth) ?? labels.notAvailable,
      change: change ?? labels.notAvailable,
      peakYear: "\(result.peakYear)", peak: ReportNumber.megatonnes(result.peakValue),
      sentence: labels.stageSentence(text) + caveat(result.base...result.last))
  }

  /// The caveat of a sentence resting on years with anomalies at warning level or above (not
  /// confirmed by another source), or nothing.
  private func caveat(_ years: ClosedRange<Int>) -> String {
    let items = account.anomalies.filter { years.contains($0.year) && $0.level >= .warning && $0.kind != .confirmedChange }
      .sorted { ($0.year, $0.label) < ($1.year, $1.label) }
      .map { "\($0.year) \($0.label) \($0.kind.rawValue), \($0.treatment.rawValue)" }
    return items.isEmpty ? "" : labels.anomalyCaveat(items)
  }

  // MARK: - Structure

  func structure() -> ReportModel.Structure {
    let share = { (part: Quantity<CO2Mass>?, whole: Quantity<CO2Mass>) in
      ReportNumber.percent(part.flatMap { Indicators.share($0, of: whole) }) ?? labels.notAvailable
    }
    guard let first = account.years.first, let last = account.years.last else {
      return ReportModel.Structure(
        leadingFuel: "", leadingFuelSentence: "", processShareSentence: "", processShareFirst: "", processShareLast: "", hasYears: false)
    }
    let processFirst = share(first.total(.process), first.total(.total))
    let processLast = share(last.total(.process), last.total(.total))
    var fuelSentence = ""
    let fuelName = leadingFuel.map { sourceName($0, scope: .combustion) } ?? ""
    if let fuel = leadingFuel,
      let peak = account.years.max(by: { ($0.emissions(of: fuel) ?? .zero, $1.year) < ($1.emissions(of: fuel) ?? .zero, $0.year) })
    {
      fuelSentence = labels.structureSentence(
        ReportLabels.StructureText(
          fuel: fuelName, firstYear: first.year, firstShare: share(first.emissions(of: fuel), first.total(.energy)),
          peakYear: peak.year, peak: ReportNumber.megatonnes(peak.emissions(of: fuel) ?? .zero),
          peakShare: share(peak.emissions(of: fuel), peak.total(.energy)),
          lastYear: last.year, lastShare: share(last.emissions(of: fuel), last.total(.energy))))
    }
    return ReportModel.Structure(
      leadingFuel: MarkdownText.inline(fuelName), leadingFuelSentence: fuelSentence,
      processShareSentence: labels.processShareSentence(first.year, processFirst, last.year, processLast),
      processShareFirst: processFirst, processShareLast: processLast, hasYears: true)
  }
}
