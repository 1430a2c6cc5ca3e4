import CementModel
import Testing

@testable import Importing

/// The `anomalies` section of a methodology file.
struct MethodologyAnomaliesLoaderTests {
  static let base = """
    years: 2011-2022
    factor_set:
      name: P
      fuels:
        coal: { ncv: 20.908 GJ/t, carbon_content: 26.37 tC/TJ, oxidation_rate: 0.94 }
    electricity: { grid_factor: 0.6101 tCO2/MWh, source: s }
    process:
      emission_factor: 0.525 tCO2/t clinker
      source: s
      clinker: { method: cement-times-ratio, ratio: 1, source: s }
    allocation: { share: 1, source: s }
    gap_filling: carry-forward
    copied_years: flag

    """

  static func load(_ section: String) throws(MethodologyError) -> Methodology {
    try MethodologyLoader(read: { _ in "" }).parse(yaml: base + section, file: "m.yaml")
  }

  @Test func withoutTheSectionTheStandardRulesApply() throws {
    #expect(try Self.load("").anomalies == .standard)
  }

  @Test func everyKeyIsRead() throws {
    let m = try Self.load("""
      anomalies:
        outliers: replace
        replacement: [linear]
        window: 3
        scale_floor: 0.2
        scores: { note: 2, warning: 5, error: 10 }
        materiality: { warning: 5%, error: 0.2 }
        confirmation: 0.4
        collapse_ratio: 4
        source: "here"
      """)
    let a = m.anomalies
    #expect(a.treatment == .replace && a.replacement == [.linear] && a.window == 3 && a.scaleFloor == 0.2)
    #expect(a.noteScore == 2 && a.warningScore == 5 && a.errorScore == 10)
    #expect(a.warningShare == 0.05 && a.errorShare == 0.2 && a.confirmation == 0.4 && a.collapseRatio == 4 && a.source == "here")
  }

  @Test func aMissingKeyKeepsTheStandardValue() throws {
    let a = try Self.load("anomalies:\n  outliers: refuse\n").anomalies
    #expect(a.treatment == .refuse)
    #expect(a.warningScore == AnomalyRules.standard.warningScore)
  }

  @Test func anUnknownTreatmentIsRefusedWithTheAllowedValues() throws {
    let error = #expect(throws: MethodologyError.self) { try Self.load("anomalies:\n  outliers: fix\n") }
    #expect(error?.description.contains("unknown value 'fix' for 'anomalies.outliers'") == true)
    #expect(error?.description.contains("allowed values: flag, replace, refuse") == true)
  }

  @Test func scoresMustRise() throws {
    let error = #expect(throws: MethodologyError.self) { try Self.load("anomalies:\n  scores: { note: 8, warning: 6 }\n") }
    #expect(error?.description.contains("must rise from note to warning to error") == true)
  }
}
