import CementModel

/// What a non-fuel header cell says its column holds.
enum ColumnRole: Sendable, Hashable {
  /// `年份`, `Year`: each row's year.
  case year
  /// `行业`, `Industry`, `项目`, `产品名称`: the row labels.
  case label
  /// `计量单位`, `Unit`: each row's unit.
  case unit
  /// `产量`, `Output`: a single year's values.
  case output
}

/// The spellings the importers recognise, apart from fuels (which come from the catalogue).
enum Vocabulary {
  /// Header words for year, label, unit and output columns.
  static let columnRoles = NameIndex<ColumnRole>([
    (.year, ["年份", "年度", "年", "Year", "Years"]),
    (.label, ["行业", "行业名称", "项目", "指标", "名称", "产品", "产品名称", "Industry", "Industries", "Sector", "Sectors",
              "Item", "Items", "Indicator", "Product", "Products", "Energy_inventory"]),
    (.unit, ["单位", "计量单位", "Unit", "Units", "Measurement Unit"]),
    (.output, ["产量", "产品产量", "全年产量", "本年产量", "Output", "Production"]),
  ])

  /// The non-metallic mineral products industry (GB/T 4754 division 30, 31 before 2002) in the
  /// spellings of successive editions, with or without `Manufacture of` and a code (`C30`).
  static let nonMetallicIndustry = NameIndex<Bool>([(true, industrySpellings)], allowsCodes: true)

  /// Whether a label names the industry; a cheap look at the key first, as most rows do not.
  static func isNonMetallicIndustry(_ label: String) -> Bool {
    let key = TextForms.key(label)
    guard TextForms.contains(key, "非金属矿物") || TextForms.contains(key, "nonmetal") else { return false }
    return nonMetallicIndustry.name(of: label) != nil
  }

  /// How the industry is named in messages.
  static let industryName = "the non-metallic mineral products industry (非金属矿物制品业)"

  private static let industrySpellings: [String] = {
    let chinese = ["非金属矿物制品业", "非金属矿物制品", "非金属矿物制品工业"]
    let cores = ["Non-metallic Mineral Products", "Non-metal Mineral Products", "Nonmetal Mineral Products",
                 "Nonmetallic Mineral Products", "Non-metallic Mineral Product", "Non-metal Mineral Product",
                 "Non-metallic Minerals Products"]
    let prefixes = ["", "Manufacture of ", "Manufacturing of "]
    let suffixes = ["", " Industry", " Industries", " Manufacturing"]
    return chinese + prefixes.flatMap { prefix in cores.flatMap { core in suffixes.map { prefix + core + $0 } } }
  }()

  /// Cement and clinker as product labels; `水泥制品` (cement products) is neither.
  static let products = NameIndex<Product>([
    (.cement, ["水泥", "Cement"]),
    (.clinker, ["水泥熟料", "熟料", "Cement Clinker", "Clinker"]),
  ])

  /// How a product is named in messages.
  static func displayName(_ product: Product) -> String {
    switch product {
    case .cement: "cement (水泥)"
    case .clinker: "clinker (熟料)"
    }
  }

  /// Every name and alias of the catalogue's fuels.
  static func fuels(_ catalogue: FuelCatalogue) -> NameIndex<FuelDefinition> {
    NameIndex(catalogue.definitions.map { ($0, $0.allNames) })
  }
}
