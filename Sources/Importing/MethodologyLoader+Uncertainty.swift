import CementModel
import Foundation

/// The `uncertainty:` section: per input class a distribution and a 95 % range with its source
/// (IPCC 2006 Vol. 1 Ch. 3), the Monte Carlo defaults, and the correlation of activity data.
extension MethodologyLoader {
  static let uncertaintyKeys = ["enabled", "draws", "seed", "activity_years", "inputs", "by_fuel", "source"]
  static let inputUncertaintyKeys = ["distribution", "half_width", "lower", "upper", "source"]
  static let fuelClasses: [InputClass] = [.fuelConsumption, .netCalorificValue, .carbonContent, .oxidationRate]

  /// Reads `uncertainty:`. `files` is the inheritance chain, the file itself first: where a
  /// child gives `lower`/`upper` and a parent `half_width` (or the reverse), the child's wins.
  func uncertainty(_ node: ConfigNode, files: [String]) throws(MethodologyError) -> UncertaintySpec {
    let map = try ConfigMapping(node, path: "uncertainty", allowed: Self.uncertaintyKeys)
    let draws = try map.optional("draws").map { n throws(MethodologyError) in try Self.integer(n, path: "uncertainty.draws") }
    if let draws, draws < 100, let n = map.optional("draws") {
      throw MethodologyError(n.location, "'uncertainty.draws' is \(draws); a Monte Carlo needs at least 100 draws", hint: "the default is \(UncertaintySpec.defaultDraws)")
    }
    let seed = try map.optional("seed").map { n throws(MethodologyError) -> UInt64 in
      let text = try ConfigMapping.scalar(n, path: "uncertainty.seed")
      guard let value = UInt64(text) else { throw MethodologyError(n.location, "'uncertainty.seed' must be a whole number ≥ 0, found \"\(text)\"") }
      return value
    }
    var correlated = false
    if let n = map.optional("activity_years") {
      switch try ConfigMapping.scalar(n, path: "uncertainty.activity_years") {
      case "independent": correlated = false
      case "correlated": correlated = true
      case let text:
        throw MethodologyError(n.location, "unknown value '\(text)' for 'uncertainty.activity_years'", hint: "allowed values: independent, correlated")
      }
    }
    var inputs: [InputClass: InputUncertainty] = [:]
    if let node = map.optional("inputs") {
      let classes = try ConfigMapping(node, path: "uncertainty.inputs", allowed: InputClass.allCases.map(\.rawValue))
      for entry in classes.entries {
        inputs[InputClass(rawValue: entry.key)!] = try Self.inputUncertainty(entry.value, path: "uncertainty.inputs.\(entry.key)", files: files)
      }
    }
    var byFuel: [Fuel: [InputClass: InputUncertainty]] = [:]
    if let node = map.optional("by_fuel") {
      let fuels = try ConfigMapping(node, path: "uncertainty.by_fuel", allowed: catalogue.definitions.map(\.fuel.id))
      for fuel in fuels.entries {
        let path = "uncertainty.by_fuel.\(fuel.key)"
        let classes = try ConfigMapping(fuel.value, path: path, allowed: Self.fuelClasses.map(\.rawValue))
        for entry in classes.entries {
          byFuel[Fuel(fuel.key), default: [:]][InputClass(rawValue: entry.key)!] = try Self.inputUncertainty(
            entry.value, path: "\(path).\(entry.key)", files: files)
        }
      }
    }
    return UncertaintySpec(
      enabledByDefault: try Self.bool(map.optional("enabled"), path: "uncertainty.enabled") ?? false,
      draws: draws ?? UncertaintySpec.defaultDraws, seed: seed ?? UncertaintySpec.defaultSeed,
      activityCorrelatedAcrossYears: correlated, inputs: inputs, byFuel: byFuel)
  }

