import Accounting
import CementModel
import Dispatch
import Foundation
import Importing
import Verification
import Writers

/// What `verify --published NAME` checks the account against: a small table of named
/// published sources, each with a description and the function that verifies against it.
public struct PublishedSource: Sendable {
  /// The request of one `verify`: the province (for per-province sources), the methodology
  /// named on the command line, the years and the tolerance.
  public struct Request: Sendable {
    public var province: String?
    public var methodology: String?
    public var years: ClosedRange<Int>?
    public var tolerance: Double?
    public init(province: String?, methodology: String?, years: ClosedRange<Int>?, tolerance: Double?) {
      self.province = province
      self.methodology = methodology
      self.years = years
      self.tolerance = tolerance
    }
  }

  /// The name given to `--published`.
  public let name: String
  /// One line for `--help` and the README.
  public let summary: String
  /// Whether the source needs one province (`--province`).
  public let perProvince: Bool
  let verify: @Sendable (Pipeline, Request) throws(PipelineError) -> VerificationOutcome

  /// The published tables of the province (`<inputs>/published/<province>/*.yaml`): the default.
  public static let tables = PublishedSource(
    name: "tables", summary: "the province's published tables (<inputs>/published/<province>/*.yaml): every cell and statement",
    perProvince: true
  ) { pipeline, request throws(PipelineError) in
    guard let province = request.province else {
      throw PipelineError("verifying against the published tables needs a province", hint: "give one with --province")
    }
    return try pipeline.verify(province: province, methodology: request.methodology, years: request.years, tolerance: request.tolerance)
  }

  /// CEADs' provincial emission inventories (`emission-inventory/emission-inventory-30-provinces-YYYY.xlsx`).
  public static let ceadsEmissionInventory = PublishedSource(
    name: "ceads-emission-inventory",
    summary: "CEADs' emission inventories (1997–2019): every province × year × fuel of the Nonmetal Mineral Products row and the cement process CO₂",
    perProvince: false
  ) { pipeline, request throws(PipelineError) in
    try pipeline.verifyAgainstEmissionInventory(methodology: request.methodology, years: request.years, tolerance: request.tolerance)
  }

  /// The seed study of China's ETS and the EU CBAM (`Inputs/published/ets-cbam-2025/`): its
  /// Tables 2–3 recomputed with its formulas (1)–(6), then its simplifications against the path.
  public static let etsCbam2025 = PublishedSource(
    name: "ets-cbam-2025",
    summary: "the ETS/CBAM seed study's Tables 2–3 (16 cells, its formulas (1)–(6)) and its simplifications against the CBAM path",
    perProvince: false
  ) { pipeline, _ throws(PipelineError) in
    let outcome = try pipeline.verifyCarbonStudy(name: "ets-cbam-2025")
    return VerificationOutcome(reports: [], text: outcome.text, otherCellsAgree: outcome.agrees)
  }

  /// Every published source, the default first.
  public static let all: [PublishedSource] = [tables, ceadsEmissionInventory, etsCbam2025]

  /// The source of a name.
  /// - Throws: ``PipelineError`` naming the known sources.
  public static func named(_ name: String) throws(PipelineError) -> PublishedSource {
    guard let source = all.first(where: { $0.name == name }) else {
      throw PipelineError(
        "unknown published source '\(name)'", hint: "known: " + all.map(\.name).joined(separator: ", "))
    }
    return source
  }
}

extension Pipeline {
  /// Verifies against a named published source.
  public func verify(published source: PublishedSource, _ request: PublishedSource.Request) throws(PipelineError) -> VerificationOutcome {
    try source.verify(self, request)
  }

  /// The emission-inventory workbooks of the CEADs folder (`emission-inventory/` or the folder itself), sorted.
  public func emissionInventoryWorkbooks(years: ClosedRange<Int>? = nil) -> [String] {
    guard let folder = inputs.ceadsFolder else { return [] }
    func xlsx(_ dir: String) -> [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter {
        $0.lowercased().hasPrefix("emission-inventory") && $0.lowercased().hasSuffix(".xlsx")
      }.sorted().map { dir + "/" + $0 }
    }
    let files = xlsx(folder) + xlsx(folder + "/emission-inventory")
    guard let years else { return files }
    return files.filter { path in
      let digits = path.dropLast(5).suffix(4)
      return Int(digits).map(years.contains) ?? true
    }
  }

