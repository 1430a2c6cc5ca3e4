internal import CXlsxWriter

#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Darwin)
  internal import Darwin
#endif

// Each chart series carries a copy of its cells (`<c:numCache>`), which viewers that do not
// recalculate draw from. libxlsxwriter 1.1.4 fills that copy from number and string cells
// only and writes 0 for formula cells, so a chart of formula results would show zeros.
// The wrapper therefore fills the copy itself just before `workbook_close`, from the same
// cells, taking the cached result of each formula, and tells libxlsxwriter to leave it alone.

/// A chart series range whose data cache is filled at close.
struct ChartRange {
  let handle: UnsafeMutablePointer<lxw_series_range>
  let cells: SheetRange
}

extension ChartRange {
  /// Gives libxlsxwriter the range's sheet and bounds directly, so it does not parse them
  /// back out of the formula (its parser does not undo `''` quoting).
  func describeBounds() {
    let range = handle
    free(range.pointee.sheetname)
    range.pointee.sheetname = strdup(cells.sheet)
    range.pointee.first_row = lxw_row_t(cells.firstRow)
    range.pointee.last_row = lxw_row_t(cells.lastRow)
    range.pointee.first_col = lxw_col_t(cells.firstColumn)
    range.pointee.last_col = lxw_col_t(cells.lastColumn)
  }

  /// Fills the data cache from the cells of `workbook`; leaves it empty (no cache written)
  /// when the sheet does not exist or the range is not a single row or column.
  func fillCache(from workbook: UnsafeMutablePointer<lxw_workbook>) {
    let range = handle
    // From here on libxlsxwriter neither adds to nor recomputes this cache.
    range.pointee.ignore_cache = 1
    guard cells.firstRow == cells.lastRow || cells.firstColumn == cells.lastColumn,
      (cells.lastRow - cells.firstRow + 1) * (cells.lastColumn - cells.firstColumn + 1) <= Int(UInt16.max),
      let sheet = workbook_get_worksheet_by_name(workbook, cells.sheet),
      let list = range.pointee.data_cache, list.pointee.stqh_first == nil
    else { return }
    let nextOffset = MemoryLayout<lxw_series_data_point>.offset(of: \.list_pointers.stqe_next)!
    var count: UInt16 = 0
    for row in cells.firstRow...cells.lastRow {
      let rowHandle = lxw_worksheet_find_row(sheet, lxw_row_t(row))
      for column in cells.firstColumn...cells.lastColumn {
        // Allocated with calloc/strdup because libxlsxwriter frees them with free().
        guard let raw = calloc(1, MemoryLayout<lxw_series_data_point>.size) else { return }
        let point = raw.bindMemory(to: lxw_series_data_point.self, capacity: 1)
        let cell = rowHandle.flatMap { lxw_worksheet_find_cell_in_row($0, lxw_col_t(column)) }
        if let cell {
          switch cell.pointee.type {
          case NUMBER_CELL: point.pointee.number = cell.pointee.u.number
          case FORMULA_CELL:
            // worksheet_write_formula_str keeps its text result in user_data2.
            if let text = cell.pointee.user_data2 {
              store(text, in: point)
            } else {
              point.pointee.number = cell.pointee.formula_result
            }
          case STRING_CELL:
            if let text = cell.pointee.sst_string { store(text, in: point) }
          default: break  // booleans and blanks count as 0, as in libxlsxwriter
          }
        } else {
          point.pointee.no_data = 1
        }
        // STAILQ_INSERT_TAIL(list, point, list_pointers)
        list.pointee.stqh_last.pointee = point
        list.pointee.stqh_last = (raw + nextOffset).assumingMemoryBound(
          to: UnsafeMutablePointer<lxw_series_data_point>?.self)
        count += 1
      }
    }
    range.pointee.num_data_points = count
  }

  private func store(_ text: UnsafePointer<CChar>, in point: UnsafeMutablePointer<lxw_series_data_point>) {
    point.pointee.string = strdup(text)
    point.pointee.is_string = 1
    handle.pointee.has_string_cache = 1
  }
}
