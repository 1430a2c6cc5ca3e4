import CementModel
import Foundation

/// Reads methodology files (YAML, see `Inputs/methodologies/README.md`) into a `Methodology`.
///
/// A file may name another with `inherits:`; the parent is read from the same folder and the
/// child's keys override it, mappings merging key by key. File access goes through the
/// `read` closure, so this stays testable without a disk.
public struct MethodologyLoader: Sendable {
  public typealias ReadFile = @Sendable (String) throws -> String

  let catalogue: FuelCatalogue
  private let read: ReadFile

  public init(catalogue: FuelCatalogue = .standard, read: @escaping ReadFile) {
    self.catalogue = catalogue
    self.read = read
  }

  /// Loads the methodology at `path` and everything it inherits.
  public func load(path: String) throws(MethodologyError) -> Methodology {
    let (node, files) = try document(path: path, seen: [])
    return try build(node, files: files, defaultName: Self.baseName(path))
  }

  /// Parses a methodology from text that inherits nothing (for tests and tools).
  public func parse(yaml: String, file: String) throws(MethodologyError) -> Methodology {
    let node = try ConfigNode.parse(yaml: yaml, file: file)
    return try build(node, files: [file], defaultName: Self.baseName(file))
  }

  /// - Parameter inheritedBy: The `inherits:` value that names `path`, when a child does: a
  ///   parent that cannot be read is reported there, the child's file and line first.
  private func document(path: String, seen: [String], inheritedBy: ConfigNode? = nil) throws(MethodologyError) -> (ConfigNode, [String]) {
    guard !seen.contains(path) else {
      throw MethodologyError(
        inheritedBy?.location ?? SourceLocation(file: path),
        "methodologies inherit from each other in a loop: \((seen + [path]).joined(separator: " → "))")
    }
    let text: String
    do { text = try read(path) } catch {
      let reason = Self.readFailure(error, path: path)
      guard let inheritedBy else { throw MethodologyError(SourceLocation(file: path), "cannot read methodology file: \(reason)") }
      throw MethodologyError(
        inheritedBy.location, "'inherits' names \(path), which cannot be read: \(reason)",
        hint: "inherits names a methodology file in the same folder, with or without .yaml")
    }
    let node = try ConfigNode.parse(yaml: text, file: path)
    let top = try ConfigMapping(node, path: "", allowed: Self.topLevelKeys)
    guard let parentNode = top.optional("inherits") else { return (node, [path]) }
    let parentName = try ConfigMapping.scalar(parentNode, path: "inherits")
    let parentPath = Self.sibling(of: path, named: parentName)
    let (parent, parentFiles) = try document(path: parentPath, seen: seen + [path], inheritedBy: parentNode)
    return (ConfigNode.merge(parent: parent, child: node), [path] + parentFiles)
  }

  /// What the `read` closure's error says, without a second `path: error:` before it.
  static func readFailure(_ error: any Error, path: String) -> String {
    var text = "\(error)"
    for prefix in ["error: \(path): error: ", "\(path): error: ", "error: \(path): ", "error: "] where text.hasPrefix(prefix) {
      text.removeFirst(prefix.count)
      break
    }
    return text
  }

  static let topLevelKeys = [
    "name", "title", "description", "inherits", "years", "factor_set", "electricity", "process", "allocation",
    "gap_filling", "copied_years", "stages", "time_series", "cement_output", "checks", "anomalies", "uncertainty",
  ]

