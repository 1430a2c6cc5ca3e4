import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so that a reader never sees a half-written one: the bytes go to a temporary
/// file in the same folder, which is renamed over the target only once complete.
public enum AtomicFile {
  public static func write(_ bytes: [UInt8], to path: String) throws(PipelineError) {
    let folder = (path as NSString).deletingLastPathComponent
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw PipelineError("cannot create the output folder \(folder): \(describe(error))", hint: "choose a writable folder with --output")
    }
    let temporary = folder + "/." + (path as NSString).lastPathComponent + ".partial-\(getpid())"
    guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
      throw PipelineError("cannot write \(temporary) in \(folder) (permission denied or disk full?)", hint: "choose a writable folder with --output")
    }
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw PipelineError("cannot replace \(path): \(reason)")
    }
  }

  private static func describe(_ error: any Error) -> String {
    (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
  }
}
