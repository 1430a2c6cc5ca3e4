import CementModel
import Yams

/// A YAML document turned into a small tree that remembers, for every value, the file, line
/// and column it was written at, so that a methodology assembled from several inheriting
/// files still reports errors at the right place.
indirect enum ConfigNode: Sendable {
  case scalar(String, SourceLocation)
  case mapping([(key: String, keyLocation: SourceLocation, value: ConfigNode)], SourceLocation)
  case sequence([ConfigNode], SourceLocation)

  var location: SourceLocation {
    switch self {
    case .scalar(_, let l), .mapping(_, let l), .sequence(_, let l): l
    }
  }

  /// What the node is, for messages ("a mapping", "the text \"abc\"").
  var kindDescription: String {
    switch self {
    case .scalar(let s, _): "\"\(s)\""
    case .mapping: "a mapping"
    case .sequence: "a list"
    }
  }

  /// Where every key of the tree is written, by its dotted path (`factor_set.fuels.coal.ncv`):
  /// after ``merge(parent:child:)``, each key's location is in the file that wrote it.
  func keyLocations(under path: String = "") -> [String: SourceLocation] {
    guard case .mapping(let pairs, _) = self else { return [:] }
    var locations: [String: SourceLocation] = [:]
    for pair in pairs {
      let key = path.isEmpty ? pair.key : "\(path).\(pair.key)"
      locations[key] = pair.keyLocation
      locations.merge(pair.value.keyLocations(under: key)) { _, inner in inner }
    }
    return locations
  }

  /// Parses YAML text into a tree.
  static func parse(yaml: String, file: String) throws(MethodologyError) -> ConfigNode {
    let root: Node?
    do {
      root = try compose(yaml)
    } catch let error as YamlError {
      throw MethodologyError(location(of: error, file: file), "not valid YAML: \(problem(of: error))")
    } catch {
      throw MethodologyError(SourceLocation(file: file), "not valid YAML: \(error)")
    }
    guard let root else { throw MethodologyError(SourceLocation(file: file), "the file is empty") }
    return convert(root, file: file)
  }

  /// The YAML's node tree, composed without resolving the types of plain scalars, which this
  /// tree never uses. (Yams's default resolver compiles a dozen regular expressions and runs them
  /// on every key, as long as reading the rest of a methodology.) Types matter only when Yams
  /// looks for repeated keys, where `1` and `"1"` differ; a document in which untyped keys repeat,
  /// or which names a type (`!!int`), is composed again as before, so the tree and the errors are
  /// Yams's default ones.
  private static func compose(_ yaml: String) throws -> Node? {
    guard !yaml.utf8.contains(UInt8(ascii: "!")) else { return try Yams.compose(yaml: yaml) }
    do {
      return try Yams.compose(yaml: yaml, .basic)
    } catch YamlError.duplicatedKeysInMapping {
      return try Yams.compose(yaml: yaml)
    }
  }

  private static func convert(_ node: Node, file: String) -> ConfigNode {
    let here = SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    switch node {
    case .scalar(let s): return .scalar(s.string, here)
    case .sequence(let items): return .sequence(items.map { convert($0, file: file) }, here)
    case .mapping(let pairs):
      return .mapping(
        pairs.map { pair in
          (
            key: pair.key.scalar?.string ?? "\(pair.key)",
            keyLocation: SourceLocation(file: file, line: pair.key.mark?.line, column: pair.key.mark?.column),
            value: convert(pair.value, file: file)
          )
        }, here)
    case .alias: return .scalar("", here)
    }
  }

  private static func location(of error: YamlError, file: String) -> SourceLocation {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
      SourceLocation(file: file, line: mark.line, column: mark.column)
    default: SourceLocation(file: file)
    }
  }

  private static func problem(of error: YamlError) -> String {
    switch error {
    case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
      .composer(let context, let problem, _, _):
      [context.map { "\($0.text)" }, problem].compactMap { $0 }.joined(separator: " ")
    case .reader(let problem, _, _, _): problem
    default: "\(error)"
    }
  }

  /// The child's values override the parent's; mappings merge key by key, so a revision
  /// file needs to state only what it changes.
  static func merge(parent: ConfigNode, child: ConfigNode) -> ConfigNode {
    guard case .mapping(let parentPairs, _) = parent, case .mapping(let childPairs, let location) = child else {
      return child
    }
    var merged = parentPairs
    for pair in childPairs {
      if let i = merged.firstIndex(where: { $0.key == pair.key }) {
        merged[i] = (pair.key, pair.keyLocation, merge(parent: merged[i].value, child: pair.value))
      } else {
        merged.append(pair)
      }
    }
    return .mapping(merged, location)
  }
}

