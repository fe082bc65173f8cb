import Testing
@testable import Document

// JSON compares strings code point by code point (RFC 8259 §8.3); Swift's `String ==` uses
// canonical equivalence. Each pair below is canonically equivalent but has different code points.
private let composed = "\u{F1}"                       // ñ, one scalar
private let decomposed = "n\u{0303}"                  // n + combining tilde
private let markOrderA = "a\u{0301}\u{0323}"          // same bytes count, marks in another order
private let markOrderB = "a\u{0323}\u{0301}"
private let hangul = ("\u{AC00}", "\u{1100}\u{1161}") // 가 precomposed vs jamo

@Test func swiftStringEqualityIsCanonicalSoTheseTestsCanFail() {
    #expect(composed == decomposed)
    #expect(markOrderA == markOrderB)
    #expect(hangul.0 == hangul.1)
}

@Test func stringEqualityIsByCodePoint() {
    #expect(JSONValue.string(composed) != .string(decomposed))
    #expect(JSONValue.string(markOrderA) != .string(markOrderB))
    #expect(JSONValue.string(hangul.0) != .string(hangul.1))
    #expect(JSONValue.string(composed) == .string("\u{00F1}"))
    #expect(JSONValue.string(decomposed) == .string("n" + "\u{0303}"))
    #expect(JSONValue.array([.string(composed)]) != .array([.string(decomposed)]))
    #expect(JSONValue.object(["k": .string(composed)]) != .object(["k": .string(decomposed)]))
    #expect(JSONValue.string("") == .string(""))
    #expect(JSONValue.string("a") != .string(""))
}

@Test func distinctNormalizationFormsAreDistinctKeys() {
    var o = JSONObject()
    let inserted = [o.insertNew(composed, 1), o.insertNew(decomposed, 2), o.insertNew("\u{00F1}", 3)]
    #expect(inserted == [true, true, false])        // the third is the same code point: a real duplicate
    #expect(o.count == 2)
    #expect(o[composed] == 1)
    #expect(o[decomposed] == 2)
    #expect(o.keys.map { Array($0.unicodeScalars) } == [Array(composed.unicodeScalars), Array(decomposed.unicodeScalars)])
    o[decomposed] = 20                              // replaces its own member only
    #expect(o[composed] == 1 && o[decomposed] == 20)
    o[composed] = nil                               // removes its own member only
    #expect(o.count == 1 && !o.contains(composed) && o[decomposed] == 20)
    #expect(JSONObject([(composed, 1)]) != JSONObject([(decomposed, 1)]))
    #expect(JSONObject([(markOrderA, 1), (markOrderB, 2)]).count == 2)
}

@Test func hashAgreesWithCodePointEquality() {
    let set: Set<JSONValue> = [.string(composed), .string(decomposed), .string(hangul.0), .string(hangul.1)]
    #expect(set.count == 4)
    #expect(set.contains(.string("\u{00F1}")))
    let keyed: Set<JSONValue> = [["\u{F1}": 1], ["n\u{0303}": 1]]
    #expect(keyed.count == 2)
    // Equal values hash equally: numbers by value, objects regardless of order.
    let pairs: [(JSONValue, JSONValue)] = [
        (.string(composed), .string("\u{00F1}")),
        (.number(JSONNumber(text: "1")!), .number(JSONNumber(text: "1.0e0")!)),
        (["a": 1, composed: [true, nil]], [composed: [true, nil], "a": 1]),
    ]
    for (a, b) in pairs {
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
    }
    #expect(Set<JSONValue>([.null, false, 0, "", [], [:]]).count == 6)
}

@Test func jsonReaderAcceptsBothNormalizationFormsAsKeys() throws {
    for text in ["{\"\u{F1}\":1,\"n\u{0303}\":2}", #"{"\u00f1":1,"n\u0303":2}"#] {
        let value = try JSONReader.parse(Array(text.utf8))
        #expect(value[composed] == 1)
        #expect(value[decomposed] == 2)
        #expect(value.objectValue?.count == 2)
        let doc = try JSONReader.parseDocument(Array(text.utf8))
        #expect(doc.value == value)
        // Written and read back, both members survive.
        #expect(try JSONReader.parse(JSONWriter.write(value)) == value)
    }
    // The same code points, once raw and once escaped, are still a duplicate.
    #expect(throws: DocumentError.self) { try JSONReader.parse(Array("{\"\u{F1}\":1,\"\\u00f1\":2}".utf8)) }
}

