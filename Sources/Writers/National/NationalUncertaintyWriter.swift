import CementModel
import Uncertainty

/// The national outputs of `batch --uncertainty`: each province's total and the national sum
/// with their 95 % intervals from joint draws, and the national interval the independent sum of
/// provincial intervals would give, side by side.
public enum NationalUncertaintyWriter {
  public static let csvHeader = "methodology,province,year,correlation,central_tco2,lower95_tco2,upper95_tco2"

  /// `national-uncertainty.csv`: one row per province and year (`joint`), then per year the
  /// national sum twice, `joint` (shared factors correlated across provinces) and `independent`.
  public static func csv(_ n: NationalUncertainty) -> String {
    var lines = [csvHeader]
    let m = EmissionsCSV.field(n.methodology)
    for p in n.provinces {
      for i in p.intervals { lines.append("\(m),\(EmissionsCSV.field(p.province)),\(i.key.year),joint,\(i.central),\(i.lower),\(i.upper)") }
    }
    for y in n.years {
      lines.append("\(m),national,\(y.year),joint,\(y.central),\(y.lower),\(y.upper)")
      lines.append("\(m),national,\(y.year),independent,\(y.central),\(y.independentLower),\(y.independentUpper)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `national-uncertainty.md`, in the language of the batch.
  public static func markdown(_ n: NationalUncertainty, language: Language) -> String {
    let zh = language == .zh
    func mt(_ x: Double) -> String { Format.fixed(x / 1e6, 2) }
    func pct(_ x: Double) -> String { Format.fixed(x * 100, 1) }
    var out: [String] = []
    out.append(zh ? "# 全国合计的不确定性（\(n.methodology)）" : "# Uncertainty of the national sum (\(n.methodology))")
    out.append("")
    out.append(
      zh
        ? "蒙特卡洛 \(n.draws) 次抽样，种子 \(n.seed)。“联合”区间来自所有省份的联合抽样：无省份归属的因子（低位发热量、含碳量、氧化率、工艺排放因子、全国电网因子）对所有省份只抽一次，各省误差因此相关。“独立”区间假定各省相互独立（式 3.2 合成各省半宽），低估了全国的不确定性。"
        : "Monte Carlo, \(n.draws) draws, seed \(n.seed). The joint interval comes from joint draws of every province: a factor without a province (NCV, carbon content, oxidation rate, process factor, national grid factor) is one draw for all of them, so provincial errors are correlated through it. The independent interval adds the provinces' half-widths as if independent (Eq. 3.2) and understates the national uncertainty.")
    out.append("")
    out.append(zh ? "| 年份 | 省份数 | 合计（Mt） | 联合 95% 区间 | 独立 95% 区间 | 联合半宽 / 独立半宽 |" : "| Year | Provinces | Total (Mt) | Joint 95 % interval | Independent 95 % interval | Joint / independent half-width |")
    out.append("|---:|---:|---:|---:|---:|---:|")
    for y in n.years {
      let joint = (y.upper - y.lower) / 2, independent = (y.independentUpper - y.independentLower) / 2
      out.append("| \(y.year) | \(y.provinces) | \(mt(y.central)) | \(mt(y.lower))–\(mt(y.upper)) | \(mt(y.independentLower))–\(mt(y.independentUpper)) | \(independent > 0 ? Format.fixed(joint / independent, 2) : "–") |")
    }
    if let last = n.years.last {
      out.append("")
      out.append(zh ? "\(last.year) 年各省合计（Mt）及 95% 区间（联合抽样）：" : "Each province's \(last.year) total (Mt) with its 95 % interval (joint draws):")
      out.append("")
      out.append(zh ? "| 省份 | 合计 | 95% 区间 | U（%） |" : "| Province | Total | 95 % interval | U (%) |")
      out.append("|---|---:|---:|---:|")
      for p in n.provinces {
        guard let i = p.intervals.first(where: { $0.key.year == last.year }) else { continue }
        out.append("| \(p.province) | \(mt(i.central)) | \(mt(i.lower))–\(mt(i.upper)) | ±\(i.central > 0 ? pct(i.monteCarloHalfWidth / i.central) : "–") |")
      }
    }
    return out.joined(separator: "\n") + "\n"
  }
}
