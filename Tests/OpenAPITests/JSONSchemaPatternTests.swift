import Testing
import Foundation
@testable import OpenAPI

/// The built-in ECMA-262 pattern engine: semantics, fallback, and linear time.
@Suite struct JSONSchemaPatternTests {
    func matches(_ pattern: String, _ text: String) -> Bool? { SchemaPattern(pattern)?.matches(text) }

    @Test func commonPatternsRunOnTheBuiltInEngine() {
        for pattern in ["^[a-z0-9-]+$", #"^\d{4}-\d{2}-\d{2}$"#, "^(foo|bar)?baz*$", #"^\w+@\w+\.[a-z]{2,}$"#,
                        "[^\\s]", "^\\u00e9+$", "^.{3,8}$", "\\bword\\b", "^(?:ab){2}$", "^[\\d.+-]*$"] {
            #expect(SchemaPattern(pattern)?.usesBuiltInEngine == true, "\(pattern)")
        }
        for pattern in [#"(a)\1"#, "(?=a)", "(?<name>a)", #"\p{Letter}"#] {
            #expect(SchemaPattern(pattern)?.usesBuiltInEngine == false, "\(pattern)")
        }
        #expect(SchemaPattern("(unclosed") == nil)
        #expect(SchemaPattern("a**") == nil)
    }

    @Test func followsECMAScriptNotICU() {
        #expect(matches("^abc$", "abc\n") == false)     // ICU's $ also matches before a final newline
        #expect(matches(#"^\d$"#, "\u{0660}") == false)  // Arabic-Indic digit is not ECMA \d
        #expect(matches(#"^\w$"#, "é") == false)
        #expect(matches(#"^\s$"#, "\u{FEFF}") == true)
        #expect(matches("^.$", "😀") == true)            // one code point, not two UTF-16 units
        #expect(matches("^.$", "\n") == false)
        #expect(matches("^\\cC$", "\u{3}") == true)
        #expect(matches("^\\u{1F600}$", "😀") == true)
        #expect(matches("^\\uD83D\\uDE00$", "😀") == true)
    }

    @Test func searchIsUnanchoredUnlessAnchored() {
        #expect(matches("b+", "aabbcc") == true)
        #expect(matches("^b", "ab") == false)
        #expect(matches("a|^b", "xb") == false)
        #expect(matches("", "anything") == true)
        #expect(matches("x*$", "") == true)
        #expect(matches("\\Bb", "ab") == true)
        #expect(matches("\\bb", "ab") == false)
        #expect(matches("^a{2,3}$", "aaaa") == false)
        #expect(matches("^a{2,}$", "aaaa") == true)
        #expect(matches("^x{1}y{,2}$", "xy{,2}") == true)  // `{,2}` is not a quantifier: literal braces
        #expect(matches("^[]$", "a") == false)
        #expect(matches("^[^]$", "a") == true)
        #expect(matches("^[a-c-]+$", "a-b") == true)
    }

    @Test func agreesWithICUOnASCIIInputs() throws {
        let patterns = ["^[a-z0-9-]+$", #"^\d{3}-\d{4}$"#, "^(ab|a)(bc|c)?$", "colou?r", "^[^@ ]+@[^@ ]+$", #"^\w*\s+\w*$"#,
                        "^(a|b)*c", "^[A-Z][a-z]{0,5}$", "x.y", "^$", "(foo)+bar", "^[.]+$", "a{2}b{1,2}"]
        let inputs = ["", "abc", "ab-12", "123-4567", "abc", "abcc", "color", "colour", "a@b", "a b", "abababc",
                      "Hello", "Helloooo", "xzy", "x\ny", "foofoobar", "...", "aabb", "aab", "AB", "a_b c"]
        for pattern in patterns {
            let ours = try #require(SchemaPattern(pattern))
            let icu = try NSRegularExpression(pattern: pattern)
            for input in inputs where !input.contains("\n") {
                let expected = icu.firstMatch(in: input, range: NSRange(location: 0, length: input.utf16.count)) != nil
                #expect(ours.matches(input) == expected, "\(pattern) on \(input)")
            }
        }
    }

    @Test func nestedQuantifiersStayLinear() throws {
        let evil = try #require(SchemaPattern("^(a+)+$"))
        #expect(evil.usesBuiltInEngine)
        let input = String(repeating: "a", count: 5000) + "b"
        let start = Date()
        #expect(!evil.matches(input))
        #expect(Date().timeIntervalSince(start) < 1.0)
    }

    @Test func veryDeepGroupsGoToTheFallbackInsteadOfRecursingWithoutBound() {
        let deep = String(repeating: "(", count: 150) + "a" + String(repeating: ")", count: 150)
        #expect(SchemaPattern(deep)?.usesBuiltInEngine != true)  // ICU decides (it refuses this depth too)
        let shallow = String(repeating: "(", count: 50) + "a" + String(repeating: ")", count: 50)
        #expect(SchemaPattern(shallow)?.usesBuiltInEngine == true)
    }
}
