import Accounting
import CementModel

/// The quantities of one accounted year that the decomposition factorises (`pathways.md` §6):
/// cement output Q, clinker K, each fuel's heat E_j and CO₂ C_j, electricity El and its CO₂,
/// and process CO₂.
public struct YearFactors: Sendable {
  public let year: Int
  /// Cement output, t.
  public let cement: Double
  /// Clinker output, t.
  public let clinker: Double
  /// Heat (GJ) and CO₂ (t) of each combusted fuel.
  public let fuels: [String: (heat: Double, emissions: Double)]
  /// Electricity, MWh, and its CO₂, t.
  public let electricity: (consumption: Double, emissions: Double)
  /// Process CO₂, t.
  public let process: Double
  /// Cement or clinker output was derived (estimated from other statistics) rather than read.
  public let derivedOutput: Bool

  /// Total CO₂ of the year, t.
  public var total: Double { fuels.values.reduce(0) { $0 + $1.emissions } + electricity.emissions + process }

  /// Kiln heat of every combusted fuel, GJ.
  public var heat: Double { fuels.values.reduce(0) { $0 + $1.heat } }

  /// The year's quantities as the account computed them. Nil when the year has no cement output.
  public init?(_ year: YearAccount, activity: ActivitySeries) {
    guard let cement = activity.products[.cement]?[year.year] else { return nil }
    self.year = year.year
    self.cement = cement.value.baseValue
    var derived = cement.flags.contains(.derived)
    var clinker = 0.0, process = 0.0, electricity = (consumption: 0.0, emissions: 0.0)
    var fuels: [String: (heat: Double, emissions: Double)] = [:]
    for entry in year.entries {
      switch entry.calculation {
      case .combustion(_, let heat, _, _):
        let old = fuels[entry.source] ?? (0, 0)
        fuels[entry.source] = (old.heat + heat.baseValue, old.emissions + entry.emissions.baseValue)
      case .electricity(let use, _):
        electricity.consumption += use.value.baseValue
        electricity.emissions += entry.emissions.baseValue
      case .process(let k, _):
        clinker += k.value.baseValue
        process += entry.emissions.baseValue
        derived = derived || k.flags.contains(.derived)
      }
    }
    self.clinker = clinker
    self.fuels = fuels
    self.electricity = electricity
    self.process = process
    self.derivedOutput = derived
  }

  /// The sub-aggregates of the identity, each a product of factors named by their effect:
  /// combustion of fuel j `Q · K/Q · E/K · E_j/E · C_j/E_j`, electricity `Q · El/Q · C/El`,
  /// process `Q · K/Q · C/K`; `fuels` lists every fuel of both periods so a fuel burnt in one only
  /// is a zero there. A factor per unit of something absent (a fuel's CO₂ per GJ when none is
  /// burnt) is not a number: the pairing takes the other period's value for it, so the
  /// appearing or vanishing sub-aggregate is the share's effect (the δ → 0 limit of Ang & Liu 2007).
  func components(fuels names: [String]) -> [(from: Factorisation, key: String)] {
    let q = cement, k = clinker, e = heat
    var result: [(from: Factorisation, key: String)] = []
    for name in names {
      let fuel = fuels[name] ?? (0, 0)
      result.append(([(.activity, q), (.clinkerRatio, k / q), (.thermalIntensity, e / k), (.fuelMix, fuel.heat / e),
                      (.fuelFactors, fuel.heat == 0 ? .nan : fuel.emissions / fuel.heat)], name))
    }
    result.append(([(.activity, q), (.electricityIntensity, electricity.consumption / q),
                    (.gridFactor, electricity.consumption == 0 ? .nan : electricity.emissions / electricity.consumption)], "electricity"))
    result.append(([(.activity, q), (.clinkerRatio, k / q), (.processFactor, k == 0 ? .nan : process / k)], "calcination"))
    return result
  }

  typealias Factorisation = [(effect: Effect, value: Double)]
}

/// The change of an account's total CO₂ between two years split into effects by LMDI-I.
public struct Decomposition: Sendable, Hashable {
  public let from: Int
  public let to: Int
  /// Total CO₂ of each year, t.
  public let fromTotal: Double
  public let toTotal: Double
  /// Each effect's part of the change, t CO₂; they add up to `toTotal − fromTotal`.
  public let effects: [Effect: Double]
  /// Cement or clinker output of either year was derived rather than read.
  public let derivedOutput: Bool
  /// A stage's name when the pair is a stage of the methodology.
  public let stage: String?

  /// The effects in reporting order (every historical effect, zeros included; CCUS only when
  /// non-zero).
  public var orderedEffects: [(effect: Effect, tco2: Double)] {
    Effect.allCases.filter { $0 != .ccus || effects[$0] != nil }.map { ($0, effects[$0] ?? 0) }
  }

  /// The two effects of largest magnitude.
  public var largest: [(effect: Effect, tco2: Double)] {
    Array(orderedEffects.sorted { abs($0.tco2) > abs($1.tco2) }.prefix(2))
  }

  /// LMDI-I between two years' factors.
  public init(_ a: YearFactors, _ b: YearFactors, stage: String? = nil) {
    let names = Array(Set(a.fuels.keys).union(b.fuels.keys)).sorted()
    let ca = a.components(fuels: names), cb = b.components(fuels: names)
    let components = zip(ca, cb).map { x, y in
      LMDI.Component(pairing: x.from, y.from.map(\.value))
    }
    from = a.year
    to = b.year
    fromTotal = a.total
    toTotal = b.total
    effects = LMDI.decompose(components)
    derivedOutput = a.derivedOutput || b.derivedOutput
    self.stage = stage
  }

  /// The change of the account between `from` and `to`; nil when either year is not accounted
  /// or has no cement output.
  public static func of(_ account: Account, from: Int, to: Int, stage: String? = nil) -> Decomposition? {
    guard let a = account[from].flatMap({ YearFactors($0, activity: account.activity) }),
      let b = account[to].flatMap({ YearFactors($0, activity: account.activity) })
    else { return nil }
    return Decomposition(a, b, stage: stage)
  }

  /// The decompositions an account's outputs list: each stage of its methodology (from its
  /// base year to its last), each pair of consecutive years, and the first year to the last.
  public static func standard(_ account: Account) -> [Decomposition] {
    let factors = account.years.compactMap { YearFactors($0, activity: account.activity) }
    let byYear = Dictionary(uniqueKeysWithValues: factors.map { ($0.year, $0) })
    var result: [Decomposition] = []
    for stage in account.methodology.stages {
      if let a = byYear[stage.base], let b = byYear[stage.last] { result.append(Decomposition(a, b, stage: stage.name)) }
    }
    for (a, b) in zip(factors, factors.dropFirst()) { result.append(Decomposition(a, b)) }
    if let first = factors.first, let last = factors.last, factors.count > 2 { result.append(Decomposition(first, last)) }
    return result
  }
}
