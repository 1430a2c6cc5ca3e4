import Accounting
import CementModel
import Comparison
import Verification

/// What the national report says beyond the figures: its basis in its first lines (methodology,
/// process basis, electricity boundary, fuels left out), how far it moves the national total
/// against the reference methodology (attributed by group), and what the comparison with a
/// published inventory found.
public struct NationalNotes: Sendable {
  /// Fuels with activity but no factor in the accounts, with the provinces that have them.
  public var fuelsLeftOut: [(fuel: Fuel, provinces: Int)]
  /// From the reference (`ceads-national` for CEADs inputs) to this methodology; nil when it is the reference.
  public var attribution: NationalAttribution?
  /// The accounts against CEADs' emission inventory, when the inventories were found.
  public var inventory: InventoryVerification?

  public init(
    fuelsLeftOut: [(fuel: Fuel, provinces: Int)] = [], attribution: NationalAttribution? = nil, inventory: InventoryVerification? = nil
  ) {
    self.fuelsLeftOut = fuelsLeftOut
    self.attribution = attribution
    self.inventory = inventory
  }

  /// The fuels that have activity but no factor in some account (electricity and the total
  /// aside), with how many provinces have them.
  public static func fuelsLeftOut(_ accounts: [Account]) -> [(fuel: Fuel, provinces: Int)] {
    var count: [Fuel: Int] = [:]
    for account in accounts {
      for (fuel, values) in account.activity.fuels
      where fuel != .electricity && fuel != .totalEnergy && account.methodology.factorSet.fuels[fuel] == nil
        && values.values.contains(where: { $0.value.baseValue != 0 })
      {
        count[fuel, default: 0] += 1
      }
    }
    return count.keys.sorted().map { ($0, count[$0]!) }
  }

  /// The basis lines, in the report's language: a label and its text.
  static func basis(_ methodology: Methodology, fuelsLeftOut: [(fuel: Fuel, provinces: Int)], language: Language) -> [(label: String, text: String)] {
    let process = methodology.process
    let factor = Format.fixed(process.emissionFactor.value.value(in: .tonnesCO2, per: .tonnes), 3)
    let processText: String
    switch (process.clinker, language) {
    case (.table, .en): processText = "\(factor) t CO₂ per tonne of clinker, on clinker output from the products table"
    case (.table, .zh): processText = "每吨熟料 \(factor) t CO₂，熟料产量取自产品表"
    case (.cementTimesRatio(let ratios, _), _):
      let values = methodology.years.compactMap { ratios.value(for: $0) }
      let onCement = !values.isEmpty && values.allSatisfy { $0 == 1 }
      let range = values.isEmpty ? "–" : values.min() == values.max() ? Format.fixed(values[0], 3)
        : "\(Format.fixed(values.min()!, 3))–\(Format.fixed(values.max()!, 3))"
      switch language {
      case .en:
        processText = onCement
          ? "\(factor) t CO₂ per tonne applied to cement output (clinker taken as cement, the study's convention)"
          : "\(factor) t CO₂ per tonne of clinker, clinker = cement × a clinker-to-cement ratio \(range) by year"
      case .zh:
        processText = onCement
          ? "每吨 \(factor) t CO₂ 乘以水泥产量（以水泥代熟料，研究的惯例）"
          : "每吨熟料 \(factor) t CO₂，熟料 = 水泥 × 熟料系数（逐年 \(range)）"
      }
    }
    let grid = methodology.electricity.gridFactor
    let gridValues = methodology.years.compactMap { grid.value(for: $0)?.value(in: .tonnesCO2, per: .megawattHours) }
    let gridRange = gridValues.isEmpty ? "–" : gridValues.min() == gridValues.max() ? Format.fixed(gridValues[0], 4)
      : "\(Format.fixed(gridValues.min()!, 4))–\(Format.fixed(gridValues.max()!, 4))"
    let assumed = methodology.electricity.isAssumption
    let left = fuelsLeftOut.map { "\($0.fuel) (\($0.provinces))" }.joined(separator: ", ")
    switch language {
    case .en:
      return [
        ("Methodology", "\(methodology.name) — \(methodology.title)."),
        ("Process basis", "\(processText)."),
        ("Electricity boundary", "indirect (scope 2) CO₂ of purchased electricity is included in the totals, in its own column, "
          + "at \(gridRange) t CO₂/MWh\(gridValues.count > 1 && gridValues.min() != gridValues.max() ? " by year" : "")\(assumed ? " (partly assumed; see the methodology file)" : "")."),
        ("Fuels left out (activity but no factor; provinces)", left.isEmpty ? "none." : left + "."),
      ]
    case .zh:
      return [
        ("方法学", "\(methodology.name) — \(methodology.title)。"),
        ("过程排放口径", "\(processText)。"),
        ("电力边界", "外购电力的间接（范围二）CO₂ 计入总量并单列，电网因子 \(gridRange) t CO₂/MWh\(assumed ? "（部分为假设，见方法学文件）" : "")。"),
        ("未计入的燃料（有活动量而无因子；省份数）", left.isEmpty ? "无。" : left + "。"),
      ]
    }
  }

  /// The report's keys for these notes.
  func model(_ methodology: Methodology, language: Language) -> [String: Any] {
    let mt = { (t: Double) in Format.fixed(t / 1e6, 2) }
    var model: [String: Any] = [
      "basis": Self.basis(methodology, fuelsLeftOut: fuelsLeftOut, language: language).map {
        ["label": $0.label, "text": MarkdownText.inline($0.text)]
      }
    ]
    if let attribution {
      // Attributed from the reference (A) to this methodology (B): each part is B − A of its step.
      let steps = NationalAttribution.Step.allCases
      func row(_ this: Double, _ reference: Double, parts: [String]) -> [String: Any] {
        [
          "this": mt(this), "reference": mt(reference), "change": mt(this - reference),
          "percent": reference == 0 ? "–" : Format.fixed((this / reference - 1) * 100, 1), "parts": parts.map { ["value": $0] },
        ]
      }
      model["hasComparison"] = true
      model["reference"] = attribution.from
      model["comparisonSteps"] = steps.map { ["step": $0.rawValue] }
      model["comparisonYears"] = attribution.years.map { year -> [String: Any] in
        var values = row(
          attribution.totalB[year] ?? 0, attribution.totalA[year] ?? 0, parts: steps.map { mt(attribution.parts[$0]?[year] ?? 0) })
        values["year"] = "\(year)"
        return values
      }
      model["comparisonTotal"] = row(
        attribution.totalB.values.reduce(0, +), attribution.totalA.values.reduce(0, +), parts: steps.map { mt(attribution.part($0)) })
    }
    if let inventory {
      model["hasInventory"] = true
      model["inventoryHeadline"] = MarkdownText.inline(InventoryVerificationText.headline(inventory, language: language))
      model["inventoryFindings"] = inventory.findings.map {
        ["line": MarkdownText.inline(InventoryVerificationText.findingLine($0, language: language))]
      }
      model["inventoryOutside"] = inventory.provinceYears.filter { !$0.withinTolerance }.map {
        ["line": MarkdownText.inline(InventoryVerificationText.outsideLine($0, language: language))]
      }
    }
    return model
  }
}
