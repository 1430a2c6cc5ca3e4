import CementModel

/// Reads reduction-scenario files (YAML, see `Inputs/scenarios/README.md`) into a `Scenario`.
/// Errors name the file, line and column, as the methodology loader's do.
public struct ScenarioLoader: Sendable {
  public typealias ReadFile = @Sendable (String) throws -> String
  private let read: ReadFile

  public init(read: @escaping ReadFile) { self.read = read }

  /// Loads the scenario at `path`.
  public func load(path: String) throws(MethodologyError) -> Scenario {
    let text: String
    do { text = try read(path) } catch { throw MethodologyError(SourceLocation(file: path), "cannot read scenario file: \(error)") }
    return try parse(yaml: text, file: path)
  }

  /// Parses a scenario from text.
  public func parse(yaml: String, file: String) throws(MethodologyError) -> Scenario {
    let root = try ConfigMapping(
      try ConfigNode.parse(yaml: yaml, file: file), path: "", allowed: ["name", "title", "source", "end_year", "levers", "targets", "prices"])
    let endYear = try Self.year(try root.required("end_year"), path: "end_year")
    var paths: [Lever: LeverPath] = [:]
    if let leversNode = root.optional("levers") {
      let levers = try ConfigMapping(leversNode, path: "levers", allowed: Lever.allCases.map(\.rawValue))
      for entry in levers.entries {
        let lever = Lever(rawValue: entry.key)!
        paths[lever] = try leverPath(lever, entry.value, endYear: endYear)
      }
    }
    var targets: [ScenarioTarget] = []
    if let node = root.optional("targets") {
      for item in try Self.list(node, path: "targets") { targets.append(try target(item)) }
    }
    var prices: [AbatementPrice] = []
    if let node = root.optional("prices") {
      for item in try Self.list(node, path: "prices") {
        let m = try ConfigMapping(item, path: "prices[]", allowed: ["name", "cny_per_t", "source"])
        let value = try Self.number(try m.required("cny_per_t"), path: "prices[].cny_per_t")
        guard value >= 0 else { throw MethodologyError(try m.required("cny_per_t").location, "a price per tonne of CO₂ cannot be negative") }
        prices.append(AbatementPrice(name: try m.string("name"), cnyPerTonne: value, source: try m.string("source")))
      }
    }
    let name = try root.optionalString("name") ?? Self.baseName(file)
    return Scenario(
      name: name, title: try root.optionalString("title") ?? name, source: try root.string("source"), endYear: endYear, paths: paths,
      targets: targets, prices: prices, file: file)
  }

