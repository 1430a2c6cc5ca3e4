/// A fuel or energy carrier as the catalogue names it (`coal`, `natural_gas`, `electricity` …).
public struct Fuel: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
  public let id: String
  public init(_ id: String) { self.id = id }
  public init(stringLiteral id: String) { self.id = id }
  public var description: String { id }
  public static func < (a: Fuel, b: Fuel) -> Bool { a.id < b.id }

  public static let coal: Fuel = "coal"
  public static let coke: Fuel = "coke"
  public static let crudeOil: Fuel = "crude_oil"
  public static let gasoline: Fuel = "gasoline"
  public static let kerosene: Fuel = "kerosene"
  public static let dieselOil: Fuel = "diesel_oil"
  public static let fuelOil: Fuel = "fuel_oil"
  public static let naturalGas: Fuel = "natural_gas"
  public static let electricity: Fuel = "electricity"
  public static let totalEnergy: Fuel = "total_energy"
}

extension ActivityDimension {
  /// An upper bound on China's national use of any one carrier of this dimension, in the
  /// reporting unit (10⁴ t, 10⁸ m³, 10⁸ kWh, 10¹⁰ kJ, 10⁴ tce). National coal use peaked near
  /// 4.3 × 10⁹ t, gas near 4 × 10¹¹ m³, electricity near 9.2 × 10¹² kWh, energy near 5.7 × 10⁹ tce.
  public var nationalScale: Double {
    switch self {
    case .mass: 500_000
    case .gasVolume: 5_000
    case .electricity: 100_000
    case .heat: 10_000_000
    case .coalEquivalent: 700_000
    }
  }
}

/// What a catalogue column stands for in the account.
public enum FuelRole: Sendable, Hashable {
  /// A fuel reported in its own right (one of the study's nine groups, or another carrier
  /// such as LPG or heat that a factor set may or may not cover).
  case carrier
  /// A part of another carrier's total (raw coal is part of coal). Used only when the table
  /// lacks the total column; otherwise reported and left out, so nothing is counted twice.
  case component(of: Fuel)
  /// The table's total energy use in standard coal; a reference for consistency, never summed.
  case total
}

/// One entry of the fuel catalogue: the names a yearbook uses for the column and what it is.
public struct FuelDefinition: Sendable, Hashable {
  public let fuel: Fuel
  public let englishName: String
  public let chineseName: String
  public let dimension: ActivityDimension
  public let role: FuelRole
  /// Every spelling seen in yearbook headers, Chinese and English, besides the two names.
  public let aliases: [String]
  /// The largest use one province's industry can plausibly report, in the dimension's
  /// reporting unit: China's whole national consumption of the fuel, rounded up. A value
  /// above it is a unit slip or a typing error, never data.
  public let plausibleMaximum: Double

  public init(
    _ fuel: Fuel, english: String, chinese: String, dimension: ActivityDimension, role: FuelRole = .carrier,
    aliases: [String] = [], plausibleMaximum: Double? = nil
  ) {
    self.fuel = fuel
    englishName = english
    chineseName = chinese
    self.dimension = dimension
    self.role = role
    self.aliases = aliases
    self.plausibleMaximum = plausibleMaximum ?? dimension.nationalScale
  }

  /// The names and aliases, all of them.
  public var allNames: [String] { [englishName, chineseName] + aliases }
}

/// The one fuel catalogue: every column a yearbook energy table may carry, mapped to the
/// study's nine groups (coal, coke, crude oil, gasoline, kerosene, diesel oil, fuel oil,
/// natural gas, electricity) or reported as another carrier, a component or the total.
///
/// To add a fuel: add a definition here, and give it factors in a methodology's factor set.
public struct FuelCatalogue: Sendable {
  public let definitions: [FuelDefinition]
  private let index: [Fuel: FuelDefinition]

  public init(_ definitions: [FuelDefinition]) {
    self.definitions = definitions
    index = Dictionary(definitions.map { ($0.fuel, $0) }, uniquingKeysWith: { first, _ in first })
  }

  public subscript(fuel: Fuel) -> FuelDefinition? { index[fuel] }

  /// The study's nine groups in the order of its Table 1.
  public static let studyGroups: [Fuel] = [
    .coal, .coke, .crudeOil, .gasoline, .kerosene, .dieselOil, .fuelOil, .naturalGas, .electricity,
  ]

