import Foundation

/// A fresh folder under the system's temporary directory for one test, removed by ``remove()``.
public struct ScratchFolder: Sendable {
  /// The folder's path.
  public let path: String

  /// A new, empty folder whose name starts with `prefix`.
  public init(_ prefix: String = "cement-accounts-tests") throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// The path of `name` inside the folder.
  public func file(_ name: String) -> String { path + "/" + name }

  /// Removes the folder and everything in it.
  public func remove() { try? FileManager.default.removeItem(atPath: path) }
}
