internal import CLibDeflate

/// libdeflate, the one place this module calls it: whole-buffer inflation of a ZIP member's
/// raw deflate stream, and CRC-32. The decompressor is owned here and freed with the value.
///
/// libdeflate rather than zlib (through ZIPFoundation) because a member is inflated in one
/// call into a buffer of its declared size, which is all a ZIP reader needs: about twice as
/// fast as zlib's streaming inflate, and its CRC-32 uses the processor's carry-less multiply.
final class Inflater {
  /// How an inflation ended.
  enum Outcome {
    /// The stream ended after producing this many bytes.
    case inflated(Int)
    /// The stream would produce more bytes than the output holds.
    case tooLarge
    /// The bytes are not a valid deflate stream, or it is cut short.
    case invalid
  }

  private let decompressor: OpaquePointer

  /// Nil only when the memory for a decompressor (some 30 KB) cannot be had.
  init?() {
    guard let decompressor = libdeflate_alloc_decompressor() else { return nil }
    self.decompressor = decompressor
  }

  deinit { libdeflate_free_decompressor(decompressor) }

  /// Inflates the raw deflate stream `input` into `output`, never writing beyond it.
  func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Outcome {
    var produced = 0
    let result = libdeflate_deflate_decompress(decompressor, input.baseAddress, input.count, output.baseAddress, output.count, &produced)
    switch result {
    case LIBDEFLATE_SUCCESS: return .inflated(produced)
    case LIBDEFLATE_INSUFFICIENT_SPACE: return .tooLarge
    default: return .invalid
    }
  }

  /// The CRC-32 (ZIP's, ISO-HDLC) of `bytes`.
  static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    UInt32(libdeflate_crc32(0, bytes.baseAddress, bytes.count))
  }
}
