import CementModel
import Testing

@testable import Importing

/// Every key of a methodology is remembered with the file and line it was written at, through
/// inheritance: the provenance of each factor.
struct MethodologyKeyLocationTests {
  @Test func everyKeyHasItsFileAndLineAndInheritedKeysKeepTheParents() throws {
    let loader = MethodologyLoaderTests.loader([
      "dir/base.yaml": MethodologyLoaderTests.base,
      "dir/child.yaml": "inherits: base\nname: child\nelectricity:\n  grid_factor: 0.8 tCO2/MWh\n",
    ])
    let child = try loader.load(path: "dir/child.yaml")
    // base: line 7 is `coal: { ncv: … }`; `ncv` starts at column 9 (1-based) of the flow mapping.
    let ncv = try #require(child.keyLocations["factor_set.fuels.coal.ncv"])
    #expect(ncv.file == "dir/base.yaml")
    #expect(ncv.line == 7)
    let grid = try #require(child.keyLocations["electricity.grid_factor"])
    #expect(grid.file == "dir/child.yaml")
    #expect(grid.line == 4)
    #expect(child.keyLocations["process.emission_factor"]?.line == 14)
  }
}
