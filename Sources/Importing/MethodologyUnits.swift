import CementModel
import Foundation

/// Values with units in methodology files, such as `20.908 GJ/t` or `0.6101 tCO2/MWh`.
/// Every factor must state its unit; each kind of factor accepts the units listed here and
/// nothing else, so a factor with the wrong unit is caught when the file is read.
enum UnitValue {
  /// Accepted NCV units: per mass (GJ/t) or per volume (GJ/10⁴ m³).
  static let massNCVUnits: [String: Double] = ["gj/t": 1, "tj/gg": 1, "mj/kg": 1, "kj/kg": 1e-3, "tj/kt": 1]
  static let volumeNCVUnits: [String: Double] = [  // in GJ per m³
    "gj/10^4m3": 1e-4, "gj/10^4nm3": 1e-4, "gj/10000m3": 1e-4, "gj/10000nm3": 1e-4, "mj/m3": 1e-3, "mj/nm3": 1e-3,
    "kj/m3": 1e-6, "kj/nm3": 1e-6, "gj/m3": 1,
  ]
  /// Carbon content units, in t C per GJ.
  static let carbonContentUnits: [String: Double] = ["tc/tj": 1e-3, "kgc/gj": 1e-3, "tc/gj": 1]
  /// Grid factor units, in t CO₂ per MWh.
  static let gridFactorUnits: [String: Double] = ["tco2/mwh": 1, "kgco2/kwh": 1, "tco2/10^4kwh": 0.1, "tco2/kwh": 1000]
  /// Process factor units, in t CO₂ per t of clinker (or of whatever the clinker method yields).
  static let processFactorUnits: [String: Double] = ["tco2/tclinker": 1, "tco2/t": 1, "kgco2/kgclinker": 1, "kgco2/tclinker": 1e-3]

  static func netCalorificValue(_ node: ConfigNode, path: String) throws(MethodologyError) -> NetCalorificValue {
    let (number, unit) = try split(node, path: path, example: "20.908 GJ/t")
    if let k = massNCVUnits[unit] { return .perMass(Rate(baseValue: number * k)) }
    if let k = volumeNCVUnits[unit] { return .perVolume(Rate(baseValue: number * k)) }
    throw unknownUnit(node, path: path, unit: unit, accepted: "GJ/t, TJ/Gg, MJ/kg (solids, liquids); GJ/10^4 m3, MJ/m3 (gases)")
  }

  static func carbonContent(_ node: ConfigNode, path: String) throws(MethodologyError) -> Rate<CarbonMass, HeatEnergy> {
    let (number, unit) = try split(node, path: path, example: "26.37 tC/TJ")
    guard let k = carbonContentUnits[unit] else {
      throw unknownUnit(node, path: path, unit: unit, accepted: "tC/TJ, kgC/GJ, tC/GJ")
    }
    return Rate(baseValue: number * k)
  }

  static func gridFactor(_ node: ConfigNode, path: String) throws(MethodologyError) -> Rate<CO2Mass, ElectricEnergy> {
    let (number, unit) = try split(node, path: path, example: "0.6101 tCO2/MWh")
    guard let k = gridFactorUnits[unit] else {
      throw unknownUnit(node, path: path, unit: unit, accepted: "tCO2/MWh, kgCO2/kWh, tCO2/10^4 kWh")
    }
    return Rate(baseValue: number * k)
  }

  static func processFactor(_ node: ConfigNode, path: String) throws(MethodologyError) -> Rate<CO2Mass, Mass> {
    let (number, unit) = try split(node, path: path, example: "0.525 tCO2/t clinker")
    guard let k = processFactorUnits[unit] else {
      throw unknownUnit(node, path: path, unit: unit, accepted: "tCO2/t clinker, kgCO2/t clinker")
    }
    return Rate(baseValue: number * k)
  }

  /// Cement process CO₂ per tonne of cement, for deriving cement output (`0.2906 tCO2/t cement`).
  static func cementProcessFactor(_ node: ConfigNode, path: String) throws(MethodologyError) -> Double {
    let (number, unit) = try split(node, path: path, example: "0.2906 tCO2/t cement")
    guard let k = ["tco2/tcement": 1.0, "tco2/t": 1, "kgco2/tcement": 1e-3, "kgco2/t": 1e-3][unit], number > 0 else {
      throw number > 0
        ? unknownUnit(node, path: path, unit: unit, accepted: "tCO2/t cement, kgCO2/t cement")
        : MethodologyError(node.location, "'\(path)' must be a positive factor, found \(number)")
    }
    return number * k
  }

