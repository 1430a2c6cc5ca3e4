/// One member of a ZIP archive, as its central directory describes it.
struct ZIPEntry: Sendable {
  let name: String
  /// 0 (stored) or 8 (deflate); anything else is refused when the entry is read.
  let method: UInt16
  let flags: UInt16
  let crc32: UInt32
  let compressedSize: Int
  let uncompressedSize: Int
  let localHeaderOffset: Int
}

/// The central directory of a ZIP archive held in memory, and the inflation of its members.
///
/// The directory is parsed here, and every offset and size checked against the bytes actually
/// present; a member is inflated by ``Inflater`` (libdeflate) in one call, from exactly its
/// compressed bytes into a buffer of exactly its declared size. (ZIPFoundation's
/// `Archive.extract`, 0.9.20, loops forever when a deflate stream runs to the end of the file
/// without finishing, as a crafted or damaged archive's can.)
struct ZIPArchive: Sendable {
  /// The whole file.
  let bytes: [UInt8]
  /// Members by exact name, and by lowercased name (OPC part names are case-insensitive).
  private let entries: [String: ZIPEntry]
  private let lowercasedEntries: [String: ZIPEntry]

  /// A member is never inflated beyond this many bytes (64 MiB), whatever its header claims.
  /// The largest member of the CEADs workbooks is some 160 KB; a sheet of 64 MiB is already
  /// far beyond any statistical table, and keeps the reader's memory at a few hundred MB.
  static let maximumEntrySize = 64 << 20

  /// The members of one archive together never inflate beyond this many bytes (256 MiB), nor
  /// is a file larger than this read: a workbook of many members each under
  /// ``maximumEntrySize`` is bounded too. (The CEADs workbooks inflate to 1.6 MB at most.)
  static let maximumTotalSize = 256 << 20

  private static let localHeaderSignature: UInt32 = 0x0403_4B50
  private static let centralHeaderSignature: UInt32 = 0x0201_4B50
  private static let endOfDirectorySignature: UInt32 = 0x0605_4B50
  private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
  private static let zip64EndOfDirectorySignature: UInt32 = 0x0606_4B50

