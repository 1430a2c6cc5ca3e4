import Testing

@testable import Importing

/// Methodology files are composed without Yams's type resolution unless keys repeat or a type is
/// named (see `ConfigNode.compose`); repeated keys must be told apart exactly as Yams's default
/// resolver does, where `1` (an integer) and `"1"` (a string) are different keys.
@Suite struct YAMLKeyTests {
  private func pairs(_ yaml: String) throws -> [String] {
    guard case .mapping(let pairs, _) = try ConfigNode.parse(yaml: yaml, file: "m.yaml") else { return [] }
    return pairs.map(\.key)
  }

  private func refusal(_ yaml: String) -> MethodologyError? {
    #expect(throws: MethodologyError.self) { try ConfigNode.parse(yaml: yaml, file: "m.yaml") }
  }

  @Test func aKeyGivenTwiceIsRefused() throws {
    let error = try #require(refusal("a: 1\nb: 2\na: 3\n"))
    #expect(error.message == "the key 'a' is given twice in one mapping: on line 1 and again on line 3")
  }

  @Test func aNumberKeyAndAQuotedKeyAreDifferentKeys() throws {
    #expect(try pairs("2010: 0.5\n\"2010\": 0.6\n") == ["2010", "2010"])
    #expect(try pairs("yes: a\n'yes': b\n") == ["yes", "yes"])
  }

  @Test func namedTypesDecideWhetherKeysRepeat() throws {
    #expect(refusal("!!int 1: a\n1: b\n") != nil)
    #expect(try pairs("!!str 1: a\n1: b\n") == ["1", "1"])
  }

  @Test func plainKeysAreReadAsWritten() throws {
    #expect(try pairs("name: study\nyears: 2000-2022\n1.0: x\nnull: y\n~: z\n") == ["name", "years", "1.0", "null", "~"])
  }
}