  /// A standard-coal coefficient, as tce per base unit of the fuel's dimension (t, m³, MWh, GJ).
  static func standardCoal(_ node: ConfigNode, path: String, dimension: ActivityDimension?) throws(MethodologyError) -> Double {
    let (number, unit) = try split(node, path: path, example: "0.7143 kgce/kg")
    let units: [String: (ActivityDimension, Double)] = [
      "kgce/kg": (.mass, 1), "tce/t": (.mass, 1), "kgce/t": (.mass, 1e-3),
      "kgce/m3": (.gasVolume, 1e-3), "tce/10^4m3": (.gasVolume, 1e-4), "kgce/kwh": (.electricity, 1), "gce/kwh": (.electricity, 1e-3),
      "kgce/mj": (.heat, 1), "tce/tj": (.heat, 1e-3),
    ]
    guard let (unitDimension, k) = units[unit] else {
      throw unknownUnit(node, path: path, unit: unit, accepted: "kgce/kg, tce/t, kgce/m3, kgce/kWh, gce/kWh, kgce/MJ")
    }
    if let dimension, dimension != unitDimension {
      throw MethodologyError(
        node.location, "'\(path)' is per \(unitDimension), but the fuel is measured as \(dimension)",
        hint: "solids and liquids: kgce/kg; gases: kgce/m3; electricity: kgce/kWh; heat: kgce/MJ")
    }
    return number * k
  }

  /// A share or rate: `0.94`, or `94%`. Must lie in [0, 1].
  static func fraction(_ node: ConfigNode, path: String) throws(MethodologyError) -> Fraction {
    let text = try ConfigMapping.scalar(node, path: path).trimmingCharacters(in: .whitespaces)
    let isPercent = text.hasSuffix("%")
    let digits = isPercent ? String(text.dropLast()).trimmingCharacters(in: .whitespaces) : text
    guard let number = Double(digits), number.isFinite else {
      throw MethodologyError(node.location, "'\(path)' must be a number between 0 and 1 (or a percentage), found \"\(text)\"")
    }
    let value = isPercent ? number / 100 : number
    guard (0...1).contains(value) else {
      throw MethodologyError(node.location, "'\(path)' must lie between 0 and 1, found \(text)")
    }
    return Fraction(value)
  }

  /// Splits `"20.908 GJ/t"` into the number and a normalised unit key (`gj/t`).
  private static func split(_ node: ConfigNode, path: String, example: String) throws(MethodologyError) -> (Double, String) {
    let text = try ConfigMapping.scalar(node, path: path).trimmingCharacters(in: .whitespaces)
    let numberEnd = text.firstIndex { !("0123456789.eE+-".contains($0)) } ?? text.endIndex
    let numberText = String(text[..<numberEnd])
    let unitText = String(text[numberEnd...])
    guard let number = Double(numberText), number.isFinite else {
      throw MethodologyError(node.location, "'\(path)' must be a number with a unit like '\(example)', found \"\(text)\"")
    }
    guard number >= 0 else {
      throw MethodologyError(node.location, "'\(path)' must not be negative, found \"\(text)\"")
    }
    try requirePlausible(number, node, path: path, text: text)
    let unit = normalise(unitText)
    guard !unit.isEmpty else {
      throw MethodologyError(node.location, "'\(path)' has no unit: write it like '\(example)'", hint: "every factor states its unit")
    }
    return (number, unit)
  }

  /// The largest number a factor may be written with, in whatever unit it is written: 10⁶.
  /// No factor comes near (an NCV of 20 908 kJ/kg, a grid factor of 610 kg/MWh); a finite
  /// but huge one (10³⁰⁸) would overflow the products it enters, so it is refused here, where
  /// its file and line are known.
  static let plausibleFactorMaximum = 1e6

  static func requirePlausible(_ number: Double, _ node: ConfigNode, path: String, text: String) throws(MethodologyError) {
    guard number > plausibleFactorMaximum else { return }
    throw MethodologyError(
      node.location, "'\(path)' is \"\(text)\", beyond any factor of its kind (at most 10^6 in the unit it is written in)",
      hint: "check the exponent and the unit; factors are written like '20.908 GJ/t' or '0.6101 tCO2/MWh'")
  }

  /// Lower case, no spaces, superscripts and subscripts as plain digits, `×10⁴` as `10^4`.
  static func normalise(_ unit: String) -> String {
    var s = unit.lowercased()
    let replacements: [(String, String)] = [
      ("₂", "2"), ("²", "2"), ("³", "3"), ("⁴", "^4"), ("⁸", "^8"), ("**", "^"), ("·", ""), ("−", "-"),
      ("co₂", "co2"), ("per", "/"), (" ", ""), ("\u{3000}", ""),
    ]
    for (a, b) in replacements { s = s.replacingOccurrences(of: a, with: b) }
    s = s.replacingOccurrences(of: "10^^", with: "10^")
    return s
  }

  private static func unknownUnit(_ node: ConfigNode, path: String, unit: String, accepted: String) -> MethodologyError {
    MethodologyError(node.location, "'\(path)' has a unit this factor cannot take: \"\(unit)\"", hint: "accepted units: \(accepted)")
  }
}
