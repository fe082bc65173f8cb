import Testing
import Document
@testable import OpenAPI

/// multipleOf is exact decimal arithmetic; lengths count Unicode code points.
@Suite struct JSONSchemaArithmeticTests {
    func multiple(_ value: String, of divisor: String) -> Bool {
        guard let v = JSONNumber(text: value), let d = JSONNumber(text: divisor) else { return false }
        return DecimalMath.isMultiple(v, of: d)
    }

    @Test func decimalMultiplesAreExact() {
        #expect(multiple("0.3", of: "0.1"))          // 0.3 / 0.1 in Double is 2.9999999999999996
        #expect(multiple("19.99", of: "0.01"))
        #expect(!multiple("0.35", of: "0.1"))
        #expect(!multiple("0.0075", of: "0.01"))
        #expect(multiple("4.5e400", of: "1.5"))
        #expect(multiple("-12", of: "4"))
        #expect(multiple("0", of: "0.7"))
    }

    @Test func hugeIntegersAreNotRoundedThroughDouble() {
        #expect(multiple("1e308", of: "2"))
        #expect(!multiple("1e308", of: "3"))                        // 10^308 mod 3 == 1
        #expect(multiple("1e308", of: "0.123456789e-5") == false)   // suite: "float division = inf"
        #expect(multiple("123456789012345678901234567890", of: "3"))  // digit sum 135
        #expect(!multiple("123456789012345678901234567891", of: "3"))
        #expect(multiple("9007199254740993", of: "3"))              // 2^53 + 1, not representable as Double
        #expect(!multiple("9007199254740993", of: "2"))
    }

    @Test func divisorsBeyondSixtyFourBitsUseBigIntegers() {
        let big = "340282366920938463463374607431768211457"  // 2^128 + 1
        #expect(multiple(big + "000", of: big))
        #expect(multiple("3" + big, of: big) == false)
        #expect(multiple("1e50", of: "1e25"))
        #expect(multiple("1e100000000", of: "4000000000000000000000000000000001") == false)
    }

    @Test func multipleOfViolationMessageKeepsTheNumbersAsWritten() throws {
        let schema = try SchemaFixture.compile(#"{"multipleOf": 0.01}"#)
        #expect(schema.check("19.99").isEmpty)
        #expect(schema.check("19.999").map(\.message) == ["19.999 is not a multiple of 0.01"])
    }

    @Test func lengthsCountCodePointsNotUTF16OrBytes() throws {
        let schema = try SchemaFixture.compile(#"{"maxLength": 2, "minLength": 2}"#)
        #expect(schema.check(#""😀😀""#).isEmpty)           // 4 UTF-16 units, 8 bytes, 2 code points
        #expect(schema.check(#""e\u0301e""#).isEmpty == false)  // 3 code points, 2 grapheme clusters
        #expect(schema.check(#""ab😀""#).map(\.message) == ["string has 3 characters, at most 2 allowed"])
        #expect(schema.check(#""😀""#).map(\.message) == ["string has 1 characters, at least 2 required"])
    }

    @Test func equalityComparesNumbersByValueAndStringsByCodePoint() throws {
        let schema = try SchemaFixture.compile(#"{"enum": [1, "\u00f1"]}"#)
        #expect(schema.check("1.0").isEmpty)
        #expect(schema.check(#""ñ""#).isEmpty)
        #expect(schema.check(#""n\u0303""#).count == 1)   // canonically equivalent, different code points
        let unique = try SchemaFixture.compile(#"{"uniqueItems": true}"#)
        #expect(unique.check("[1, 1.0]").count == 1)
        #expect(unique.check(#"[{"a": 1, "b": 2}, {"b": 2, "a": 1}]"#).count == 1)
        #expect(unique.check("[1, true]").isEmpty)
    }

    @Test func openAPINumericFormatsCheckRanges() throws {
        let int32 = try SchemaFixture.compile(#"{"format": "int32"}"#, dialect: .openAPI30)
        #expect(int32.check("2147483647").isEmpty)
        #expect(int32.check("2147483648").count == 1)
        #expect(int32.check("1.5").count == 1)
        let int64 = try SchemaFixture.compile(#"{"format": "int64"}"#, dialect: .openAPI30)
        #expect(int64.check("-9223372036854775808").isEmpty)
        #expect(int64.check("9223372036854775808").count == 1)
    }

    @Test func hugeLimitsAndLongNumbersStayCheap() throws {
        let lengths = try SchemaFixture.compile(#"{"maxLength": 1e30, "minLength": 0}"#)
        #expect(lengths.check(#""abc""#).isEmpty)
        let digits = String(repeating: "7", count: 20_000)
        let divisor = "340282366920938463463374607431768211457"
        let start = ContinuousClock.now
        #expect(!multiple(digits, of: divisor))
        #expect(multiple(divisor + String(repeating: "0", count: 20_000), of: divisor))
        #expect(ContinuousClock.now - start < .seconds(1))
    }
}
