import Accounting
import CementModel
import Pathways

/// What the pathways outputs need for one account: its decompositions and its scenarios'
/// results (the baseline's among them).
public struct PathwaysRecord: Sendable {
  public let account: Account
  public let decompositions: [Decomposition]
  public let results: [ScenarioResult]

  public init(account: Account, decompositions: [Decomposition], results: [ScenarioResult]) {
    self.account = account
    self.decompositions = decompositions
    self.results = results
  }
}

/// `decomposition.csv`: for each pair of years (each stage, each pair of consecutive years,
/// first to last), each LMDI-I effect in tonnes of CO₂; the effects of a pair sum to its change.
public enum DecompositionCSV {
  public static let header = "province,methodology,from_year,to_year,effect,tco2"

  public static func render(_ record: PathwaysRecord) -> String {
    var lines = [header]
    let prefix = EmissionsCSV.field(record.account.province) + "," + EmissionsCSV.field(record.account.methodology.name) + ","
    var seen = Set<[Int]>()
    for d in record.decompositions where seen.insert([d.from, d.to]).inserted {
      for (effect, tco2) in d.orderedEffects { lines.append(prefix + "\(d.from),\(d.to),\(effect.rawValue),\(tco2)") }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// `pathways.csv`: for each scenario and year from the base year, net CO₂ by scope and source,
/// each scope's and the year's total, memo rows (captured, biogenic), the intensity (t CO₂ per
/// t cement, in the tco2 column) and the wedges (`scope` = `wedge`, `source` = the lever's
/// effect): each effect's part of baseline − scenario, adding up to it exactly.
public enum PathwaysCSV {
  public static let header = "province,methodology,scenario,year,scope,source,tco2"

  public static func render(_ record: PathwaysRecord) -> String {
    var lines = [header]
    let prefix = EmissionsCSV.field(record.account.province) + "," + EmissionsCSV.field(record.account.methodology.name) + ","
    for result in record.results {
      let p = prefix + EmissionsCSV.field(result.scenario.name) + ","
      for year in result.years {
        let y = p + "\(year.year),"
        for c in year.components { lines.append(y + "\(c.scope),\(c.source),\(c.figure.value)") }
        for scope in ["combustion", "electricity", "process"] { lines.append(y + "\(scope),total,\(year.total(scope: scope))") }
        lines.append(y + "total,total,\(year.total)")
        lines.append(y + "memo,captured,\(year.captured)")
        lines.append(y + "memo,biogenic,\(year.biogenic)")
        lines.append(y + "intensity,t-co2-per-t-cement,\(year.intensity)")
        if let wedges = result.wedges[year.year] {
          for effect in Effect.allCases { lines.append(y + "wedge,\(effect.rawValue),\(wedges[effect] ?? 0)") }
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// `national-pathways.csv`: each province's net total per scenario and year (baseline and deep
/// decarbonisation among them), then the national sum (`province` = `national`) of the
/// provinces projected in that year.
public enum NationalPathwaysCSV {
  public static let header = "province,methodology,scenario,year,tco2"

  public static func render(_ records: [PathwaysRecord], methodology: String) -> String {
    var lines = [header]
    var national: [String: [Int: Double]] = [:]
    var order: [String] = []
    let m = EmissionsCSV.field(methodology)
    for record in records {
      for result in record.results {
        if national[result.scenario.name] == nil { order.append(result.scenario.name) }
        for year in result.years {
          lines.append("\(EmissionsCSV.field(record.account.province)),\(m),\(EmissionsCSV.field(result.scenario.name)),\(year.year),\(year.total)")
          national[result.scenario.name, default: [:]][year.year, default: 0] += year.total
        }
      }
    }
    for scenario in order {
      for (year, total) in national[scenario]!.sorted(by: { $0.key < $1.key }) {
        lines.append("national,\(m),\(EmissionsCSV.field(scenario)),\(year),\(total)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
