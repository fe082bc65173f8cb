import Testing
@testable import Document

private func load(_ text: String) throws(DocumentError) -> LoadedDocument { try YAMLReader.parseDocument(Array(text.utf8), file: "y.yaml") }

@Test func aliasAndMergedNodesAreLocatedAtTheirUse() throws {
    let doc = try load("base: &b\n  x: 1\ncopy: *b\nmerged:\n  <<: *b\n  y: 2\n")
    #expect(doc.locations["/copy"] == SourceLocation(line: 3, column: 7, offset: 22))
    // Nodes inside an alias fall back to the alias itself.
    #expect(doc.location(of: JSONPointer("/copy/x")!) == SourceLocation(line: 3, column: 7, offset: 22))
    #expect(doc.locations["/merged/x"] == SourceLocation(line: 5, column: 7, offset: 39))
    #expect(doc.keyLocations["/merged/x"] == SourceLocation(line: 5, column: 3, offset: 35))
    #expect(doc.keyLocations["/merged/y"] == SourceLocation(line: 6, column: 3, offset: 44))
    #expect(doc.value["merged"]?.objectValue?.keys == ["y", "x"])
}

@Test func rootAndScalarRootLocations() throws {
    #expect(try load("hello").locations[""] == SourceLocation(line: 1, column: 1, offset: 0))
    #expect(try load("\n\n  [1]").locations[""] == SourceLocation(line: 3, column: 3, offset: 4))
    #expect(try load("\n\n  [1]").locations["/0"] == SourceLocation(line: 3, column: 4, offset: 5))
}

@Test func blockNestingIsLimited() {
    var text = ""
    for level in 0..<600 { text += String(repeating: " ", count: level) + "a:\n" }
    text += String(repeating: " ", count: 600) + "leaf\n"
    #expect(throws: DocumentError.self) { try load(text) }
    do {
        _ = try load(text)
    } catch {
        #expect(error.message == "nesting is deeper than the limit of 512")
        #expect(error.location.line == 513)  // the 513th mapping starts on line 513
    }
}

@Test func yamlSizeLimit() {
    #expect(throws: DocumentError.self) {
        try YAMLReader.parseDocument(Array("a: 1234".utf8), file: "", limits: .init(maxBytes: 4))
    }
}

@Test func crlfAndBOMPositions() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: x\r\n".utf8)
    let doc = try YAMLReader.parseDocument(bytes)
    #expect(doc.value == ["a": 1, "b": "x"])
    #expect(doc.locations["/b"] == SourceLocation(line: 2, column: 4, offset: 12))
}

@Test func hugeNumbersInYAMLStayExact() throws {
    let digits = String(repeating: "9", count: 10_000)
    let v = try load("a: \(digits)\nb: -\(digits).5e-3\n").value
    #expect(v["a"]?.numberValue?.text == digits)
    #expect(v["b"]?.numberValue?.isNegative == true)
    #expect(v["b"]?.numberValue?.isInteger == false)
}

@Test func inlineMergeValuesLeaveNoLocationsUnderMergeKey() throws {
    let doc = try load("m:\n  <<: {a: {b: 1}}\n  '<<': real\n")
    #expect(doc.value["m"] == ["<<": "real", "a": ["b": 1]])
    #expect(doc.locations["/m/<<"] == SourceLocation(line: 3, column: 9, offset: 29))
    #expect(doc.locations["/m/a"] == SourceLocation(line: 2, column: 7, offset: 9))
    #expect(doc.locations["/m/a/b"] == nil)
    #expect(doc.location(of: JSONPointer("/m/a/b")!) == doc.locations["/m/a"])
    #expect(!doc.locations.keys.contains { $0.string.hasPrefix("/m/<</") })
}
