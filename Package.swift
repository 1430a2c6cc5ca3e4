// swift-tools-version: 6.0
import PackageDescription

/// cement-accounts: yearbook tables in, an auditable cement CO₂ account out.
///
/// The targets are the stages of the pipeline, in order:
/// C wrappers (`CSVReading`, `XLSXWriting`) → `Importing` → `Reconciliation` → `Allocation`
/// → `Accounting` → `Verification` (and `Comparison`, for `diff`) → `Writers`, tied together by `Pipeline` (the only
/// target besides the importers and writers that touches files) and a thin executable.
let package = Package(
  name: "cement-accounts",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "cement-accounts", targets: ["cement-accounts"]),
    .library(name: "Pipeline", targets: ["Pipeline"]),
    .library(name: "Importing", targets: ["Importing"]),
    .library(name: "XLSXReading", targets: ["XLSXReading"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
  ],
  targets: [
    // MARK: C libraries (Debian: libcsv-dev, libxlsxwriter-dev, zlib1g-dev, libdeflate-dev, libssl-dev, pkg-config)
    .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
    .systemLibrary(name: "CLibDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
    .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    .systemLibrary(
      name: "CXlsxWriter", pkgConfig: "xlsxwriter",
      providers: [.apt(["libxlsxwriter-dev", "zlib1g-dev"])]),

    // MARK: Swift wrappers that own the C lifetimes
    .target(name: "CSVReading", dependencies: ["CLibCSV"]),
    // Take the place of glibc's gmtime (per thread), zlib's deflateInit2_ (a settable level)
    // and libxlsxwriter's lxw_tmpfile (in memory) in the process: gmtime.c, deflate.c, scratch.c.
    .target(name: "CInterposers"),
    .target(name: "XLSXWriting", dependencies: ["CXlsxWriter", "CInterposers"]),
    .target(name: "XLSXReading", dependencies: ["CLibDeflate"]),
    .target(name: "Checksums", dependencies: ["CLibCrypto"]),

    // MARK: Pipeline stages
    .target(name: "CementModel"),
    // Every figure as an expression over traced terms: evaluated, rendered as Excel, traced.
    .target(name: "Calculation", dependencies: ["CementModel"]),
    // What the carbon costs: China's ETS and the EU CBAM, rules as expressions over the account.
    .target(name: "CarbonCost", dependencies: ["CementModel", "Calculation", "Accounting"]),
    .target(
      name: "Importing",
      dependencies: ["CementModel", "CarbonCost", "Calculation", "CSVReading", "XLSXReading", .product(name: "Yams", package: "Yams")]),
    .target(name: "Reconciliation", dependencies: ["CementModel"]),
    .target(name: "Allocation", dependencies: ["CementModel"]),
    .target(name: "Accounting", dependencies: ["CementModel", "Calculation"]),
    .target(name: "Verification", dependencies: ["CementModel", "Accounting"]),
    .target(name: "Comparison", dependencies: ["CementModel", "Accounting"]),
    // IPCC Approach 1 and Monte Carlo over the account's own expressions.
    .target(name: "Uncertainty", dependencies: ["CementModel", "Calculation", "Accounting"]),
    // Why the account moved (LMDI-I) and where it can go (scenarios to 2060).
    .target(name: "Pathways", dependencies: ["CementModel", "Calculation", "Accounting"]),
    .target(
      name: "Writers",
      dependencies: [
        "CementModel", "Accounting", "Verification", "Comparison", "CarbonCost", "Uncertainty", "Pathways", "Calculation", "XLSXWriting",
        .product(name: "Mustache", package: "swift-mustache"),
      ]),
    .target(
      name: "Pipeline",
      dependencies: [
        "CementModel", "Importing", "Reconciliation", "Allocation", "Accounting", "Verification",
        "Comparison", "Uncertainty", "Writers", "XLSXReading", "Checksums", "CarbonCost", "Pathways",
      ]),
    .executableTarget(
      name: "cement-accounts",
      dependencies: ["Pipeline", "Writers", "Comparison", "CarbonCost", "Pathways", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

    // MARK: Tests
    .testTarget(name: "CSVReadingTests", dependencies: ["CSVReading"]),
    .testTarget(name: "XLSXWritingTests", dependencies: ["XLSXWriting"]),
    .testTarget(name: "XLSXReadingTests", dependencies: ["XLSXReading", "XLSXWriting"]),
    .testTarget(name: "ChecksumsTests", dependencies: ["Checksums"]),
    .testTarget(
      name: "ImportingTests", dependencies: ["Importing", "CementModel", "XLSXWriting"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "CementModelTests", dependencies: ["CementModel"]),
    // What several test targets share: the formula evaluator, a scratch folder.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    // CalculationTests also checks the Carbon cost sheet's formulas with the FormulaEvaluator.
    .testTarget(name: "CalculationTests", dependencies: ["Calculation", "CementModel", "CarbonCost", "Writers", "Pipeline", "Accounting", "TestSupport"]),
    .testTarget(name: "CarbonCostTests", dependencies: ["CarbonCost", "Calculation", "Importing", "Pipeline", "CementModel"]),
    .testTarget(name: "ReconciliationTests", dependencies: ["Reconciliation", "CementModel"]),
    .testTarget(name: "AllocationTests", dependencies: ["Allocation", "CementModel"]),
    .testTarget(name: "AccountingTests", dependencies: ["Accounting", "CementModel", "Calculation"]),
    .testTarget(name: "UncertaintyTests", dependencies: ["Uncertainty", "Calculation", "Accounting", "CementModel", "Pipeline"]),
    .testTarget(name: "PathwaysTests", dependencies: ["Pathways", "Importing", "Pipeline", "Accounting", "CementModel", "Calculation"]),
    .testTarget(name: "ComparisonTests", dependencies: ["Comparison", "Pipeline", "Writers", "Accounting", "CementModel"]),
    .testTarget(name: "VerificationTests", dependencies: ["Verification", "Accounting", "CementModel", "Pipeline"]),
    .testTarget(
      name: "WritersTests",
      dependencies: [
        "Writers", "Pipeline", "CementModel", "Calculation", "Accounting", "Verification", "TestSupport",
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      resources: [.copy("Snapshots")]),
    .testTarget(name: "EndToEndTests", dependencies: ["cement-accounts"], exclude: ["Fixtures"]),
  ],
  swiftLanguageModes: [.v6]
)
