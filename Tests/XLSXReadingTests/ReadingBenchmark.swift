import Dispatch
import Foundation
import Testing
import XLSXReading

/// A benchmark, not a test: it asserts nothing about time and runs only when asked.
///
///     XLSX_BENCHMARK=1 swift test -c release --scratch-path .build-xlsxread \
///       --filter XLSXReadingTests.ReadingBenchmark
///
/// It prints the wall time to open each CEADs energy inventory and read all its province
/// sheets, then the whole batch (12 workbooks and the apparent inventory) on every core.
@Suite(
  .enabled(
    if: ProcessInfo.processInfo.environment["XLSX_BENCHMARK"] != nil && ceadsAvailable,
    "set XLSX_BENCHMARK=1 (and build with -c release) to run"))
struct ReadingBenchmark {
  static func readAll(_ path: String) throws -> Int {
    let reader = try XLSXWorkbookReader(path: path)
    var cells = 0
    for name in reader.sheetNames where name != "NOTE" {
      let sheet = try reader.sheet(named: name)
      for row in 0..<sheet.rowCount {
        for column in 0..<sheet.columnCount where sheet[row, column] != nil { cells += 1 }
      }
    }
    return cells
  }

  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  /// CPU time of the calling thread: unlike wall time, not inflated by other processes.
  static func threadCPUSeconds(_ body: () throws -> Void) rethrows -> Double {
    var start = timespec()
    var end = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
    try body()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
  }

  @Test func timings() throws {
    let folder = "\(ceadsDirectory)/energy-inventory"
    let files =
      try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xlsx") }.sorted()
      .map { "\(folder)/\($0)" } + ["\(ceadsDirectory)/apparent-emission-inventory-1997-2022.xlsx"]
    _ = try Self.readAll(files[0])  // warm the page cache and the code

    print("XLSXReading benchmark (wall time, one thread per workbook)")
    for file in files {
      var cells = 0
      let wall = try (0..<5).map { _ in try Self.seconds { cells = try Self.readAll(file) } }
      let cpu = try (0..<5).map { _ in try Self.threadCPUSeconds { cells = try Self.readAll(file) } }
      print(
        String(
          format: "  %@  %6.2f ms wall, %6.2f ms CPU  (best of 5; %d cells)", (file as NSString).lastPathComponent,
          wall.min()! * 1000, cpu.min()! * 1000, cells))
    }
    for _ in 0..<3 {
      let sequential = try Self.seconds { for file in files { _ = try Self.readAll(file) } }
      let parallel = Self.seconds {
        DispatchQueue.concurrentPerform(iterations: files.count) { index in _ = try? Self.readAll(files[index]) }
      }
      print(
        String(
          format: "  all %d workbooks: %.1f ms on one thread, %.1f ms with concurrentPerform on %d cores",
          files.count, sequential * 1000, parallel * 1000, ProcessInfo.processInfo.activeProcessorCount))
    }
  }
}
