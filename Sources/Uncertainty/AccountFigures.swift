// BRIDGE, to be replaced by the account's own figures: until every `EmissionEntry` carries its
// `Figure` (the calculation-model issue), this one file builds the account's figures as
// expressions from what `EmissionEntry.calculation` holds. When the account has its figures,
// `AccountFigures.init(account:)` takes them from the entries and nothing else changes.
import Accounting
import Calculation
import CementModel

/// One figure of an account: a source's emissions in a year, a scope's sum, or the total.
public struct FigureKey: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The year.
  public let year: Int
  /// `combustion`, `electricity`, `process`, or `total`.
  public let scope: String
  /// The fuel, `electricity`, `calcination`, or `all` for a scope's sum and the total.
  public let source: String

  public init(year: Int, scope: String, source: String) {
    self.year = year
    self.scope = scope
    self.source = source
  }

  public var description: String { "\(year) \(scope)/\(source)" }
  public static func < (a: FigureKey, b: FigureKey) -> Bool { (a.year, a.scope, a.source) < (b.year, b.scope, b.source) }
}

/// The account's figures as expressions over traced terms, each with its input class.
public struct AccountFigures: Sendable {
  /// The province, the scope of every province-own term.
  public let province: String
  /// The years, in order.
  public let years: [Int]
  /// Every figure: the entries, each scope's sum, the total and the energy sum (combustion +
  /// electricity), year by year (entries, then scope sums, then the total, then energy).
  public let figures: [(key: FigureKey, figure: Figure)]
  /// The input class of every term that has one (constants such as 44/12 have none).
  public let classes: [TermID: (inputClass: InputClass, fuel: Fuel?)]