  /// Parses the central directory of `bytes`, which must start like a ZIP archive.
  init(bytes: [UInt8]) throws(ReadFailure) {
    self.bytes = bytes
    let damaged = "the file is truncated or damaged (its ZIP central directory is missing or unreadable)"
    let refetch = "the download or copy was probably interrupted; fetch or copy the workbook again"

    // The end-of-central-directory record is the last 22 bytes plus a comment of at most 64 KiB.
    guard bytes.count >= 22 else { throw ReadFailure(damaged, hint: refetch) }
    var endOffset: Int?
    var candidate = bytes.count - 22
    let lowest = max(0, bytes.count - 22 - 0xFFFF)
    while candidate >= lowest {
      if Self.u32(bytes, candidate) == Self.endOfDirectorySignature,
        let commentLength = Self.u16(bytes, candidate + 20), candidate + 22 + Int(commentLength) <= bytes.count
      {
        endOffset = candidate
        break
      }
      candidate -= 1
    }
    guard let endOffset, let count16 = Self.u16(bytes, endOffset + 10),
      let size32 = Self.u32(bytes, endOffset + 12), let offset32 = Self.u32(bytes, endOffset + 16)
    else { throw ReadFailure(damaged, hint: refetch) }

    var entryCount = Int(count16)
    var directorySize = Int(size32)
    var directoryOffset = Int(offset32)
    if count16 == 0xFFFF || size32 == 0xFFFF_FFFF || offset32 == 0xFFFF_FFFF {
      // ZIP64: the locator sits just before the classic record and points at the real one.
      if Self.u32(bytes, endOffset - 20) == Self.zip64LocatorSignature,
        let recordOffset = Self.u64(bytes, endOffset - 12), recordOffset < UInt64(bytes.count),
        Self.u32(bytes, Int(recordOffset)) == Self.zip64EndOfDirectorySignature,
        let count64 = Self.u64(bytes, Int(recordOffset) + 32), let size64 = Self.u64(bytes, Int(recordOffset) + 40),
        let offset64 = Self.u64(bytes, Int(recordOffset) + 48),
        count64 < UInt64(bytes.count), size64 <= UInt64(bytes.count), offset64 <= UInt64(bytes.count)
      {
        entryCount = Int(count64)
        directorySize = Int(size64)
        directoryOffset = Int(offset64)
      }
    }
    guard directoryOffset <= bytes.count, directorySize <= bytes.count - directoryOffset else {
      throw ReadFailure(damaged, hint: refetch)
    }

    var entries: [String: ZIPEntry] = [:]
    var lowercased: [String: ZIPEntry] = [:]
    var total = 0
    entries.reserveCapacity(entryCount)
    var position = directoryOffset
    let directoryEnd = directoryOffset + directorySize
    for _ in 0..<entryCount {
      guard position + 46 <= directoryEnd, Self.u32(bytes, position) == Self.centralHeaderSignature,
        let flags = Self.u16(bytes, position + 8), let method = Self.u16(bytes, position + 10),
        let crc = Self.u32(bytes, position + 16), let compressed32 = Self.u32(bytes, position + 20),
        let uncompressed32 = Self.u32(bytes, position + 24), let nameLength = Self.u16(bytes, position + 28),
        let extraLength = Self.u16(bytes, position + 30), let commentLength = Self.u16(bytes, position + 32),
        let offset32 = Self.u32(bytes, position + 42)
      else { throw ReadFailure(damaged, hint: refetch) }
      let nameStart = position + 46
      let extraStart = nameStart + Int(nameLength)
      let next = extraStart + Int(extraLength) + Int(commentLength)
      guard next <= directoryEnd else { throw ReadFailure(damaged, hint: refetch) }

      var uncompressedSize = UInt64(uncompressed32)
      var compressedSize = UInt64(compressed32)
      var localOffset = UInt64(offset32)
      if uncompressed32 == 0xFFFF_FFFF || compressed32 == 0xFFFF_FFFF || offset32 == 0xFFFF_FFFF {
        // The ZIP64 extra field (id 1) holds, in this order, only the fields that overflowed.
        var extra = extraStart
        while extra + 4 <= extraStart + Int(extraLength) {
          guard let id = Self.u16(bytes, extra), let length = Self.u16(bytes, extra + 2) else { break }
          if id == 1 {
            var field = extra + 4
            if uncompressed32 == 0xFFFF_FFFF, let value = Self.u64(bytes, field) {
              uncompressedSize = value
              field += 8
            }
            if compressed32 == 0xFFFF_FFFF, let value = Self.u64(bytes, field) {
              compressedSize = value
              field += 8
            }
            if offset32 == 0xFFFF_FFFF, let value = Self.u64(bytes, field) { localOffset = value }
            break
          }
          extra += 4 + Int(length)
        }
      }
      let name = String(decoding: bytes[nameStart..<extraStart], as: UTF8.self)
      // Sizes beyond the file (or beyond the inflation limit) are refused when the entry is read,
      // so that one bad member does not hide the others; here they are only clamped to fit an Int.
      let entry = ZIPEntry(
        name: name, method: method, flags: flags, crc32: crc,
        compressedSize: Int(clamping: compressedSize), uncompressedSize: Int(clamping: uncompressedSize),
        localHeaderOffset: Int(clamping: localOffset))
      if entries[name] == nil { entries[name] = entry }
      // A member beyond its own limit is refused when it is read; the others add up here.
      total += min(entry.uncompressedSize, Self.maximumEntrySize + 1)
      guard total <= Self.maximumTotalSize else {
        throw ReadFailure(
          "the ZIP members claim to inflate to more than \(Self.maximumTotalSize >> 20) MiB together, the limit of this reader",
          hint: "a workbook this large is not a statistical table (the CEADs workbooks inflate to a few MB); check that this is the right file")
      }
      let lower = name.lowercased()
      if lowercased[lower] == nil { lowercased[lower] = entry }
      position = next
    }
    self.entries = entries
    self.lowercasedEntries = lowercased
  }

  /// The member named `name` (a part name without the leading `/`), matched exactly first
  /// and then ignoring case, as OPC requires.
  func entry(named name: String) -> ZIPEntry? {
    entries[name] ?? lowercasedEntries[name.lowercased()]
  }

