import Accounting
import Allocation
import CementModel
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

  public init(inputs: String, catalogue: FuelCatalogue = .standard) {
    self.inputs = InputFolder(root: inputs)
    self.catalogue = catalogue
  }

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

  /// Reconciles, allocates and accounts one province under one methodology. Pure.
  public static func account(_ inputs: ProvinceInputs, methodology: Methodology, catalogue: FuelCatalogue = .standard) throws(PipelineError) -> Account {
    do {
      let industry = try Reconciler(catalogue: catalogue, methodology: methodology).reconcile(inputs)
      let cement = try ProxyAllocation(rule: methodology.allocation).allocate(industry)
      return try Accountant(methodology: methodology, catalogue: catalogue).account(cement)
    } catch {
      throw PipelineError(error)
    }
  }

  /// Loads the published tables of a province.
  public func publishedTables(province: String) throws(PipelineError) -> [PublishedTable] {
    do {
      return try inputs.publishedTables(province: province).map { path throws(MethodologyError) in
        try PublishedTableLoader(read: readText).load(path: path)
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
