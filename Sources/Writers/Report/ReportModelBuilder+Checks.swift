import Accounting
import Calculation
import CementModel
import Verification

// The checks (filled and copied years, warnings, verification) and the provenance of the inputs.
extension ReportModelBuilder {
  func checks() -> ReportModel.Checks {
    let filled = Self.markedFlags.compactMap { flag, symbol -> ReportModel.FilledYears? in
      let years = years(flagged: flag)
      guard !years.isEmpty else { return nil }
      return ReportModel.FilledYears(
        flag: flag.rawValue, meaning: labels.flagMeaning(flag), years: labels.list(years.map(String.init)), symbol: symbol)
    }
    let warnings = account.findings.filter { $0.severity >= .warning }.map(findingText)
    let notes = Self.capped(account.findings.filter { $0.severity < .warning }).map { item in
      switch item {
      case .finding(let finding): findingText(finding)
      case .more(let check, let count): labels.moreNotes(check, count)
      }
    }
    return ReportModel.Checks(
      filled: filled, hasFilled: !filled.isEmpty, warnings: warnings, hasWarnings: !warnings.isEmpty, notes: notes,
      hasNotes: !notes.isEmpty)
  }

  enum NoteItem {
    case finding(Finding)
    case more(check: String, count: Int)
  }

  /// At most `perCheck` notes of each check, then one line saying how many more the workbook lists.
  static func capped(_ findings: [Finding], perCheck: Int = 5) -> [NoteItem] {
    var shown: [String: Int] = [:], items: [NoteItem] = []
    var hidden: [(check: String, count: Int)] = []
    for finding in findings {
      shown[finding.check, default: 0] += 1
      if shown[finding.check]! <= perCheck {
        items.append(.finding(finding))
      } else if let i = hidden.firstIndex(where: { $0.check == finding.check }) {
        hidden[i].count += 1
      } else {
        hidden.append((finding.check, 1))
      }
    }
    return items + hidden.map { NoteItem.more(check: $0.check, count: $0.count) }
  }

  /// `` `file:line:column`: message ``; the list it is in says whether it is a warning or a note.
  private func findingText(_ finding: Finding) -> String {
    let location = finding.location.map { "`\(MarkdownText.oneLine($0.description))`: " } ?? ""
    return location + MarkdownText.inline(finding.message)
  }

  /// The years whose values carry `flag`, or that a finding reports as filled or copied.
  private func years(flagged flag: Flag) -> [Int] {
    var years = Set(account.years.filter { $0.entries.contains { $0.calculation.flags.contains(flag) } }.map(\.year))
    for finding in account.findings {
      guard let year = finding.year else { continue }
      if finding.check == "copied-year", flag == .copiedYear { years.insert(year) }
      if finding.check == "gap-filled", flag == filledFlag { years.insert(year) }
    }
    return years.sorted()
  }

  /// The flag the methodology's gap-filling rule puts on the years it fills.
  private var filledFlag: Flag {
    switch account.methodology.gapFilling {
    case .carryForward: .carriedForward
    case .linear: .interpolated
    case .none: .notAvailable
    }
  }

  // MARK: - Verification

  func verification() -> ReportModel.Verification {
    let tables = record.verification.map(comparison)
    return ReportModel.Verification(tables: tables, hasTables: !tables.isEmpty)
  }

  private func comparison(_ report: VerificationReport) -> ReportModel.PublishedComparison {
    // The study's unit reads in the report's language; any other unit as the table gives it.
    let unit = report.table.unit.symbol == MeasurementUnit<CO2Mass>.tenThousandTonnesCO2.symbol ? labels.tableUnit : report.table.unit.symbol
    let differing = report.differingCells.map { check in
      ReportModel.DifferingCell(
        location: MarkdownText.codeCell(check.cell.location.description), year: "\(check.cell.year)",
        column: MarkdownText.cell(check.cell.column), published: MarkdownText.cell(check.cell.text),
        recomputed: check.recomputed.map { Format.fixed($0, 2) } ?? labels.notAvailable,
        difference: check.difference.map { ($0 >= 0 ? "+" : "") + Format.fixed($0, 4) } ?? labels.notAvailable)
    }
    let failed = report.failedStatements.map { check in
      ReportModel.FailedStatement(
        id: MarkdownText.codeCell(check.statement.id), quote: MarkdownText.cell(check.statement.quote),
        gives: MarkdownText.cell(check.recomputed), location: MarkdownText.codeCell(check.statement.location.description))
    }
    let holding = report.statements.filter(\.holds).map { "`\(MarkdownText.oneLine($0.statement.id))`" }
    return ReportModel.PublishedComparison(
      title: MarkdownText.inline(report.table.title), citation: MarkdownText.inline(report.table.citation),
      unit: unit, tolerance: ReportNumber.factor(tolerance(of: report), decimals: 6),
      cellsCompared: "\(report.cells.count)", cellsAgree: "\(report.cells.count - differing.count)", cellsDiffer: "\(differing.count)",
      allCellsAgree: differing.isEmpty, differingCells: differing,
      statementsChecked: "\(report.statements.count)", statementsHold: "\(report.statements.count - failed.count)",
      statementsFail: "\(failed.count)", hasStatements: !report.statements.isEmpty,
      failedStatements: failed, hasFailedStatements: !failed.isEmpty,
      holdingStatements: holding.joined(separator: labels.separator))
  }

  /// The tolerance the cells were compared with. The report does not record a verifier's
  /// override, so this is the table's own (the one `run` uses).
  private func tolerance(of report: VerificationReport) -> Double { report.tolerance }

  // MARK: - Provenance

  func provenance() -> ReportModel.Provenance {
    let files = record.inputFiles.map { file in
      ReportModel.InputFileRow(
        path: MarkdownText.codeCell(file.path), role: MarkdownText.cell(labels.inputRole(file.role)),
        encoding: file.encoding.map(MarkdownText.cell) ?? "–", sha256: MarkdownText.codeCell(file.sha256))
    }
    let published = record.verification.flatMap(\.table.files).map(MarkdownText.oneLine)
    return ReportModel.Provenance(
      inputFiles: files, hasInputFiles: !files.isEmpty,
      methodologyFiles: account.methodology.files.map(MarkdownText.oneLine),
      publishedFiles: published, hasPublishedFiles: !published.isEmpty, factors: factorRows, hasFactors: !factorRows.isEmpty)
  }

  /// A factor's value in base units to ten decimals, without trailing zeros (`0.0295`).
  static func plain(_ value: Double) -> String {
    var text = Format.fixed(value, 10)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  /// The factor terms of every figure, in order of first use, each once.
  private var factorRows: [ReportModel.ProvenanceFactorRow] {
    var seen = Set<TermID>()
    return account.years.flatMap(\.entries).flatMap(\.figure.expression.terms).compactMap { term in
      guard case .dataFile = term.source, seen.insert(term.id).inserted else { return nil }
      return ReportModel.ProvenanceFactorRow(
        name: MarkdownText.cell(term.kind.description), year: term.year.map(String.init) ?? "–", value: Self.plain(term.value),
        unit: MarkdownText.cell(term.unit.description), source: MarkdownText.codeCell(term.source.description))
    }
  }
}
