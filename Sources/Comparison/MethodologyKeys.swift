import CementModel
import Foundation

/// The groups of methodology keys, in the order attribution applies them.
public enum KeyGroup: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
  case factorSet = "factor set"
  case electricity = "grid factor / electricity"
  case process = "process method"
  case allocation
  case gapFilling = "gap filling / copied years"
  case other = "other choices"
  case inputData = "input data"
  /// The methodology's name and title: they name the account and change no figure.
  case identity = "name and title"

  public var description: String { rawValue }
  public static func < (a: KeyGroup, b: KeyGroup) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }

  /// The group a flattened key belongs to.
  public static func of(key: String) -> KeyGroup {
    let head = key.split(separator: ".").first.map(String.init) ?? key
    switch head {
    case "factor_set": return .factorSet
    case "electricity": return .electricity
    case "process": return .process
    case "allocation": return .allocation
    case "gap_filling", "copied_years", "time_series": return .gapFilling
    case "name", "title": return .identity
    default: return .other
    }
  }
}

/// A methodology flattened into key paths and display values, the way its YAML file names them
/// (`factor_set.fuels.coal.ncv` → `20.908 GJ/t`). Values given for every year are expanded over
/// the methodology's years (`electricity.grid_factor.2021`), so a constant and a by-year series
/// compare year by year.
public enum MethodologyKeys {
  public static func flatten(_ m: Methodology) -> [String: String] {
    var keys: [String: String] = [:]
    keys["name"] = m.name
    keys["title"] = m.title
    keys["years"] = "\(m.years.lowerBound)-\(m.years.upperBound)"

    keys["factor_set.name"] = m.factorSet.name
    keys["factor_set.source"] = m.factorSet.source
    for (fuel, f) in m.factorSet.fuels {
      let path = "factor_set.fuels.\(fuel.id)"
      switch f.netCalorificValue {
      case .perMass(let r): keys[path + ".ncv"] = "\(number(r.value(in: .gigajoules, per: .tonnes))) GJ/t"
      case .perVolume(let r): keys[path + ".ncv"] = "\(number(r.value(in: .gigajoules, per: .tenThousandCubicMetres))) GJ/10^4 m3"
      }
      keys[path + ".carbon_content"] = "\(number(f.carbonContent.value(in: .tonnesOfCarbon, per: .terajoules))) tC/TJ"
      keys[path + ".oxidation_rate"] = number(f.oxidationRate.value)
      if f.source != m.factorSet.source { keys[path + ".source"] = f.source }
    }

    yearly(m.electricity.gridFactor, years: m.years, path: "electricity.grid_factor", into: &keys) {
      "\(number($0.value(in: .tonnesCO2, per: .megawattHours))) tCO2/MWh"
    }
    keys["electricity.source"] = m.electricity.source
    keys["electricity.assumption"] = "\(m.electricity.isAssumption)"

    keys["process.emission_factor"] = "\(number(m.process.emissionFactor.value.value(in: .tonnesCO2, per: .tonnes))) tCO2/t clinker"
    keys["process.source"] = m.process.emissionFactor.source
    keys["process.assumption"] = "\(m.process.emissionFactor.isAssumption)"
    switch m.process.clinker {
    case .table:
      keys["process.clinker.method"] = "table"
    case .cementTimesRatio(let ratio, let source):
      keys["process.clinker.method"] = "cement-times-ratio"
      yearly(ratio, years: m.years, path: "process.clinker.ratio", into: &keys) { number($0) }
      keys["process.clinker.source"] = source
    }

    keys["allocation.source"] = m.allocation.source
    switch m.allocation.basis {
    case .share(let share):
      yearly(share, years: m.years, path: "allocation.share", into: &keys) { number($0.value) }
    case .energyProxy(let proxy):
      keys["allocation.share"] = "energy-proxy"
      let path = "allocation.energy_proxy"
      yearly(proxy.unitEnergyConsumption.value, years: m.years, path: path + ".unit_energy_consumption", into: &keys) {
        "\(number($0.baseValue * 1000)) kgce/t clinker"
      }
      keys[path + ".source"] = proxy.unitEnergyConsumption.source
      keys[path + ".assumption"] = "\(proxy.unitEnergyConsumption.isAssumption)"
      keys[path + ".total_energy"] = proxy.preferTableTotal ? "table-or-fuels" : "fuels"
      keys[path + ".standard_coal.source"] = proxy.standardCoal.source
      for (fuel, c) in proxy.standardCoal.value { keys[path + ".standard_coal.\(fuel.id)"] = c.description }
    }

    keys["gap_filling"] = m.gapFilling.rawValue
    keys["copied_years"] = m.copiedYears.rawValue
    if m.timeSeries != .gapFilling(m.gapFilling) {
      keys["time_series.methods"] = m.timeSeries.methods.map(\.description).joined(separator: ", ")
      if let primary = m.timeSeries.primary { keys["time_series.primary"] = primary }
      for (series, methods) in m.timeSeries.series { keys["time_series.series.\(series)"] = methods.map(\.description).joined(separator: ", ") }
      if !m.timeSeries.source.isEmpty { keys["time_series.source"] = m.timeSeries.source }
    }
    if let derivation = m.cementDerivation {
      keys["cement_derivation.process_factor"] = "\(number(derivation.processFactor.value)) tCO2/t cement"
      keys["cement_derivation.source"] = derivation.processFactor.source
    }
    if m.checks != .standard {
      keys["checks.parts_tolerance"] = number(m.checks.partsTolerance)
      keys["checks.jump"] = number(m.checks.jump)
      for (fuel, k) in m.checks.standardCoal { keys["checks.standard_coal.\(fuel.id)"] = number(k) }
    }
    anomalyKeys(m.anomalies, into: &keys)
    uncertainty(m.uncertainty, into: &keys)
    keys["stages.series"] = m.stageSeries.rawValue
    for (i, stage) in m.stages.enumerated() {
      keys["stages.list[\(i + 1)]"] = "\(stage.name): \(stage.first)-\(stage.last)" + (stage.base == stage.first ? "" : " (base \(stage.base))")
    }
    return keys
  }

