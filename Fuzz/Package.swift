// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer targets for the importers; not part of `swift build` or `swift test` of the root
/// package. Build and run them with `scripts/fuzz.sh` (it passes `-sanitize=fuzzer,address`).
let package = Package(
  name: "cement-accounts-fuzz",
  dependencies: [.package(name: "cement-accounts", path: "..")],
  targets: [
    .target(name: "FuzzerDriver"),
    .executableTarget(
      name: "FuzzCSVImport",
      dependencies: ["FuzzerDriver", .product(name: "Importing", package: "cement-accounts")]),
    .executableTarget(
      name: "FuzzXLSXRead",
      dependencies: ["FuzzerDriver", .product(name: "XLSXReading", package: "cement-accounts")]),
    .executableTarget(
      name: "FuzzMethodologyLoad",
      dependencies: ["FuzzerDriver", .product(name: "Importing", package: "cement-accounts")]),
  ],
  swiftLanguageModes: [.v6]
)
