import Foundation
import Testing
import XLSXWriting

#if canImport(Glibc)
  import Glibc
#endif

/// libxlsxwriter's scratch files (`lxw_tmpfile`, which the process defines in memory; see
/// `Sources/CInterposers/scratch.c`), used as libxlsxwriter uses them: written with stdio,
/// rewound or sought, read back, closed.
@Suite struct ScratchStreamTests {
  typealias TemporaryFile = @convention(c) (UnsafeMutablePointer<CChar>?) -> UnsafeMutablePointer<FILE>?

  /// The `lxw_tmpfile` libxlsxwriter calls, resolved as the dynamic linker resolves it.
  func openScratch() throws -> UnsafeMutablePointer<FILE> {
    let symbol = try #require(dlsym(nil /* RTLD_DEFAULT */, "lxw_tmpfile"))
    return try #require(unsafeBitCast(symbol, to: TemporaryFile.self)(nil))
  }

  @Test func aScratchFileIsMemoryNotADescriptor() throws {
    let file = try openScratch()
    defer { fclose(file) }
    #expect(fileno(file) == -1, "a scratch file with a file descriptor: libxlsxwriter's own lxw_tmpfile is in use")
  }

  @Test func whatIsWrittenIsReadBackAfterRewinding() throws {
    let file = try openScratch()
    defer { fclose(file) }
    // 300 KB in pieces of every size, as fprintf and fwrite hand them to the stream.
    var written: [UInt8] = []
    var generator = UInt64(2013)
    while written.count < 300_000 {
      generator = generator &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let piece = (0..<Int(generator >> 52)).map { UInt8(truncatingIfNeeded: generator >> UInt64(8 + $0 % 40)) }
      #expect(fwrite(piece, 1, piece.count, file) == piece.count)
      written += piece
    }
    #expect(fflush(file) == 0)
    #expect(ftell(file) == written.count)
    rewind(file)
    var read = [UInt8](repeating: 0, count: written.count + 100)
    #expect(fread(&read, 1, read.count, file) == written.count)
    #expect(Array(read.prefix(written.count)) == written)
    #expect(feof(file) != 0)
  }

  @Test func seeksWithinAndBeyondTheEnd() throws {
    let file = try openScratch()
    defer { fclose(file) }
    #expect(fputs("0123456789", file) >= 0)
    #expect(fseek(file, 4, SEEK_SET) == 0)
    #expect(fputs("ab", file) >= 0)
    #expect(fseek(file, 3, SEEK_END) == 0)  // a hole of three bytes, then "z"
    #expect(fputc(Int32(UInt8(ascii: "z")), file) == Int32(UInt8(ascii: "z")))
    #expect(fseek(file, -100, SEEK_SET) != 0)
    #expect(fseek(file, 0, SEEK_SET) == 0)
    var read = [UInt8](repeating: 0xFF, count: 20)
    #expect(fread(&read, 1, 20, file) == 14)
    #expect(Array(read.prefix(14)) == Array("0123ab6789".utf8) + [0, 0, 0, UInt8(ascii: "z")])
  }
}
