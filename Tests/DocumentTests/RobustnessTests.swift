import TestSupport
import Testing
@testable import Document

private let sample = Array("""
{"openapi": "3.0.3", "info": {"title": "Owl \\"Ops\\" ✓", "version": "1.0"},
 "paths": {"/owls/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "required": true}],
   "responses": {"200": {"description": "é😀\\u00e9\\ud83d\\ude00", "x": [1, -2.5e-3, null, false]}}}}}}
""".utf8)

@Test func everyTruncationIsRejectedWithinTheInput() {
    // Like feeding a decoder every split: each proper prefix must fail, never crash,
    // and the error offset must lie within the prefix.
    for end in 0..<sample.count {
        let prefix = Array(sample[0..<end])
        do {
            _ = try JSONReader.parse(prefix)
            Issue.record("prefix of \(end) bytes accepted")
        } catch {
            #expect(error.location.offset <= end)
            #expect(error.location.line >= 1 && error.location.column >= 1)
        }
    }
    #expect((try? JSONReader.parse(sample)) != nil)
}

@Test func parseAndParseDocumentAgreeOnEveryMutation() throws {
    // Deterministic single-byte mutations: both entry points give the same value or the same error,
    // and anything accepted round-trips through the writer.
    var rng = SplitMix64(seed: 8259)
    let interesting: [UInt8] = Array("{}[]\",:\\/0-1.eE+tfnu \n\t".utf8) + [0x00, 0x80, 0xC3, 0xED, 0xF4, 0xFF]
    for _ in 0..<2_000 {
        var bytes = sample
        let k = Int(rng.next() % UInt64(bytes.count))
        bytes[k] = interesting[Int(rng.next() % UInt64(interesting.count))]
        let fast = Result { () throws(DocumentError) in try JSONReader.parse(bytes) }
        let located = Result { () throws(DocumentError) in try JSONReader.parseDocument(bytes).value }
        #expect(fast == located)
        if case .success(let v) = fast {
            #expect(try JSONReader.parse(JSONWriter.write(v)) == v)
        }
    }
}

@Test func yamlSurvivesMutationsWithoutCrashing() {
    let yaml = Array("a: &x {b: [1, 2.5, ~, 'q']}\nc: *x\nd:\n  <<: *x\n  e: |\n    text\n".utf8)
    var rng = SplitMix64(seed: 6901)
    let interesting: [UInt8] = Array("&*[]{}:-?'\"|>!<~ \n\t#%@`,".utf8) + [0x00, 0x80, 0xC3, 0xFF]
    var accepted = 0
    for _ in 0..<1_000 {
        var bytes = yaml
        let k = Int(rng.next() % UInt64(bytes.count))
        bytes[k] = interesting[Int(rng.next() % UInt64(interesting.count))]
        do {
            let doc = try YAMLReader.parseDocument(bytes)
            #expect(try JSONReader.parse(JSONWriter.write(doc.value)) == doc.value)
            accepted += 1
        } catch {
            #expect(error.location.line >= 1)
            #expect(error.location.offset <= bytes.count)
        }
    }
    #expect(accepted > 0 && accepted < 1_000)
}

@Test func nodeAtPointerReportsNearestAncestor() throws {
    let doc = try JSONReader.parseDocument(Array("{\"a\": {\n  \"b\": [1]}}".utf8), file: "p.json")
    #expect(try doc.node(at: JSONPointer("/a/b/0")!) == 1)
    #expect(throws: DocumentError(file: "p.json", location: SourceLocation(line: 2, column: 8, offset: 15),
                                  message: "no value at JSON Pointer '/a/b/5'")) {
        try doc.node(at: JSONPointer("/a/b/5")!)
    }
}