  /// The `anomalies` section, every key (its defaults included), as the file names them.
  private static func anomalyKeys(_ a: AnomalyRules, into keys: inout [String: String]) {
    keys["anomalies.outliers"] = a.treatment.rawValue
    keys["anomalies.replacement"] = a.replacement.map(\.description).joined(separator: ", ")
    keys["anomalies.window"] = "\(a.window)"
    keys["anomalies.scale_floor"] = number(a.scaleFloor)
    keys["anomalies.scores.note"] = number(a.noteScore)
    keys["anomalies.scores.warning"] = number(a.warningScore)
    keys["anomalies.scores.error"] = number(a.errorScore)
    keys["anomalies.materiality.warning"] = number(a.warningShare)
    keys["anomalies.materiality.error"] = number(a.errorShare)
    keys["anomalies.confirmation"] = number(a.confirmation)
    keys["anomalies.collapse_ratio"] = number(a.collapseRatio)
    keys["anomalies.source"] = a.source
  }

  /// `uncertainty.*` as the file names them (`uncertainty.inputs.carbon_content` → `normal ±4 %`);
  /// nothing for a methodology without uncertainties.
  static func uncertainty(_ u: UncertaintySpec, into keys: inout [String: String]) {
    guard u != .none else { return }
    func show(_ i: InputUncertainty) -> String {
      let range = i.lower == -i.upper ? "±\(number(i.upper * 100)) %" : "\(number(i.lower * 100)) % to +\(number(i.upper * 100)) %"
      return "\(i.shape.rawValue) \(range)"
    }
    keys["uncertainty.enabled"] = "\(u.enabledByDefault)"
    keys["uncertainty.draws"] = "\(u.draws)"
    keys["uncertainty.seed"] = "\(u.seed)"
    keys["uncertainty.activity_years"] = u.activityCorrelatedAcrossYears ? "correlated" : "independent"
    for (c, i) in u.inputs {
      keys["uncertainty.inputs.\(c.rawValue)"] = show(i)
      if !i.source.isEmpty { keys["uncertainty.inputs.\(c.rawValue).source"] = i.source }
    }
    for (fuel, classes) in u.byFuel {
      for (c, i) in classes {
        keys["uncertainty.by_fuel.\(fuel.id).\(c.rawValue)"] = show(i)
        if !i.source.isEmpty { keys["uncertainty.by_fuel.\(fuel.id).\(c.rawValue).source"] = i.source }
      }
    }
  }

  /// The keys whose values differ (or that only one side has), in group order, then by key.
  public static func differences(_ a: [String: String], _ b: [String: String]) -> [KeyDifference] {
    Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }
      .map { KeyDifference(key: $0, group: KeyGroup.of(key: $0), a: a[$0], b: b[$0]) }
      .sorted { ($0.group, KeyPath.sortKey($0.key)) < ($1.group, KeyPath.sortKey($1.key)) }
  }

  private static func yearly<T>(_ value: YearlyValue<T>, years: ClosedRange<Int>, path: String, into keys: inout [String: String], _ show: (T) -> String) {
    switch value {
    case .constant(let v):
      for year in years { keys["\(path).\(year)"] = show(v) }
    case .byYear(let values):
      for (year, v) in values { keys["\(path).\(year)"] = show(v) }
    }
  }

  /// A number to ten significant digits, without trailing zeros (`0.6101`, `389.31`).
  static func number(_ x: Double) -> String {
    var text = String(format: "%.10g", x)
    if text.contains("e") { return text }
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }
}

/// One methodology key that differs between the two sides.
public struct KeyDifference: Sendable, Hashable {
  public let key: String
  public let group: KeyGroup
  /// The value on side A, nil when A does not have the key.
  public let a: String?
  public let b: String?
}

enum KeyPath {
  /// Sorts numbers within keys numerically (`stages.list[10]` after `[9]`).
  static func sortKey(_ key: String) -> String {
    var out = ""
    var digits = ""
    for c in key {
      if c.isNumber { digits.append(c); continue }
      if !digits.isEmpty { out += String(repeating: "0", count: max(0, 6 - digits.count)) + digits; digits = "" }
      out.append(c)
    }
    if !digits.isEmpty { out += String(repeating: "0", count: max(0, 6 - digits.count)) + digits }
    return out
  }
}
