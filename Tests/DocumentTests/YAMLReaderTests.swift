import Testing
@testable import Document

private func yaml(_ text: String) throws -> JSONValue { try YAMLReader.parseDocument(Array(text.utf8)).value }

private func yamlFailure(_ text: String, limits: YAMLReader.Limits = .init()) -> DocumentError? {
    do {
        _ = try YAMLReader.parseDocument(Array(text.utf8), file: "t.yaml", limits: limits)
        return nil
    } catch {
        return error
    }
}

private func num(_ s: String) -> JSONValue { .number(JSONNumber(text: s)!) }

@Test func coreSchemaNullsAndBools() throws {
    let v = try yaml("a: null\nb: Null\nc: NULL\nd: ~\ne:\nf: true\ng: True\nh: FALSE\n")
    #expect(v == ["a": nil, "b": nil, "c": nil, "d": nil, "e": nil, "f": true, "g": true, "h": false])
}

@Test func yesNoOnOffStayStrings() throws {
    let v = try yaml("[yes, no, on, off, y, n, Yes, NO, tRUE, nULL]")
    #expect(v == ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "tRUE", "nULL"])
}

@Test func coreSchemaIntegers() throws {
    let v = try yaml("[0, -17, +5, 007, 0o17, 0x1F, 0xffffffffffffffffffff, 123456789012345678901234567890, 0o8, 0x, 1_000]")
    #expect(v == [0, -17, 5, 7, 15, 31, num("1208925819614629174706175"), num("123456789012345678901234567890"), "0o8", "0x", "1_000"])
    #expect(v.arrayValue?[2].numberValue?.text == "5")
    #expect(v.arrayValue?[3].numberValue?.text == "7")
}

@Test func coreSchemaFloatsBecomeJSONNumbers() throws {
    let v = try yaml("[1.5, -0.25, .5, 1., +1.5e3, 2E-2, 1e5, 0.0, 1.2.3, 1e]")
    let texts = v.arrayValue?.prefix(8).compactMap { $0.numberValue?.text }
    #expect(texts == ["1.5", "-0.25", "0.5", "1", "1.5e3", "2e-2", "1e5", "0.0"])
    #expect(v.arrayValue?[8] == "1.2.3")
    #expect(v.arrayValue?[9] == "1e")
}

@Test func infinityAndNaNAreErrorsWithPosition() {
    let e = yamlFailure("a: 1\nb: .inf\n")
    #expect(e?.message.hasPrefix("the float '.inf' cannot be represented in JSON") == true)
    #expect(e?.location == SourceLocation(line: 2, column: 4, offset: 8))
    #expect(yamlFailure("[-.Inf]") != nil)
    #expect(yamlFailure("x: .NaN") != nil)
    #expect(yamlFailure("x: '.nan'") == nil)
}

@Test func quotedAndBlockScalarsAreStrings() throws {
    let v = try yaml("a: '1'\nb: \"true\"\nc: 'null'\nd: |\n  line1\n  line2\ne: >\n  folded\n  text\nf: \"\"\n")
    #expect(v == ["a": "1", "b": "true", "c": "null", "d": "line1\nline2\n", "e": "folded text\n", "f": ""])
}

@Test func scalarKeysBecomeTheirText() throws {
    let v = try yaml("200: ok\n404: missing\ntrue: t\nnull: n\n1.50: x\n~: tilde\n'q': quoted\n")
    #expect(v.objectValue?.keys == ["200", "404", "true", "null", "1.50", "~", "q"])
    #expect(v["200"] == "ok")
}

@Test func flowAndBlockStyles() throws {
    let block = try yaml("a:\n  - 1\n  - {b: [x, y], c: {}}\n  - []\n")
    let flow = try yaml("{a: [1, {b: [x, y], c: {}}, []]}")
    #expect(block == flow)
    #expect(block == ["a": [1, ["b": ["x", "y"], "c": [:]], []]])
}

@Test func anchorsAndAliases() throws {
    let v = try yaml("base: &b {x: 1, y: [2]}\ncopy: *b\nname: &n hello\nagain: *n\n*n : aliased-key\n")
    #expect(v["copy"] == ["x": 1, "y": [2]])
    #expect(v["again"] == "hello")
    #expect(v["hello"] == "aliased-key")
    #expect(yamlFailure("a: *nope")?.message == "unknown anchor 'nope'")
    #expect(yamlFailure("a: &x [*x]")?.message == "unknown anchor 'x'")
}

@Test func billionLaughsFailsFast() {
    var text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for k in 1...9 {
        text += "l\(k): &l\(k) [" + Array(repeating: "*l\(k - 1)", count: 9).joined(separator: ", ") + "]\n"
    }
    let e = yamlFailure(text)
    #expect(e?.message == "aliases expand to more than 1000000 nodes (possible \"billion laughs\" document)")
    #expect(e?.location.line == 7)  // l6: cumulative expansion passes 1,000,000 at its first alias
    #expect(yamlFailure("a: &a [1, 2]\nb: [*a, *a]", limits: .init(maxAliasExpansion: 5)) != nil)
    #expect(yamlFailure("a: &a [1, 2]\nb: [*a, *a]", limits: .init(maxAliasExpansion: 6)) == nil)
}

