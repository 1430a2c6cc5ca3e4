import Foundation
@testable import Pipeline
import Testing

/// `StagedFiles` (Pipeline): an output folder gets all of a run's files or none of them. The
/// end-to-end cases are in `EndToEndTests/BatchFailureTests.swift`; these reach the rollback
/// of a rename that fails after others have succeeded, which the command line cannot provoke.
@Suite struct StagedFilesTests {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("staged-files-\(UUID().uuidString)").path

  func write(_ text: String, to name: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name)"))
  }

  func contents() throws -> [String: String] {
    var result: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: "\(folder)/\(name)", isDirectory: &isDirectory)
      result[name] = isDirectory.boolValue ? "<folder>" : try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
    }
    return result
  }

  @Test func aCommitReplacesEveryFileAndLeavesNothingElse() throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try write("old a", to: "a.txt")
    var staging = StagedFiles(folder: folder)
    defer { staging.discard() }
    try staging.stage("a.txt", bytes: Array("new a".utf8))
    try staging.stage("b.txt", bytes: Array("new b".utf8))
    #expect(try staging.commit() == ["\(folder)/a.txt", "\(folder)/b.txt"])
    #expect(try contents() == ["a.txt": "new a", "b.txt": "new b"])
  }

  /// The third rename fails (a folder cannot replace a file): the two files already renamed
  /// are put back as they were, the new one is removed, and no backup is left.
  @Test func aRenameThatFailsMidwayPutsBackWhatItReplaced() throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try write("old a", to: "a.txt")
    try write("old c", to: "c.txt")
    var staging = StagedFiles(folder: folder)
    try staging.stage("a.txt", bytes: Array("new a".utf8))
    try staging.stage("b.txt", bytes: Array("new b".utf8))
    let blocked = try staging.reserve("c.txt")
    try FileManager.default.createDirectory(atPath: blocked, withIntermediateDirectories: false)
    let error = #expect(throws: PipelineError.self) { _ = try staging.commit() }
    #expect(error?.message.hasPrefix("cannot replace \(folder)/c.txt: ") == true, "\(String(describing: error))")
    staging.discard()
    try FileManager.default.removeItem(atPath: blocked)
    #expect(try contents() == ["a.txt": "old a", "c.txt": "old c"])
  }

  @Test func aFolderWhereAFileGoesRefusesTheSetBeforeAnythingIsReplaced() throws {
    try FileManager.default.createDirectory(atPath: folder + "/b.txt", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try write("old a", to: "a.txt")
    var staging = StagedFiles(folder: folder)
    try staging.stage("a.txt", bytes: Array("new a".utf8))
    try staging.stage("b.txt", bytes: Array("new b".utf8))
    let error = #expect(throws: PipelineError.self) { _ = try staging.commit() }
    #expect(error?.description == """
      error: cannot replace \(folder)/b.txt: it is a folder, not a file
        hint: move it out of the way, or choose another folder with --output
      """)
    staging.discard()
    #expect(try contents() == ["a.txt": "old a", "b.txt": "<folder>"])
  }
}

/// Issue 17: the names a killed run leaves, and only those, are swept by the next.
@Suite struct StaleFileNameTests {
  @Test func theProcessIdOfOurOwnTemporaryNames() {
    #expect(StagedFiles.stalePID(".emissions.csv.partial-123") == 123)
    #expect(StagedFiles.stalePID(".workbook.xlsx.previous-42") == 42)
    #expect(StagedFiles.stalePID(".partial-12") == nil)
    #expect(StagedFiles.stalePID("emissions.csv.partial-x") == nil)
    #expect(StagedFiles.stalePID(".a.partial-") == nil)
    #expect(StagedFiles.stalePID(".a.partial-１２") == nil)
    #expect(StagedFiles.stalePID(".notes.txt") == nil)
  }
}
