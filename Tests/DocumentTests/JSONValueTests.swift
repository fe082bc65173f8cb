import Testing
@testable import Document

@Test func objectsKeepOrderAndCompareUnordered() {
    var a: JSONObject = ["b": 1, "a": 2]
    #expect(a.keys == ["b", "a"])
    a["c"] = true
    #expect(a.keys == ["b", "a", "c"])
    let b: JSONObject = ["c": true, "a": 2, "b": 1]
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    a["a"] = nil
    #expect(a.keys == ["b", "c"])
    #expect(a["c"] == .bool(true))
}

@Test func oneIsNeverTrue() {
    #expect(JSONValue.number(JSONNumber(1)) != JSONValue.bool(true))
}