  /// The figures of `account` (see the note at the top of the file).
  public init(account: Account) {
    province = account.province
    years = account.years.map(\.year)
    var figures: [(key: FigureKey, figure: Figure)] = []
    var classes: [TermID: (inputClass: InputClass, fuel: Fuel?)] = [:]
    let methodology = account.methodology
    let constantShare = methodology.allocation.share.map { if case .constant = $0 { true } else { false } } ?? false
    func term(_ kind: TermKind, year: Int?, scope: String?, value: Double, unit: UnitTag, source: TermSource, _ c: InputClass, fuel: Fuel? = nil) -> Expression {
      let t = Term(kind, year: year, scope: scope, value: value, unit: unit, source: source)
      classes[t.id] = (c, fuel)
      return .term(t)
    }
    func dataFile(_ key: String) -> TermSource { .dataFile(file: methodology.files.first ?? methodology.name, line: nil, key: key) }
    for year in account.years {
      let share = account.activity.allocationShares[year.year]?.value ?? 1
      let shareTerm = share > 0
        ? term(.allocationShare, year: constantShare ? nil : year.year, scope: province, value: share, unit: .one, source: dataFile("allocation.share"), .allocationShare)
        : nil
      var byScope: [Scope: [Expression]] = [:]
      for entry in year.entries {
        let expression: Expression
        switch entry.calculation {
        case .combustion(let use, _, _, let factors):
          let fuel = Fuel(entry.source)
          let key = "factor_set.fuels.\(fuel.id)"
          let activityUnit: UnitTag = use.value.dimension == .gasVolume ? .cubicMetres : .tonnes
          let industry = use.value.baseValue / (shareTerm == nil ? 1 : share)
          let ncv: Double
          switch factors.netCalorificValue {
          case .perMass(let r): ncv = r.baseValue
          case .perVolume(let r): ncv = r.baseValue
          }
          let parts: [Expression?] = [
            term(.fuelConsumption(fuel: fuel.id), year: year.year, scope: province, value: industry, unit: activityUnit,
                 source: .inputs(use.sources, steps: use.steps), .fuelConsumption, fuel: fuel),
            shareTerm,
            term(.netCalorificValue(fuel: fuel.id), year: nil, scope: nil, value: ncv, unit: UnitTag.gigajoules / activityUnit, source: dataFile(key + ".ncv"), .netCalorificValue, fuel: fuel),
            term(.carbonContent(fuel: fuel.id), year: nil, scope: nil, value: factors.carbonContent.baseValue, unit: UnitTag.tonnesCarbon / UnitTag.gigajoules,
                 source: dataFile(key + ".carbon_content"), .carbonContent, fuel: fuel),
            term(.oxidationRate(fuel: fuel.id), year: nil, scope: nil, value: factors.oxidationRate.value, unit: .one, source: dataFile(key + ".oxidation_rate"), .oxidationRate, fuel: fuel),
            .term(Term.carbonToCO2),
          ]
          expression = .product(parts.compactMap { $0 })
        case .electricity(let use, let grid):
          let constantGrid = if case .constant = methodology.electricity.gridFactor { true } else { false }
          expression = .product([
            term(.electricityConsumption, year: year.year, scope: province, value: use.value.baseValue / (shareTerm == nil ? 1 : share), unit: .megawattHours,
                 source: .inputs(use.sources, steps: use.steps), .electricityConsumption),
            shareTerm,
            term(.gridFactor, year: constantGrid ? nil : year.year, scope: nil, value: grid.baseValue, unit: UnitTag.tonnesCO2 / UnitTag.megawattHours,
                 source: dataFile("electricity.grid_factor"), .gridFactor),
          ].compactMap { $0 })
        case .process(let clinker, let factor):
          let ef = term(.processFactor, year: nil, scope: nil, value: factor.baseValue, unit: UnitTag.tonnesCO2 / UnitTag.tonnes, source: dataFile("process.emission_factor"), .processFactor)
          switch methodology.process.clinker {
          case .table:
            expression = .product([
              term(.clinkerOutput, year: year.year, scope: province, value: clinker.value.baseValue, unit: .tonnes, source: .inputs(clinker.sources, steps: clinker.steps), .clinkerOutput),
              ef,
            ])
          case .cementTimesRatio(let ratios, _):
            let ratio = ratios.value(for: year.year) ?? 1
            let constantRatio = if case .constant = ratios { true } else { false }
            expression = .product([
              term(.cementOutput, year: year.year, scope: province, value: ratio == 0 ? 0 : clinker.value.baseValue / ratio, unit: .tonnes,
                   source: .inputs(clinker.sources, steps: clinker.steps), .cementOutput),
              term(.clinkerRatio, year: constantRatio ? nil : year.year, scope: nil, value: ratio, unit: .one, source: dataFile("process.clinker.ratio"), .clinkerRatio),
              ef,
            ])
          }
        }
        let id = FigureID("\(entry.scope.rawValue)/\(entry.source)", year: year.year, scope: province)
        let figure = Figure(id, expression)
        figures.append((FigureKey(year: year.year, scope: entry.scope.rawValue, source: entry.source), figure))
        byScope[entry.scope, default: []].append(figure.reference)
      }
      var scopeSums: [Scope: Expression] = [:]
      for scope in Scope.allCases {
        guard let parts = byScope[scope], !parts.isEmpty else { continue }
        let sum = Figure(FigureID(scope.rawValue, year: year.year, scope: province), .sum(parts))
        figures.append((FigureKey(year: year.year, scope: scope.rawValue, source: "all"), sum))
        scopeSums[scope] = sum.reference
      }
      let all = Scope.allCases.compactMap { scopeSums[$0] }
      if !all.isEmpty {
        figures.append((FigureKey(year: year.year, scope: "total", source: "all"), Figure(FigureID("total", year: year.year, scope: province), .sum(all))))
      }
      // The study's Table 1 total (combustion + electricity), the stage series of study-2025.
      let energy = [Scope.combustion, .electricity].compactMap { scopeSums[$0] }
      if !energy.isEmpty {
        figures.append((FigureKey(year: year.year, scope: "energy", source: "all"), Figure(FigureID("energy", year: year.year, scope: province), .sum(energy))))
      }
    }
    self.figures = figures
    self.classes = classes
  }

  /// The figure of `key`, or nil.
  public func figure(_ key: FigureKey) -> Figure? { figures.first { $0.key == key }?.figure }

  /// The total of each year, in year order.
  public var totals: [(year: Int, figure: Figure)] {
    figures.filter { $0.key.scope == "total" }.map { ($0.key.year, $0.figure) }
  }
}
