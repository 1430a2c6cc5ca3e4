/// SHA-256 (FIPS 180-4), for the input checksums the workbook's Summary records. Small and
/// dependency-free. Inputs are workbooks of a few hundred kilobytes, so the 64-byte blocks
/// are compressed straight from the caller's bytes (only the padded tail is copied), with
/// the message schedule in a stack buffer.
public enum SHA256 {
  private static let k: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
  ]

  /// The digest of `bytes` as 64 lower-case hexadecimal digits.
  public static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    return String(decoding: digest(bytes).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] }, as: UTF8.self)
  }

  /// The 32-byte digest of `bytes`.
  public static func digest(_ bytes: [UInt8]) -> [UInt8] {
    var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
      (0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19)
    let fullBlocks = bytes.count / 64
    // The last partial block, the 0x80 marker and the length in bits: one or two blocks.
    var tail = [UInt8](bytes[(fullBlocks * 64)...])
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    let bitLength = UInt64(bytes.count) * 8
    for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
    k.withUnsafeBufferPointer { k in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
        bytes.withUnsafeBytes { compress(&h, $0, blocks: fullBlocks, k: k, w: w) }
        tail.withUnsafeBytes { compress(&h, $0, blocks: $0.count / 64, k: k, w: w) }
      }
    }
    return [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7].flatMap { word in
      (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - $0 * 8)) }
    }
  }

  /// Runs the compression function over the first `blocks` 64-byte blocks of `message`.
  private static func compress(
    _ h: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32), _ message: UnsafeRawBufferPointer,
    blocks: Int, k: UnsafeBufferPointer<UInt32>, w: UnsafeMutableBufferPointer<UInt32>
  ) {
    guard blocks > 0, let base = message.baseAddress else { return }
    for block in 0..<blocks {
      let chunk = base + block * 64
      for i in 0..<16 { w[i] = UInt32(bigEndian: chunk.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)) }
      for i in 16..<64 {
        let s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >> 3)
        let s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >> 10)
        w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
      }
      // Eight rounds at a time, the eight variables renamed from round to round rather than moved.
      var (a, b, c, d, e, f, g, hh) = h
      var i = 0
      while i < 64 {
        round(a, b, c, &d, e, f, g, &hh, k[i] &+ w[i])
        round(hh, a, b, &c, d, e, f, &g, k[i + 1] &+ w[i + 1])
        round(g, hh, a, &b, c, d, e, &f, k[i + 2] &+ w[i + 2])
        round(f, g, hh, &a, b, c, d, &e, k[i + 3] &+ w[i + 3])
        round(e, f, g, &hh, a, b, c, &d, k[i + 4] &+ w[i + 4])
        round(d, e, f, &g, hh, a, b, &c, k[i + 5] &+ w[i + 5])
        round(c, d, e, &f, g, hh, a, &b, k[i + 6] &+ w[i + 6])
        round(b, c, d, &e, f, g, hh, &a, k[i + 7] &+ w[i + 7])
        i += 8
      }
      h.0 &+= a; h.1 &+= b; h.2 &+= c; h.3 &+= d
      h.4 &+= e; h.5 &+= f; h.6 &+= g; h.7 &+= hh
    }
  }

  /// One round: `d` and `h` take the new values of `e` and `a`; the caller renames the rest.
  /// Choice and majority are written with three operations each (`g ^ (e & (f ^ g))` is
  /// `(e & f) ^ (~e & g)`; `(a & b) | (c & (a | b))` is `(a & b) ^ (a & c) ^ (b & c)`).
  @inline(__always) private static func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
    _ kw: UInt32
  ) {
    let t1 = h &+ (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) &+ (g ^ (e & (f ^ g))) &+ kw
    let t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) &+ ((a & b) | (c & (a | b)))
    d &+= t1
    h = t1 &+ t2
  }

  @inline(__always) private static func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
