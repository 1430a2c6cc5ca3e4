/// One data series of a chart: a name, the category (or x) cells and the value cells.
public struct ChartSeries: Sendable, Hashable {
  /// The legend entry.
  public var name: String
  /// The category labels (x values for scatter charts); nil numbers the points 1, 2, 3 ….
  public var categories: SheetRange?
  /// The plotted values.
  public var values: SheetRange
  /// Fill (columns) or line and marker (lines, scatter) color, 24-bit RGB; nil lets Excel choose.
  public var color: UInt32?

  /// A series named `name` plotting `values` against `categories`.
  public init(name: String, categories: SheetRange?, values: SheetRange, color: UInt32? = nil) {
    self.name = name
    self.categories = categories
    self.values = values
    self.color = color
  }
}

/// Everything needed to draw a chart from cells already written to the workbook.
public struct ChartSpec: Sendable, Hashable {
  /// The chart type.
  public enum Kind: Sendable, Hashable {
    /// Columns stacked on each other, e.g. emissions by source per year.
    case stackedColumn
    /// Columns side by side.
    case column
    /// Lines without markers.
    case line
    /// Lines with a marker on every point.
    case lineWithMarkers
    /// Points joined by straight lines with markers, numeric x axis.
    case scatter
  }

  /// Where the legend goes, or `.none` to hide it.
  public enum LegendPosition: Sendable, Hashable {
    /// No legend, or the side of the plot it sits on.
    case none, right, left, top, bottom
  }

  /// The chart type.
  public var kind: Kind
  /// The title above the plot; nil for none.
  public var title: String?
  /// The category (horizontal) axis title.
  public var xAxisTitle: String?
  /// The value (vertical) axis title.
  public var yAxisTitle: String?
  /// Number format of the value axis labels, e.g. `#,##0` or `0%`.
  public var yAxisNumberFormat: String?
  /// Where the legend goes.
  public var legend: LegendPosition
  /// At least one series.
  public var series: [ChartSeries]

  /// A chart of `kind` drawing `series`.
  public init(
    kind: Kind, title: String? = nil, xAxisTitle: String? = nil, yAxisTitle: String? = nil,
    yAxisNumberFormat: String? = nil, legend: LegendPosition = .bottom, series: [ChartSeries]
  ) {
    self.kind = kind
    self.title = title
    self.xAxisTitle = xAxisTitle
    self.yAxisTitle = yAxisTitle
    self.yAxisNumberFormat = yAxisNumberFormat
    self.legend = legend
    self.series = series
  }
}