  /// `{ distribution: normal, half_width: 10 %, source: … }` or
  /// `{ distribution: triangular, lower: -5 %, upper: 1 %, source: … }`.
  static func inputUncertainty(_ node: ConfigNode, path: String, files: [String]) throws(MethodologyError) -> InputUncertainty {
    let map = try ConfigMapping(node, path: path, allowed: inputUncertaintyKeys)
    let shapes = DistributionShape.allCases.map(\.rawValue).joined(separator: ", ")
    let shapeNode = try map.required("distribution", hint: "allowed values: \(shapes)")
    let shapeText = try ConfigMapping.scalar(shapeNode, path: path + ".distribution")
    guard let shape = DistributionShape(rawValue: shapeText) else {
      throw MethodologyError(shapeNode.location, "unknown distribution '\(shapeText)' for '\(path).distribution'", hint: "allowed values: \(shapes)")
    }
    let half = try map.optional("half_width").map { n throws(MethodologyError) in (n, try percent(n, path: path + ".half_width")) }
    let lower = try map.optional("lower").map { n throws(MethodologyError) in (n, try percent(n, path: path + ".lower")) }
    let upper = try map.optional("upper").map { n throws(MethodologyError) in (n, try percent(n, path: path + ".upper")) }
    if let (n, h) = half, h < 0 {
      throw MethodologyError(n.location, "'\(path).half_width' is negative (\(format(h)))", hint: "give the half-width of the 95 % interval as a positive percentage, e.g. '10 %'")
    }
    var bounds: (Double, Double)
    switch (half, lower, upper) {
    case (nil, nil, nil):
      throw MethodologyError(map.node.location, "'\(path)' gives no range", hint: "give 'half_width: 10 %', or 'lower: -5 %' and 'upper: 2 %'")
    case (let h?, nil, nil): bounds = (-h.1, h.1)
    case (nil, let l?, let u?): bounds = (l.1, u.1)
    case (nil, let l, let u):
      throw MethodologyError((l ?? u)!.0.location, "'\(path)' gives \(l == nil ? "'upper'" : "'lower'") without \(l == nil ? "'lower'" : "'upper'")", hint: "give both bounds, or 'half_width'")
    case (let h?, let l, let u):
      // Inherited keys merge: the bounds or the half-width written in the nearest file win.
      let rank = { (n: ConfigNode) in files.firstIndex(of: n.location.file) ?? files.count }
      let boundsRank = min(l.map { rank($0.0) } ?? Int.max, u.map { rank($0.0) } ?? Int.max)
      guard boundsRank != rank(h.0) else {
        throw MethodologyError(h.0.location, "'\(path)' gives both 'half_width' and bounds", hint: "give 'half_width', or 'lower' and 'upper'")
      }
      if rank(h.0) < boundsRank {
        bounds = (-h.1, h.1)
      } else {
        guard let l, let u else {
          throw MethodologyError((l ?? u)!.0.location, "'\(path)' gives one bound only", hint: "give both 'lower' and 'upper'")
        }
        bounds = (l.1, u.1)
      }
    }
    if bounds.0 > 0 || bounds.1 < 0 {
      let n = (bounds.0 > 0 ? lower : upper)?.0 ?? node
      throw MethodologyError(
        n.location, "the bounds of '\(path)' (\(format(bounds.0)) to \(format(bounds.1))) exclude the central value",
        hint: "bounds are relative to the value the account uses: 'lower' ≤ 0 % ≤ 'upper', e.g. 'lower: -5 %', 'upper: 2 %'")
    }
    if bounds.0 <= -1, shape != .normal {
      let n = lower?.0 ?? half?.0 ?? node
      throw MethodologyError(n.location, "the lower bound of '\(path)' (\(format(bounds.0))) reaches zero or below", hint: "a \(shape.rawValue) input stays positive: keep 'lower' above -100 %")
    }
    if bounds.0 == 0, bounds.1 == 0 {
      throw MethodologyError(map.node.location, "'\(path)' has a range of zero", hint: "leave the key out for an exact input")
    }
    return InputUncertainty(
      shape: shape, lower: bounds.0, upper: bounds.1, source: try map.optionalString("source") ?? "",
      origin: "\(node.location.file)\(node.location.line.map { ":\($0)" } ?? "") \(path)")
  }

  /// `10 %`, `-5%`, `+2 %`: a percentage, returned as a fraction.
  static func percent(_ node: ConfigNode, path: String) throws(MethodologyError) -> Double {
    let text = try ConfigMapping.scalar(node, path: path)
    var body = Substring(text.trimmingCharacters(in: .whitespaces))
    guard body.hasSuffix("%") else {
      throw MethodologyError(node.location, "'\(path)' must be a percentage such as '10 %', found \"\(text)\"")
    }
    body = body.dropLast()
    let number = body.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "+", with: "").replacingOccurrences(of: "−", with: "-")
    guard let value = Double(number), value.isFinite else {
      throw MethodologyError(node.location, "'\(path)' must be a percentage such as '10 %', found \"\(text)\"")
    }
    return value / 100
  }

  private static func format(_ fraction: Double) -> String {
    let percent = (fraction * 1e6).rounded() / 1e4
    return "\(percent == percent.rounded() ? String(Int(percent)) : String(percent)) %"
  }
}