  /// The order fuels are reported in: the study's groups first, then the catalogue's order.
  public func reportingOrder(_ fuels: some Sequence<Fuel>) -> [Fuel] {
    let position = Dictionary(uniqueKeysWithValues: definitions.enumerated().map { ($1.fuel, $0) })
    return Set(fuels).sorted { (position[$0] ?? .max, $0.id) < (position[$1] ?? .max, $1.id) }
  }

  public static let standard = FuelCatalogue([
    FuelDefinition(.coal, english: "Coal", chinese: "煤炭", dimension: .mass,
                   aliases: ["煤炭合计", "煤合计", "煤", "Coal Total", "Total Coal", "Coal Consumption"]),
    FuelDefinition(.coke, english: "Coke", chinese: "焦炭", dimension: .mass),
    FuelDefinition(.crudeOil, english: "Crude Oil", chinese: "原油", dimension: .mass, aliases: ["Crude"]),
    FuelDefinition(.gasoline, english: "Gasoline", chinese: "汽油", dimension: .mass, aliases: ["Petrol", "Motor Gasoline"]),
    FuelDefinition(.kerosene, english: "Kerosene", chinese: "煤油", dimension: .mass, aliases: ["Kero-sene", "Other Kerosene"]),
    FuelDefinition(.dieselOil, english: "Diesel Oil", chinese: "柴油", dimension: .mass, aliases: ["Diesel", "Gas/Diesel Oil", "Gas Diesel Oil"]),
    FuelDefinition(.fuelOil, english: "Fuel Oil", chinese: "燃料油", dimension: .mass, aliases: ["Residual Fuel Oil", "Heavy Oil"]),
    FuelDefinition(.naturalGas, english: "Natural Gas", chinese: "天然气", dimension: .gasVolume, aliases: ["Natural_Gas", "NG"]),
    FuelDefinition(.electricity, english: "Electricity", chinese: "电力", dimension: .electricity, aliases: ["电", "Power", "Electric Power"]),
    FuelDefinition("raw_coal", english: "Raw Coal", chinese: "原煤", dimension: .mass, role: .component(of: .coal), aliases: ["Raw_Coal"]),
    FuelDefinition("cleaned_coal", english: "Cleaned Coal", chinese: "洗精煤", dimension: .mass, role: .component(of: .coal),
                   aliases: ["Cleaned_Coal", "Washed Coal", "Clean Coal"]),
    FuelDefinition("other_washed_coal", english: "Other Washed Coal", chinese: "其他洗煤", dimension: .mass, role: .component(of: .coal),
                   aliases: ["Other_Washed_Coal"]),
    FuelDefinition("briquettes", english: "Briquettes", chinese: "型煤", dimension: .mass, role: .component(of: .coal),
                   aliases: ["Briquette", "煤制品"]),
    FuelDefinition("coke_oven_gas", english: "Coke Oven Gas", chinese: "焦炉煤气", dimension: .gasVolume, aliases: ["Coke_Oven_Gas", "Coke-oven Gas"]),
    FuelDefinition("other_gas", english: "Other Gas", chinese: "其他煤气", dimension: .gasVolume, aliases: ["Other_Gas", "Other Coal Gas"]),
    FuelDefinition("other_coking_products", english: "Other Coking Products", chinese: "其他焦化产品", dimension: .mass,
                   aliases: ["Other_Coking_Products"]),
    FuelDefinition("lpg", english: "LPG", chinese: "液化石油气", dimension: .mass, aliases: ["Liquefied Petroleum Gas", "Liquefied Petroleum Gases"]),
    FuelDefinition("refinery_gas", english: "Refinery Gas", chinese: "炼厂干气", dimension: .mass, aliases: ["Refinery_Gas", "Refinery Dry Gas"]),
    FuelDefinition("other_petroleum_products", english: "Other Petroleum Products", chinese: "其他石油制品", dimension: .mass,
                   aliases: ["Other_Petroleum_Products"]),
    FuelDefinition("lng", english: "LNG", chinese: "液化天然气", dimension: .mass, aliases: ["Liquefied Natural Gas"]),
    FuelDefinition("heat", english: "Heat", chinese: "热力", dimension: .heat, aliases: ["Heat Supply"]),
    FuelDefinition("other_energy", english: "Other Energy", chinese: "其他能源", dimension: .coalEquivalent, aliases: ["Other_Energy"]),
    FuelDefinition(.totalEnergy, english: "Total Energy Consumption", chinese: "能源消费总量", dimension: .coalEquivalent, role: .total,
                   aliases: ["能源消费量", "能源合计", "合计", "消费总量", "Total Energy", "Total Consumption", "Total", "Energy Consumption Total"]),
  ])
}
