import Testing
@testable import Document

/// Parses `text`, expecting failure; returns the error.
private func failure(_ text: String, limits: JSONReader.Limits = .init()) -> DocumentError? {
    failure(Array(text.utf8), limits: limits)
}

private func failure(_ bytes: [UInt8], limits: JSONReader.Limits = .init()) -> DocumentError? {
    do {
        _ = try JSONReader.parse(bytes, file: "t.json", limits: limits)
        return nil
    } catch {
        return error
    }
}

private func parse(_ text: String) throws -> JSONValue { try JSONReader.parse(Array(text.utf8)) }

@Test func readsAllValueKinds() throws {
    let v = try parse(#" {"a": [1, -2.5e3, true, false, null, "x"], "b": {}, "c": []} "#)
    #expect(v == ["a": [1, .number(JSONNumber(text: "-2.5e3")!), true, false, nil, "x"], "b": [:], "c": []])
    #expect(v["a"]?.arrayValue?[1].numberValue?.text == "-2.5e3")
    #expect(try parse("0") == 0)
    #expect(try parse("\"\"") == "")
    #expect(try parse("-0") == .number(JSONNumber(text: "0")!))
}

@Test func objectKeepsKeyOrder() throws {
    let v = try parse(#"{"z":1,"a":2,"m":3}"#)
    #expect(v.objectValue?.keys == ["z", "a", "m"])
}

@Test func decodesEscapesAndSurrogatePairs() throws {
    #expect(try parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
    #expect(try parse(#""\u00e9\u20AC\ud83d\ude00""#) == .string("é€😀"))
    #expect(try parse(#""\u0000""#) == .string("\u{0}"))
    #expect(try parse("\"é😀 raw\"") == .string("é😀 raw"))
}

@Test func rejectsTrailingCommas() {
    #expect(failure("[1,2,]")?.message == "trailing comma before ']' is not allowed")
    #expect(failure(#"{"a":1,}"#)?.message == "trailing comma before '}' is not allowed")
    #expect(failure("[,1]") != nil)
}

@Test func rejectsBadNumbers() {
    #expect(failure("01")?.message == "leading zeros are not allowed in numbers")
    #expect(failure("-01")?.message == "leading zeros are not allowed in numbers")
    #expect(failure("1.")?.message == "expected a digit after '.', found end of input")
    #expect(failure("1e+")?.message == "expected a digit in the exponent, found end of input")
    #expect(failure("-")?.message == "expected a digit after '-', found end of input")
    for bad in [".5", "+1", "NaN", "Infinity", "-Infinity", "0x10", "1.5.2", "--1"] {
        #expect(failure(bad) != nil, "\(bad)")
    }
    #expect(failure("NaN")?.message.contains("NaN and Infinity are not JSON") == true)
}

@Test func rejectsCommentsAndSingleQuotes() {
    #expect(failure("// c\n1")?.message == "comments are not allowed in JSON")
    #expect(failure("[1 /* c */]") != nil)
    #expect(failure("'a'")?.message == "strings must use double quotes")
}

@Test func rejectsControlCharactersInStrings() {
    let e = failure("\"a\tb\"")
    #expect(e?.message == "control character U+0009 in string must be escaped")
    #expect(e?.location == SourceLocation(line: 1, column: 3, offset: 2))
    #expect(failure("\"a\nb\"") != nil)
    #expect(failure([0x22, 0x00, 0x22]) != nil)
}

@Test func rejectsUnpairedSurrogateEscapes() {
    #expect(failure(#""\ud800""#)?.message.hasPrefix("unpaired high surrogate \\uD800") == true)
    #expect(failure(#""\ud800x""#) != nil)
    #expect(failure(#""\udc00""#)?.message == "unpaired low surrogate \\uDC00")
    #expect(failure(#""\ud800\u0041""#) != nil)
    #expect(failure(#""\u12G4""#) != nil)
    #expect(failure(#""\x""#) != nil)
}

@Test func rejectsDuplicateKeysAtTheSecondKey() {
    let e = failure("{\"a\": 1,\n \"a\": 2}")
    #expect(e?.message == "duplicate key \"a\" in object")
    #expect(e?.location == SourceLocation(line: 2, column: 2, offset: 10))
}

@Test func rejectsTrailingGarbageAndEmptyInput() {
    #expect(failure("{} x")?.message == "unexpected 'x' after the JSON value; expected end of input")
    #expect(failure("1 2") != nil)
    #expect(failure("")?.message == "expected a value, found end of input")
    #expect(failure("   ")?.message == "expected a value, found end of input")
    #expect(failure([0xEF, 0xBB, 0xBF, 0x31])?.message == "byte order mark is not allowed in JSON")
}

@Test func rejectsBadLiterals() {
    #expect(failure("tru")?.message == "invalid literal; expected 'true'")
    #expect(failure("nul") != nil)
    #expect(failure("True") != nil)
    #expect(failure("[truex]") != nil)
}

@Test func reportsLineColumnAndOffsetOfErrors() {
    // Column counts Unicode scalars: "é" is two bytes but one column.
    let e = failure("{\n  \"é\": [1,\n    2 3]\n}")
    #expect(e?.message == "expected ',' or ']' after array element, found '3'")
    #expect(e?.location == SourceLocation(line: 3, column: 7, offset: 20))
    #expect(e?.description == "t.json:3:7: expected ',' or ']' after array element, found '3'")
    let crlf = failure("[\r\n1,\r\n}")
    #expect(crlf?.location == SourceLocation(line: 3, column: 1, offset: 7))
    #expect(failure("{\"a\" 1}")?.message == "expected ':' after object key, found '1'")
    #expect(failure("{1:2}")?.message == "expected a string key in object, found '1'")
    #expect(failure("\"abc")?.location.offset == 0)
}

@Test func enforcesDepthLimitWithoutRecursion() {
    let deep = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
    let e = failure(deep)
    #expect(e?.message == "nesting is deeper than the limit of 512")
    #expect(e?.location.offset == 512)
    let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
    #expect(failure(ok) == nil)
    let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
    #expect(failure(tooDeep) != nil)
    // A raised limit is honoured: the parser keeps its own stack, not the native one.
    let veryDeep = String(repeating: "{\"a\":", count: 2_000) + "1" + String(repeating: "}", count: 2_000)
    #expect(failure(veryDeep, limits: .init(maxDepth: 2_000)) == nil)
}

@Test func enforcesSizeLimit() {
    let e = failure("[1, 2, 3]", limits: .init(maxBytes: 4))
    #expect(e?.message == "input is 9 bytes, more than the limit of 4")
}

@Test func keepsHugeNumbersExact() throws {
    let digits = "9" + String(repeating: "0", count: 10_000)
    let v = try parse("[\(digits), 0.\(digits)e-5, 1e999999999999999999999]")
    let n = v.arrayValue?[0].numberValue
    #expect(n?.text == digits)
    #expect(n?.significand == [UInt8(ascii: "9")])
    #expect(n?.exponent == 10_000)
    #expect(v.arrayValue?[1].numberValue?.isInteger == false)
}

@Test func parseDocumentRecordsNodeAndKeyLocations() throws {
    let text = "{\n  \"a\": [10, {\"b/c\": null}],\n  \"é\": \"x\"\n}"
    let doc = try JSONReader.parseDocument(Array(text.utf8), file: "d.json")
    #expect(doc.locations[""] == SourceLocation(line: 1, column: 1, offset: 0))
    #expect(doc.locations["/a"] == SourceLocation(line: 2, column: 8, offset: 9))
    #expect(doc.locations["/a/0"] == SourceLocation(line: 2, column: 9, offset: 10))
    #expect(doc.locations["/a/1"] == SourceLocation(line: 2, column: 13, offset: 14))
    #expect(doc.locations["/a/1/b~1c"] == SourceLocation(line: 2, column: 21, offset: 22))
    #expect(doc.keyLocations["/a/1/b~1c"] == SourceLocation(line: 2, column: 14, offset: 15))
    #expect(doc.keyLocations["/é"] == SourceLocation(line: 3, column: 3, offset: 32))
    #expect(doc.locations["/é"] == SourceLocation(line: 3, column: 8, offset: 38))
    #expect(doc.location(of: JSONPointer("/a/1/b~1c/zz")!) == doc.locations["/a/1/b~1c"])
    #expect(doc.value == (try JSONReader.parse(Array(text.utf8))))
}
