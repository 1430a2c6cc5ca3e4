import Uncertainty

/// Renders an account's uncertainty as `uncertainty.csv`, beside `emissions.csv`: per year,
/// scope and source (as emissions.csv, plus each scope's sum and the `total`, source `all`),
/// one row per approach, the account's value and the 95 % bounds in tonnes of CO₂ at full precision.
public enum UncertaintyCSV {
  public static let header = "province,methodology,year,scope,source,approach,central_tco2,lower95_tco2,upper95_tco2"

  public static func render(_ analysis: UncertaintyAnalysis) -> String {
    var lines = [header]
    for f in analysis.figures where f.key.scope != "energy" {
      let prefix = [
        EmissionsCSV.field(analysis.province), EmissionsCSV.field(analysis.methodology), "\(f.key.year)", f.key.scope, EmissionsCSV.field(f.key.source),
      ].joined(separator: ",")
      lines.append(prefix + ",approach-1,\(f.central),\(f.central - f.approachOneHalfWidth),\(f.central + f.approachOneHalfWidth)")
      lines.append(prefix + ",monte-carlo,\(f.central),\(f.lower),\(f.upper)")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