@Test func yamlReaderAcceptsBothNormalizationFormsAsKeys() throws {
    let value = try YAMLReader.parseDocument(Array("\u{F1}: 1\nn\u{0303}: 2\n".utf8)).value
    #expect(value[composed] == 1)
    #expect(value[decomposed] == 2)
    #expect(value.objectValue?.count == 2)
    #expect(throws: DocumentError.self) { try YAMLReader.parseDocument(Array("\u{F1}: 1\n\"\\xF1\": 2\n".utf8)) }
    // Merge keys do not let one form hide the other.
    let merged = try YAMLReader.parseDocument(Array("base: &b {\u{F1}: 1}\nm:\n  <<: *b\n  n\u{0303}: 2\n".utf8)).value
    #expect(merged["m"]?[composed] == 1)
    #expect(merged["m"]?[decomposed] == 2)
}

@Test func pointersMatchKeysByCodePoint() {
    let value: JSONValue = [composed: 1, decomposed: 2]
    #expect(JSONPointer(tokens: [composed]).resolve(in: value) == 1)
    #expect(JSONPointer(tokens: [decomposed]).resolve(in: value) == 2)
    #expect(JSONPointer(tokens: [composed]) != JSONPointer(tokens: [decomposed]))
    #expect(JSONPointer(tokens: [composed]) == JSONPointer("/\u{00F1}"))
    #expect(Set([JSONPointer(tokens: [composed]), JSONPointer(tokens: [decomposed])]).count == 2)
    #expect(JSONPointer(tokens: ["a", "b"]).hashValue == JSONPointer("/a/b")?.hashValue)
}

@Test func largeObjectsKeepCodePointKeysApartThroughTheirIndex() throws {
    // More members than JSONObject scans, so lookups and duplicate checks use the hashed index.
    var pairs: [(String, JSONValue)] = (0..<12).map { ("k\($0)", JSONValue(integerLiteral: $0)) }
    pairs += [(composed, "c"), (decomposed, "d")]
    #expect(pairs.count > JSONObject.indexThreshold)
    var o = JSONObject(pairs)
    #expect(o.count == 14 && o[composed] == "c" && o[decomposed] == "d" && o["k11"] == 11)
    let reinserted = o.insertNew("\u{00F1}", 0)        // same code points as `composed`
    #expect(!reinserted)
    o[composed] = nil
    #expect(o.count == 13 && o[decomposed] == "d" && !o.contains(composed) && o["k11"] == 11)
    let members = (0..<12).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
    let parsed = try JSONReader.parse(Array("{\(members), \"\(composed)\": 1, \"\(decomposed)\": 2}".utf8))
    #expect(parsed.objectValue?.count == 14)
    #expect(parsed[composed] == 1 && parsed[decomposed] == 2)
    #expect(throws: DocumentError.self) { try JSONReader.parse(Array("{\(members), \"\(composed)\": 1, \"\u{00F1}\": 2}".utf8)) }
}

@Test func sourceLocationsAreKeyedByCodePoints() throws {
    let json = try JSONReader.parseDocument(Array("{\"\(composed)\": 1,\n \"\(decomposed)\": 2}".utf8), file: "k.json")
    #expect(json.locations[CodePointKey("/" + composed)] == SourceLocation(line: 1, column: 7, offset: 7))
    #expect(json.locations[CodePointKey("/" + decomposed)] == SourceLocation(line: 2, column: 8, offset: 18))
    #expect(json.keyLocations[CodePointKey("/" + composed)] == SourceLocation(line: 1, column: 2, offset: 1))
    #expect(json.keyLocations[CodePointKey("/" + decomposed)] == SourceLocation(line: 2, column: 2, offset: 11))
    #expect(json.location(of: JSONPointer(tokens: [decomposed])) == SourceLocation(line: 2, column: 8, offset: 18))
    let yaml = try YAMLReader.parseDocument(Array("\(composed): 1\n\(decomposed): 2\n".utf8), file: "k.yaml")
    #expect(yaml.locations[CodePointKey("/" + composed)] == SourceLocation(line: 1, column: 4, offset: 4))
    #expect(yaml.locations[CodePointKey("/" + decomposed)] == SourceLocation(line: 2, column: 5, offset: 11))
    #expect(yaml.keyLocation(of: JSONPointer(tokens: [decomposed])) == SourceLocation(line: 2, column: 1, offset: 6))
    #expect(CodePointKey("/" + composed) != CodePointKey("/" + decomposed))
}
