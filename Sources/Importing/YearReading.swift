import CementModel

/// Finds the year a table is for.
enum YearReading {
  /// Years a table may be for; other 4-digit numbers are not years.
  static let plausible = 1949...2100

  /// A year cell or year header: `2013`, `2013年`, `2013 年`, `(2013)`; nil for anything else.
  static func year(inCell text: String) -> Int? {
    let (residual, groups) = TextForms.bracketGroups(text)
    var form = TextForms.key(residual)
    if form.isEmpty && groups.count == 1 { form = TextForms.key(groups[0]) }
    if form.hasSuffix("年") { form.removeLast() }
    guard form.count == 4, form.allSatisfy(TextForms.isDigit), let year = Int(form), plausible.contains(year) else {
      return nil
    }
    return year
  }

  /// Distinct years named in title lines, in order of appearance. A number right after
  /// `年鉴`/`Yearbook` or right before `年鉴` is the edition of the yearbook, not the table's year,
  /// and is skipped.
  static func years(inTitle text: String) -> [Int] {
    let form = TextForms.halfWidth(text)
    var years: [Int] = []
    for (value, range) in TextForms.fourDigitNumbers(in: form) where plausible.contains(value) {
      guard !namesEdition(form, around: range), !years.contains(value) else { continue }
      years.append(value)
    }
    return years
  }

  private static func namesEdition(_ text: String, around range: Range<String.Index>) -> Bool {
    let before = TextForms.key(String(text[..<range.lowerBound]))
    let after = TextForms.key(String(text[range.upperBound...]))
    return before.hasSuffix("年鉴") || before.hasSuffix("yearbook") || after.hasPrefix("年鉴")
  }

  /// Distinct plausible years in the last component of a path: `2013.csv`, `energy-2013.csv`.
  static func years(inFileName path: String) -> [Int] {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    var years: [Int] = []
    for (value, _) in TextForms.fourDigitNumbers(in: name) where plausible.contains(value) && !years.contains(value) {
      years.append(value)
    }
    return years
  }

  /// The table's year when it has no year column: from the title lines, else from the file
  /// name. A warning is added when both name a year and they differ.
  /// - Parameter titleRows: The rows above the table's header.
  static func tableYear(titleRows: [TableRow], in table: YearbookTable) throws(ImportError) -> (year: Int, findings: [Finding]) {
    let fromTitle = titleYears(titleRows)
    let fromName = years(inFileName: table.file)
    if fromTitle.years.count == 1, let year = fromTitle.years.first {
      return (year, mismatchFinding(year, line: fromTitle.line, fileYears: fromName, table: table))
    }
    if fromTitle.years.count > 1 {
      if fromName.count == 1, let year = fromName.first, fromTitle.years.contains(year) { return (year, []) }
      throw ImportError(
        "the title lines name several years (\(fromTitle.years.map(String.init).joined(separator: ", "))); cannot tell which the table is for",
        at: SourceLocation(file: table.file, line: fromTitle.line),
        hint: "add a 年份/Year column, keep one year in the title, or name the file after the year (2013.csv)")
    }
    if fromName.count == 1, let year = fromName.first { return (year, []) }
    throw ImportError(
      "cannot tell the table's year: there is no 年份/Year column, no year in the lines above the header, and "
        + (fromName.isEmpty ? "none in the file name" : "the file name holds several (\(fromName.map(String.init).joined(separator: ", ")))"),
      at: table.fileLocation,
      hint: "add a title line such as \"2013年\", or name the file after the year (2013.csv, energy-2013.csv)")
  }

  private static func titleYears(_ rows: [TableRow]) -> (years: [Int], line: Int?) {
    var found: [Int] = [], line: Int?
    for row in rows {
      for year in years(inTitle: row.joinedText) where !found.contains(year) {
        found.append(year)
        line = line ?? row.line
      }
    }
    return (found, line)
  }

  private static func mismatchFinding(_ year: Int, line: Int?, fileYears: [Int], table: YearbookTable) -> [Finding] {
    guard fileYears.count == 1, let fileYear = fileYears.first, fileYear != year else { return [] }
    return [
      Finding(
        .warning, check: "year-mismatch",
        "the title says \(year) but the file name says \(fileYear); the table was read as \(year)",
        at: SourceLocation(file: table.file, line: line), year: year)
    ]
  }
}
