import Comparison

/// `diff-attribution.csv`: the exact attribution, one row per figure and group of keys, in
/// whole grams of CO₂ (integers, so that a figure's parts add up exactly to its change B − A).
/// A tidy table: `year,scope,source,group,part_gCO2`. Written only when there is an attribution.
public enum DiffCSV {
  public static func attribution(_ c: Comparison) -> String? {
    guard let attribution = c.attribution, !attribution.groups.isEmpty else { return nil }
    var lines = ["year,scope,source,group,part_gCO2"]
    for key in attribution.totals.keys.sorted() {
      let parts = attribution.parts[key] ?? [:]
      for group in attribution.groups {
        lines.append("\(key.year),\(key.scope),\(key.source),\(field(group.rawValue)),\(parts[group] ?? 0)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A CSV field, quoted when it holds a comma, a quote or a line break.
  static func field(_ text: String) -> String {
    text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacing("\"", with: "\"\"") + "\"" : text
  }
}
