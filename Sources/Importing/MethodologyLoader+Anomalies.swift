import CementModel

// The `anomalies` section: how points that do not fit their neighbouring years are scored and treated.
extension MethodologyLoader {
  static let anomalyKeys = ["outliers", "replacement", "window", "scale_floor", "scores", "materiality", "confirmation", "collapse_ratio", "source"]

  /// ```yaml
  /// anomalies:
  ///   outliers: flag                 # flag | replace | refuse
  ///   replacement: [linear, { method: trend, window: 3 }]
  ///   window: 2                      # neighbouring years on each side
  ///   scale_floor: 0.15              # smallest robust scale (natural log)
  ///   scores: { note: 3, warning: 6, error: 15 }
  ///   materiality: { warning: 3%, error: 10% }   # share of the province's CO2
  ///   confirmation: 0.5              # a second source must move by this share of the departure
  ///   collapse_ratio: 5              # an edge year this many times off is an outlier, not a break
  ///   source: "…"
  /// ```
  /// Every key is optional; a missing one keeps ``AnomalyRules/standard``'s value.
  func anomalies(_ node: ConfigNode) throws(MethodologyError) -> AnomalyRules {
    let map = try ConfigMapping(node, path: "anomalies", allowed: Self.anomalyKeys)
    let d = AnomalyRules.standard
    let treatment = map.optional("outliers") == nil ? d.treatment : try Self.choice(map, "outliers", AnomalyRules.Treatment.self)
    let replacement = try map.optional("replacement").map { node throws(MethodologyError) in try methodList(node, path: "anomalies.replacement") }
    let window = try map.optional("window").map { node throws(MethodologyError) in try Self.integer(node, path: "anomalies.window") } ?? d.window
    guard (1...10).contains(window) else {
      throw MethodologyError(map.optional("window")!.location, "'anomalies.window' must be between 1 and 10 years, found \(window)")
    }
    func number(_ node: ConfigNode?, _ path: String, _ fallback: Double) throws(MethodologyError) -> Double {
      try node.map { node throws(MethodologyError) in try Self.positive(node, path: path) } ?? fallback
    }
    func share(_ node: ConfigNode?, _ path: String, _ fallback: Double) throws(MethodologyError) -> Double {
      try node.map { node throws(MethodologyError) in try UnitValue.fraction(node, path: path).value } ?? fallback
    }
    let scores = try map.optional("scores").map { node throws(MethodologyError) in
      try ConfigMapping(node, path: "anomalies.scores", allowed: ["note", "warning", "error"])
    }
    let materiality = try map.optional("materiality").map { node throws(MethodologyError) in
      try ConfigMapping(node, path: "anomalies.materiality", allowed: ["warning", "error"])
    }
    let note = try number(scores?.optional("note"), "anomalies.scores.note", d.noteScore)
    let warning = try number(scores?.optional("warning"), "anomalies.scores.warning", d.warningScore)
    let error = try number(scores?.optional("error"), "anomalies.scores.error", d.errorScore)
    guard note <= warning, warning <= error else {
      throw MethodologyError(
        scores?.optional("note")?.location ?? node.location,
        "'anomalies.scores' must rise from note to warning to error, found \(note), \(warning), \(error)")
    }
    return AnomalyRules(
      treatment: treatment, replacement: replacement ?? d.replacement, window: window,
      scaleFloor: try number(map.optional("scale_floor"), "anomalies.scale_floor", d.scaleFloor),
      noteScore: note, warningScore: warning, errorScore: error,
      warningShare: try share(materiality?.optional("warning"), "anomalies.materiality.warning", d.warningShare),
      errorShare: try share(materiality?.optional("error"), "anomalies.materiality.error", d.errorShare),
      confirmation: try share(map.optional("confirmation"), "anomalies.confirmation", d.confirmation),
      collapseRatio: try number(map.optional("collapse_ratio"), "anomalies.collapse_ratio", d.collapseRatio),
      source: try map.optionalString("source") ?? d.source)
  }
}
