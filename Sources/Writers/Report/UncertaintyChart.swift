import CementModel
import Uncertainty

/// The total by year with its 95 % Monte Carlo band and the Approach 1 interval as whiskers,
/// in Mt CO₂. Hand-written SVG with fixed-decimal coordinates: the same analysis gives the same bytes.
public struct UncertaintyChart {
  /// The file the report links to.
  public static let file = "report-uncertainty.svg"
  let analysis: UncertaintyAnalysis
  let labels: UncertaintyLabels

  public init(analysis: UncertaintyAnalysis, language: Language) {
    self.analysis = analysis
    labels = .of(language)
  }

  static let width = 960.0, height = 440.0, left = 72.0, top = 60.0, right = 930.0, bottom = 400.0

  public func render() -> String {
    let totals = analysis.figures.filter { $0.key.scope == "total" }
    let highest = totals.map { max($0.upper, $0.central + $0.approachOneHalfWidth) }.max() ?? 1
    let step = Self.niceStep(highest / 1e6 / 5)
    let top = (highest / 1e6 / step).rounded(.up) * step
    func x(_ i: Int) -> Double { Self.left + (Self.right - Self.left) * (totals.count > 1 ? Double(i) / Double(totals.count - 1) : 0.5) }
    func y(_ v: Double) -> Double { Self.bottom - (Self.bottom - Self.top) * (v / 1e6) / max(top, 1e-9) }
    func f(_ v: Double) -> String { Format.fixed(v, 1) }
    var svg = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(Self.width))\" height=\"\(Int(Self.height))\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" aria-labelledby=\"u-title\" font-family=\"system-ui, Helvetica, Arial, 'Noto Sans CJK SC', sans-serif\">",
      "<title id=\"u-title\">\(SVGText.escape(labels.chartTitle))</title>",
      "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>",
      "<text x=\"\(f(Self.left))\" y=\"32\" font-size=\"18\" font-weight=\"bold\" fill=\"#1a1a1a\">\(SVGText.escape(labels.chartTitle)) · \(SVGText.escape(analysis.province)) · \(SVGText.escape(analysis.methodology))</text>",
    ]
    var tick = 0.0
    while tick <= top + step / 2 {
      let ty = y(tick * 1e6)
      svg.append("<line x1=\"\(f(Self.left))\" y1=\"\(f(ty))\" x2=\"\(f(Self.right))\" y2=\"\(f(ty))\" stroke=\"#e0e0e0\"/>")
      svg.append("<text x=\"\(f(Self.left - 8))\" y=\"\(f(ty + 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"#555555\">\(Format.fixed(tick, step < 1 ? 1 : 0))</text>")
      tick += step
    }
    svg.append("<text x=\"\(f(Self.left))\" y=\"\(f(Self.top - 10))\" font-size=\"11\" fill=\"#555555\">\(SVGText.escape(labels.chartUnit))</text>")
    if !totals.isEmpty {
      let upper = totals.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element.upper)))" }
      let lower = totals.enumerated().reversed().map { "\(f(x($0.offset))),\(f(y($0.element.lower)))" }
      svg.append("<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"#4e79a7\" fill-opacity=\"0.25\" stroke=\"none\"/>")
      for (i, t) in totals.enumerated() {
        svg.append("<line x1=\"\(f(x(i)))\" y1=\"\(f(y(t.central - t.approachOneHalfWidth)))\" x2=\"\(f(x(i)))\" y2=\"\(f(y(t.central + t.approachOneHalfWidth)))\" stroke=\"#e15759\" stroke-width=\"1\"/>")
      }
      let line = totals.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element.central)))" }
      svg.append("<polyline points=\"\(line.joined(separator: " "))\" fill=\"none\" stroke=\"#1f3b5a\" stroke-width=\"2\"/>")
      for (i, t) in totals.enumerated() where i % 2 == 0 || totals.count <= 12 {
        svg.append("<text x=\"\(f(x(i)))\" y=\"\(f(Self.bottom + 18))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555555\">\(t.key.year)</text>")
      }
    }
    svg.append("</svg>")
    return svg.joined(separator: "\n") + "\n"
  }

  static func niceStep(_ raw: Double) -> Double {
    guard raw > 0 else { return 1 }
    var magnitude = 1.0
    while magnitude * 10 <= raw { magnitude *= 10 }
    while magnitude > raw { magnitude /= 10 }
    for m in [1.0, 2, 5, 10] where m * magnitude >= raw { return m * magnitude }
    return 10 * magnitude
  }
}