@Test func mergeKeys() throws {
    let v = try yaml("""
    base: &base {a: 1, b: 2}
    more: &more {b: 20, c: 30}
    one:
      <<: *base
      b: explicit
    list:
      b: explicit
      <<: [*more, *base]
    inline:
      <<: {z: 26}
    quoted:
      "<<": not a merge
    """)
    #expect(v["one"] == ["a": 1, "b": "explicit"])
    #expect(v["one"]?.objectValue?.keys == ["b", "a"])
    #expect(v["list"] == ["b": "explicit", "c": 30, "a": 1])
    #expect(v["inline"] == ["z": 26])
    #expect(v["quoted"] == ["<<": "not a merge"])
    #expect(yamlFailure("a:\n  <<: 5\n")?.message == "merge key '<<' needs a mapping or a sequence of mappings")
    #expect(yamlFailure("a:\n  <<: [{x: 1}, 2]\n") != nil)
}

@Test func explicitTags() throws {
    let v = try yaml("[!!str 123, !!int '42', !!float 1, !!bool 'true', !!null '', !!map {a: 1}, !!seq [1], ! 12]")
    #expect(v == ["123", 42, 1, true, nil, ["a": 1], [1], "12"])
    #expect(yamlFailure("!!int abc")?.message == "'abc' is not a !!int value")
    #expect(yamlFailure("a: !!binary aGk=")?.message.hasPrefix("unsupported tag !!binary") == true)
    #expect(yamlFailure("a: !custom x")?.message.hasPrefix("unsupported tag !custom") == true)
    #expect(yamlFailure("a: !!map [1]")?.message == "tag !!map cannot be used on a sequence")
    #expect(yamlFailure("a: !!seq x") != nil)
}

@Test func duplicateKeysAreErrorsAtTheSecondKey() {
    let e = yamlFailure("a: 1\nb: 2\na: 3\n")
    #expect(e?.message == "duplicate key 'a' in mapping")
    #expect(e?.location == SourceLocation(line: 3, column: 1, offset: 10))
    #expect(yamlFailure("{x: 1, x: 2}") != nil)
    #expect(yamlFailure("200: a\n'200': b\n") != nil)
}

@Test func complexKeysAreErrors() {
    let e = yamlFailure("? [a, b]\n: value\n")
    #expect(e?.message == "complex mapping keys are not supported; a key must be a scalar")
    #expect(e?.location == SourceLocation(line: 1, column: 3, offset: 2))
    #expect(yamlFailure("{a: 1}: x") != nil)
    #expect(yamlFailure("x: &m {a: 1}\n*m : y\n")?.message.contains("keys must be scalars") == true)
}

@Test func multipleDocumentsAreErrors() {
    let e = yamlFailure("a: 1\n---\nb: 2\n")
    #expect(e?.message == "multiple YAML documents in one stream are not supported; expected a single document")
    #expect(e?.location.line == 2)
    #expect(yamlFailure("---\na: 1\n...\n") == nil)
}

@Test func libyamlSyntaxErrorsCarryPosition() {
    let e = yamlFailure("a: 1\nb: [1, 2\nc: 3\n")
    #expect(e != nil)
    #expect(e?.location.line == 3)
    let tab = yamlFailure("a:\n\t- 1\n")
    #expect(tab?.location.line == 2)
    let indent = yamlFailure("a: b: c\n")
    #expect(indent?.message.hasPrefix("mapping values are not allowed") == true)
    #expect(indent?.location == SourceLocation(line: 1, column: 5, offset: 4))
}

@Test func invalidUTF8InYAMLIsAnError() {
    let e = try? YAMLReader.parseDocument([0x61, 0x3A, 0x20, 0xC3, 0x28, 0x0A])
    #expect(e == nil)
    do {
        _ = try YAMLReader.parseDocument([0x61, 0x3A, 0x20, 0xC3, 0x28, 0x0A], file: "u.yaml")
    } catch {
        // libyaml reports the offending byte: here the bad continuation byte 0x28.
        #expect(error.message.contains("UTF-8"))
        #expect(error.location.offset == 4)
        #expect(error.location.line == 1)
    }
}

@Test func deepNestingIsLimited() {
    let deep = String(repeating: "[", count: 100_000)
    let e = yamlFailure(deep)
    #expect(e?.message == "nesting is deeper than the limit of 512")
}

@Test func yamlLocationsForNodesAndKeys() throws {
    let text = "é: 1\nlist:\n  - x\n  - {k: v}\n"
    let doc = try YAMLReader.parseDocument(Array(text.utf8), file: "l.yaml")
    #expect(doc.locations["/é"] == SourceLocation(line: 1, column: 4, offset: 4))
    #expect(doc.keyLocations["/é"] == SourceLocation(line: 1, column: 1, offset: 0))
    #expect(doc.keyLocations["/list"] == SourceLocation(line: 2, column: 1, offset: 6))
    #expect(doc.locations["/list"] == SourceLocation(line: 3, column: 3, offset: 14))
    #expect(doc.locations["/list/0"] == SourceLocation(line: 3, column: 5, offset: 16))
    #expect(doc.locations["/list/1"] == SourceLocation(line: 4, column: 5, offset: 22))
    #expect(doc.locations["/list/1/k"] == SourceLocation(line: 4, column: 9, offset: 26))
    #expect(doc.keyLocations["/list/1/k"] == SourceLocation(line: 4, column: 6, offset: 23))
}

@Test func emptyStreamIsNull() throws {
    #expect(try yaml("") == nil)
    #expect(try yaml("# only a comment\n") == nil)
}

@Test func libyamlContextNamesWhereItStarted() {
    let e = yamlFailure("a: 1\nb: [1, 2\nc: 3\n")
    #expect(e?.message == "did not find expected ',' or ']' while parsing a flow sequence started at 2:4")
    #expect(e?.location == SourceLocation(line: 3, column: 2, offset: 15))
}
