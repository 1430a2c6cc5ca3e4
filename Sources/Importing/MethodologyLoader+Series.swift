import CementModel

// The sections on series: `time_series`, `cement_output` and `checks`.
extension MethodologyLoader {
  /// ```yaml
  /// time_series:
  ///   primary: ceads                  # the dataset used where several give a year
  ///   methods: [overlap, carry-forward]
  ///   series:
  ///     cement: [linear, { method: trend, window: 3 }]
  ///     lpg: [{ method: surrogate, by: cement, window: 3 }]
  ///   source: "IPCC 2006 Guidelines, Vol. 1, Ch. 5"
  /// ```
  func timeSeries(_ node: ConfigNode, gapFilling: GapFilling) throws(MethodologyError) -> TimeSeriesRules {
    let map = try ConfigMapping(node, path: "time_series", allowed: ["primary", "methods", "series", "source"])
    let methods = try map.optional("methods").map { node throws(MethodologyError) in try methodList(node, path: "time_series.methods") }
    var series: [SeriesName: [TimeSeriesMethod]] = [:]
    if let seriesNode = map.optional("series") {
      let seriesMap = try ConfigMapping(seriesNode, path: "time_series.series", allowed: Self.seriesNames(catalogue))
      for entry in seriesMap.entries {
        series[Self.seriesName(entry.key)] = try methodList(entry.value, path: "time_series.series.\(entry.key)")
      }
    }
    return TimeSeriesRules(
      primary: try map.optionalString("primary"), methods: methods ?? TimeSeriesRules.gapFilling(gapFilling).methods, series: series,
      source: try map.optionalString("source") ?? "")
  }

  static func seriesNames(_ catalogue: FuelCatalogue) -> [String] {
    Product.allCases.map(\.rawValue) + catalogue.definitions.map(\.fuel.id)
  }

  static func seriesName(_ key: String) -> SeriesName {
    Product(rawValue: key).map(SeriesName.product) ?? .fuel(Fuel(key))
  }

  /// A method, or a list of methods applied in order.
  func methodList(_ node: ConfigNode, path: String) throws(MethodologyError) -> [TimeSeriesMethod] {
    guard case .sequence(let items, _) = node else { return [try method(node, path: path)] }
    guard !items.isEmpty else { throw MethodologyError(node.location, "'\(path)' must name at least one method") }
    var methods: [TimeSeriesMethod] = []
    for (i, item) in items.enumerated() { methods.append(try method(item, path: "\(path)[\(i + 1)]")) }
    return methods
  }

  /// `carry-forward`, `linear`, `overlap`, `trend` or a mapping `{ method: surrogate, by: cement, window: 3 }`.
  private func method(_ node: ConfigNode, path: String) throws(MethodologyError) -> TimeSeriesMethod {
    let name: String, map: ConfigMapping?, nameNode: ConfigNode
    if case .scalar(let text, _) = node {
      (name, map, nameNode) = (text, nil, node)
    } else {
      let m = try ConfigMapping(node, path: path, allowed: ["method", "years", "by", "window"])
      (name, map, nameNode) = (try m.string("method"), m, try m.required("method"))
    }
    let window = try map?.optional("window").map { node throws(MethodologyError) in try Self.integer(node, path: path + ".window") }
    if let window, window < 1 { throw MethodologyError(nameNode.location, "'\(path).window' must be 1 or more, found \(window)") }
    switch name {
    case "carry-forward": return .carryForward
    case "linear": return .linear
    case "overlap":
      return .overlap(years: try map?.optional("years").map { node throws(MethodologyError) in try Self.years(node, path: path + ".years") })
    case "trend": return .trend(window: window ?? 5)
    case "surrogate":
      guard let byNode = map?.optional("by") else {
        throw MethodologyError(
          node.location, "'\(path)': the surrogate method needs the series to scale by",
          hint: "write { method: surrogate, by: cement } (any product or fuel id)")
      }
      let by = try ConfigMapping.scalar(byNode, path: path + ".by")
      guard Self.seriesNames(catalogue).contains(by) else {
        throw MethodologyError(
          byNode.location, "unknown series '\(by)' for '\(path).by'", hint: "allowed: \(Self.seriesNames(catalogue).joined(separator: ", "))")
      }
      return .surrogate(Self.seriesName(by), window: window ?? 3)
    default:
      throw MethodologyError(
        nameNode.location, "unknown time-series method '\(name)' in '\(path)'", hint: "allowed: \(TimeSeriesMethod.names.joined(separator: ", "))")
    }
  }

  /// ```yaml
  /// cement_output:
  ///   derive_from: ceads-apparent-inventory
  ///   process_factor: 0.2906 tCO2/t cement
  ///   source: "CEADs (Shan et al. 2016) ..."
  /// ```
  func cementOutput(_ node: ConfigNode) throws(MethodologyError) -> CementDerivation {
    let map = try ConfigMapping(node, path: "cement_output", allowed: ["derive_from", "process_factor", "source", "assumption"])
    let from = try map.string("derive_from")
    guard from == "ceads-apparent-inventory" else {
      throw MethodologyError(try map.required("derive_from").location, "unknown value '\(from)' for 'cement_output.derive_from'", hint: "allowed values: ceads-apparent-inventory")
    }
    return CementDerivation(
      processFactor: Sourced(
        try UnitValue.cementProcessFactor(try map.required("process_factor"), path: "cement_output.process_factor"),
        source: try map.string("source"), isAssumption: try Self.bool(map.optional("assumption"), path: "cement_output.assumption") ?? false))
  }

  /// ```yaml
  /// checks:
  ///   parts_tolerance: 0.01
  ///   jump: 0.5
  ///   standard_coal: { coal: 0.7143 kgce/kg, natural_gas: 1.2143 kgce/m3, electricity: 0.1229 kgce/kWh }
  /// ```
  func checks(_ node: ConfigNode) throws(MethodologyError) -> ConsistencyRules {
    let map = try ConfigMapping(node, path: "checks", allowed: ["parts_tolerance", "jump", "standard_coal", "source"])
    var coal: [Fuel: Double] = [:]
    if let coalNode = map.optional("standard_coal") {
      let coalMap = try ConfigMapping(coalNode, path: "checks.standard_coal", allowed: catalogue.definitions.map(\.fuel.id))
      for entry in coalMap.entries {
        let fuel = Fuel(entry.key)
        coal[fuel] = try UnitValue.standardCoal(entry.value, path: "checks.standard_coal.\(entry.key)", dimension: catalogue[fuel]?.dimension)
      }
    }
    let jump = try map.optional("jump").map { node throws(MethodologyError) in try Self.positive(node, path: "checks.jump") }
    return ConsistencyRules(
      partsTolerance: try map.optional("parts_tolerance").map { node throws(MethodologyError) in try UnitValue.fraction(node, path: "checks.parts_tolerance").value }
        ?? ConsistencyRules.standard.partsTolerance,
      jump: jump ?? ConsistencyRules.standard.jump, standardCoal: coal)
  }

  static func positive(_ node: ConfigNode, path: String) throws(MethodologyError) -> Double {
    let text = try ConfigMapping.scalar(node, path: path)
    guard let value = Double(text), value.isFinite, value > 0 else {
      throw MethodologyError(node.location, "'\(path)' must be a positive number, found \"\(text)\"")
    }
    return value
  }
}
