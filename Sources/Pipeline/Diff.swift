import Accounting
import CementModel
import Checksums
import Comparison
import Foundation
import Importing
import Writers
import XLSXReading

/// `diff`: the edges of a comparison. Reads run folders back (emissions.csv, and the workbook's
/// Summary and Provenance when present), or accounts two methodologies over the same inputs with
/// the attribution of every change; the comparison itself is `Comparison`'s pure logic.
extension Pipeline {
  /// Whether `argument` names a run folder (a folder holding `emissions.csv`).
  public static func isRunFolder(_ argument: String) -> Bool {
    FileManager.default.fileExists(atPath: argument + "/emissions.csv")
  }

  /// Compares two sides, each a run folder or a methodology accounted on the fly over the
  /// province's inputs. Attribution is made when both are methodologies.
  public func diff(
    _ a: String, _ b: String, province provinceName: String?, years: ClosedRange<Int>?, tolerance: Double
  ) throws(PipelineError) -> Comparison {
    let folders = (Self.isRunFolder(a), Self.isRunFolder(b))
    var inputs: ProvinceInputs?
    if !folders.0 || !folders.1 {
      let province = try self.inputs.resolveProvince(provinceName)
      let imported = try importProvince(province)
      inputs = years.map { imported.restricted(to: $0) } ?? imported
    }
    func onTheFly(_ name: String) throws(PipelineError) -> (DiffSide, Methodology) {
      let loaded = try methodology(name)
      let m = years.map { loaded.over(years: $0) } ?? loaded
      let account = try Pipeline.account(inputs!, methodology: m, catalogue: catalogue)
      return (DiffSide(label: m.name, figures: FigureTable(account: account), methodology: m, inputFiles: inputs!.files), m)
    }
    let left = folders.0 ? (try runFolder(a), nil) : try onTheFly(a)
    let right = folders.1 ? (try runFolder(b), nil) : try onTheFly(b)
    var attribution: Attribution?
    if let ma = left.1, let mb = right.1, let inputs {
      do {
        attribution = try Attribution.attribute(from: ma, to: mb, accountA: left.0.figures, accountB: right.0.figures) { m in
          FigureTable(account: try Pipeline.account(inputs, methodology: m, catalogue: catalogue))
        }
      } catch {
        throw PipelineError(error)
      }
    }
    return Comparison.compare(left.0, right.0, tolerance: tolerance, attribution: attribution)
  }

  /// Reads a folder written by `run`: its figures, and from its workbook the input files, the
  /// provenance of every activity value, and the methodology when its files are unchanged.
  public func runFolder(_ folder: String) throws(PipelineError) -> DiffSide {
    let csvPath = folder + "/emissions.csv"
    let text = try readText(csvPath, what: "run folder")
    let figures: FigureTable
    do { figures = try FigureTable.parse(csv: text, file: csvPath) } catch { throw PipelineError(error) }
    var notes: [String] = []
    let workbookPath = folder + "/workbook.xlsx"
    guard FileManager.default.fileExists(atPath: workbookPath) else {
      notes.append("no workbook.xlsx (run with --format csv?): input files, activity values and the methodology are not known")
      return DiffSide(label: folder, figures: figures, methodology: nil, notes: notes)
    }
    let record: RunWorkbook
    do { record = try RunWorkbook(path: workbookPath) } catch {
      throw PipelineError("\(workbookPath): cannot read the run's workbook: \(error)", hint: "pass a folder written by 'cement-accounts run'")
    }
    var methodology: Methodology?
    let methodologyFiles = record.inputFiles.filter { $0.role == "methodology" }
    if let top = record.methodologyFiles.first, !methodologyFiles.isEmpty {
      let changed = methodologyFiles.filter { file in (try? readBytes(file.path)).map { SHA256.hex($0) } != file.sha256 }
      if changed.isEmpty {
        do { methodology = try MethodologyLoader(catalogue: catalogue, read: readText).load(path: top) } catch {
          notes.append("the methodology \(top) cannot be read again: \(error)")
        }
      } else {
        notes.append(
          "the methodology is not known: \(changed.map(\.path).joined(separator: ", ")) changed or is missing since the run (its SHA-256 differs)")
      }
    } else {
      notes.append("the workbook does not list the methodology files")
    }
    return DiffSide(
      label: folder, figures: figures, methodology: methodology, inputFiles: record.inputFiles.filter { $0.role != "methodology" },
      provenance: record.provenance, notes: notes)
  }

