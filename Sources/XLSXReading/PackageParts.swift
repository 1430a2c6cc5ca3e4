/// The small XML parts that say where the sheets are: `_rels/.rels`,
/// `xl/workbook.xml`, `xl/_rels/workbook.xml.rels`, and the shared-string table.
enum PackageParts {
  /// One `<Relationship>`: its type URI and its target resolved to a part name.
  struct Relationship {
    var type: String
    /// The part name without a leading `/`, e.g. `xl/worksheets/sheet1.xml`; nil for an
    /// external target.
    var target: String?
  }

  /// One `<sheet>` of `xl/workbook.xml`, in workbook order.
  struct SheetEntry {
    var name: String
    var relationshipID: String?
  }

  /// The relationships of a `.rels` part by id, with targets resolved against `sourcePart`
  /// (`xl/workbook.xml` for `xl/_rels/workbook.xml.rels`; empty for the package's own).
  static func relationships(
    _ bytes: UnsafeBufferPointer<UInt8>, partName: String, sourcePart: String
  ) throws(ReadFailure) -> [String: Relationship] {
    var scanner = XMLScanner(bytes, partName: partName)
    var result: [String: Relationship] = [:]
    while let tag = try scanner.nextTag() {
      guard tag.kind != .close, scanner.isNamed(tag, "Relationship") else { continue }
      guard let id = scanner.attribute("Id", of: tag).map(scanner.attributeString) else { continue }
      let type = scanner.attribute("Type", of: tag).map(scanner.attributeString) ?? ""
      let isExternal = scanner.attribute("TargetMode", of: tag).map(scanner.attributeString) == "External"
      let target = scanner.attribute("Target", of: tag).map(scanner.attributeString)
      result[id] = Relationship(
        type: type, target: isExternal ? nil : target.map { resolve($0, relativeTo: sourcePart) })
    }
    return result
  }

  /// The sheets listed in `xl/workbook.xml`, in order.
  static func sheets(_ bytes: UnsafeBufferPointer<UInt8>, partName: String) throws(ReadFailure) -> [SheetEntry] {
    var scanner = XMLScanner(bytes, partName: partName)
    var sheets: [SheetEntry] = []
    var sawWorkbook = false
    var sawSheets = false
    while let tag = try scanner.nextTag() {
      if scanner.isNamed(tag, "workbook") { sawWorkbook = true }
      if scanner.isNamed(tag, "sheets") {
        sawSheets = true
        // The list is complete at its end tag; the rest of the part is not needed.
        if tag.kind != .open { break }
        continue
      }
      guard tag.kind != .close, scanner.isNamed(tag, "sheet") else {
        if tag.kind == .close, sawSheets { break }  // </sheets>, since sheet tags are empty
        continue
      }
      guard let name = scanner.attribute("name", of: tag).map(scanner.attributeString) else {
        throw ReadFailure("\(partName) has a <sheet> without a name", hint: "the workbook is damaged")
      }
      let id = scanner.prefixedAttribute(localName: "id", of: tag).map(scanner.attributeString)
      sheets.append(SheetEntry(name: name, relationshipID: id))
      try scanner.skipElement(tag)
    }
    guard sawWorkbook, sawSheets else {
      throw ReadFailure(
        "\(partName) is not a workbook part (it has no <workbook> with <sheets>)",
        hint: "the file is damaged or is not an Excel workbook; open it in Excel or LibreOffice and save it as .xlsx")
    }
    return sheets
  }

  /// The shared-string table: one string per `<si>`, rich-text runs joined.
  static func sharedStrings(_ bytes: UnsafeBufferPointer<UInt8>, partName: String) throws(ReadFailure) -> [String] {
    var scanner = XMLScanner(bytes, partName: partName)
    var strings: [String] = []
    var inTable = false
    while let tag = try scanner.nextTag() {
      if scanner.isNamed(tag, "sst") {
        switch tag.kind {
        case .open:
          inTable = true
          // `uniqueCount` is a hint; an `<si/>` is at least 5 bytes, which bounds a lying one.
          if let count = scanner.attribute("uniqueCount", of: tag).flatMap({
            WorksheetParser.positiveInteger(scanner, $0, limit: bytes.count / 5)
          }) {
            strings.reserveCapacity(count)
          }
          continue
        case .empty: return []
        case .close: return strings
        }
      }
      guard inTable else { continue }
      if scanner.isNamed(tag, "si") {
        strings.append(try WorksheetParser.richText(&scanner, tag))
      } else if tag.kind == .open {
        try scanner.skipElement(tag)  // <extLst>
      }
    }
    throw ReadFailure(
      "\(partName) ends before </sst> (the shared-string table is truncated)",
      hint: "the workbook is damaged; open it in Excel or LibreOffice and save it again")
  }

  /// A relationship target as a part name: `worksheets/sheet1.xml` from `xl/workbook.xml` is
  /// `xl/worksheets/sheet1.xml`; `/xl/worksheets/sheet1.xml` is absolute; `..` and `.` are
  /// resolved.
  static func resolve(_ target: String, relativeTo sourcePart: String) -> String {
    var segments: [Substring]
    if target.hasPrefix("/") {
      segments = []
    } else {
      segments = sourcePart.split(separator: "/", omittingEmptySubsequences: false)
      segments.removeLast()  // the source part's own name
    }
    for segment in target.split(separator: "/", omittingEmptySubsequences: true) {
      switch segment {
      case ".": continue
      case "..": if !segments.isEmpty { segments.removeLast() }
      default: segments.append(segment)
      }
    }
    return segments.filter { !$0.isEmpty }.joined(separator: "/")
  }
}
