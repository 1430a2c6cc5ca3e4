import CarbonCost
import Calculation
import CementModel
import Mustache

/// The report's section on what the carbon costs: China's ETS per accounted year and the CBAM
/// cost per tonne exported per year, both routes, with a figure. Formats the figures of
/// ``CarbonCostAccount``; computes nothing.
public struct CarbonCostReport: Sendable {
  /// A row of a table, its cells formatted.
  public struct Row: Sendable {
    public let cells: [String]
  }

  public let heading: String
  public let note: String
  public let figureFile: String
  public let figureCaption: String
  public let hasETS: Bool
  public let etsHeading: String
  public let etsColumns: [String]
  public let etsRows: [Row]
  public let hasCBAM: Bool
  public let cbamHeading: String
  public let cbamColumns: [String]
  public let cbamRows: [Row]

  /// The SVG figure's file name, beside report.md.
  public static let figureFile = "carbon-cost-figure.svg"

  /// The section of `record`, or nil without a carbon cost.
  static func of(_ record: RunRecord) -> CarbonCostReport? {
    guard let cost = record.carbonCost else { return nil }
    let labels = CarbonCostLabels(language: record.language)
    var etsRows: [Row] = []
    var cbamRows: [Row] = []
    for market in cost.markets {
      switch market {
      case .chinaETS(let ets):
        for year in Set(cost.figures(of: ets.name).map(\.year)).sorted() {
          func v(_ q: String, _ scale: Double, _ digits: Int) -> String {
            cost.figure(ets.name, "-", year, q).map { Format.fixed($0.figure.value / scale, digits) } ?? "–"
          }
          etsRows.append(
            Row(cells: ["\(year)", v("covered_emissions", 1e6, 2), v("allowances", 1e6, 2), v("balance", 1e6, 2), v("cost", 1e6, 1), v("cost_per_tonne_clinker", 1, 2), v("cost_per_tonne_cement", 1, 2)]))
        }
      case .euCBAM(let cbam):
        for year in cbam.years {
          func v(_ route: String, _ q: String) -> String { cost.figure(cbam.name, route, year, q).map { Format.fixed($0.figure.value, 1) } ?? "–" }
          cbamRows.append(
            Row(cells: [
              "\(year)", v("default", "cost_per_tonne_cement"), v("actual", "cost_per_tonne_cement"), v("difference", "cost_per_tonne_cement"),
              v("default", "cost_per_tonne_clinker"), v("actual", "cost_per_tonne_clinker"),
            ]))
        }
      case .study: break
      }
    }
    let unverified = cost.parameters.filter { term in
      CarbonCostReport.unverifiedKeys(cost).contains(term.id)
    }.count
    return CarbonCostReport(
      heading: labels.reportHeading, note: MarkdownText.inline(labels.reportNote(referenceYear: cost.referenceYear, unverified: unverified)),
      figureFile: figureFile, figureCaption: MarkdownText.inline(labels.reportFigureCaption), hasETS: !etsRows.isEmpty,
      etsHeading: labels.etsHeading, etsColumns: labels.etsColumns, etsRows: etsRows, hasCBAM: !cbamRows.isEmpty, cbamHeading: labels.cbamHeading,
      cbamColumns: labels.cbamColumns, cbamRows: cbamRows)
  }

  /// The parameters whose market file marks them unverified.
  static func unverifiedKeys(_ cost: CarbonCostAccount) -> Set<TermID> {
    var keys: Set<TermID> = []
    for market in cost.markets {
      switch market {
      case .chinaETS(let m):
        for p in m.price.values where p.unverified { keys.insert(p.term.id) }
        for rule in m.allocation.values { if case .intensity(let b, let a) = rule { for p in [b, a] where p.unverified { keys.insert(p.term.id) } } }
      case .euCBAM(let m):
        for p in m.goods.flatMap({ [$0.defaultValue, $0.benchmark] }) + [m.deductionPrice, m.deductionNetShare, m.exchangeRate] where p.unverified {
          keys.insert(p.term.id)
        }
        for p in m.certificatePrice.values where p.unverified { keys.insert(p.term.id) }
      case .study: break
      }
    }
    return keys
  }