  /// Writes `diff.md`, `diff.xlsx`, `diff-attribution.csv` (when there is an attribution) and `index.md` into `folder`, all or none.
  public static func writeDiff(_ comparison: Comparison, to folder: String) throws(PipelineError) -> [String] {
    var staging = StagedFiles(folder: folder)
    defer { staging.discard() }
    try staging.stage("diff.md", bytes: Array(DiffMarkdown.render(comparison).utf8))
    if let csv = DiffCSV.attribution(comparison) { try staging.stage("diff-attribution.csv", bytes: Array(csv.utf8)) }
    let path = try staging.reserve("diff.xlsx")
    do { try DiffWorkbook.write(comparison, to: path) } catch { throw PipelineError("cannot write the comparison workbook: \(error)") }
    try staging.stageIndex(title: "\(comparison.a) vs \(comparison.b)", language: .en)
    return try staging.commit()
  }

  /// The default output folder of a comparison: `<output>/diff/<A>-vs-<B>`.
  public static func diffFolder(_ output: String, _ comparison: Comparison) -> String {
    func slug(_ label: String) -> String {
      let trimmed = label.hasSuffix("/") ? String(label.dropLast()) : label
      let parts = trimmed.split(separator: "/").filter { $0 != "." && $0 != "Output" }
      let text = parts.suffix(3).joined(separator: "_")
      return String(text.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
    }
    return "\(output)/diff/\(slug(comparison.a))-vs-\(slug(comparison.b))"
  }
}

/// Reads a text file for `diff`, naming what it was looking for.
private func readText(_ path: String, what: String) throws(PipelineError) -> String {
  guard FileManager.default.fileExists(atPath: path) else {
    throw PipelineError("\(path) does not exist", hint: "pass a \(what) written by 'cement-accounts run' (Output/<province>/<methodology>), or a methodology name")
  }
  do { return try readText(path) } catch { throw PipelineError(error) }
}

/// What a run's `workbook.xlsx` records about the run: the methodology files and input files
/// (Summary) and every activity value with its source cell (Provenance).
struct RunWorkbook {
  var methodologyFiles: [String] = []
  var inputFiles: [InputFile] = []
  var provenance: [ProvenanceRow] = []

  init(path: String) throws {
    let reader = try XLSXWorkbookReader(path: path)
    let summary = try reader.sheet(named: "Summary")
    for row in 0..<summary.rowCount {
      let label = summary[row, 0]?.textValue ?? ""
      if label == "Methodology files" || label == "方法文件" {
        methodologyFiles = (summary[row, 1]?.textValue ?? "").components(separatedBy: "; ").filter { !$0.isEmpty }
      }
      if label == "文件 File", summary[row, 2]?.textValue == "SHA-256" {
        var line = row + 1
        while line < summary.rowCount, let path = summary[line, 0]?.textValue, !path.isEmpty, let sha = summary[line, 2]?.textValue {
          let encoding = summary[line, 3]?.textValue
          inputFiles.append(InputFile(path: path, role: summary[line, 1]?.textValue ?? "", sha256: sha, encoding: encoding?.isEmpty == false ? encoding : nil))
          line += 1
        }
      }
    }
    guard reader.sheetNames.contains("Provenance") else { return }
    let sheet = try reader.sheet(named: "Provenance")
    guard let header = (0..<min(sheet.rowCount, 20)).first(where: { sheet[$0, 4]?.textValue == "文件 File" }) else { return }
    var row = header + 1
    func text(_ column: Int) -> String { sheet[row, column].map(\.description) ?? "" }
    while row < sheet.rowCount, let year = sheet[row, 0]?.numberValue, let value = sheet[row, 2]?.numberValue {
      let files = text(4).components(separatedBy: "; "), lines = text(5).components(separatedBy: "; "), columns = text(6).components(separatedBy: "; ")
      let locations = files.indices.map { i in
        [files[i], i < lines.count ? lines[i] : "", i < columns.count ? columns[i] : ""].filter { !$0.isEmpty }.joined(separator: ":")
      }
      provenance.append(ProvenanceRow(
        year: Int(year), item: text(1), value: value, unit: text(3), location: locations.joined(separator: "; "), originalText: text(7),
        steps: text(10), flags: text(11)))
      row += 1
    }
  }
}
