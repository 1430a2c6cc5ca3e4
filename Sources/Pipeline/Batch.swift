import Accounting
import CarbonCost
import CementModel
import Dispatch
import Foundation
import Reconciliation
import Pathways
import Writers

/// What `batch` does: every province, every methodology, one output folder each, then a
/// national workbook and report per methodology.
public struct BatchJob: Sendable {
  /// The provinces to account; nil for every province of the inputs (yearbook folders and CEADs workbooks).
  public var provinces: [String]?
  public var methodologies: [Methodology]
  public var formats: Set<OutputFormat>
  public var language: Language
  /// The templates folder (report and national report).
  public var templates: String
  public var output: String
  /// Warnings count as failures of their province.
  public var strict: Bool
  /// The markets whose carbon cost is written for each province (`carbon-cost.csv`), and
  /// whether they were named (else China's ETS applies only to accounts with its years).
  public var markets: [Market] = []
  public var marketsNamed = false
  /// `--uncertainty`, `--draws`, `--seed`: per province and for the national sum.
  public var uncertainty = UncertaintyRequest(requested: false)
  /// Scenarios to project on every account (`--scenario`), or nil.
  public var pathways: (baseline: Scenario, scenarios: [Scenario])? = nil

  public init(
    provinces: [String]?, methodologies: [Methodology], formats: Set<OutputFormat>, language: Language, templates: String, output: String,
    strict: Bool
  ) {
    self.provinces = provinces
    self.methodologies = methodologies
    self.formats = formats
    self.language = language
    self.templates = templates
    self.output = output
    self.strict = strict
  }
}

/// What `batch` did.
public struct BatchResult: Sendable {
  /// One entry per province and methodology, in order.
  public struct Outcome: Sendable {
    public let province: String
    public let methodology: String
    public let account: Account?
    public let written: [String]
    public let error: String?
    /// The decompositions and scenario results, when the job has scenarios.
    public var pathways: PathwaysRecord? = nil
  }

  public let outcomes: [Outcome]
  /// The national files written, per methodology.
  public let national: [String]
  public var failures: [Outcome] { outcomes.filter { $0.error != nil } }
}

extension Pipeline {
  /// The provinces of the inputs: yearbook folders and the provinces of the CEADs workbooks.
  public func provinces(ceads: CEADsSource?) -> [String] {
    Array(Set(inputs.provinces()).union(ceads?.provinces ?? [])).sorted()
  }

