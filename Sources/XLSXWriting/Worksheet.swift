internal import CXlsxWriter

/// What a cell holds.
public enum CellValue: Sendable, Hashable {
  /// A finite number; NaN and infinity are rejected.
  case number(Double)
  /// A string, stored once in the workbook's shared string table.
  case text(String)
  /// A formula (with or without the leading `=`) and the number it evaluates to. The
  /// cached value is what viewers that do not recalculate show.
  case formula(String, cachedValue: Double)
  /// A formula whose result is text, with that text cached.
  case formulaText(String, cachedText: String)
  /// TRUE or FALSE.
  case boolean(Bool)
  /// An empty cell; it is only written when it has a style.
  case blank
}

/// One sheet of a ``Workbook``, borrowed from it: every method throws
/// ``XLSXError/Kind/workbookClosed`` once the workbook is closed. Rows and columns are
/// 0-based (row 0, column 0 is `A1`).
public final class Worksheet {
  /// The sheet's name as shown on its tab.
  public let name: String
  /// Keeps the workbook, and so the C worksheet, alive while this object exists.
  private let workbook: Workbook
  private let handle: UnsafeMutablePointer<lxw_worksheet>

  init(workbook: Workbook, handle: UnsafeMutablePointer<lxw_worksheet>, name: String) {
    self.workbook = workbook
    self.handle = handle
    self.name = name
  }

  // MARK: Cells

  /// Writes `value` into the cell at (`row`, `column`), optionally styled.
  public func write(_ value: CellValue, row: Int, column: Int, style: CellStyle? = nil) throws(XLSXError) {
    // Worded only for an error: a workbook writes thousands of cells.
    func operation() -> String { "write \(quotedSheetName(name))!\(Self.describe(row: row, column: column))" }
    let (sheet, cRow, cColumn) = try cell(row, column, operation())
    let format = try workbook.format(for: style, operation())
    let result: lxw_error
    switch value {
    case .number(let number):
      try requireFinite(number, operation())
      result = worksheet_write_number(sheet, cRow, cColumn, number, format)
    // withCString passes a native string's own bytes; the implicit conversion would copy them.
    case .text(let text):
      result = text.withCString { worksheet_write_string(sheet, cRow, cColumn, $0, format) }
    case .formula(let formula, let cachedValue):
      try requireFinite(cachedValue, operation())
      result = formula.withCString { worksheet_write_formula_num(sheet, cRow, cColumn, $0, format, cachedValue) }
    case .formulaText(let formula, let cachedText):
      result = worksheet_write_formula_str(sheet, cRow, cColumn, formula, format, cachedText)
    case .boolean(let flag):
      result = worksheet_write_boolean(sheet, cRow, cColumn, flag ? 1 : 0, format)
    case .blank:
      result = worksheet_write_blank(sheet, cRow, cColumn, format)
    }
    try check(result, operation())
  }

  /// Writes `values` left to right starting at (`row`, `column`), all with `style`.
  public func writeRow(_ values: [CellValue], row: Int, column: Int = 0, style: CellStyle? = nil) throws(XLSXError) {
    for (offset, value) in values.enumerated() {
      try write(value, row: row, column: column + offset, style: style)
    }
  }