  private func build(_ node: ConfigNode, files: [String], defaultName: String) throws(MethodologyError) -> Methodology {
    let top = try ConfigMapping(node, path: "", allowed: Self.topLevelKeys)
    let years = try Self.years(try top.required("years"), path: "years")
    try Self.requireEveryYear(top, years: years)
    let stages = try self.stages(top, years: years)
    let gapFilling = try Self.choice(top, "gap_filling", GapFilling.self)
    return Methodology(
      name: try top.optionalString("name") ?? defaultName,
      title: try top.optionalString("title") ?? defaultName,
      files: files,
      years: years,
      factorSet: try factorSet(try top.required("factor_set")),
      electricity: try electricity(try top.required("electricity")),
      process: try process(try top.required("process")),
      allocation: try Self.allocationRule(try top.required("allocation"), catalogue: catalogue),
      gapFilling: gapFilling,
      copiedYears: try Self.choice(top, "copied_years", CopiedYearRule.self),
      stageSeries: stages.series,
      stages: stages.list,
      timeSeries: try top.optional("time_series").map { node throws(MethodologyError) in try timeSeries(node, gapFilling: gapFilling) },
      cementDerivation: try top.optional("cement_output").map { node throws(MethodologyError) in try cementOutput(node) },
      checks: try top.optional("checks").map { node throws(MethodologyError) in try checks(node) } ?? .standard,
      anomalies: try top.optional("anomalies").map { node throws(MethodologyError) in try anomalies(node) } ?? .standard,
      uncertainty: try top.optional("uncertainty").map { node throws(MethodologyError) in try uncertainty(node, files: files) } ?? .none,
      keyLocations: node.keyLocations())
  }

  // MARK: - Sections

  private func factorSet(_ node: ConfigNode) throws(MethodologyError) -> FactorSet {
    let map = try ConfigMapping(node, path: "factor_set", allowed: ["name", "source", "fuels"])
    let fuelsNode = try map.required("fuels")
    let fuelsMap = try ConfigMapping(fuelsNode, path: "factor_set.fuels", allowed: catalogue.definitions.map(\.fuel.id))
    let setSource = try map.optionalString("source") ?? ""
    var fuels: [Fuel: FuelFactors] = [:]
    for entry in fuelsMap.entries {
      let fuel = Fuel(entry.key)
      let path = "factor_set.fuels.\(entry.key)"
      let f = try ConfigMapping(entry.value, path: path, allowed: ["ncv", "carbon_content", "oxidation_rate", "source"])
      let ncvNode = try f.required("ncv")
      let ncv = try UnitValue.netCalorificValue(ncvNode, path: path + ".ncv")
      if let definition = catalogue[fuel], definition.dimension != ncv.dimension {
        let found = (try? ConfigMapping.scalar(ncvNode, path: path + ".ncv")) ?? ""
        let isGas = definition.dimension == .gasVolume
        throw MethodologyError(
          ncvNode.location,
          "'\(path).ncv' is \"\(found)\", a value per \(ncv.dimension == .mass ? "tonne" : "cubic metre"), but \(definition.englishName) is measured \(isGas ? "by volume" : "by mass")",
          hint: isGas
            ? "write a gas NCV per volume, e.g. '389.31 GJ/10^4 m3' (accepted: GJ/10^4 m3, GJ/10^4 Nm3, MJ/m3, kJ/m3)"
            : "write a solid or liquid NCV per mass, e.g. '20.908 GJ/t' (accepted: GJ/t, TJ/Gg, MJ/kg, kJ/kg)")
      }
      fuels[fuel] = FuelFactors(
        netCalorificValue: ncv,
        carbonContent: try UnitValue.carbonContent(try f.required("carbon_content"), path: path + ".carbon_content"),
        oxidationRate: try UnitValue.fraction(try f.required("oxidation_rate"), path: path + ".oxidation_rate"),
        source: try f.optionalString("source") ?? setSource)
    }
    return FactorSet(name: try map.string("name"), source: setSource, fuels: fuels)
  }

  private func electricity(_ node: ConfigNode) throws(MethodologyError) -> ElectricityMethod {
    let map = try ConfigMapping(node, path: "electricity", allowed: ["grid_factor", "source", "assumption"])
    return ElectricityMethod(
      gridFactor: try Self.yearly(try map.required("grid_factor"), path: "electricity.grid_factor", UnitValue.gridFactor),
      source: try map.string("source"),
      isAssumption: try Self.bool(map.optional("assumption"), path: "electricity.assumption") ?? false)
  }

