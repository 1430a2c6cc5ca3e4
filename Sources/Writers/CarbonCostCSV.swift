import CarbonCost

/// Renders a carbon cost as `carbon-cost.csv`, tidy: one row per market, route, year and
/// quantity, values at full precision (the shortest decimal that reads back to the same double).
public enum CarbonCostCSV {
  public static let header = "province,methodology,market,route,year,quantity,value,unit"

  public static func render(_ cost: CarbonCostAccount, methodology: String) -> String {
    var lines = [header]
    for row in cost.figures {
      lines.append(
        [
          EmissionsCSV.field(cost.province), EmissionsCSV.field(methodology), EmissionsCSV.field(row.market), row.route, "\(row.year)",
          row.quantity, "\(row.figure.value)", row.unitLabel,
        ].joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
