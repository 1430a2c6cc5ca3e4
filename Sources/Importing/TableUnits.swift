import CementModel

/// Units written for a whole table in a line above it: `单位：万吨`, `Unit: 10 000 tons`,
/// `单位：万吨 Unit: 10,000 t`.
enum TableUnits {
  /// The unit a title line states for the whole table, with the cell it is in; nil when no line
  /// states one or the lines disagree.
  static func find(in rows: [TableRow]) -> (unit: WrittenUnit, cell: TableCell)? {
    var found: [(WrittenUnit, TableCell)] = []
    for row in rows {
      for cell in row.cells where !cell.isBlank {
        found += statedUnits(cell.text).map { ($0, cell) }
      }
    }
    guard let first = found.first, found.allSatisfy({ $0.0.unit == first.0.unit }) else { return nil }
    return first
  }

  /// Every `单位：X` / `Unit: X` in a text whose X is a known unit.
  static func statedUnits(_ text: String) -> [WrittenUnit] {
    // Speed: most title lines state no unit, which a look at the bytes tells.
    let lowered = TextForms.lowercasedHalfWidth(text)
    guard TextForms.contains(lowered, "单位") || TextForms.contains(lowered, "unit") else { return [] }
    let characters = Array(TextForms.halfWidth(text))
    let folded = characters.map { $0.lowercased().first ?? $0 }
    var units: [WrittenUnit] = []
    var position = 0
    while let label = nextLabel(in: folded, from: position) {
      let end = nextLabel(in: folded, from: label.upperBound)?.lowerBound ?? characters.count
      let text = TextForms.trim(String(characters[label.upperBound..<end]))
      if let unit = UnitReading.parse(text) { units.append(WrittenUnit(text: text, unit: unit)) }
      position = end
    }
    return units
  }

  private static let labelWords: [[Character]] = ["计量单位", "单位", "units", "unit"].map { Array($0) }

  /// The next `单位:`/`unit:`/`units:` (spaces allowed before the colon) at or after `start`,
  /// as the range from the word to just past the colon.
  private static func nextLabel(in folded: [Character], from start: Int) -> Range<Int>? {
    guard start < folded.count else { return nil }
    for index in start..<folded.count {
      for word in labelWords where folded[index...].starts(with: word) {
        var end = index + word.count
        while end < folded.count, folded[end] == " " { end += 1 }
        if end < folded.count, folded[end] == ":" { return index..<(end + 1) }
      }
    }
    return nil
  }
}
