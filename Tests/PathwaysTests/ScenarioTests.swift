import Accounting
import CementModel
import Foundation
import Importing
import Pathways
import Pipeline
import Testing

@Suite struct ScenarioTests {
  static let file = "Inputs/scenarios/test.yaml"

  func parse(_ yaml: String) throws(MethodologyError) -> Scenario { try ScenarioLoader(read: { _ in yaml }).parse(yaml: yaml, file: Self.file) }

  /// With every lever held, each year reproduces the base year's account exactly, scope by scope.
  @Test func continuity() throws {
    let account = try Bundled.account()
    let held = try parse("source: test\nend_year: 2060\n")
    let years = try Projection(account: account).project(held)
    let base = account.years.last!
    #expect(years.first!.year == base.year)
    for year in years {
      for scope in Scope.allCases {
        let aggregate: Aggregate = scope == .combustion ? .combustion : scope == .electricity ? .electricity : .process
        let accounted = base.total(aggregate).value(in: .tonnesCO2)
        let projected = year.total(scope: scope.rawValue)
        #expect(abs(projected - accounted) < Bundled.gram)
      }
    }
    #expect(years.last!.year == 2060)
  }

  /// Every shipped scenario, every year: the wedges add up to baseline − scenario to the gram.
  @Test func wedgesAddUp() throws {
    let account = try Bundled.account()
    let scenarios = try Bundled.scenarios()
    #expect(Set(scenarios.map(\.name)) == ["baseline", "study-pathway", "national-targets", "deep-decarbonisation"])
    let record = try Pipeline.pathways(account, baseline: scenarios.first { $0.name == "baseline" }!, scenarios: scenarios)
    let baseline = record.results[0]
    for result in record.results {
      #expect(result.years.count == 2060 - 2022 + 1)
      for year in result.years {
        let gap = baseline[year.year]!.total - year.total
        let sum = result.wedges[year.year]!.values.reduce(0, +)
        #expect(abs(sum - gap) < Bundled.gram, "\(result.scenario.name) \(year.year): \(sum) vs \(gap)")
      }
    }
    let deep = record.results.first { $0.scenario.name == "deep-decarbonisation" }!
    #expect(deep[2060]!.total < 0.1 * baseline[2060]!.total)
    let national = record.results.first { $0.scenario.name == "national-targets" }!
    let met = national.targets.map(\.met)
    #expect(met == [true] as [Bool?])
  }

  /// Linear and step interpolation from the base year's value, held after the last milestone.
  @Test func interpolation() {
    let here = SourceLocation(file: Self.file, line: 1)
    let linear = LeverPath(lever: .clinkerRatio, relative: true, interpolation: .linear,
                           milestones: [Milestone(year: 2030, value: 0.5, source: "t", location: here)], location: here)
    #expect(linear.value(in: 2022, baseYear: 2020, base: 0.8) == 0.8 - 0.4 * 0.2)
    #expect(linear.value(in: 2040, baseYear: 2020, base: 0.8) == 0.4)
    let step = LeverPath(lever: .gridFactor, relative: false, interpolation: .step,
                         milestones: [Milestone(year: 2030, value: 0.3, source: "t", location: here)], location: here)
    #expect(step.value(in: 2029, baseYear: 2020, base: 0.8) == 0.8)
    #expect(step.value(in: 2030, baseYear: 2020, base: 0.8) == 0.3)
  }

  func loaderError(_ yaml: String) -> String {
    do {
      _ = try parse(yaml)
      return ""
    } catch { return error.description }
  }

  @Test func shareAboveOne() {
    let message = loaderError("""
      source: t
      end_year: 2060
      levers:
        natural_gas_share:
          source: t
          path:
            - { year: 2030, value: 1.2 }
      """)
    #expect(message.hasPrefix("\(Self.file):7:"))
    #expect(message.contains("error: 'natural_gas_share' in 2030 is 1.2 share: a share or rate must lie within 0…1"))
  }

  @Test func negativeIntensity() {
    let message = loaderError("source: t\nend_year: 2060\nlevers:\n  thermal_intensity:\n    source: t\n    path:\n      - { year: 2030, value: -3 }\n")
    #expect(message.hasPrefix("\(Self.file):7:"))
    #expect(message.contains("must not be negative"))
  }

  @Test func captureRateAboveOne() {
    let message = loaderError("source: t\nend_year: 2060\nlevers:\n  ccus_capture_rate:\n    source: t\n    path:\n      - { year: 2030, value: 1.5 }\n")
    #expect(message.hasPrefix("\(Self.file):7:"))
    #expect(message.contains("'ccus_capture_rate' in 2030 is 1.5"))
  }

  @Test func unknownLever() {
    let message = loaderError("source: t\nend_year: 2060\nlevers:\n  clinker_ration:\n    source: t\n    path:\n      - { year: 2030, value: 0.5 }\n")
    #expect(message.hasPrefix("\(Self.file):4:3: error: unknown key 'levers.clinker_ration' (did you mean 'clinker_ratio'?)"))
    #expect(message.contains("hint: allowed keys in 'levers':"))
  }

  @Test func yearBeforeTheBaseYear() throws {
    let scenario = try parse("source: t\nend_year: 2060\nlevers:\n  clinker_ratio:\n    source: t\n    path:\n      - { year: 2020, value: 0.5 }\n")
    let projection = try Projection(account: try Bundled.account())
    do {
      _ = try projection.project(scenario)
      Issue.record("no error")
    } catch {
      #expect(error.description.hasPrefix("\(Self.file):7:"))
      #expect(error.description.contains("milestone year 2020 of 'clinker_ratio' is not after the base year 2022"))
    }
  }

  @Test func sharesAddingUpToMoreThanOne() throws {
    let scenario = try parse("""
      source: t
      end_year: 2040
      levers:
        electric_kiln_share: { source: t, path: [ { year: 2030, value: 0.6 } ] }
        alternative_fuel_share: { source: t, path: [ { year: 2030, value: 0.6 } ] }
        alternative_fuel_factor: { source: t, path: [ { year: 2030, value: 90 } ] }
        natural_gas_factor: { source: t, path: [ { year: 2030, value: 56.1 } ] }
      """)
    let projection = try Projection(account: try Bundled.account())
    do {
      _ = try projection.project(scenario)
      Issue.record("no error")
    } catch {
      #expect(error.description.contains("error: the shares alternative_fuel_share + electric_kiln_share of 2029 add up to"))
      #expect(error.description.hasPrefix(Self.file + ":"))
    }
  }
}