  private func process(_ node: ConfigNode) throws(MethodologyError) -> ProcessMethod {
    let map = try ConfigMapping(node, path: "process", allowed: ["emission_factor", "source", "assumption", "clinker"])
    let factor = Sourced(
      try UnitValue.processFactor(try map.required("emission_factor"), path: "process.emission_factor"),
      source: try map.string("source"),
      isAssumption: try Self.bool(map.optional("assumption"), path: "process.assumption") ?? false)
    let clinkerNode = try map.required("clinker")
    let clinker = try ConfigMapping(clinkerNode, path: "process.clinker", allowed: ["method", "ratio", "source"])
    let method = try clinker.string("method")
    switch method {
    case "table":
      return ProcessMethod(emissionFactor: factor, clinker: .table)
    case "cement-times-ratio":
      let ratio = try Self.yearly(try clinker.required("ratio"), path: "process.clinker.ratio") { node, path throws(MethodologyError) in
        try UnitValue.fraction(node, path: path).value
      }
      return ProcessMethod(emissionFactor: factor, clinker: .cementTimesRatio(ratio, source: try clinker.string("source")))
    default:
      throw MethodologyError(
        try clinker.required("method").location, "unknown value '\(method)' for 'process.clinker.method'",
        hint: "allowed values: table, cement-times-ratio")
    }
  }

  private func stages(_ top: ConfigMapping, years: ClosedRange<Int>) throws(MethodologyError) -> (series: Aggregate, list: [StageDefinition]) {
    guard let node = top.optional("stages") else { return (.energy, []) }
    let map = try ConfigMapping(node, path: "stages", allowed: ["series", "list"])
    let series = try Self.choice(map, "series", Aggregate.self)
    guard let listNode = map.optional("list") else { return (series, []) }
    guard case .sequence(let items, _) = listNode else {
      throw MethodologyError(listNode.location, "'stages.list' must be a list, found \(listNode.kindDescription)")
    }
    var list: [StageDefinition] = []
    for (i, item) in items.enumerated() {
      let path = "stages.list[\(i + 1)]"
      let s = try ConfigMapping(item, path: path, allowed: ["name", "first", "last", "base"])
      let first = try Self.integer(try s.required("first"), path: path + ".first")
      let last = try Self.integer(try s.required("last"), path: path + ".last")
      let base = try s.optional("base").map { node throws(MethodologyError) in try Self.integer(node, path: path + ".base") }
      guard first <= last, (base ?? first) <= last else {
        throw MethodologyError(item.location, "stage '\(path)' ends (\(last)) before it starts (\(base ?? first))")
      }
      let name = try s.string("name")
      for (key, year) in [("first", first), ("last", last)] + (base.map { [("base", $0)] } ?? []) where !years.contains(year) {
        throw MethodologyError(
          try s.required(key).location,
          "stage '\(name)' (\(path)) has \(key): \(year), outside the methodology's years \(years.lowerBound)-\(years.upperBound)",
          hint: "a stage lies within 'years'; narrow the stage or extend 'years'")
      }
      list.append(StageDefinition(name: name, first: first, last: last, base: base, location: item.location))
    }
    return (series, list)
  }

  // MARK: - Values

  static func choice<T: RawRepresentable & CaseIterable>(_ map: ConfigMapping, _ key: String, _: T.Type) throws(MethodologyError) -> T
  where T.RawValue == String {
    let allowed = "allowed values: \(T.allCases.map(\.rawValue).joined(separator: ", "))"
    let node = try map.required(key, hint: allowed)
    let text = try ConfigMapping.scalar(node, path: ConfigMapping.join(map.path, key))
    guard let value = T(rawValue: text) else {
      throw MethodologyError(
        node.location, "unknown value '\(text)' for '\(ConfigMapping.join(map.path, key))'",
        hint: allowed)
    }
    return value
  }

  static func integer(_ node: ConfigNode, path: String) throws(MethodologyError) -> Int {
    let text = try ConfigMapping.scalar(node, path: path)
    guard let value = Int(text) else {
      throw MethodologyError(node.location, "'\(path)' must be a whole number, found \"\(text)\"")
    }
    return value
  }

  static func bool(_ node: ConfigNode?, path: String) throws(MethodologyError) -> Bool? {
    guard let node else { return nil }
    switch try ConfigMapping.scalar(node, path: path).lowercased() {
    case "true", "yes": return true
    case "false", "no": return false
    case let text: throw MethodologyError(node.location, "'\(path)' must be true or false, found \"\(text)\"")
    }
  }

