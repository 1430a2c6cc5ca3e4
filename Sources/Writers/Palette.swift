/// The one palette of the tool's figures: the report's SVG and every workbook chart give a
/// source the same colour, and no two sources of the catalogue share a colour or come close
/// (Tableau 10 with coal dark grey, coke brown, fuel oil green, process warm grey).
public enum SourcePalette {
  /// Colours of the study's sources, 24-bit RGB.
  static let colors: [String: UInt32] = [
    "coal": 0x4E4E4E, "coke": 0x8C6D31, "crude_oil": 0xE15759, "gasoline": 0xF28E2B, "kerosene": 0xFF9DA7,
    "diesel_oil": 0xB07AA1, "fuel_oil": 0x59A14F, "natural_gas": 0x4E79A7, "electricity": 0xEDC948,
    "calcination": 0xBAB0AC,
  ]
  /// Colours for other sources, in order of appearance: distinct from the above and each other.
  static let others: [UInt32] = [0x17BECF, 0xD37295, 0xB6992D, 0x9D7660, 0x79706E, 0xA0CBE8, 0x8CD17D, 0x7F3C8D]

  /// The colour of each source in `sources`, in order: its own, else the next of `others`.
  public static func colors(for sources: [String]) -> [UInt32] {
    var next = 0
    return sources.map { source in
      if let color = colors[source] { return color }
      defer { next += 1 }
      return others[next % others.count]
    }
  }

  /// `#rrggbb` for SVG.
  static func hex(_ color: UInt32) -> String {
    let digits = String(color, radix: 16)
    return "#" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
  }
}
