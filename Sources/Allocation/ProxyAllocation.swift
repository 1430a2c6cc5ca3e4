import CementModel

/// Apportions the non-metallic mineral products industry's fuel use to cement.
///
/// The study uses the whole industry as the proxy (share 1). A methodology may instead give a
/// fixed share, a share per year, or an energy proxy (`EnergyProxy`) from which each year's share
/// is computed; every allocated value records the share it was given and how.
public struct ProxyAllocation: Sendable {
  public let rule: AllocationRule
  /// How clinker output is obtained: the energy proxy needs it, and uses the same clinker as
  /// the process emissions.
  public let clinker: ClinkerMethod

  public init(rule: AllocationRule, clinker: ClinkerMethod = .table) {
    self.rule = rule
    self.clinker = clinker
  }

  /// The allocation of a methodology.
  public init(methodology: Methodology) {
    self.init(rule: methodology.allocation, clinker: methodology.process.clinker)
  }

  /// Cement's fuel use: each fuel value × the year's share. Products and the reference total
  /// are not allocated.
  public func allocate(_ industry: ActivitySeries) throws(AllocationError) -> ActivitySeries {
    var shares: [Int: Fraction] = [:]
    var steps: [Int: String] = [:]
    var findings: [Finding] = []
    for year in industry.years {
      switch rule.basis {
      case .share(let stated):
        guard let share = stated.value(for: year) else {
          throw AllocationError(year: year, message: "the allocation share has no value for \(year)")
        }
        shares[year] = share
        steps[year] = Self.step(share)
      case .energyProxy(let proxy):
        let computed = try proxyShare(proxy, industry: industry, year: year)
        shares[year] = computed.share
        steps[year] = computed.step
        if computed.capped {
          findings.append(Finding(
            .warning, check: "allocation-capped",
            "\(year): the energy proxy gives cement \(ProxyShare.format(computed.uncapped, digits: 4)) of the industry's energy use; capped at 1 (\(computed.step))",
            year: year))
        }
      }
    }
    var cement = industry
    cement.allocationShares = shares
    cement.findings += findings
    if case .energyProxy = rule.basis {
      let listing = shares.sorted { $0.key < $1.key }.map { "\($0.key) \(ProxyShare.format($0.value.value, digits: 4))" }
      cement.findings.append(Finding(.note, check: "allocation-shares", "allocation shares by the energy proxy: " + listing.joined(separator: ", ")))
    }
    cement.fuels = industry.fuels.mapValues { series in
      Dictionary(uniqueKeysWithValues: series.map { year, value in
        let share = shares[year]!
        return (year, value.map(steps[year]!, flag: share == .one && rule.share != nil ? nil : .allocated) { Self.cementShare(of: $0, share: share) })
      })
    }
    return cement
  }

  /// Cement's share of the industry's use of a fuel.
  public static func cementShare(of industry: ActivityAmount, share: Fraction) -> ActivityAmount {
    industry.scaled(by: share.value)
  }

  /// The share the proxy gives for one year: clinker × unit energy consumption ÷ the industry's
  /// energy use, capped at 1.
  func proxyShare(_ proxy: EnergyProxy, industry: ActivitySeries, year: Int) throws(AllocationError) -> ProxyShare {
    guard let unit = proxy.unitEnergyConsumption.value.value(for: year) else {
      throw AllocationError(
        year: year, message: "the unit energy consumption has no value for \(year)",
        hint: "give 'allocation.energy_proxy.unit_energy_consumption' a constant or a value for every year")
    }
    let clinkerOutput = try self.clinkerOutput(industry, year: year)
    let need = clinkerOutput.value * unit
    let total: Quantity<CoalEquivalent>
    let totalSource: String
    if proxy.preferTableTotal, let stated = industry.totalEnergy[year] {
      do { total = try stated.value.coalEquivalent() } catch {
        throw AllocationError(year: year, message: "the total energy column of \(year) is not in standard coal: \(error)")
      }
      totalSource = "the table's total column"
    } else {
      total = try convertedFuels(proxy, industry: industry, year: year)
      totalSource = "the fuels in standard coal"
    }
    guard total.baseValue > 0 else {
      throw AllocationError(
        year: year, message: "the industry's energy use in \(year) is zero, so the energy proxy gives no share",
        hint: "check the \(year) energy table, or give 'allocation.share' for this methodology")
    }
    let uncapped = need / total
    let share = min(1, uncapped)
    let step =
      "allocated to cement: share \(ProxyShare.format(share, digits: 6)) = min(1, clinker \(ProxyShare.format(clinkerOutput.value.value(in: .tenThousandTonnes), digits: 2)) 10⁴ t"
      + " × \(ProxyShare.format(unit.value(in: MeasurementUnit<CoalEquivalent>(symbol: "kgce", toBase: 1e-3), per: .tonnes), digits: 2)) kgce/t"
      + " ÷ industry \(ProxyShare.format(total.value(in: .tenThousandTonnesOfCoalEquivalent), digits: 2)) 10⁴ tce from \(totalSource)) (energy proxy)"
    return ProxyShare(share: Fraction(share), uncapped: uncapped, step: step)
  }

