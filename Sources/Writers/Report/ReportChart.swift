import Accounting
import CementModel

/// The report's figure: CO₂ by source as stacked bars, one bar a year, in Mt. Hand-written SVG
/// with fixed-decimal coordinates, so the same record always gives the same bytes; text is
/// XML-escaped, and a white background keeps it readable on dark pages.
struct ReportChart {
  let record: RunRecord
  let labels: ReportLabels

  init(record: RunRecord) {
    self.record = record
    labels = ReportLabels.of(record.language)
  }

  /// One stacked series: a source, its name, colour and values by year (Mt).
  struct Series {
    let name: String
    let colour: String
    let values: [Int: Double]
  }

  // Layout in SVG user units.
  static let width = 960.0, height = 520.0
  static let plotLeft = 72.0, plotTop = 84.0, plotRight = 740.0, plotBottom = 480.0
  static let legendLeft = 764.0

  func render() -> String {
    let account = record.account
    let years = account.years.map(\.year)
    let series = stackedSeries()
    let axis = Axis(maximum: years.map { year in series.reduce(0) { $0 + max(0, $1.values[year] ?? 0) } }.max() ?? 0)
    let period = years.first.map { "\($0)–\(years.last!)" } ?? ""
    let title = labels.chartTitle(labels.provinceName(account.province), period)
    var svg = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(Self.width))\" height=\"\(Int(Self.height))\" "
        + "viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" aria-labelledby=\"chart-title\" "
        + "font-family=\"system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif\">",
      "<title id=\"chart-title\">\(SVGText.escape(title))</title>",
      "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>",
      text(title, x: Self.plotLeft, y: 32, attributes: "font-size=\"18\" font-weight=\"bold\" fill=\"#1a1a1a\""),
      text(labels.chartSubtitle(account.methodology.name), x: Self.plotLeft, y: 54, attributes: "font-size=\"12\" fill=\"#555555\""),
    ]
    svg += yAxis(axis)
    svg += bars(years: years, series: series, axis: axis)
    svg += xAxis(years: years)
    svg += legend(series)
    svg.append("</svg>")
    return svg.joined(separator: "\n") + "\n"
  }

  /// Combustion fuels in the study's order, electricity, then process: stacked from the bottom.
  func stackedSeries() -> [Series] {
    let account = record.account
    let colours = SourcePalette.colors(for: account.sources.map(\.1))
    return zip(account.sources, colours).map { item, colour in
      let (scope, source) = item
      let name = scope == .process ? labels.processSource : (FuelCatalogue.standard[Fuel(source)].map(labels.fuelName) ?? source)
      let values = Dictionary(uniqueKeysWithValues: account.years.map { ($0.year, $0.emissions(of: source)?.value(in: .megatonnesCO2) ?? 0) })
      return Series(name: name, colour: SourcePalette.hex(colour), values: values)
    }
  }

  // MARK: - Parts

  private func yAxis(_ axis: Axis) -> [String] {
    var parts = ["<g class=\"y-axis\" font-size=\"11\" fill=\"#333333\">"]
    for tick in axis.ticks {
      let y = yPosition(tick, axis)
      let line = tick == 0 ? "#333333" : "#dddddd"
      parts.append(
        "<line x1=\"\(n(Self.plotLeft))\" y1=\"\(n(y))\" x2=\"\(n(Self.plotRight))\" y2=\"\(n(y))\" stroke=\"\(line)\" stroke-width=\"1\"/>")
      parts.append(text(ReportNumber.factor(tick, decimals: 2), x: Self.plotLeft - 8, y: y + 4, attributes: "text-anchor=\"end\""))
    }
    parts.append(text(labels.megatonnesCO2, x: Self.plotLeft - 8, y: Self.plotTop - 16, attributes: "text-anchor=\"end\""))
    parts.append("</g>")
    return parts
  }

  private func bars(years: [Int], series: [Series], axis: Axis) -> [String] {
    let slot = (Self.plotRight - Self.plotLeft) / Double(max(1, years.count))
    let width = slot * 0.72
    var parts = ["<g class=\"bars\">"]
    for (index, year) in years.enumerated() {
      let x = Self.plotLeft + slot * Double(index) + (slot - width) / 2
      var base = 0.0
      for item in series {
        let value = item.values[year] ?? 0
        // Both edges are snapped to the drawn precision, so stacked rectangles meet exactly.
        let top = snap(yPosition(base + max(0, value), axis)), bottom = snap(yPosition(base, axis))
        base += max(0, value)
        guard bottom - top > 0 else { continue }
        let tooltip = "\(year) · \(item.name): \(Format.fixed(value, 2)) \(labels.megatonnesCO2)"
        parts.append(
          "<rect x=\"\(n(x))\" y=\"\(n(top))\" width=\"\(n(width))\" height=\"\(n(bottom - top))\" fill=\"\(item.colour)\">"
            + "<title>\(SVGText.escape(tooltip))</title></rect>")
      }
    }
    parts.append("</g>")
    return parts
  }

  private func xAxis(years: [Int]) -> [String] {
    let slot = (Self.plotRight - Self.plotLeft) / Double(max(1, years.count))
    // A year label is about 30 units wide at this size: label every year, or every second …
    let every = max(1, Int((34 / slot).rounded(.up)))
    var parts = ["<g class=\"x-axis\" font-size=\"11\" fill=\"#333333\">"]
    for (index, year) in years.enumerated() {
      let x = Self.plotLeft + slot * (Double(index) + 0.5)
      parts.append(
        "<line x1=\"\(n(x))\" y1=\"\(n(Self.plotBottom))\" x2=\"\(n(x))\" y2=\"\(n(Self.plotBottom + 4))\" stroke=\"#333333\" stroke-width=\"1\"/>")
      if index % every == 0 {
        parts.append(text("\(year)", x: x, y: Self.plotBottom + 18, attributes: "text-anchor=\"middle\""))
      }
    }
    parts.append("</g>")
    return parts
  }

  /// The legend lists the series top to bottom as they are stacked, top first.
  private func legend(_ series: [Series]) -> [String] {
    var parts = ["<g class=\"legend\" font-size=\"12\" fill=\"#1a1a1a\">"]
    // A source that is zero in every year draws nothing and gets no legend entry.
    for (index, item) in series.reversed().filter({ $0.values.values.contains { $0 != 0 } }).enumerated() {
      let y = Self.plotTop + 22 * Double(index)
      parts.append("<g class=\"legend-item\">")
      parts.append("<rect x=\"\(n(Self.legendLeft))\" y=\"\(n(y))\" width=\"14\" height=\"14\" fill=\"\(item.colour)\"/>")
      parts.append(text(item.name, x: Self.legendLeft + 22, y: y + 11.5, attributes: ""))
      parts.append("</g>")
    }
    parts.append("</g>")
    return parts
  }

  // MARK: - Helpers

  private func yPosition(_ value: Double, _ axis: Axis) -> Double {
    Self.plotBottom - (Self.plotBottom - Self.plotTop) * (axis.top > 0 ? value / axis.top : 0)
  }

  private func text(_ content: String, x: Double, y: Double, attributes: String) -> String {
    let extra = attributes.isEmpty ? "" : " " + attributes
    return "<text x=\"\(n(x))\" y=\"\(n(y))\"\(extra)>\(SVGText.escape(content))</text>"
  }

  /// A coordinate with one decimal: deterministic, and fine enough for a 960-unit drawing.
  private func n(_ value: Double) -> String { Format.fixed(value, 1) }

  /// A coordinate rounded to the precision it is written with.
  private func snap(_ value: Double) -> Double { (value * 10).rounded(.toNearestOrAwayFromZero) / 10 }


  /// A value axis from zero: a round step (1, 2, 2.5 or 5 × 10ⁿ) giving at most about six ticks.
  struct Axis {
    let step: Double
    let top: Double

    init(maximum: Double) {
      // Not finite: the magnitude loop below would never end (∞ × 10 ≤ ∞).
      guard maximum > 0, maximum.isFinite else {
        step = 1
        top = 1
        return
      }
      let raw = maximum / 5
      var magnitude = 1.0
      while magnitude * 10 <= raw { magnitude *= 10 }
      while magnitude > raw { magnitude /= 10 }
      let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
      self.step = step
      top = (maximum / step).rounded(.up) * step
    }

    var ticks: [Double] {
      let count = Int((top / step).rounded())
      return (0...count).map { Double($0) * step }
    }
  }
}
