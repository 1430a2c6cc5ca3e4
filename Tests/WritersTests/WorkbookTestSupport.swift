import Accounting
import CementModel
import Foundation
import Pipeline
import Testing
import Verification
@testable import Writers

private typealias Headers = WorkbookWriter.Headers
private typealias Labels = WorkbookWriter.Labels
private typealias Highlight = WorkbookWriter.Highlight

#if canImport(FoundationXML)
  import FoundationXML
#endif

// MARK: - The bundled province as a run record

/// The repository's root.
let workbookRepositoryRoot = BundledRun.repository

/// The bundled run, as the workbook tests name it.
typealias WorkbookFixture = BundledRun

/// A fresh directory under the system's temporary directory.
struct WorkbookScratch {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  func file(_ name: String) -> String { path + "/" + name }
  func remove() { try? FileManager.default.removeItem(atPath: path) }
}

// MARK: - Reading the workbook back

struct WorkbookTestFailure: Error, CustomStringConvertible {
  let description: String
}

/// Runs a program and returns its standard output; throws when it fails.
@discardableResult
func runWorkbookTool(_ arguments: [String]) throws -> Data {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = arguments
  let output = Pipe()
  process.standardOutput = output
  process.standardError = FileHandle.nullDevice
  try process.run()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else {
    throw WorkbookTestFailure(description: "\(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
  }
  return data
}

/// One member of the zip archive at `path`, read with `unzip -p`.
func workbookMember(_ member: String, of path: String) throws -> String {
  String(decoding: try runWorkbookTool(["unzip", "-p", path, member]), as: UTF8.self)
}

/// An XML element with its attributes, children and text, enough to read a worksheet.
final class WorkbookXMLNode {
  let name: String
  let attributes: [String: String]
  var children: [WorkbookXMLNode] = []
  var text = ""

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  /// Descendants named `name`, in document order.
  func all(_ name: String) -> [WorkbookXMLNode] {
    children.flatMap { ($0.name == name ? [$0] : []) + $0.all(name) }
  }

  func first(_ name: String) -> WorkbookXMLNode? { all(name).first }

  /// The text of this element and all its descendants.
  var allText: String { text + children.map(\.allText).joined() }

  static func parse(_ xml: String) throws -> WorkbookXMLNode {
    let builder = TreeBuilder()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = builder
    guard parser.parse(), let root = builder.root else {
      throw WorkbookTestFailure(description: "cannot parse XML: \(parser.parserError.map { "\($0)" } ?? "no root")")
    }
    return root
  }

  private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: WorkbookXMLNode?
    var stack: [WorkbookXMLNode] = []

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String]
    ) {
      let element = WorkbookXMLNode(name: name, attributes: attributes)
      if let parent = stack.last { parent.children.append(element) } else { root = element }
      stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
  }
}

/// One cell of a worksheet as stored: its formula, cached or literal value, style and text.
struct WorkbookCell {
  let formula: String?
  /// The `<v>` content: a number, or an index into the shared strings for text.
  let value: String?
  let style: Int
  let text: String?

  var number: Double? { text == nil ? value.flatMap(Double.init) : nil }
}

/// A written workbook read back: sheet names in order, each sheet's cells by A1 reference,
/// and the fill colour of each style.
struct StoredWorkbook {
  let path: String
  let sheetNames: [String]
  private let sheetFiles: [String: String]
  private let sharedStrings: [String]
  private let fills: [String?]
  private let styleFills: [Int]

  init(_ path: String) throws {
    self.path = path
    let workbook = try WorkbookXMLNode.parse(try workbookMember("xl/workbook.xml", of: path))
    let relations = try WorkbookXMLNode.parse(try workbookMember("xl/_rels/workbook.xml.rels", of: path))
    let targets = Dictionary(
      relations.all("Relationship").compactMap { r in r.attributes["Id"].flatMap { id in r.attributes["Target"].map { (id, $0) } } },
      uniquingKeysWith: { first, _ in first })
    let sheets = workbook.all("sheet")
    sheetNames = sheets.compactMap { $0.attributes["name"] }
    sheetFiles = Dictionary(
      sheets.compactMap { sheet in
        sheet.attributes["name"].flatMap { name in sheet.attributes["r:id"].flatMap { targets[$0] }.map { (name, "xl/" + $0) } }
      }, uniquingKeysWith: { first, _ in first })
    sharedStrings = try WorkbookXMLNode.parse(try workbookMember("xl/sharedStrings.xml", of: path)).all("si").map(\.allText)
    let styles = try WorkbookXMLNode.parse(try workbookMember("xl/styles.xml", of: path))
    fills = (styles.first("fills")?.all("fill") ?? []).map { $0.first("fgColor")?.attributes["rgb"] }
    styleFills = (styles.first("cellXfs")?.all("xf") ?? []).map { Int($0.attributes["fillId"] ?? "0") ?? 0 }
  }

