import TestSupport
import Testing
@testable import Document

private func read(_ text: String) throws -> JSONValue { try JSONReader.parse(Array(text.utf8)) }

@Test func writesCompactInStoredOrder() throws {
    let v = try read(#"{ "b" : [1, 2.50, -0, 1E+3], "a": {"z": null, "y": true}, "c": "" }"#)
    #expect(JSONWriter.string(v) == #"{"b":[1,2.50,-0,1E+3],"a":{"z":null,"y":true},"c":""}"#)
}

@Test func writesSortedKeysByCodePoint() throws {
    // UTF-8 byte order = code point order: "B" < "a" < "é" < "😀"; nested objects too.
    let v = try read(#"{"é": 1, "a": {"d": 1, "c": 2}, "B": 2, "😀": 3, "": 0}"#)
    #expect(JSONWriter.string(v, options: .init(sortedKeys: true)) == #"{"":0,"B":2,"a":{"c":2,"d":1},"é":1,"😀":3}"#)
    // U+FF61 sorts before U+1F600 by code point, although UTF-16 order would differ.
    let w: JSONValue = ["\u{1F600}": 1, "\u{FF61}": 2]
    #expect(JSONWriter.string(w, options: .init(sortedKeys: true)) == "{\"\u{FF61}\":2,\"\u{1F600}\":1}")
}

@Test func writesPrettyWithTwoSpaceIndent() throws {
    let v = try read(#"{"a": [1, {"b": []}], "c": {}}"#)
    let expected = """
    {
      "a": [
        1,
        {
          "b": []
        }
      ],
      "c": {}
    }
    """
    #expect(JSONWriter.string(v, options: .init(pretty: true)) == expected)
    #expect(JSONWriter.string(.array([]), options: .init(pretty: true)) == "[]")
}

@Test func escapesQuotesBackslashesControlsAndLineSeparators() {
    let s: JSONValue = .string("q\" b\\ / \u{8}\u{C}\n\r\t \u{0}\u{1F}\u{7F} \u{2028}\u{2029} é😀")
    #expect(JSONWriter.string(s) == #""q\" b\\ / \b\f\n\r\t \u0000\u001f"# + "\u{7F}" + #" \u2028\u2029 é😀""#)
}

@Test func numbersAreWrittenExactly() throws {
    let big = "123456789012345678901234567890.000000000000000000001e-7"
    #expect(JSONWriter.string(try read(big)) == big)
    #expect(JSONWriter.string(.number(JSONNumber(0.1)!)) == "0.1")
    #expect(JSONWriter.string(.number(JSONNumber(42))) == "42")
}

@Test func roundTripsThroughReader() throws {
    let samples = [
        #"{"a":[1,2,{"b":null}],"c":"x\"y\\z\u0001\u2028","d":-1.5e-300,"e":true,"f":{}}"#,
        #"[[],[[]],{},"",0,-0.0,1e400]"#,
        #""\ud83d\ude00 é \n""#,
    ]
    for text in samples {
        let v = try read(text)
        for options in [JSONWriter.Options(), .init(pretty: true), .init(sortedKeys: true), .init(pretty: true, sortedKeys: true)] {
            let again = try JSONReader.parse(JSONWriter.write(v, options: options))
            #expect(again == v)
            #expect(JSONWriter.write(again, options: options) == JSONWriter.write(v, options: options))
        }
    }
}

@Test func everyControlCharacterIsEscapedAndRoundTrips() throws {
    let short: [UInt32: String] = [0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r"]
    for code in UInt32(0)..<0x20 {
        let s = String(Unicode.Scalar(code)!)
        let text = JSONWriter.string(.string(s))
        let hex = String(code, radix: 16)
        #expect(text == "\"" + (short[code] ?? "\\u00" + (hex.count < 2 ? "0" + hex : hex)) + "\"")
        #expect(try read(text) == .string(s))
    }
}

@Test func generatedValuesRoundTrip() throws {
    var rng = SplitMix64(seed: 4627)
    let alphabet: [String] = ["a", "Z", "é", "😀", "\"", "\\", "/", "\n", "\u{0}", "\u{2028}", " ", "~"]
    func string() -> String {
        (0..<Int(rng.next() % 6)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
    }
    func value(_ depth: Int) -> JSONValue {
        switch rng.next() % (depth > 3 ? 4 : 6) {
        case 0: return .null
        case 1: return .bool(rng.next() % 2 == 0)
        case 2: return .number(JSONNumber(text: "\(Int64(bitPattern: rng.next()) % 100_000)e\(Int(rng.next() % 41) - 20)")!)
        case 3: return .string(string())
        case 4: return .array((0..<Int(rng.next() % 4)).map { _ in value(depth + 1) })
        default:
            var o = JSONObject()
            for _ in 0..<Int(rng.next() % 4) { o[string()] = value(depth + 1) }
            return .object(o)
        }
    }
    for _ in 0..<300 {
        let v = value(0)
        for options in [JSONWriter.Options(), .init(pretty: true, sortedKeys: true), .init(canonicalNumbers: true)] {
            #expect(try JSONReader.parse(JSONWriter.write(v, options: options)) == v)
        }
        #expect(try YAMLReader.parseDocument(JSONWriter.write(v)).value == v)
    }
}
