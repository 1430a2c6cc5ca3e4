import CementModel
import Foundation

/// The `allocation` section of a methodology file:
///
///     allocation:
///       share: 1                   # a number, a percentage, by year, or `energy-proxy`
///       source: "…"
///
///     allocation:
///       share: energy-proxy        # computed each year from the proxy below
///       energy_proxy:
///         unit_energy_consumption: 128 kgce/t clinker   # constant or by year
///         source: "…"
///         assumption: true
///         total_energy: table-or-fuels                  # or: fuels
///         standard_coal:
///           source: "…"
///           coal: 0.7143 kgce/kg
///           natural_gas: 1.33 kgce/m3
///           electricity: 0.1229 kgce/kWh
///       source: "…"
extension MethodologyLoader {
  static let allocationKeys = ["share", "source", "energy_proxy"]
  static let energyProxyKeys = ["unit_energy_consumption", "source", "assumption", "total_energy", "standard_coal"]
  static let energyProxyShare = "energy-proxy"

  static func allocationRule(_ node: ConfigNode, catalogue: FuelCatalogue) throws(MethodologyError) -> AllocationRule {
    let map = try ConfigMapping(node, path: "allocation", allowed: allocationKeys)
    let shareNode = try map.required("share", hint: "write a share (1, 0.8, 80%), a share by year, or 'energy-proxy'")
    let source = try map.string("source")
    let proxyNode = map.optional("energy_proxy")
    if case .scalar(let text, _) = shareNode, text.trimmingCharacters(in: .whitespaces) == energyProxyShare {
      guard let proxyNode else {
        throw MethodologyError(
          shareNode.location, "'allocation.share' is 'energy-proxy' but 'allocation.energy_proxy' is missing",
          hint: "give allocation.energy_proxy: unit_energy_consumption, source, standard_coal (see Inputs/methodologies/README.md)")
      }
      return AllocationRule(energyProxy: try energyProxy(proxyNode, catalogue: catalogue), source: source)
    }
    if let proxyNode {
      throw MethodologyError(
        proxyNode.location, "'allocation.energy_proxy' is used only with 'allocation.share: energy-proxy'",
        hint: "write 'share: energy-proxy' to compute the share from the proxy, or remove 'energy_proxy'")
    }
    return AllocationRule(share: try yearly(shareNode, path: "allocation.share", UnitValue.fraction), source: source)
  }

  private static func energyProxy(_ node: ConfigNode, catalogue: FuelCatalogue) throws(MethodologyError) -> EnergyProxy {
    let path = "allocation.energy_proxy"
    let map = try ConfigMapping(node, path: path, allowed: energyProxyKeys)
    let consumption = try yearly(
      try map.required("unit_energy_consumption"), path: path + ".unit_energy_consumption", UnitValue.unitEnergyConsumption)
    let totalPath = path + ".total_energy"
    let preferTable: Bool
    switch try map.optionalString("total_energy") ?? "table-or-fuels" {
    case "table-or-fuels": preferTable = true
    case "fuels": preferTable = false
    case let other:
      throw MethodologyError(
        map.optional("total_energy")?.location ?? node.location, "unknown value '\(other)' for '\(totalPath)'",
        hint: "allowed values: table-or-fuels, fuels")
    }
    let coalNode = try map.required("standard_coal")
    let coalPath = path + ".standard_coal"
    let fuelIDs = catalogue.definitions.filter { $0.role != .total }.map(\.fuel.id)
    let coalMap = try ConfigMapping(coalNode, path: coalPath, allowed: ["source"] + fuelIDs)
    var coefficients: [Fuel: StandardCoalCoefficient] = [:]
    for entry in coalMap.entries where entry.key != "source" {
      let fuel = Fuel(entry.key)
      let coefficient = try UnitValue.standardCoal(entry.value, path: "\(coalPath).\(entry.key)")
      if let definition = catalogue[fuel], definition.dimension != coefficient.dimension {
        throw MethodologyError(
          entry.value.location,
          "'\(coalPath).\(entry.key)' is per \(coefficient.dimension) amount, but \(definition.englishName) is measured as \(definition.dimension)",
          hint: "accepted units: kgce/kg or tce/t (solids, liquids); kgce/m3 or tce/10^4 m3 (gases); kgce/kWh or tce/10^4 kWh (electricity)")
      }
      coefficients[fuel] = coefficient
    }
    return EnergyProxy(
      unitEnergyConsumption: Sourced(
        consumption, source: try map.string("source"),
        isAssumption: try bool(map.optional("assumption"), path: path + ".assumption") ?? false),
      standardCoal: Sourced(coefficients, source: try coalMap.string("source")),
      preferTableTotal: preferTable)
  }
}