  private func leverPath(_ lever: Lever, _ node: ConfigNode, endYear: Int) throws(MethodologyError) -> LeverPath {
    let path = "levers.\(lever)"
    let m = try ConfigMapping(node, path: path, allowed: ["relative", "relative_to", "interpolation", "source", "path"])
    let relative = try m.optionalString("relative").map { text throws(MethodologyError) in
      guard let flag = Bool(text) else { throw MethodologyError(m.optional("relative")!.location, "'\(path).relative' must be true or false, found \"\(text)\"") }
      return flag
    } ?? false
    let interpolation = try m.optionalString("interpolation").map { text throws(MethodologyError) in
      guard let value = Interpolation(rawValue: text) else {
        throw MethodologyError(
          m.optional("interpolation")!.location, "unknown interpolation '\(text)' for '\(path)'",
          hint: "use one of \(Interpolation.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      return value
    } ?? .linear
    let relativeTo = try m.optional("relative_to").map { n throws(MethodologyError) in try Self.year(n, path: "\(path).relative_to") }
    if relativeTo != nil && !relative {
      throw MethodologyError(m.optional("relative_to")!.location, "'\(path).relative_to' needs 'relative: true'")
    }
    let defaultSource = try m.optionalString("source")
    var milestones: [Milestone] = []
    for item in try Self.list(try m.required("path"), path: "\(path).path") {
      let point = try ConfigMapping(item, path: "\(path).path[]", allowed: ["year", "value", "source"])
      let yearNode = try point.required("year"), valueNode = try point.required("value")
      let year = try Self.year(yearNode, path: "\(path).path[].year")
      guard year <= endYear else {
        throw MethodologyError(yearNode.location, "milestone year \(year) of '\(lever)' is after the scenario's end_year \(endYear)")
      }
      guard !milestones.contains(where: { $0.year == year }) else {
        throw MethodologyError(yearNode.location, "'\(lever)' has two milestones for \(year)")
      }
      let value = try Self.number(valueNode, path: "\(path).path[].value")
      let range = lever.physicalRange
      if relative {
        guard value >= 0 else {
          throw MethodologyError(valueNode.location, "'\(lever)' in \(year): a relative value must not be negative, found \(value)",
                                 hint: "relative values multiply the base year's value: 0.9 is 10 % below it")
        }
      } else if !range.contains(value) {
        let what = range.upperBound == 1 ? "a share or rate must lie within 0…1" : "the value must not be negative"
        throw MethodologyError(
          valueNode.location, "'\(lever)' in \(year) is \(value) \(lever.unit.symbol): \(what)",
          hint: range.upperBound == 1 ? "write shares as fractions (0.08 for 8 %)" : "intensities, factors and outputs are ≥ 0")
      }
      guard let source = try point.optionalString("source") ?? defaultSource else {
        throw MethodologyError(item.location, "the milestone \(year) of '\(lever)' has no source", hint: "add 'source:' to the milestone or to the lever")
      }
      milestones.append(Milestone(year: year, value: value, source: source, location: yearNode.location))
    }
    return LeverPath(lever: lever, relative: relative, relativeTo: relativeTo, interpolation: interpolation, milestones: milestones, location: node.location)
  }

  private func target(_ node: ConfigNode) throws(MethodologyError) -> ScenarioTarget {
    let m = try ConfigMapping(node, path: "targets[]", allowed: ["name", "year", "lever", "at_most", "at_least", "relative_to", "source"])
    let leverNode = try m.required("lever")
    let leverName = try ConfigMapping.scalar(leverNode, path: "targets[].lever")
    guard let lever = Lever(rawValue: leverName) else {
      throw MethodologyError(leverNode.location, "unknown lever '\(leverName)'", hint: "levers: \(Lever.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    let bound: ScenarioTarget.Bound
    let limitNode: ConfigNode
    switch (m.optional("at_most"), m.optional("at_least")) {
    case (let node?, nil): (bound, limitNode) = (.atMost, node)
    case (nil, let node?): (bound, limitNode) = (.atLeast, node)
    default: throw MethodologyError(node.location, "a target needs exactly one of 'at_most' and 'at_least'")
    }
    return ScenarioTarget(
      name: try m.string("name"), year: try Self.year(try m.required("year"), path: "targets[].year"), lever: lever, bound: bound,
      limit: try Self.number(limitNode, path: "targets[].\(bound.rawValue)"),
      relativeTo: try m.optional("relative_to").map { n throws(MethodologyError) in try Self.year(n, path: "targets[].relative_to") },
      source: try m.string("source"), location: node.location)
  }

  static func list(_ node: ConfigNode, path: String) throws(MethodologyError) -> [ConfigNode] {
    guard case .sequence(let items, _) = node else { throw MethodologyError(node.location, "'\(path)' must be a list, found \(node.kindDescription)") }
    return items
  }

  static func number(_ node: ConfigNode, path: String) throws(MethodologyError) -> Double {
    let text = try ConfigMapping.scalar(node, path: path)
    guard let value = Double(text), value.isFinite else { throw MethodologyError(node.location, "'\(path)' must be a number, found \"\(text)\"") }
    return value
  }

  static func year(_ node: ConfigNode, path: String) throws(MethodologyError) -> Int {
    let text = try ConfigMapping.scalar(node, path: path)
    guard let year = Int(text), (1900...2200).contains(year) else {
      throw MethodologyError(node.location, "'\(path)' must be a year, found \"\(text)\"")
    }
    return year
  }

  static func baseName(_ path: String) -> String {
    let file = path.split(separator: "/").last.map(String.init) ?? path
    return file.hasSuffix(".yaml") ? String(file.dropLast(5)) : file
  }
}