/// Reads a mapping's keys, checking that each is allowed and each required one is present.
struct ConfigMapping {
  let node: ConfigNode
  let path: String
  private let pairs: [(key: String, keyLocation: SourceLocation, value: ConfigNode)]

  init(_ node: ConfigNode, path: String, allowed: [String]) throws(MethodologyError) {
    guard case .mapping(let pairs, _) = node else {
      throw MethodologyError(node.location, "\(path.isEmpty ? "the document" : "'\(path)'") must be a mapping, found \(node.kindDescription)")
    }
    for pair in pairs where !allowed.contains(pair.key) {
      let suggestion = Self.closest(pair.key, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
      throw MethodologyError(
        pair.keyLocation, "unknown key '\(Self.join(path, pair.key))'\(suggestion)",
        hint: "allowed keys\(path.isEmpty ? "" : " in '\(path)'"): \(allowed.joined(separator: ", "))")
    }
    self.node = node
    self.path = path
    self.pairs = pairs
  }

  static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  func optional(_ key: String) -> ConfigNode? { pairs.last(where: { $0.key == key })?.value }

  func required(_ key: String, hint: String? = nil) throws(MethodologyError) -> ConfigNode {
    guard let value = optional(key) else {
      throw MethodologyError(
        node.location, "missing key '\(Self.join(path, key))'", hint: hint ?? "see Inputs/methodologies/README.md for every key and an example")
    }
    return value
  }

  /// Every key and value in file order.
  var entries: [(key: String, keyLocation: SourceLocation, value: ConfigNode)] { pairs }

  func string(_ key: String) throws(MethodologyError) -> String {
    try Self.scalar(try required(key), path: Self.join(path, key))
  }

  func optionalString(_ key: String) throws(MethodologyError) -> String? {
    guard let node = optional(key) else { return nil }
    return try Self.scalar(node, path: Self.join(path, key))
  }

  static func scalar(_ node: ConfigNode, path: String) throws(MethodologyError) -> String {
    guard case .scalar(let s, _) = node else {
      throw MethodologyError(node.location, "'\(path)' must be a single value, found \(node.kindDescription)")
    }
    return s
  }

  private static func closest(_ key: String, in allowed: [String]) -> String? {
    allowed.map { ($0, editDistance($0, key)) }.filter { $0.1 <= 3 }.min { $0.1 < $1.1 }?.0
  }
}

/// Levenshtein distance, for "did you mean" hints.
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a), b = Array(b)
  guard !a.isEmpty else { return b.count }
  guard !b.isEmpty else { return a.count }
  var previous = Array(0...b.count)
  for i in 1...a.count {
    var current = [i] + Array(repeating: 0, count: b.count)
    for j in 1...b.count {
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.count]
}

/// A methodology file that cannot be used, with the place and what was expected.
public struct MethodologyError: Error, Sendable, CustomStringConvertible {
  public let location: SourceLocation
  public let message: String
  public let hint: String?

  init(_ location: SourceLocation, _ message: String, hint: String? = nil) {
    self.location = location
    self.message = message
    self.hint = hint
  }

  public var description: String {
    "\(location): error: \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
  }
}