  /// Every cell of a sheet by its A1 reference.
  func cells(_ sheet: String) throws -> [String: WorkbookCell] {
    guard let file = sheetFiles[sheet] else { throw WorkbookTestFailure(description: "no sheet '\(sheet)' in \(path)") }
    let xml = try WorkbookXMLNode.parse(try workbookMember(file, of: path))
    var cells: [String: WorkbookCell] = [:]
    for cell in xml.all("c") {
      guard let reference = cell.attributes["r"] else { continue }
      let value = cell.first("v")?.text
      let isShared = cell.attributes["t"] == "s"
      let text = isShared ? value.flatMap(Int.init).flatMap { sharedStrings.indices.contains($0) ? sharedStrings[$0] : nil } : nil
      cells[reference] = WorkbookCell(
        formula: cell.first("f")?.text, value: value, style: Int(cell.attributes["s"] ?? "0") ?? 0,
        text: text ?? (cell.attributes["t"] == "str" ? value : nil))
    }
    return cells
  }

  /// The solid fill of a style as `FFRRGGBB`, or nil.
  func fill(ofStyle style: Int) -> String? {
    guard styleFills.indices.contains(style), fills.indices.contains(styleFills[style]) else { return nil }
    return fills[styleFills[style]]
  }
}

/// A sheet's cells as a grid, to find columns by header and rows by year.
struct WorkbookGrid {
  /// `rows[r][c]`, 0-based; missing cells are empty strings.
  let rows: [[String]]

  /// From a worksheet's stored cells: text, or the number as stored.
  init(_ cells: [String: WorkbookCell]) {
    var grid: [[String]] = []
    for (reference, cell) in cells {
      let (row, column) = Self.position(reference)
      while grid.count <= row { grid.append([]) }
      while grid[row].count <= column { grid[row].append("") }
      grid[row][column] = cell.text ?? cell.value ?? ""
    }
    rows = grid
  }

  init(rows: [[String]]) { self.rows = rows }

  subscript(row: Int, column: Int) -> String {
    rows.indices.contains(row) && rows[row].indices.contains(column) ? rows[row][column] : ""
  }

  /// The row of the column headers: the one starting with the year header.
  var headerRow: Int? { rows.firstIndex { $0.first == Headers.year } }

  /// The column whose header is exactly `header`, in the header row.
  func column(_ header: String) -> Int? { headerRow.flatMap { rows[$0].firstIndex(of: header) } }

  /// The rows below the header whose first cell is `year`.
  func row(_ year: Int) -> Int? {
    guard let header = headerRow else { return nil }
    return rows.indices.first { $0 > header && Int(rows[$0].first ?? "") == year }
  }

  /// (0-based row, column) of `B12`.
  static func position(_ reference: String) -> (Int, Int) {
    let letters = reference.prefix { $0.isLetter }
    let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
    return ((Int(reference.dropFirst(letters.count)) ?? 1) - 1, column)
  }

  /// `B12` for (11, 1).
  static func reference(_ row: Int, _ column: Int) -> String {
    var letters = ""
    var rest = column + 1
    while rest > 0 {
      letters = String(UnicodeScalar(UInt8(65 + (rest - 1) % 26))) + letters
      rest = (rest - 1) / 26
    }
    return "\(letters)\(row + 1)"
  }
}

/// Parses comma-separated text with double-quoted fields that may hold commas, quotes and line breaks.
func parseRecalculatedCSV(_ text: String) -> [[String]] {
  var rows: [[String]] = []
  var row: [String] = []
  var field = ""
  var quoted = false
  var characters = text.makeIterator()
  var pending: Character?
  while let character = pending ?? characters.next() {
    pending = nil
    if quoted {
      if character == "\"" {
        let next = characters.next()
        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
      } else {
        field.append(character)
      }
      continue
    }
    switch character {
    case "\"": quoted = true
    case ",": row.append(field); field = ""
    case "\n", "\r\n":
      row.append(field); field = ""
      rows.append(row); row = []
    default: field.append(character)
    }
  }
  if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
  return rows
}

/// True when `actual` equals `expected` to `relative` precision (absolutely, near zero).
func agreesRelatively(_ actual: Double?, _ expected: Double, relative: Double = 1e-9) -> Bool {
  guard let actual else { return false }
  return abs(actual - expected) <= relative * max(abs(expected), abs(actual), 1e-3)
}
