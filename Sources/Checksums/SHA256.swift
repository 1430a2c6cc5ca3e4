internal import CLibCrypto

/// SHA-256 (FIPS 180-4), for the input checksums the workbook's Summary records: OpenSSL's,
/// the one place the tool calls it. libxlsxwriter already loads OpenSSL's libcrypto into the
/// process; its SHA-256 uses the processor's SHA extensions where there are some, about five
/// times as fast as portable code on the CEADs workbooks (4 MB, checksummed on every batch).
public enum SHA256 {
  /// The digest of `bytes` as 64 lower-case hexadecimal digits.
  public static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    return String(decoding: digest(bytes).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] }, as: UTF8.self)
  }

  /// The 32-byte digest of `bytes`.
  public static func digest(_ bytes: [UInt8]) -> [UInt8] {
    var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    let succeeded = bytes.withUnsafeBytes { input in
      EVP_Digest(input.baseAddress, input.count, &digest, &length, EVP_sha256(), nil) == 1
    }
    // EVP_Digest fails only when OpenSSL cannot allocate its context: out of memory.
    precondition(succeeded && length == 32, "OpenSSL's SHA-256 failed (out of memory?)")
    return Array(digest.prefix(32))
  }
}
