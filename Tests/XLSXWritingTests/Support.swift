import Foundation
import Testing
import XLSXWriting

/// A fresh directory under the system temp dir, removed by `remove()`.
struct ScratchDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  func remove() { try? FileManager.default.removeItem(at: url) }
}

struct UnzipFailure: Error, CustomStringConvertible {
  let description: String
}

/// The text of `member` inside the zip archive at `path`, read with `unzip -p`.
func unzipMember(_ member: String, of path: String) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["unzip", "-p", path, member]
  let output = Pipe()
  process.standardOutput = output
  process.standardError = FileHandle.nullDevice
  try process.run()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else {
    throw UnzipFailure(description: "unzip -p \(path) \(member) exited with \(process.terminationStatus)")
  }
  return String(decoding: data, as: UTF8.self)
}

/// The member names of the zip archive at `path`, read with `unzip -Z1`.
func zipMembers(of path: String) throws -> [String] {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["unzip", "-Z1", path]
  let output = Pipe()
  process.standardOutput = output
  try process.run()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
}

let fixedProperties = DocumentProperties(
  title: "Cement CO₂ account", subject: "Tests", author: "cement-accounts", company: "Example Institute",
  keywords: "cement, CO2", comments: "written by XLSXWritingTests",
  created: CreationDate(year: 2024, month: 3, day: 5, hour: 6, minute: 7, second: 8))