extension UnitValue {
  /// Unit energy consumption units, in t ce per t of clinker.
  static let unitEnergyUnits: [String: Double] = ["kgce/tclinker": 1e-3, "kgce/t": 1e-3, "tce/tclinker": 1, "tce/t": 1]

  /// Standard-coal coefficient units: the dimension and t ce per base unit (t, m³, MWh).
  static let standardCoalUnits: [String: (ActivityDimension, Double)] = [
    "kgce/kg": (.mass, 1), "tce/t": (.mass, 1), "tce/10^4t": (.mass, 1),
    "kgce/m3": (.gasVolume, 1e-3), "tce/10^4m3": (.gasVolume, 1e-4), "kgce/nm3": (.gasVolume, 1e-3), "tce/10^4nm3": (.gasVolume, 1e-4),
    "kgce/kwh": (.electricity, 1), "tce/10^4kwh": (.electricity, 0.1), "tce/mwh": (.electricity, 1),
  ]

  static func unitEnergyConsumption(_ node: ConfigNode, path: String) throws(MethodologyError) -> Rate<CoalEquivalent, Mass> {
    let (number, unit) = try numberAndUnit(node, path: path, example: "128 kgce/t clinker")
    guard let k = unitEnergyUnits[unit] else {
      throw MethodologyError(node.location, "'\(path)' has a unit this value cannot take: \"\(unit)\"", hint: "accepted units: kgce/t clinker, tce/t clinker")
    }
    return Rate(baseValue: number * k)
  }

  static func standardCoal(_ node: ConfigNode, path: String) throws(MethodologyError) -> StandardCoalCoefficient {
    let (number, unit) = try numberAndUnit(node, path: path, example: "0.7143 kgce/kg")
    guard let (dimension, k) = standardCoalUnits[unit] else {
      throw MethodologyError(
        node.location, "'\(path)' has a unit this coefficient cannot take: \"\(unit)\"",
        hint: "accepted units: kgce/kg, tce/t (solids, liquids); kgce/m3, tce/10^4 m3 (gases); kgce/kWh, tce/10^4 kWh (electricity)")
    }
    return StandardCoalCoefficient(dimension: dimension, tonnesPerBaseUnit: number * k)
  }

  /// `"128 kgce/t clinker"` → (128, `kgce/tclinker`).
  private static func numberAndUnit(_ node: ConfigNode, path: String, example: String) throws(MethodologyError) -> (Double, String) {
    let text = try ConfigMapping.scalar(node, path: path).trimmingCharacters(in: .whitespaces)
    let numberEnd = text.firstIndex { !("0123456789.".contains($0)) } ?? text.endIndex
    guard let number = Double(text[..<numberEnd]), number.isFinite else {
      throw MethodologyError(node.location, "'\(path)' must be a number of zero or more with a unit like '\(example)', found \"\(text)\"")
    }
    try requirePlausible(number, node, path: path, text: text)
    let unit = normalise(String(text[numberEnd...]))
    guard !unit.isEmpty else {
      throw MethodologyError(node.location, "'\(path)' has no unit: write it like '\(example)'", hint: "every factor states its unit")
    }
    return (number, unit)
  }
}
