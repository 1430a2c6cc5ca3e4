import Accounting
import CementModel
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Pipeline {
  /// Refuses an output folder that is the inputs folder or lies inside it: a later run would
  /// find the outputs among its inputs (and `run` would write into what it reads).
  public func refuseOutputInsideInputs(_ output: String) throws(PipelineError) {
    let outputPath = Self.resolved(output)
    for input in [inputs.root] + (inputs.ceadsFolder.map { [$0] } ?? []) {
      let inputPath = Self.resolved(input)
      guard outputPath == inputPath || outputPath.hasPrefix(inputPath == "/" ? "/" : inputPath + "/") else { continue }
      throw PipelineError(
        "the output folder \(output) lies inside the inputs folder \(input)",
        hint: "choose an output folder outside the inputs with --output (the default is ./Output)")
    }
  }

  /// `path` made absolute with symbolic links resolved, for the part of it that exists; the
  /// rest (folders the run will create) appended as written.
  static func resolved(_ path: String) -> String {
    var existing = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var rest: [String] = []
    while true {
      if let real = realpath(existing, nil) {
        defer { free(real) }
        let base = String(cString: real)
        let parts = rest.reversed().filter { !$0.isEmpty && $0 != "." }
        return parts.isEmpty ? base : (base == "/" ? "" : base) + "/" + parts.joined(separator: "/")
      }
      let parent = StagedFiles.parent(of: existing)
      guard parent != existing, !parent.isEmpty else { return existing }
      rest.append(String(existing.dropFirst(parent.count).drop(while: { $0 == "/" })))
      existing = parent
    }
  }

  /// Refuses an account any of whose figures is not a finite number, naming the inputs the
  /// figure was computed from: a finite activity and finite factors whose product overflows
  /// would otherwise reach the writers as `inf`.
  static func requireFinite(_ account: Account) throws(PipelineError) {
    for year in account.years {
      for entry in year.entries where !entry.emissions.baseValue.isFinite {
        let read = entry.calculation.sources.map { "\($0.location) (\"\($0.originalText)\" \($0.originalUnit))" }
        let factor: String
        switch entry.calculation {
        case .combustion: factor = "'factor_set.fuels.\(entry.source)'"
        case .electricity: factor = "'electricity.grid_factor'"
        case .process: factor = "'process.emission_factor' and 'process.clinker'"
        }
        throw PipelineError(
          "the \(entry.scope) emissions of \(entry.source) in \(year.year) are not a finite number: "
            + "the product of \(read.isEmpty ? "its activity" : read.joined(separator: ", ")) and \(factor) of "
            + account.methodology.files.joined(separator: " (inheriting ") + String(repeating: ")", count: max(0, account.methodology.files.count - 1))
            + " overflows",
          hint: "check the exponent and the unit of that value and of the methodology's factors")
      }
      for aggregate in Aggregate.allCases where !year.total(aggregate).baseValue.isFinite {
        throw PipelineError(
          "the \(aggregate) emissions of \(year.year) are not a finite number: their sum overflows",
          hint: "check the exponents and the units of that year's values")
      }
    }
  }

  /// Refuses a declared stage that reaches outside the accounted years, naming the stage and
  /// where the methodology declares it: it would be left out of the summary and the report.
  static func requireStagesWithin(_ account: Account) throws(PipelineError) {
    let accounted = Set(account.years.map(\.year))
    guard let first = accounted.min(), let last = accounted.max() else { return }
    for stage in account.methodology.stages {
      let years = [stage.first, stage.base, stage.last]
      guard years.contains(where: { !accounted.contains($0) }) else { continue }
      let place = stage.location.map { "\($0): error: " } ?? ""
      throw PipelineError(
        place + "stage '\(stage.name)' (\(stage.first)–\(stage.last)) reaches outside the accounted years \(first)–\(last)",
        hint: "narrow the stage to \(first)–\(last) in 'stages.list', or account the years it covers")
    }
  }
}
