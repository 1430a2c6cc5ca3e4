import CementModel
import Checksums
import Dispatch
import Foundation
import Importing

/// The CEADs workbooks of an inputs folder, read once for every province: the provincial
/// energy inventories (`provincial-energy-inventory-YYYY.xlsx`, in the folder or its
/// `energy-inventory/`) and the apparent emission inventory
/// (`apparent-emission-inventory-*.xlsx`), from which cement output is derived.
public struct CEADsSource: Sendable {
  public let folder: String
  /// Each province's `Nonmetal Mineral Products` rows and the sectors-vs-total figures, by province id.
  public let energy: [String: ProvinceInputs]
  /// Cement output derived from the apparent inventory, by province id; empty without that workbook.
  public let cement: [String: [ProductRecord]]
  /// The factor cement was derived with (t CO₂/t cement), when it was.
  public let cementFactor: Double?
  /// Every workbook read, with its checksum.
  public let files: [InputFile]
  /// Notes on the workbooks as a whole (sheets skipped).
  public let findings: [Finding]

  /// The province ids with energy data, sorted.
  public var provinces: [String] { energy.keys.sorted() }

  /// The workbooks of a CEADs folder: energy inventories and the apparent inventory.
  public static func workbooks(in folder: String) -> (energy: [String], apparent: String?) {
    func xlsx(_ dir: String) -> [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.lowercased().hasSuffix(".xlsx") && !$0.hasPrefix(".") && !$0.hasPrefix("~$") }
        .sorted().map { dir + "/" + $0 }
    }
    let files = xlsx(folder) + xlsx(folder + "/energy-inventory")
    let name = { (path: String) in (path.split(separator: "/").last.map(String.init) ?? path).lowercased() }
    return (files.filter { name($0).hasPrefix("provincial-energy-inventory") }, files.first { name($0).hasPrefix("apparent-emission-inventory") })
  }

  /// Whether a folder holds CEADs workbooks.
  public static func isCEADsFolder(_ folder: String) -> Bool { !workbooks(in: folder).energy.isEmpty }

  /// Reads every workbook, spread over the machine's cores.
  /// - Parameter cementFactor: t CO₂ per t cement to derive cement output with (the
  ///   methodology's `cement_output.process_factor`); nil leaves the apparent inventory unread.
  public static func load(folder: String, cementFactor: Double?, catalogue: FuelCatalogue = .standard) throws(PipelineError) -> CEADsSource {
    let (energyFiles, apparent) = workbooks(in: folder)
    guard !energyFiles.isEmpty else {
      throw PipelineError(
        "no CEADs energy inventories (provincial-energy-inventory-YYYY.xlsx) in \(folder) or \(folder)/energy-inventory",
        hint: "download them from ceads.net, or point --ceads at the folder that holds them")
    }
    let jobs = energyFiles.map { ($0, false) } + (cementFactor != nil ? apparent.map { [($0, true)] } ?? [] : [])
    // The files are read first; then each workbook's import and its checksum are separate
    // pieces of work, the imports (the longest) handed out first, and the apparent inventory
    // (26 sheets of every province and sector: half as long again as an energy inventory)
    // first of all, so that the cores finish together rather than waiting on the last one.
    let contents = ResultSlots<[UInt8], PipelineError>(count: jobs.count)
    DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
      contents[index] = Result { () throws(PipelineError) in try readBytes(jobs[index].0) }
    }
    let imports = ResultSlots<CEADsImport, PipelineError>(count: jobs.count)
    let checksums = ResultSlots<String, PipelineError>(count: jobs.count)
    let importer = CEADsImporter(catalogue: catalogue)
    let longestFirst = jobs.indices.filter { jobs[$0].1 } + jobs.indices.filter { !jobs[$0].1 }
    DispatchQueue.concurrentPerform(iterations: 2 * jobs.count) { work in
      let index = longestFirst[work % jobs.count]
      let (path, isApparent) = jobs[index]
      let bytes = contents[index]!
      if work < jobs.count {
        imports[index] = Result { () throws(PipelineError) -> CEADsImport in
          let bytes = try bytes.get()
          do {
            return isApparent
              ? try importer.importApparentInventoryCement(bytes: bytes, file: path, factor: cementFactor!)
              : try importer.importEnergyInventory(bytes: bytes, file: path)
          } catch {
            throw PipelineError(error)
          }
        }
      } else {
        checksums[index] = bytes.map { SHA256.hex($0) }
      }
    }
    var energy: [String: ProvinceInputs] = [:], cement: [String: [ProductRecord]] = [:]
    var files: [InputFile] = [], findings: [Finding] = []
    for (index, (path, isApparent)) in jobs.enumerated() {
      let imported = try imports[index]!.get()
      let file = InputFile(
        path: path, role: isApparent ? "CEADs apparent emission inventory" : "CEADs energy inventory",
        sha256: try checksums[index]!.get())
      files.append(file)
      findings += imported.findings
      for province in imported.provinces {
        if isApparent {
          cement[province.province, default: []] += province.products
        } else {
          // Taken out of the dictionary while it grows, so that appending does not copy it.
          var merged = energy.removeValue(forKey: province.province) ?? ProvinceInputs(province: province.province)
          merged.energy += province.energy
          merged.findings += province.findings
          merged.statedTotals += province.statedTotals
          energy[province.province] = merged
        }
      }
    }
    return CEADsSource(
      folder: folder, energy: energy, cement: cement, cementFactor: apparent == nil ? nil : cementFactor, files: files, findings: findings)
  }

  /// A province's CEADs inputs for an accounting period: its energy rows and, when `derivedCement`,
  /// its derived cement output, both within `years`; the workbooks as input files.
  public func inputs(province: String, years: ClosedRange<Int>, derivedCement: Bool) -> ProvinceInputs? {
    guard var inputs = energy[province] else { return nil }
    inputs.energy = inputs.energy.filter { years.contains($0.year) }
    inputs.statedTotals = inputs.statedTotals.filter { years.contains($0.year) }
    if derivedCement { inputs.products = (cement[province] ?? []).filter { years.contains($0.year) } }
    let sheetsOfProvince = Set(inputs.energy.map(\.location.file))
    inputs.files = files.filter { sheetsOfProvince.contains($0.path) || (derivedCement && $0.role.contains("apparent")) }
    return inputs
  }
}

/// One result per index, filled from concurrent work.
final class ResultSlots<Value: Sendable, Failure: Error>: @unchecked Sendable {
  private var slots: [Result<Value, Failure>?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  subscript(index: Int) -> Result<Value, Failure>? {
    get { lock.withLock { slots[index] } }
    set { lock.withLock { slots[index] = newValue } }
  }

  /// Every slot's result, in order; call once all are filled.
  var values: [Result<Value, Failure>] { lock.withLock { slots.map { $0! } } }
}