  /// Accounts every province under every methodology, spread over the machine's cores. A
  /// province that fails is reported in the result and the others are still written; each
  /// province folder is replaced whole or not at all.
  /// - Parameter progress: Called after each province with (done, total, province); serialised.
  /// - Throws: Only for what stops every province: unreadable CEADs workbooks or templates.
  public func batch(_ job: BatchJob, progress: @escaping @Sendable (Int, Int, String) -> Void = { _, _, _ in }) throws(PipelineError)
    -> BatchResult
  {
    // The report templates are read and parsed (some milliseconds) while the CEADs workbooks are read.
    let templates = ResultSlots<(report: ReportTemplate, national: (text: String, name: String))?, PipelineError>(count: 1)
    let parsing = DispatchGroup()
    DispatchQueue.global().async(group: parsing) {
      templates[0] = Result { () throws(PipelineError) in
        guard job.formats.contains(.md) else { return nil }
        return (
          try Pipeline.template(folder: job.templates, language: job.language),
          try Pipeline.nationalTemplate(folder: job.templates, language: job.language)
        )
      }
    }
    let ceads = Droppable(try self.ceads(for: job.methodologies))
    let provinces = job.provinces ?? provinces(ceads: ceads.value)
    try Self.checkCementSource(job.methodologies, ceads: ceads.value, yearbookProvinces: Set(inputs.provinces()), provinces: provinces)
    guard !provinces.isEmpty else {
      throw PipelineError("no provinces in \(inputs.root)", hint: "put yearbook tables in \(inputs.yearbookFolder)/<province>/ or CEADs workbooks in \(inputs.root)")
    }
    let span = job.methodologies.map(\.years).reduce(nil as ClosedRange<Int>?) { span, years in
      span.map { min($0.lowerBound, years.lowerBound)...max($0.upperBound, years.upperBound) } ?? years
    }
    // CEADs' emission inventory, read once: it corroborates the anomaly screen and the national
    // report compares the accounts with it. One that cannot be read leaves both out.
    let inventory = span.flatMap { try? emissionInventory(years: $0) }
    let references = inventory.map(AnomalyReferences.init(inventory:)) ?? .none
    parsing.wait()
    let parsed = try templates[0]!.get()
    let template = parsed?.report
    let nationalTemplate = parsed?.national

    let slots = ResultSlots<[BatchResult.Outcome], Never>(count: provinces.count)
    let counter = ProgressCounter(total: provinces.count, report: progress)
    DispatchQueue.concurrentPerform(iterations: provinces.count) { index in
      let province = provinces[index]
      slots[index] = .success(
        accountProvince(province, job: job, ceads: ceads.value, references: references.byProvince[province] ?? [:], template: template))
      counter.finished(province)
    }
    let outcomes = slots.values.flatMap { $0.get() }
    let notes = nationalNotes(job, outcomes: outcomes, ceads: ceads.value, inventory: inventory)

    // The national files are written while the CEADs rows, no longer needed, are freed on
    // the other core (tens of thousands of traced values: a few milliseconds).
    let national = ResultSlots<[String], PipelineError>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 2) { part in
      guard part == 0 else { return ceads.drop() }
      national[0] = Result { () throws(PipelineError) -> [String] in
        var written: [String] = []
        for methodology in job.methodologies {
          let mine = outcomes.filter { $0.methodology == methodology.name }
          // Sums over no province would be a report without years: none is written.
          guard mine.contains(where: { $0.account != nil }) else { continue }
          let failures = mine.compactMap { outcome in outcome.error.map { NationalWriter.Failure(province: outcome.province, message: $0) } }
          let summary = NationalSummary(accounts: mine.compactMap(\.account), methodology: methodology, failed: failures.count)
          written += try Self.writeNational(
            summary, failures: failures, notes: notes[methodology.name] ?? NationalNotes(), language: job.language, formats: job.formats,
            template: nationalTemplate, to: job.output,
            carbonCost: mine.compactMap(\.account).compactMap { Pipeline.carbonCost($0, markets: job.markets, explicit: job.marketsNamed) })
          if let joint = job.uncertainty.national(mine.compactMap(\.account)) {
            written += try Self.writeNationalUncertainty(joint, formats: job.formats, language: job.language, to: job.output)
          }
          if job.pathways != nil { written += try Self.writeNationalPathways(mine.compactMap(\.pathways), methodology: methodology.name, to: job.output) }
        }
        return written
      }
    }
    return BatchResult(outcomes: outcomes, national: try national[0]!.get())
  }

  /// One province under every methodology; failures become outcomes.
  private func accountProvince(
    _ province: String, job: BatchJob, ceads: CEADsSource?, references: [SeriesName: [Corroborating]], template: ReportTemplate?
  ) -> [BatchResult.Outcome] {
    let yearbook: ProvinceInputs?
    do { yearbook = try importYearbook(province) } catch {
      return job.methodologies.map { BatchResult.Outcome(province: province, methodology: $0.name, account: nil, written: [], error: error.description) }
    }
    return job.methodologies.map { methodology in
      do throws(PipelineError) {
        let inputs = try Pipeline.combine(yearbook, ceads: ceads, province: province, methodology: methodology)
        let account = try Pipeline.account(inputs, methodology: methodology, catalogue: catalogue, references: references)
        if job.strict { try Strictness.check(account.findings) }
        var record = try self.record(account, inputs: inputs, language: job.language)
        record.carbonCost = Pipeline.carbonCost(account, markets: job.markets, explicit: job.marketsNamed)
        record.uncertainty = job.uncertainty.analysis(account)
        var written = try Pipeline.write(record, formats: job.formats, template: template, to: job.output)
        let pathways = try job.pathways.map { p throws(PipelineError) in try Pipeline.pathways(account, baseline: p.baseline, scenarios: p.scenarios) }
        if let pathways { written += try Pipeline.writePathways(pathways, report: job.formats.contains(.md) ? job.language : nil, workbook: job.formats.contains(.xlsx), to: job.output) }
        return BatchResult.Outcome(province: province, methodology: methodology.name, account: account, written: written, error: nil, pathways: pathways)
      } catch {
        return BatchResult.Outcome(province: province, methodology: methodology.name, account: nil, written: [], error: error.description)
      }
    }
  }

  /// The national report template for a language.
  public static func nationalTemplate(folder: String, language: Language) throws(PipelineError) -> (text: String, name: String) {
    let path = "\(folder)/national.\(language.rawValue).md.mustache"
    do { return (try readText(path), path) } catch {
      throw PipelineError("cannot read the national report template \(path)", hint: "pass --templates DIR, or leave the reports out with --format csv xlsx")
    }
  }

  /// Writes `<output>/national/<methodology>/`: national-provinces.csv, national-years.csv, national.xlsx, national.md and index.md, all or none.
  static func writeNational(
    _ summary: NationalSummary, failures: [NationalWriter.Failure], notes: NationalNotes = NationalNotes(), language: Language = .en,
    formats: Set<OutputFormat>, template: (text: String, name: String)?, to output: String, carbonCost: [CarbonCostAccount] = []
  ) throws(PipelineError) -> [String] {
    var staging = StagedFiles(folder: "\(output)/national/\(summary.methodology.name)")
    defer { staging.discard() }
    if formats.contains(.csv) {
      try staging.stage("national-provinces.csv", bytes: Array(NationalWriter.provincesCSV(summary).utf8))
      try staging.stage("national-years.csv", bytes: Array(NationalWriter.yearsCSV(summary).utf8))
      try staging.stage("anomalies.csv", bytes: Array(NationalWriter.anomaliesCSV(summary.anomalies).utf8))
    }
    if formats.contains(.csv), !carbonCost.isEmpty {
      try staging.stage("carbon-cost.csv", bytes: Array(NationalCarbonCost.csv(carbonCost, methodology: summary.methodology.name).utf8))
    }
    if formats.contains(.xlsx) {
      let path = try staging.reserve("national.xlsx")
      do {
        try NationalWriter.workbook(summary, failures: failures, to: path)
      } catch {
        throw PipelineError("cannot write the national workbook: \(error)")
      }
    }
    if formats.contains(.md), let template {
      let text: String
      do {
        text = try NationalWriter.markdown(
          summary, failures: failures, notes: notes, language: language, template: template.text, templateName: template.name,
          carbonCost: carbonCost)
      } catch {
        throw PipelineError("\(error)")
      }
      try staging.stage("national.md", bytes: Array(text.utf8))
    }
    try staging.stageIndex(title: "national · \(summary.methodology.name)", language: language)
    return try staging.commit()
  }
}

