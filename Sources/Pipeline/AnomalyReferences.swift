import CementModel
import Dispatch
import Foundation
import Importing
import Reconciliation

/// The second sources an anomaly is checked against, by province: CEADs' own emission
/// inventory (`emission-inventory/emission-inventory-30-provinces-YYYY.xlsx`, 1997–2019), whose
/// Nonmetal Mineral Products CO₂ by fuel should move with the energy inventory's fuel use and
/// whose process CO₂ with cement output (IPCC 2006 Vol. 1 Ch. 6 §6.7.1, comparison with other data).
public struct AnomalyReferences: Sendable {
  /// Per province id, the corroborating series of each activity series.
  public let byProvince: [String: [SeriesName: [Corroborating]]]

  public static let none = AnomalyReferences(byProvince: [:])

  public init(byProvince: [String: [SeriesName: [Corroborating]]]) { self.byProvince = byProvince }

  /// The series of one inventory: combustion CO₂ per fuel, process CO₂ for cement output.
  public init(inventory: CEADsEmissionInventory) {
    var result: [String: [SeriesName: [Int: Double]]] = [:]
    for row in inventory.rows {
      for (fuel, value) in row.combustion {
        guard let co2 = value.value else { continue }
        result[row.province, default: [:]][.fuel(fuel), default: [:]][row.year] = co2.baseValue
      }
      if let co2 = row.process?.value {
        result[row.province, default: [:]][.product(.cement), default: [:]][row.year] = co2.baseValue
      }
    }
    byProvince = result.mapValues { series in
      series.mapValues { [Corroborating(source: "CEADs' emission inventory", values: $0, independent: false)] }
    }
  }
}
