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
  ///
  /// Anchors and aliases (`&name`, `*name`) are refused: Yams shares an aliased node, but every
  /// walk of the tree visits it once per use, so a few lines of nested aliases ("billion
  /// laughs") expand to billions of nodes. A methodology that shares values with another
  /// uses `inherits:`.
  static func parse(yaml: String, file: String) throws(MethodologyError) -> ConfigNode {
    // An alias that ends up a key would be hashed in full while Yams looks for repeated keys,
    // before any tree exists to check; aliases are found in the text first.
    if yaml.utf8.contains(UInt8(ascii: "&")), let (line, column) = aliasedAnchor(in: yaml) {
      throw anchorsRefused(SourceLocation(file: file, line: line, column: column))
    }
    let root: Node?, parser: Parser
    do {
      (root, parser) = try compose(yaml)
    } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
      throw duplicateKeys(duplicates, at: context.mark, in: yaml, file: file)
    } catch let error as YamlError {
      throw MethodologyError(location(of: error, file: file), "not valid YAML: \(problem(of: error))")
    } catch {
      throw MethodologyError(SourceLocation(file: file), "not valid YAML: \(error)")
    }
    guard let root else { throw MethodologyError(SourceLocation(file: file), "the file is empty") }
    if yaml.utf8.contains(UInt8(ascii: "&")), let anchored = withExtendedLifetime(parser, { firstAnchored(root) }) {
      throw anchorsRefused(SourceLocation(file: file, line: anchored.mark?.line, column: anchored.mark?.column))
    }
    return convert(root, file: file)
  }

  private static func anchorsRefused(_ location: SourceLocation) -> MethodologyError {
    MethodologyError(
      location, "YAML anchors and aliases (&name, *name) are not accepted in methodology files",
      hint: "write the value out where it is used; a methodology that shares another's values names it with inherits:")
  }

  /// The first node, in document order, that carries an anchor. An alias is composed as the
  /// node it names, anchor included, and comes after it, so the walk stops at the first
  /// definition before it could expand any alias.
  private static func firstAnchored(_ node: Node) -> Node? {
    if node.anchor != nil { return node }
    switch node {
    case .scalar, .alias: return nil
    case .sequence(let items):
      for item in items { if let found = firstAnchored(item) { return found } }
    case .mapping(let pairs):
      for pair in pairs {
        if let found = firstAnchored(pair.key) ?? firstAnchored(pair.value) { return found }
      }
    }
    return nil
  }

  /// The line and column (from 1) of the first anchor (`&name`) that an alias (`*name`) of
  /// the text uses, found in the text alone: Yams hashes a key in full while it looks for
  /// repeated keys, so an alias that ends up a key (`*a:`, `? *a`, `[*a b: 1]`) expands while
  /// the document is composed, before any tree exists to check. `&` and `*` inside words or
  /// quotes, or not naming an anchor of the text, are not counted.
  static func aliasedAnchor(in yaml: String) -> (line: Int, column: Int)? {
    let bytes = Array(yaml.utf8)
    let newline = UInt8(ascii: "\n")
    let ends: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t"), newline, UInt8(ascii: "\r"), UInt8(ascii: ","), UInt8(ascii: "["),
      UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}")]
    let before = ends.union([UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "-")])
    var anchors: [[UInt8]: (line: Int, column: Int)] = [:]
    var line = 1, lineStart = 0
    for (i, byte) in bytes.enumerated() {
      if byte == newline {
        line += 1
        lineStart = i + 1
        continue
      }
      guard byte == UInt8(ascii: "&") || byte == UInt8(ascii: "*"), i == 0 || before.contains(bytes[i - 1]) else { continue }
      var j = i + 1
      while j < bytes.count, !ends.contains(bytes[j]) { j += 1 }
      guard j > i + 1 else { continue }
      var name = Array(bytes[(i + 1)..<j])
      if byte == UInt8(ascii: "&") {
        if anchors[name] == nil { anchors[name] = (line, i - lineStart + 1) }
        continue
      }
      if anchors[name] == nil, name.last == UInt8(ascii: ":") { name.removeLast() }
      if let anchor = anchors[name] { return anchor }
    }
    return nil
  }

  /// A key written twice in one mapping, with the line of each: Yams names the first; the
  /// second is the next line at the same indentation that starts with the same key.
  private static func duplicateKeys(_ keys: [String], at mark: Mark, in yaml: String, file: String) -> MethodologyError {
    let first = SourceLocation(file: file, line: mark.line, column: mark.column)
    let key = keys.sorted().first ?? ""
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    var second: Int?
    if mark.line >= 1 {
      for index in mark.line..<lines.count {
        let text = lines[index]
        let indent = text.prefix { $0 == " " }.count
        let rest = text.dropFirst(indent)
        if rest.isEmpty || rest.hasPrefix("#") { continue }
        if indent + 1 < mark.column && !rest.hasPrefix("- ") { break }
        guard indent + 1 == mark.column else { continue }
        for form in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(form) && rest.dropFirst(form.count).drop(while: { $0 == " " }).hasPrefix(":") {
          second = index + 1
        }
        if second != nil { break }
      }
    }
    let also = second.map { " and again on line \($0)" } ?? ""
    return MethodologyError(
      second.map { SourceLocation(file: file, line: $0, column: mark.column) } ?? first,
      "the key '\(key)' is given twice in one mapping: on line \(mark.line)\(also)" + (keys.count > 1 ? " (also repeated: \(keys.sorted().dropFirst().joined(separator: ", ")))" : ""),
      hint: "keep one of them; a key may appear once in each mapping")
  }

  /// The YAML's node tree, composed without resolving the types of plain scalars, which this
  /// tree never uses. (Yams's default resolver compiles a dozen regular expressions and runs them
  /// on every key, as long as reading the rest of a methodology.) Types matter only when Yams
  /// looks for repeated keys, where `1` and `"1"` differ; a document in which untyped keys repeat,
  /// or which names a type (`!!int`), is composed again as before, so the tree and the errors are
  /// Yams's default ones.
  ///
  /// The parser is returned with the tree: a node's anchor is held weakly, by the parser, and
  /// reads as nil once the parser is gone.
  private static func compose(_ yaml: String) throws -> (root: Node?, parser: Parser) {
    func composed(_ resolver: Resolver) throws -> (root: Node?, parser: Parser) {
      let parser = try Parser(yaml: yaml, resolver: resolver)
      return (try parser.singleRoot(), parser)
    }
    guard !yaml.utf8.contains(UInt8(ascii: "!")) else { return try composed(.default) }
    do {
      return try composed(.basic)
    } catch YamlError.duplicatedKeysInMapping {
      return try composed(.default)
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
