import Accounting
import Allocation
import CementModel
import Checksums
import Foundation
import Importing
import Reconciliation
import Verification
import Writers

/// The pipeline of the design, end to end: import → reconcile → allocate → account → write.
/// Only this target and the writers touch the disk; every stage in between is a pure value
/// transformation.
public struct Pipeline: Sendable {
  public let inputs: InputFolder
  public let catalogue: FuelCatalogue

  /// - Parameters:
  ///   - inputs: The inputs folder (see ``InputFolder``).
  ///   - ceads: A folder of CEADs workbooks to use beside the yearbook tables (default: found in the inputs folder).
  public init(inputs: String, ceads: String? = nil, catalogue: FuelCatalogue = .standard) {
    self.inputs = InputFolder(root: inputs, ceads: ceads)
    self.catalogue = catalogue
  }

  /// The methodology used when none is named: `ceads-national` for CEADs inputs (a CEADs folder
  /// given with `--ceads` or found in the inputs folder), else `study-2025`. `ceads-provincial`
  /// (the study's conventions on CEADs data) is for reproduction and must be named.
  public var defaultMethodology: String { inputs.ceadsFolder != nil ? "ceads-national" : "study-2025" }

  // MARK: - Stages

  /// Loads a methodology by name or path.
  public func methodology(_ nameOrPath: String) throws(PipelineError) -> Methodology {
    let path = try inputs.methodologyPath(nameOrPath)
    do { return try MethodologyLoader(catalogue: catalogue, read: readText).load(path: path) } catch { throw PipelineError(error) }
  }

  /// Imports every table of a province's yearbook folder.
  public func importProvince(_ province: String) throws(PipelineError) -> ProvinceInputs {
    let importer = YearbookImporter(catalogue: catalogue)
    var result = ProvinceInputs(province: province)
    let files = inputs.tableFiles(province: province)
    guard !files.isEmpty else {
      let folder = "\(inputs.yearbookFolder)/\(province)"
      if let denied = InputFolder.unlistable(folder) { throw denied }
      let present = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
      throw PipelineError(
        "no tables (*.csv, *.tsv, *.txt) in \(folder)" + (present.isEmpty ? "" : "; it holds \(present.prefix(5).joined(separator: ", "))"),
        hint: "export each yearbook table as CSV (UTF-8 or GB18030) into that folder; see Inputs/README.md")
    }
    for file in files {
      let bytes = try readBytes(file)
      do {
        switch try importer.importTable(bytes, file: file) {
        case .energy(let table):
          result.energy += table.records
          result.findings += table.findings
          result.files.append(InputFile(path: file, role: "energy table", sha256: SHA256.hex(bytes), encoding: table.encoding))
        case .products(let table):
          result.products += table.records
          result.findings += table.findings
          result.files.append(InputFile(path: file, role: "products table", sha256: SHA256.hex(bytes), encoding: table.encoding))
        }
      } catch {
        throw PipelineError(error)
      }
    }
    return result
  }

  /// Reads the CEADs workbooks, when the inputs have them, deriving cement output with the
  /// methodologies' factor.
  /// - Throws: when the workbooks cannot be read, or the methodologies derive cement with different factors.
  public func ceads(for methodologies: [Methodology]) throws(PipelineError) -> CEADsSource? {
    guard let folder = inputs.ceadsFolder else { return nil }
    let factors = Set(methodologies.compactMap { $0.cementDerivation?.processFactor.value })
    guard factors.count <= 1 else {
      throw PipelineError(
        "the methodologies derive cement output with different factors (\(factors.sorted().map { "\($0)" }.joined(separator: ", ")) t CO₂/t)",
        hint: "run them in separate commands")
    }
    return try CEADsSource.load(folder: folder, cementFactor: factors.first, catalogue: catalogue)
  }

  /// A province's inputs for one methodology: its yearbook tables (`yearbook`, already
  /// imported), and its CEADs rows within the methodology's years, with cement output derived
  /// from the apparent inventory when the tables give none and the methodology says how.
  public static func combine(
    _ yearbook: ProvinceInputs?, ceads: CEADsSource?, province: String, methodology: Methodology
  ) throws(PipelineError) -> ProvinceInputs {
    let givesCement = yearbook?.products.contains { $0.product == .cement && $0.output.value != nil } ?? false
    let fromCEADs = ceads?.inputs(province: province, years: methodology.years, derivedCement: methodology.cementDerivation != nil && !givesCement)
    switch (yearbook, fromCEADs) {
    case (nil, nil):
      throw PipelineError(
        "no inputs for province '\(province)'" + (ceads.map { ": it is neither a yearbook folder nor a province of the CEADs workbooks in \($0.folder)" } ?? ""),
        hint: ceads.map { "CEADs provinces: \($0.provinces.joined(separator: ", "))" })
    case (let tables?, nil): return tables
    case (nil, let workbooks?): return workbooks
    case (var tables?, let workbooks?):
      tables.energy += workbooks.energy
      tables.products += workbooks.products
      tables.findings += workbooks.findings
      tables.files += workbooks.files
      tables.statedTotals += workbooks.statedTotals
      return tables
    }
  }

  /// The yearbook tables of a province, or nil when it has no yearbook folder but the CEADs workbooks may hold it.
  public func importYearbook(_ province: String) throws(PipelineError) -> ProvinceInputs? {
    if inputs.ceadsFolder != nil && inputs.tableFiles(province: province).isEmpty { return nil }
    return try importProvince(province)
  }

  /// Reconciles, allocates and accounts one province under one methodology. Pure.
  /// - Parameter references: Other sources of the province's series, to check its anomalies against.
  public static func account(
    _ inputs: ProvinceInputs, methodology: Methodology, catalogue: FuelCatalogue = .standard, references: [SeriesName: [Corroborating]] = [:]
  ) throws(PipelineError) -> Account {
    let industry: ActivitySeries
    do { industry = try Reconciler(catalogue: catalogue, methodology: methodology).reconcile(inputs) } catch { throw PipelineError(error) }
    let account = try screenedAccount(industry, methodology: methodology, catalogue: catalogue, references: references)
    try requireFinite(account)
    try requireStagesWithin(account)
    return account
  }

  /// Loads the published tables of a province.
  public func publishedTables(province: String) throws(PipelineError) -> [PublishedTable] {
    do {
      return try inputs.publishedTables(province: province).map { path throws(MethodologyError) in
        try PublishedTableLoader(catalogue: catalogue, read: readText).load(path: path)
      }
    } catch {
      throw PipelineError(error)
    }
  }

  // MARK: - Outputs

  /// The folder of one province and methodology under `output`.
  public static func outputFolder(_ output: String, province: String, methodology: String) -> String {
    "\(output)/\(province)/\(methodology)"
  }
}
