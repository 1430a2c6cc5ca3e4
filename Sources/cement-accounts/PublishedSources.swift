import ArgumentParser
import Foundation
import Pipeline

/// The named published sources `verify --published NAME` checks, besides the province's own
/// tables (the default): each prints its lines and says whether every cell agrees.
enum PublishedSources {
  /// Each source's check: prints what it found and returns whether every cell agrees.
  static let table: [String: @Sendable (Pipeline) throws(PipelineError) -> (text: String, agrees: Bool)] = [
    "ets-cbam-2025": { pipeline throws(PipelineError) in try pipeline.verifyCarbonStudy(name: "ets-cbam-2025") }
  ]

  static var names: String { table.keys.sorted().joined(separator: ", ") }

  /// Verifies the source `name`; exits 1 when a cell differs.
  static func verify(_ name: String, options: InputOptions) throws {
    let agrees: Bool
    do {
      guard let check = table[name] else { throw PipelineError("no published source '\(name)'", hint: "--published takes: \(names)") }
      let outcome = try check(Pipeline(inputs: options.inputs, ceads: options.ceads))
      print(outcome.text, terminator: "")
      agrees = outcome.agrees
    } catch {
      throw CLIError.report(error)
    }
    if !agrees { throw ExitCode.failure }
  }
}