  /// Reads the emission-inventory workbooks of the given years, spread over the cores.
  public func emissionInventory(years: ClosedRange<Int>?) throws(PipelineError) -> CEADsEmissionInventory? {
    let files = emissionInventoryWorkbooks(years: years)
    guard !files.isEmpty else { return nil }
    let slots = ResultSlots<CEADsEmissionInventory, PipelineError>(count: files.count)
    let importer = CEADsImporter(catalogue: catalogue)
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      slots[index] = Result { () throws(PipelineError) -> CEADsEmissionInventory in
        let bytes = try readBytes(files[index])
        do { return try importer.importEmissionInventory(bytes: bytes, file: files[index]) } catch { throw PipelineError(error) }
      }
    }
    var parts: [CEADsEmissionInventory] = []
    for result in slots.values { parts.append(try result.get()) }
    return CEADsEmissionInventory(merging: parts)
  }

  /// Every province of the CEADs folder accounted under the methodology (default: the
  /// default for CEADs inputs) and compared with CEADs' emission inventory.
  public func verifyAgainstEmissionInventory(
    methodology name: String?, years: ClosedRange<Int>?, tolerance: Double?
  ) throws(PipelineError) -> VerificationOutcome {
    guard inputs.ceadsFolder != nil else {
      throw PipelineError("--published ceads-emission-inventory needs CEADs workbooks", hint: "give the CEADs folder with --ceads or --inputs")
    }
    let loaded = try methodology(name ?? defaultMethodology)
    let methodology = years.map { loaded.over(years: $0) } ?? loaded
    guard let inventory = try emissionInventory(years: methodology.years) else {
      throw PipelineError(
        "no CEADs emission inventories (emission-inventory-30-provinces-YYYY.xlsx) for \(methodology.years.lowerBound)–\(methodology.years.upperBound) in \(inputs.ceadsFolder!)/emission-inventory",
        hint: "download them from ceads.net into that folder")
    }
    let ceads = try self.ceads(for: [methodology])
    var accounts: [Account] = []
    for province in inventory.provinceIDs {
      guard ceads?.energy[province] != nil else { continue }
      let combined = try Pipeline.combine(try importYearbook(province), ceads: ceads, province: province, methodology: methodology)
      accounts.append(try Pipeline.account(combined, methodology: methodology, catalogue: catalogue))
    }
    let verification = Self.compare(accounts, with: inventory, tolerance: tolerance)
    let text = InventoryVerificationText.render(verification, methodology: methodology.name, files: inventory.files)
    return VerificationOutcome(reports: [], text: text, inventory: verification)
  }

  /// The cells of the accounts beside the inventory's rows, compared.
  public static func compare(_ accounts: [Account], with inventory: CEADsEmissionInventory, tolerance: Double? = nil) -> InventoryVerification {
    var cells: [InventoryCell] = []
    for account in accounts {
      let factors = account.methodology.factorSet.fuels
      for year in account.years {
        guard let row = inventory[account.province, year.year] else { continue }
        for (fuel, published) in row.combustion.sorted(by: { $0.key < $1.key }) {
          let activity = account.activity.fuels[fuel]?[year.year]?.value.reportingValue
          let recomputed = year.entries.first { $0.scope == .combustion && $0.source == fuel.id }?.emissions.baseValue ?? 0
          cells.append(
            InventoryCell(
              province: account.province, year: year.year, source: fuel.id, recomputed: recomputed,
              published: published.value?.baseValue ?? 0, activity: activity,
              accountFactor: factors[fuel].flatMap(Self.factorPerReportingUnit),
              location: published.sources.first?.location.description ?? row.location.description))
        }
        if let process = row.process {
          cells.append(
            InventoryCell(
              province: account.province, year: year.year, source: InventoryCell.process,
              recomputed: year.total(.process).baseValue, published: process.value?.baseValue ?? 0, activity: nil, accountFactor: nil,
              location: process.sources.first?.location.description ?? row.location.description))
        }
      }
    }
    return DeviationExplainer(tolerance: tolerance ?? 1000).explainInventory(cells)
  }

  /// t CO₂ per reporting unit of the fuel (10⁴ t, 10⁸ m³): formulas (2) and (3) on one unit.
  static func factorPerReportingUnit(_ factors: FuelFactors) -> Double? {
    let dimension = factors.netCalorificValue.dimension
    let one = ActivityAmount(dimension: dimension, baseValue: dimension.reportingUnit.toBase)
    guard let heat = try? StudyFormulas.activityData(netCalorificValue: factors.netCalorificValue, fuelConsumption: one) else { return nil }
    let factor = StudyFormulas.emissionFactor(carbonContent: factors.carbonContent, oxidationRate: factors.oxidationRate)
    return (heat * factor).baseValue
  }
}