  /// The figure: the CBAM cost per tonne of cement by year, default values and actual data (€/t).
  public static func svg(_ record: RunRecord) -> String? {
    guard let cost = record.carbonCost, let cbam = cost.markets.compactMap({ if case .euCBAM(let m) = $0 { m } else { nil } }).first else { return nil }
    let labels = CarbonCostLabels(language: record.language)
    let years = cbam.years
    guard let first = years.first, let last = years.last else { return nil }
    let routes: [(name: String, route: String, colour: String)] = [(labels.defaultRoute, "default", "#e15759"), (labels.actualRoute, "actual", "#4e79a7")]
    let values = routes.map { r in years.compactMap { y in cost.figure(cbam.name, r.route, y, "cost_per_tonne_cement").map { (y, $0.figure.value) } } }
    let maximum = values.flatMap { $0.map(\.1) }.max() ?? 0
    let axis = ReportChart.Axis(maximum: maximum)
    let left = 72.0, right = 700.0, top = 70.0, bottom = 400.0
    func x(_ year: Int) -> Double { last == first ? left : left + (right - left) * Double(year - first) / Double(last - first) }
    func y(_ v: Double) -> Double { bottom - (bottom - top) * (axis.top > 0 ? v / axis.top : 0) }
    func n(_ v: Double) -> String { Format.fixed(v, 1) }
    func text(_ s: String, _ x: Double, _ y: Double, _ attributes: String = "") -> String {
      "<text x=\"\(n(x))\" y=\"\(n(y))\"\(attributes.isEmpty ? "" : " " + attributes)>\(SVGText.escape(s))</text>"
    }
    let title = labels.reportFigureCaption
    var svg = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"960\" height=\"460\" viewBox=\"0 0 960 460\" role=\"img\" aria-labelledby=\"chart-title\" font-family=\"system-ui, Helvetica, Arial, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif\">",
      "<title id=\"chart-title\">\(SVGText.escape(title))</title>",
      "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>",
      text(title, left, 32, "font-size=\"16\" font-weight=\"bold\" fill=\"#1a1a1a\""),
      text("EUR/t", left - 60, top - 12, "font-size=\"12\" fill=\"#555555\""),
    ]
    for tick in axis.ticks {
      svg.append("<line x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(right))\" y2=\"\(n(y(tick)))\" stroke=\"#e0e0e0\"/>")
      svg.append(text(Format.fixed(tick, 0), left - 8, y(tick) + 4, "font-size=\"12\" text-anchor=\"end\" fill=\"#555555\""))
    }
    for year in years { svg.append(text("\(year)", x(year), bottom + 20, "font-size=\"12\" text-anchor=\"middle\" fill=\"#555555\"")) }
    for (index, route) in routes.enumerated() where !values[index].isEmpty {
      let points = values[index].map { "\(n(x($0.0))),\(n(y($0.1)))" }.joined(separator: " ")
      svg.append("<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(route.colour)\" stroke-width=\"2.5\"/>")
      for (year, v) in values[index] { svg.append("<circle cx=\"\(n(x(year)))\" cy=\"\(n(y(v)))\" r=\"3.5\" fill=\"\(route.colour)\"/>") }
      let ly = top + 22 * Double(index)
      svg.append("<rect x=\"724\" y=\"\(n(ly))\" width=\"14\" height=\"14\" fill=\"\(route.colour)\"/>")
      svg.append(text(route.name, 746, ly + 11.5, "font-size=\"12\" fill=\"#1a1a1a\""))
    }
    svg.append("</svg>")
    return svg.joined(separator: "\n") + "\n"
  }
}

extension CarbonCostReport: MustacheParent {
  public func child(named key: String) -> Any? {
    switch key {
    case "heading": heading
    case "note": note
    case "figureFile": figureFile
    case "figureCaption": figureCaption
    case "hasETS": hasETS
    case "etsHeading": etsHeading
    case "etsColumns": etsColumns
    case "etsRows": etsRows
    case "hasCBAM": hasCBAM
    case "cbamHeading": cbamHeading
    case "cbamColumns": cbamColumns
    case "cbamRows": cbamRows
    default: nil
    }
  }
}

extension CarbonCostReport.Row: MustacheParent {
  public func child(named key: String) -> Any? { key == "cells" ? cells : nil }
}
