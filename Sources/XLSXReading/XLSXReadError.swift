/// A workbook that cannot be read: where the problem is, what is wrong, and how to fix it.
///
/// Prints like a compiler diagnostic, with the location written the way Excel names a cell:
/// `provincial-energy-inventory-2013.xlsx!Liaoning2013!B30: error: expected a number, found "n/a"`,
/// then `  hint: …` on a second line when there is a hint.
public struct XLSXReadError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The workbook's path, as it was given to ``XLSXWorkbookReader/init(path:)``.
  public var file: String
  /// The worksheet, when the problem is inside one.
  public var sheet: String?
  /// The cell in A1 notation (`B30`), when the problem is in one cell.
  public var cell: String?
  /// What is wrong, for the person who will fix the workbook.
  public var message: String
  /// How to fix it, when there is something useful to say.
  public var hint: String?

  /// An error at `file`, optionally narrowed to a sheet and a cell (`B30`).
  public init(file: String, sheet: String? = nil, cell: String? = nil, message: String, hint: String? = nil) {
    self.file = file
    self.sheet = sheet
    self.cell = cell
    self.message = message
    self.hint = hint
  }

  /// `file`, `file!Sheet` or `file!Sheet!B30`; a sheet name that is not a plain word is quoted
  /// as Excel quotes it in formulas (`file!'Totals and shares'!A1`).
  public var location: String {
    var text = file
    if let sheet { text += "!" + quotedSheetNameForLocation(sheet) }
    if let cell { text += "!" + cell }
    return text
  }

  /// `location: error: message`, then `  hint: …` on a second line when there is a hint.
  public var description: String {
    "\(location): error: \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
  }
}

/// `Liaoning2013` stays as it is; anything but ASCII letters, digits, `_` and `.` is quoted,
/// with inner quotes doubled, so that the `!` separators stay unambiguous.
func quotedSheetNameForLocation(_ name: String) -> String {
  let plain =
    !name.isEmpty
    && name.utf8.allSatisfy { byte in
      (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || byte == 0x5F
        || byte == 0x2E
    }
  if plain { return name }
  return "'" + name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
}