  /// The inflated bytes of `entry`, checked against the directory's size and CRC-32.
  func contents(of entry: ZIPEntry) throws(ReadFailure) -> [UInt8] {
    let name = entry.name
    let damaged = "the ZIP member '\(name)' is damaged"
    let refetch = "the download or copy was probably interrupted; fetch or copy the workbook again"
    if entry.flags & 1 != 0 {
      throw ReadFailure(
        "the ZIP member '\(name)' is encrypted", hint: "remove the password in Excel (File › Info › Protect Workbook)")
    }
    guard entry.uncompressedSize <= Self.maximumEntrySize else {
      throw ReadFailure(
        "the ZIP member '\(name)' claims to inflate to \(entry.uncompressedSize) bytes, "
          + "more than the limit of \(Self.maximumEntrySize) (\(Self.maximumEntrySize >> 20) MiB)",
        hint: "a worksheet this large is not a yearbook table; check that this is the right file")
    }
    let offset = entry.localHeaderOffset
    guard offset <= bytes.count - 30, Self.u32(bytes, offset) == Self.localHeaderSignature,
      let nameLength = Self.u16(bytes, offset + 26), let extraLength = Self.u16(bytes, offset + 28)
    else { throw ReadFailure(damaged + " (bad local header)", hint: refetch) }
    let dataStart = offset + 30 + Int(nameLength) + Int(extraLength)
    guard dataStart <= bytes.count, entry.compressedSize <= bytes.count - dataStart else {
      throw ReadFailure("the file is truncated: the ZIP member '\(name)' runs past the end of the file", hint: refetch)
    }
    let dataEnd = dataStart + entry.compressedSize

    let output: [UInt8]
    switch entry.method {
    case 0:
      output = Array(bytes[dataStart..<dataEnd])
    case 8:
      // Deflate cannot expand data more than 1032-fold, so a larger claim is a lie; the
      // output is bounded by what the compressed bytes could possibly produce.
      guard entry.uncompressedSize <= entry.compressedSize * 1032 + 64 else {
        throw ReadFailure(
          damaged + " (it claims to inflate \(entry.compressedSize) bytes to \(entry.uncompressedSize))", hint: refetch)
      }
      guard let inflater = Inflater() else { throw ReadFailure("not enough memory to inflate the ZIP member '\(name)'") }
      var outcome = Inflater.Outcome.invalid
      output = bytes.withUnsafeBytes { file in
        [UInt8](unsafeUninitializedCapacity: entry.uncompressedSize) { buffer, initialized in
          outcome = inflater.inflate(UnsafeRawBufferPointer(rebasing: file[dataStart..<dataEnd]), into: UnsafeMutableRawBufferPointer(buffer))
          if case .inflated(let count) = outcome { initialized = count }
        }
      }
      switch outcome {
      case .inflated: break
      case .tooLarge:
        throw ReadFailure(damaged + " (it inflates to more than its declared \(entry.uncompressedSize) bytes)", hint: refetch)
      case .invalid:
        throw ReadFailure(damaged + " (its compressed data cannot be inflated)", hint: refetch)
      }
    default:
      throw ReadFailure(
        "the ZIP member '\(name)' uses compression method \(entry.method); "
          + "only stored (0) and deflate (8) are supported",
        hint: "open the workbook in Excel or LibreOffice and save it again as .xlsx")
    }
    guard output.count == entry.uncompressedSize else {
      throw ReadFailure(
        damaged + " (it inflates to \(output.count) bytes, its header says \(entry.uncompressedSize))", hint: refetch)
    }
    let crc = output.withUnsafeBytes(Inflater.crc32)
    if crc != entry.crc32 {
      throw ReadFailure(damaged + " (CRC-32 mismatch)", hint: refetch)
    }
    return output
  }

  // MARK: Little-endian fields, nil when out of bounds

  static func u16(_ bytes: [UInt8], _ offset: Int) -> UInt16? {
    guard offset >= 0, offset <= bytes.count - 2 else { return nil }
    return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
  }

  static func u32(_ bytes: [UInt8], _ offset: Int) -> UInt32? {
    guard offset >= 0, offset <= bytes.count - 4 else { return nil }
    var value: UInt32 = 0
    for index in (0..<4).reversed() { value = value << 8 | UInt32(bytes[offset + index]) }
    return value
  }

  static func u64(_ bytes: [UInt8], _ offset: Int) -> UInt64? {
    guard offset >= 0, offset <= bytes.count - 8 else { return nil }
    var value: UInt64 = 0
    for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
    return value
  }
}