  /// Merges the rectangle from (`firstRow`, `firstColumn`) to (`lastRow`, `lastColumn`)
  /// into one cell showing `text`.
  public func mergeCells(
    firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int, text: String, style: CellStyle? = nil
  ) throws(XLSXError) {
    let range = SheetRange(
      sheet: name, firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn)
    let operation = "merge cells on \(quotedSheetName(name))"
    let sheet = try liveHandle(operation)
    if let problem = range.problem { throw .invalid(operation, problem) }
    let format = try workbook.format(for: style, operation)
    try check(
      worksheet_merge_range(
        sheet, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn), text,
        format),
      operation)
  }

  /// Attaches a note (a comment shown on hover) to the cell at (`row`, `column`).
  public func writeNote(_ text: String, row: Int, column: Int) throws(XLSXError) {
    let operation = "add a note to \(quotedSheetName(name))!\(Self.describe(row: row, column: column))"
    let (sheet, cRow, cColumn) = try cell(row, column, operation)
    try check(worksheet_write_comment(sheet, cRow, cColumn, text), operation)
  }

  // MARK: Layout

  /// Sets the width of `column` in Excel's character units (the default is 8.43).
  public func setColumnWidth(_ column: Int, width: Double) throws(XLSXError) {
    try setColumnWidth(column...column, width: width)
  }

  /// Sets the width of every column in `columns` in Excel's character units.
  public func setColumnWidth(_ columns: ClosedRange<Int>, width: Double) throws(XLSXError) {
    func operation() -> String { "set the width of columns \(columns) on \(quotedSheetName(name))" }
    let sheet = try liveHandle(operation())
    guard columns.lowerBound >= 0, columns.upperBound < maximumColumnCount else {
      throw .invalid(operation(), "columns must lie in 0..<\(maximumColumnCount)")
    }
    guard width.isFinite, width >= 0 else { throw .invalid(operation(), "width \(width) is not a size") }
    try check(
      worksheet_set_column(sheet, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound), width, nil), operation())
  }

  /// Sets the height of `row` in points (the default is 15).
  public func setRowHeight(_ row: Int, height: Double) throws(XLSXError) {
    func operation() -> String { "set the height of row \(row) on \(quotedSheetName(name))" }
    let (sheet, cRow, _) = try cell(row, 0, operation())
    guard height.isFinite, height >= 0 else { throw .invalid(operation(), "height \(height) is not a size") }
    try check(worksheet_set_row(sheet, cRow, height, nil), operation())
  }

  /// Keeps the rows above `row` and the columns left of `column` in view while scrolling:
  /// `freezePanes(row: 1, column: 0)` freezes the header row.
  public func freezePanes(row: Int, column: Int) throws(XLSXError) {
    let (sheet, cRow, cColumn) = try cell(row, column, "freeze panes on \(quotedSheetName(name))")
    worksheet_freeze_panes(sheet, cRow, cColumn)
  }

  /// Prints the sheet in landscape orientation.
  public func setLandscape() throws(XLSXError) {
    worksheet_set_landscape(try liveHandle("set landscape on \(quotedSheetName(name))"))
  }

  /// Scales printing so that all columns fit on one page width.
  public func fitToPageWidth() throws(XLSXError) {
    worksheet_fit_to_pages(try liveHandle("fit \(quotedSheetName(name)) to the page width"), 1, 0)
  }

  /// Makes this the sheet shown when the workbook is opened.
  public func activate() throws(XLSXError) {
    worksheet_activate(try liveHandle("activate \(quotedSheetName(name))"))
  }

  // MARK: Charts

  /// Draws the chart `spec` with its top-left corner in the cell at (`row`, `column`),
  /// `width` × `height` pixels in size (Excel's default is 480 × 288).
  public func insertChart(_ spec: ChartSpec, row: Int, column: Int, width: Int = 480, height: Int = 288)
    throws(XLSXError)
  {
    let place = "\(quotedSheetName(name))!\(Self.describe(row: row, column: column))"
    let operation = "insert chart '\(spec.title ?? "untitled")' at \(place)"
    let (sheet, cRow, cColumn) = try cell(row, column, operation)
    guard width > 0, height > 0 else { throw .invalid(operation, "size \(width) × \(height) is empty") }
    guard !spec.series.isEmpty else { throw .invalid(operation, "a chart needs at least one series") }
    for series in spec.series {
      for range in [series.categories, series.values].compactMap({ $0 }) {
        if let problem = range.problem { throw .invalid(operation, "series '\(series.name)': \(problem)") }
      }
    }
    if let format = spec.yAxisNumberFormat, format.utf8.count >= Int(LXW_CHART_NUM_FORMAT_LEN) {
      throw .invalid(operation, "axis number format '\(format)' is too long")
    }

    let chart = try makeChart(spec, operation)
    var options = lxw_chart_options()
    options.x_scale = Double(width) / 480
    options.y_scale = Double(height) / 288
    try check(worksheet_insert_chart_opt(sheet, cRow, cColumn, chart, &options), operation)
  }

  /// Creates the libxlsxwriter chart; the workbook owns it from here on.
  private func makeChart(_ spec: ChartSpec, _ operation: String) throws(XLSXError) -> UnsafeMutablePointer<lxw_chart> {
    let type: lxw_chart_type =
      switch spec.kind {
      case .stackedColumn: LXW_CHART_COLUMN_STACKED
      case .column: LXW_CHART_COLUMN
      case .line, .lineWithMarkers: LXW_CHART_LINE
      case .scatter: LXW_CHART_SCATTER_STRAIGHT_WITH_MARKERS
      }
    guard let chart = workbook_add_chart(try workbook.liveHandle(operation), UInt8(type.rawValue)) else {
      throw .library(LXW_ERROR_MEMORY_MALLOC_FAILED, operation)
    }
    if let title = spec.title { chart_title_set_name(chart, title) }
    if let title = spec.xAxisTitle { chart_axis_set_name(chart.pointee.x_axis, title) }
    if let title = spec.yAxisTitle { chart_axis_set_name(chart.pointee.y_axis, title) }
    if let format = spec.yAxisNumberFormat { chart_axis_set_num_format(chart.pointee.y_axis, format) }
    let legend: lxw_chart_legend_position =
      switch spec.legend {
      case .none: LXW_CHART_LEGEND_NONE
      case .right: LXW_CHART_LEGEND_RIGHT
      case .left: LXW_CHART_LEGEND_LEFT
      case .top: LXW_CHART_LEGEND_TOP
      case .bottom: LXW_CHART_LEGEND_BOTTOM
      }
    chart_legend_set_position(chart, UInt8(legend.rawValue))

    // Explicit marker shapes, cycled: Excel's automatic markers ignore a series color, and
    // distinct shapes keep the series apart when printed in black and white.
    let markerShapes: [lxw_chart_marker_type] = [
      LXW_CHART_MARKER_CIRCLE, LXW_CHART_MARKER_SQUARE, LXW_CHART_MARKER_DIAMOND, LXW_CHART_MARKER_TRIANGLE,
      LXW_CHART_MARKER_X, LXW_CHART_MARKER_STAR, LXW_CHART_MARKER_PLUS,
    ]
    for (index, series) in spec.series.enumerated() {
      let categories = series.categories.map { "=\($0.reference)" }
      let added = withOptionalCString(categories) { chart_add_series(chart, $0, "=\(series.values.reference)") }
      guard let handle = added else {
        throw .library(LXW_ERROR_PARAMETER_VALIDATION, "\(operation), series '\(series.name)'")
      }
      chart_series_set_name(handle, series.name)
      if let categories = series.categories, let range = handle.pointee.categories {
        workbook.register(ChartRange(handle: range, cells: categories))
      }
      if let range = handle.pointee.values { workbook.register(ChartRange(handle: range, cells: series.values)) }
      if spec.kind == .lineWithMarkers || spec.kind == .scatter {
        chart_series_set_marker_type(handle, UInt8(markerShapes[index % markerShapes.count].rawValue))
      }
      guard let rgb = series.color else { continue }
      switch spec.kind {
      case .stackedColumn, .column:
        var fill = lxw_chart_fill()
        fill.color = lxwColor(rgb)
        chart_series_set_fill(handle, &fill)
      case .line, .lineWithMarkers, .scatter:
        var line = lxw_chart_line()
        line.color = lxwColor(rgb)
        chart_series_set_line(handle, &line)
        if spec.kind != .line {
          var fill = lxw_chart_fill()
          fill.color = lxwColor(rgb)
          chart_series_set_marker_fill(handle, &fill)
          chart_series_set_marker_line(handle, &line)
        }
      }
    }
    return chart
  }

  // MARK: Helpers

  func liveHandle(_ operation: @autoclosure () -> String) throws(XLSXError) -> UnsafeMutablePointer<
    lxw_worksheet
  > {
    _ = try workbook.liveHandle(operation())
    return handle
  }

  /// The live sheet and the C indices of a cell, or an error naming the cell.
  func cell(_ row: Int, _ column: Int, _ operation: @autoclosure () -> String) throws(XLSXError)
    -> (UnsafeMutablePointer<lxw_worksheet>, lxw_row_t, lxw_col_t)
  {
    let sheet = try liveHandle(operation())
    guard (0..<maximumRowCount).contains(row), (0..<maximumColumnCount).contains(column) else {
      throw .invalid(operation(), "row \(row), column \(column) is outside the sheet (0-based indices)")
    }
    return (sheet, lxw_row_t(row), lxw_col_t(column))
  }

  private func requireFinite(_ number: Double, _ operation: @autoclosure () -> String) throws(XLSXError) {
    // libxlsxwriter would write "nan" or "inf" into the XML, which Excel refuses to open.
    guard number.isFinite else { throw .invalid(operation(), "\(number) is not a finite number") }
  }

  /// `C5` for valid indices, `row -1, column 2` otherwise.
  private static func describe(row: Int, column: Int) -> String {
    guard (0..<maximumRowCount).contains(row), (0..<maximumColumnCount).contains(column) else {
      return "(row \(row), column \(column))"
    }
    return cellReference(row: row, column: column)
  }
}
