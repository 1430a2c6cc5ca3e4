import Foundation

/// The report templates and the bundled methodologies, compiled into the binary
/// (`BuiltInFiles.generated.swift`, written by `scripts/generate-built-in.py`), so that a binary
/// copied alone to `/usr/local/bin` runs from any folder.
///
/// A built-in file has a path of its own, `built-in:Templates/report.en.md.mustache`, which
/// provenance (the workbook's input files, `diff`) shows as it is; files on disk always come
/// first: `--templates DIR`, `./Templates`, an inputs folder's own `methodologies/` and
/// `./Inputs/methodologies` override the built-in ones.
public enum BuiltIn {
  /// The prefix of a built-in file's path.
  public static let prefix = "built-in:"

  /// The built-in templates folder, as a path the readers understand.
  public static let templatesFolder = prefix + "Templates"

  /// The built-in methodologies folder, as a path the readers understand.
  public static let methodologiesFolder = prefix + "Inputs/methodologies"

  /// The text of a built-in file by its path (`built-in:Templates/…`), or nil.
  public static func text(_ path: String) -> String? {
    guard path.hasPrefix(prefix) else { return nil }
    return files[String(path.dropFirst(prefix.count))]
  }

  /// The names of the files in a built-in folder (`built-in:Inputs/methodologies`), sorted.
  public static func names(in folder: String) -> [String] {
    guard folder.hasPrefix(prefix) else { return [] }
    let inside = folder.dropFirst(prefix.count) + "/"
    return files.keys.filter { $0.hasPrefix(inside) && !$0.dropFirst(inside.count).contains("/") }
      .map { String($0.dropFirst(inside.count)) }.sorted()
  }

  /// The built-in markets folder (`Inputs/markets`).
  public static let marketsFolder = prefix + "Inputs/markets"

  /// The built-in scenarios folder (`Inputs/scenarios`).
  public static let scenariosFolder = prefix + "Inputs/scenarios"

  /// Whether `path` is a file on disk or a built-in file.
  static func exists(_ path: String) -> Bool { text(path) != nil || FileManager.default.fileExists(atPath: path) }

  /// The names without `.yaml` of the YAML files in a folder on disk or built in.
  static func yamlNames(in folder: String) -> [String] {
    let files = folder.hasPrefix(prefix) ? names(in: folder) : ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
    return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
  }

  /// Every built-in file by its path in the package (`Templates/report.en.md.mustache`), for tests.
  public static var all: [String: String] { files }
}
