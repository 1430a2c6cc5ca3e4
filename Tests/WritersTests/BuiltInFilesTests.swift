import Foundation
import Pipeline
import Testing

/// The templates and methodologies compiled into the binary are those of the package's folders.
@Suite struct BuiltInFilesTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Every file of `Templates/*.mustache` and `Inputs/{methodologies,markets,scenarios}/*.yaml`, by its package path.
  static func filesOnDisk() throws -> [String: String] {
    var files: [String: String] = [:]
    for (folder, suffix) in [("Templates", ".mustache"), ("Inputs/methodologies", ".yaml"), ("Inputs/markets", ".yaml"), ("Inputs/scenarios", ".yaml")] {
      let names = try FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent(folder).path).filter { $0.hasSuffix(suffix) }
      for name in names {
        files["\(folder)/\(name)"] = try String(contentsOf: repository.appendingPathComponent("\(folder)/\(name)"), encoding: .utf8)
      }
    }
    return files
  }

  @Test func theGeneratedFileMatchesTheFolders() throws {
    let disk = try Self.filesOnDisk()
    let builtIn = BuiltIn.all
    #expect(
      Set(builtIn.keys) == Set(disk.keys),
      "run scripts/generate-built-in.py: built in but not on disk \(Set(builtIn.keys).subtracting(disk.keys).sorted()), on disk but not built in \(Set(disk.keys).subtracting(builtIn.keys).sorted())"
    )
    for (path, text) in disk.sorted(by: { $0.key < $1.key }) {
      #expect(builtIn[path] == text, "\(path) differs from its built-in copy: run scripts/generate-built-in.py")
    }
  }

  @Test func builtInPathsAreRead() {
    #expect(BuiltIn.text("built-in:Templates/report.en.md.mustache")?.isEmpty == false)
    #expect(BuiltIn.text("Templates/report.en.md.mustache") == nil)
    #expect(BuiltIn.names(in: BuiltIn.methodologiesFolder).contains("study-2025.yaml"))
    #expect(!BuiltIn.names(in: BuiltIn.methodologiesFolder).contains("README.md"))
  }
}