  /// Clinker output of a year, as the process method obtains it.
  func clinkerOutput(_ industry: ActivitySeries, year: Int) throws(AllocationError) -> Traced<Quantity<Mass>> {
    switch clinker {
    case .table:
      guard let value = industry.products[.clinker]?[year] else {
        throw AllocationError(year: year, message: "the energy proxy needs clinker output, and the products table has none for \(year)")
      }
      return value
    case .cementTimesRatio(let ratios, _):
      guard let cement = industry.products[.cement]?[year] else {
        throw AllocationError(year: year, message: "the energy proxy needs cement output for \(year), and the products table has none")
      }
      guard let ratio = ratios.value(for: year) else {
        throw AllocationError(year: year, message: "the clinker ratio has no value for \(year)", hint: "give 'process.clinker.ratio' a value for every year")
      }
      return cement.map(nil) { $0 * ratio }
    }
  }

  /// The industry's fuels of a year in standard coal (its total, the reference column, left out).
  func convertedFuels(_ proxy: EnergyProxy, industry: ActivitySeries, year: Int) throws(AllocationError) -> Quantity<CoalEquivalent> {
    var total = Quantity<CoalEquivalent>.zero
    for (fuel, series) in industry.fuels.sorted(by: { $0.key < $1.key }) {
      guard let value = series[year], value.value.baseValue != 0 else { continue }
      if value.value.dimension == .coalEquivalent {
        total = total + Quantity(baseValue: value.value.baseValue)
        continue
      }
      guard let coefficient = proxy.standardCoal.value[fuel] else {
        throw AllocationError(
          year: year, message: "\(fuel) has use in \(year) but no standard-coal coefficient, so the industry's energy use cannot be summed",
          hint: "add 'allocation.energy_proxy.standard_coal.\(fuel)' (GB/T 2589 gives one for every common fuel)")
      }
      do { total = total + (try coefficient.coalEquivalent(of: value.value)) } catch {
        throw AllocationError(year: year, message: "\(fuel) in \(year): \(error)")
      }
    }
    return total
  }

  private static func step(_ share: Fraction) -> String {
    share == .one ? "allocated to cement: share 1 (the whole industry is the proxy)" : "allocated to cement: share \(share.value)"
  }
}

/// One year's share from the energy proxy.
struct ProxyShare {
  let share: Fraction
  let uncapped: Double
  let step: String
  var capped: Bool { uncapped > 1 }

  /// A number with at most `digits` decimals, trailing zeros dropped.
  static func format(_ value: Double, digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = "\(rounded)"
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
  }
}

/// An allocation that cannot be made.
public struct AllocationError: Error, Sendable, CustomStringConvertible {
  public let year: Int
  public let message: String
  public let hint: String
  public init(year: Int, message: String, hint: String = "give 'allocation.share' a constant or a value for every year of the methodology") {
    self.year = year
    self.message = message
    self.hint = hint
  }
  public var description: String { "error: \(message)\n  hint: \(hint)" }
}