  /// `2000-2022` or `{first: 2000, last: 2022}`.
  static func years(_ node: ConfigNode, path: String) throws(MethodologyError) -> ClosedRange<Int> {
    let first: Int, last: Int
    if case .scalar(let text, _) = node {
      let parts = text.split(whereSeparator: { "-–—".contains($0) }).map { String($0).trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) else {
        throw MethodologyError(node.location, "'\(path)' must be a range of years like 2000-2022, found \"\(text)\"")
      }
      (first, last) = (a, b)
    } else {
      let map = try ConfigMapping(node, path: path, allowed: ["first", "last"])
      (first, last) = (try integer(try map.required("first"), path: path + ".first"), try integer(try map.required("last"), path: path + ".last"))
    }
    guard first <= last, (1900...2200).contains(first), (1900...2200).contains(last) else {
      throw MethodologyError(node.location, "'\(path)' must run from an earlier to a later year between 1900 and 2200, found \(first)-\(last)")
    }
    return first...last
  }

  /// A constant value, or a mapping from year to value.
  static func yearly<T>(
    _ node: ConfigNode, path: String, _ value: (ConfigNode, String) throws(MethodologyError) -> T
  ) throws(MethodologyError) -> YearlyValue<T> {
    guard case .mapping(let pairs, _) = node else { return .constant(try value(node, path)) }
    var byYear: [Int: T] = [:]
    for pair in pairs {
      guard let year = Int(pair.key) else {
        throw MethodologyError(pair.keyLocation, "'\(path)' by year: expected a year as key, found \"\(pair.key)\"")
      }
      byYear[year] = try value(pair.value, "\(path).\(year)")
    }
    return .byYear(byYear)
  }

  /// The keys whose values may be given by year: each such mapping must give every year of
  /// the methodology, or the account would stop later at a year with no file or line to show.
  static let yearlyKeys = [
    ["electricity", "grid_factor"], ["process", "clinker", "ratio"], ["allocation", "share"],
    ["allocation", "energy_proxy", "unit_energy_consumption"],
  ]

  /// Refuses a by-year value (`grid_factor: {2000: …, 2001: …}`) that leaves out a year of
  /// `years`, at the mapping's file and line.
  static func requireEveryYear(_ top: ConfigMapping, years: ClosedRange<Int>) throws(MethodologyError) {
    for path in yearlyKeys {
      var node: ConfigNode? = top.node
      for key in path {
        guard case .mapping(let pairs, _)? = node else { node = nil; break }
        node = pairs.last(where: { $0.key == key })?.value
      }
      guard case .mapping(let pairs, let location)? = node, !pairs.isEmpty, pairs.allSatisfy({ Int($0.key) != nil }) else { continue }
      let given = Set(pairs.compactMap { Int($0.key) })
      let missing = years.filter { !given.contains($0) }
      guard let first = missing.first else { continue }
      let dotted = path.joined(separator: ".")
      throw MethodologyError(
        location,
        "'\(dotted)' gives no value for \(missing.count == 1 ? "\(first)" : "\(missing.count) years (\(first), …)") of the methodology's years \(years.lowerBound)-\(years.upperBound)",
        hint: "give '\(dotted)' a value for every year, or a single value for all of them")
    }
  }

  static func baseName(_ path: String) -> String {
    let file = path.split(separator: "/").last.map(String.init) ?? path
    for suffix in [".yaml", ".yml"] where file.hasSuffix(suffix) { return String(file.dropLast(suffix.count)) }
    return file
  }

  static func sibling(of path: String, named name: String) -> String {
    siblingPath(of: path, file: name.hasSuffix(".yaml") || name.hasSuffix(".yml") ? name : name + ".yaml")
  }
}

/// `file` in the folder of `path`.
func siblingPath(of path: String, file: String) -> String {
  guard !file.hasPrefix("/"), let slash = path.lastIndex(of: "/") else { return file }
  return String(path[...slash]) + file
}
