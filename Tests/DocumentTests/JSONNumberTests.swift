import Testing
@testable import Document

@Test func integerAndDecimalFormsAreEqual() {
    #expect(JSONNumber(text: "1") == JSONNumber(text: "1.0"))
    #expect(JSONNumber(text: "100") == JSONNumber(text: "1e2"))
    #expect(JSONNumber(text: "1.0")!.isInteger)
    #expect(!JSONNumber(text: "1.5")!.isInteger)
}

@Test func hugeIntegersStayExact() {
    let n = JSONNumber(text: "123456789012345678901234567890")!
    #expect(n.isInteger)
    #expect(n.int64Value == nil)
    #expect(n.text == "123456789012345678901234567890")
    #expect(n > JSONNumber(text: "123456789012345678901234567889")!)
}

@Test func rejectsNonGrammar() {
    for bad in ["01", "1.", ".5", "+1", "NaN", "1e", "-", "0x10", " 1"] {
        #expect(JSONNumber(text: bad) == nil, "\(bad)")
    }
}

@Test func ordersExactly() {
    #expect(JSONNumber(text: "-2")! < JSONNumber(text: "-1.5")!)
    #expect(JSONNumber(text: "0.1")! < JSONNumber(text: "0.10000000000000001")!)
    #expect(JSONNumber(text: "-0")! == JSONNumber(text: "0")!)
    #expect(JSONNumber(text: "9223372036854775807")!.int64Value == Int64.max)
    #expect(JSONNumber(text: "-9223372036854775808")!.int64Value == Int64.min)
}

@Test func multipleOfIsExact() {
    func n(_ s: String) -> JSONNumber { JSONNumber(text: s)! }
    #expect(n("0.3").isMultiple(of: n("0.1")) == true)
    #expect(n("0.35").isMultiple(of: n("0.1")) == false)
    #expect(n("10").isMultiple(of: n("2.5")) == true)
    #expect(n("7").isMultiple(of: n("2")) == false)
    #expect(n("-12").isMultiple(of: n("4")) == true)
    #expect(n("0").isMultiple(of: n("0.7")) == true)
    #expect(n("1e400").isMultiple(of: n("7")) == false)
    #expect(n("1e400").isMultiple(of: n("8")) == true)
    #expect(n("123456789012345678901234567890").isMultiple(of: n("10")) == true)
    #expect(n("123456789012345678901234567891").isMultiple(of: n("3")) == false)
    #expect(n("9223372036854775783e3").isMultiple(of: n("9223372036854775783")) == true)
    #expect(n("5").isMultiple(of: n("0")) == nil)
    #expect(n("5").isMultiple(of: n("-1")) == nil)
    #expect(n("5").isMultiple(of: n("12345678901234567891")) == nil)
}

@Test func canonicalTextIsTheSameForEqualNumbers() {
    let cases: [(String, String)] = [
        ("0", "0"), ("-0.0", "0"), ("1.0", "1"), ("1e3", "1000"), ("10E+2", "1000"), ("2.50", "2.5"),
        ("-0.0010", "-0.001"), ("0.000001", "0.000001"), ("0.0000001", "1e-7"), ("1.5e-10", "1.5e-10"),
        ("123456789012345678901", "123456789012345678901"), ("1e20", "100000000000000000000"), ("1e21", "1e21"),
        ("1e22", "1e22"), ("12.5e30", "1.25e31"), ("-7e400", "-7e400"), ("31.4159e-1", "3.14159"),
    ]
    for (input, expected) in cases {
        let n = JSONNumber(text: input)!
        #expect(n.canonicalText == expected, "\(input)")
        #expect(JSONNumber(text: n.canonicalText) == n, "\(input)")
    }
    let v: JSONValue = [.number(JSONNumber(text: "2.50")!), .number(JSONNumber(text: "1e2")!)]
    #expect(JSONWriter.string(v) == "[2.50,1e2]")
    #expect(JSONWriter.string(v, options: .init(canonicalNumbers: true)) == "[2.5,100]")
}
