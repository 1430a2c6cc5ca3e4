import Foundation
import Testing
import XLSXWriting

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Workbooks closed while other threads of the process are busy, as in `batch`.
@Suite struct ConcurrentCloseTests {
  let directory: ScratchDirectory
  init() throws { directory = try ScratchDirectory() }

  /// libxlsxwriter prints the creation date through `gmtime`, whose result glibc keeps in one
  /// buffer for the process: another thread calling `gmtime` meanwhile (another workbook
  /// closing, or any library) must not change the date a workbook is written with.
  @Test func creationDatesSurviveOtherThreadsCallingGmtime() throws {
    defer { directory.remove() }
    // The gmtime another shared library would call, resolved as the dynamic linker does.
    typealias Gmtime = @convention(c) (UnsafePointer<time_t>?) -> UnsafeMutablePointer<tm>?
    let symbol = try #require(dlsym(nil /* RTLD_DEFAULT */, "gmtime"))
    let otherGmtime = unsafeBitCast(symbol, to: Gmtime.self)
    let busy = Thread {
      var otherTime = time_t(86_400 * 400)  // 1971-02-05
      while !Thread.current.isCancelled { _ = otherGmtime(&otherTime) }
    }
    busy.start()
    defer { busy.cancel() }

    var properties = fixedProperties
    properties.created = CreationDate(year: 2023, month: 1, day: 1)
    for index in 0..<100 {
      let path = directory.path("\(index).xlsx")
      let workbook = try Workbook(path: path, properties: properties)
      _ = try workbook.addWorksheet(named: "Data")
      try workbook.close()
      let core = try unzipMember("docProps/core.xml", of: path)
      try #require(
        core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2023-01-01T00:00:00Z</dcterms:created>"),
        "workbook \(index) of 100: \(core)")
    }
  }
}
