import Accounting
import CementModel
import Comparison
import Dispatch
import Importing
import Writers

extension Pipeline {
  /// What the national report of each methodology says beyond its figures (only when it is
  /// written, `--format md`): the fuels left out; for CEADs inputs, how far the methodology
  /// moves the national total against the default (``defaultMethodology``), attributed by group;
  /// and, when CEADs' emission inventories are in the folder, the accounts against them.
  /// Reads the reference's inputs again from `ceads`; `inventory` is the emission inventory the
  /// batch read (nil when there is none or it cannot be read: that part is then left out).
  func nationalNotes(
    _ job: BatchJob, outcomes: [BatchResult.Outcome], ceads: CEADsSource?, inventory: CEADsEmissionInventory?
  ) -> [String: NationalNotes] {
    var notes: [String: NationalNotes] = [:]
    for methodology in job.methodologies {
      let accounts = outcomes.filter { $0.methodology == methodology.name }.compactMap(\.account)
      notes[methodology.name] = NationalNotes(fuelsLeftOut: NationalNotes.fuelsLeftOut(accounts))
    }
    guard job.formats.contains(.md), let ceads else { return notes }
    if let inventory {
      for methodology in job.methodologies {
        let accounts = outcomes.filter { $0.methodology == methodology.name }.compactMap(\.account)
        notes[methodology.name]?.inventory = Self.compare(accounts, with: inventory)
      }
    }
    guard let loaded = try? self.methodology(defaultMethodology) else { return notes }
    for methodology in job.methodologies where methodology.name != loaded.name {
      let reference = loaded.over(years: methodology.years)
      guard reference.cementDerivation?.processFactor == methodology.cementDerivation?.processFactor else { continue }
      let provinces = outcomes.filter { $0.methodology == methodology.name && $0.account != nil }.map(\.province)
      let inputs = provinces.compactMap { province -> ProvinceInputs? in
        do throws(PipelineError) {
          return try Pipeline.combine(try importYearbook(province), ceads: ceads, province: province, methodology: methodology)
        } catch {
          return nil
        }
      }
      guard inputs.count == provinces.count else { continue }
      let national = { (m: Methodology) throws(PipelineError) -> [Int: Double] in try self.nationalTotals(inputs, methodology: m) }
      guard let totalA = try? national(reference) else { continue }
      let totalB = Self.totals(outcomes.filter { $0.methodology == methodology.name }.compactMap(\.account))
      notes[methodology.name]?.attribution = try? NationalAttribution.attribute(
        from: reference, to: methodology, totalA: totalA, totalB: totalB) { m in try national(m) }
    }
    return notes
  }

  /// The national total by year (t CO₂) of the provinces' inputs under a methodology, accounted on all cores.
  func nationalTotals(_ inputs: [ProvinceInputs], methodology: Methodology) throws(PipelineError) -> [Int: Double] {
    let slots = ResultSlots<Account, PipelineError>(count: inputs.count)
    DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
      slots[index] = Result { () throws(PipelineError) in try Pipeline.account(inputs[index], methodology: methodology, catalogue: catalogue) }
    }
    var accounts: [Account] = []
    for result in slots.values { accounts.append(try result.get()) }
    return Self.totals(accounts)
  }

  static func totals(_ accounts: [Account]) -> [Int: Double] {
    var totals: [Int: Double] = [:]
    for account in accounts { for year in account.years { totals[year.year, default: 0] += year.total(.total).baseValue } }
    return totals
  }
}