/// Counts finished provinces and reports each, one at a time.
final class ProgressCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var done = 0
  private let total: Int
  private let report: @Sendable (Int, Int, String) -> Void

  init(total: Int, report: @escaping @Sendable (Int, Int, String) -> Void) {
    self.total = total
    self.report = report
  }

  func finished(_ province: String) {
    lock.withLock {
      done += 1
      report(done, total, province)
    }
  }
}

/// A value that concurrent work reads, and that one piece of work lets go of when nobody
/// needs it any more, so that it is freed on that piece's core rather than wherever the last
/// reference happens to end.
final class Droppable<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value?

  init(_ value: Value) { stored = value }

  /// The value; not to be read after ``drop()``.
  var value: Value { lock.withLock { stored! } }

  /// Lets go of the value: freed here, unless someone still holds a copy.
  func drop() { _ = lock.withLock { stored.take() } }
}

extension Pipeline {
  /// Stops a batch at once, with one message, when a methodology needs cement output that no
  /// input gives: CEADs provinces without yearbook tables, and a methodology that neither reads
  /// cement from a table nor derives it (`cement_output:`).
  static func checkCementSource(
    _ methodologies: [Methodology], ceads: CEADsSource?, yearbookProvinces: Set<String>, provinces: [String]
  ) throws(PipelineError) {
    guard let ceads, provinces.allSatisfy({ !yearbookProvinces.contains($0) }) else { return }
    for methodology in methodologies where methodology.cementDerivation == nil {
      throw PipelineError(
        "methodology '\(methodology.name)' needs cement output, and the CEADs workbooks in \(ceads.folder) give none for \(provinces.count == 1 ? provinces[0] : "any of the \(provinces.count) provinces")",
        hint: "use a methodology that derives cement output from the CEADs apparent inventory (--methodology ceads-provincial), "
          + "or add a 'cement_output:' section (see Inputs/methodologies/ceads-provincial.yaml) to \(methodology.files.first ?? methodology.name)")
    }
  }
}
