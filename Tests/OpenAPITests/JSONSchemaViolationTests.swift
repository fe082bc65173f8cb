import Testing
import Document
@testable import OpenAPI

/// Violations say where (instance pointer, absolute keyword location), which keyword, and why.
@Suite struct JSONSchemaViolationTests {
    static let owlops = """
    {"openapi": "3.1.0", "components": {"schemas": {
      "Task": {"type": "object", "required": ["id", "title"], "additionalProperties": false,
               "properties": {"id": {"type": "integer"}, "title": {"type": "string", "minLength": 3},
                              "tags": {"type": "array", "items": {"$ref": "#/components/schemas/Tag"}}}},
      "Tag": {"type": "string", "pattern": "^[a-z]+$", "maxLength": 8}
    }}}
    """

    func task() throws -> CompiledSchema {
        let resolver = StaticSchemaResolver(["file:///specs/owlops.json": SchemaFixture.json(Self.owlops)])
        let compiler = SchemaCompiler(options: .init(dialect: .openAPI31), resolver: resolver)
        return try compiler.compile(uri: "file:///specs/owlops.json#/components/schemas/Task")
    }

    @Test func typeMismatchNamesPointerLocationAndBothTypes() throws {
        let violations = try task().check(#"{"id": "7", "title": "Write"}"#)
        #expect(violations == [SchemaViolation(
            instancePointer: JSONPointer("/id")!,
            schemaLocation: "file:///specs/owlops.json#/components/schemas/Task/properties/id/type",
            keyword: "type", message: "expected integer, got string")])
    }

    @Test func listsEveryViolationNotJustTheFirst() throws {
        let violations = try task().check(#"{"title": "ab", "extra": 1, "tags": ["ok", "NO", "waytoolongtag"]}"#)
        let summary = violations.map { "\($0.instancePointer.string) \($0.keyword)" }
        #expect(Set(summary) == ["/title minLength", "/extra additionalProperties", " required" /* root pointer is empty */,
                                 "/tags/1 pattern", "/tags/2 maxLength"])
        #expect(violations.count == 5)
        let missing = try #require(violations.first { $0.keyword == "required" })
        #expect(missing.message == "missing required property 'id'")
        #expect(missing.instancePointer == .root)
        let extra = try #require(violations.first { $0.keyword == "additionalProperties" })
        #expect(extra.message == "property 'extra' is not allowed")
    }

    @Test func referencedSchemaViolationsCarryTheTargetLocation() throws {
        let violations = try task().check(#"{"id": 1, "title": "abc", "tags": ["UPPER"]}"#)
        #expect(violations.map(\.schemaLocation) == ["file:///specs/owlops.json#/components/schemas/Tag/pattern"])
        #expect(violations.first?.message == "string does not match the pattern ^[a-z]+$")
    }

    @Test func messagesReadAsSentences() throws {
        let schema = try SchemaFixture.compile("""
        {"properties": {"n": {"maximum": 10}, "m": {"exclusiveMinimum": 0}, "e": {"enum": ["a", "b"]},
                        "c": {"const": {"x": 1}}, "u": {"uniqueItems": true}, "d": {"format": "date"},
                        "k": {"minItems": 2}}}
        """)
        let messages = schema.check("""
        {"n": 11, "m": 0, "e": "c", "c": {"x": 2}, "u": [1, 2, 1.0], "d": "2024-02-30", "k": []}
        """).map(\.message)
        #expect(messages == ["11 is greater than the maximum 10", "0 must be greater than 0",
                             #"value must be one of: "a", "b""#, #"value must be {"x":1}"#,
                             "items 0 and 2 are equal; items must be unique", #""2024-02-30" is not a valid date"#,
                             "array has 0 items, at least 2 required"])
    }

    @Test func pointersEscapeSlashAndTilde() throws {
        let schema = try SchemaFixture.compile(#"{"additionalProperties": {"type": "integer"}}"#)
        let violations = schema.check(#"{"a/b~c": "x"}"#)
        #expect(violations.first?.instancePointer.string == "/a~1b~0c")
    }

    @Test func anyOfReportsTheOnlyBranchOfTheRightType() throws {
        let schema = try SchemaFixture.compile("""
        {"anyOf": [{"type": "string"}, {"type": "object", "required": ["name"]}]}
        """)
        #expect(schema.summary("{}") == [" required" /* root pointer is empty */])
        #expect(schema.check("3").map(\.message) == ["expected object or string, got integer"])
    }

    @Test func anyOfWithSeveralCandidatesGivesOneSummary() throws {
        let schema = try SchemaFixture.compile(#"{"oneOf": [{"minimum": 5}, {"maximum": 1}]}"#)
        #expect(schema.check("3").map(\.message) == ["value does not match any of the 2 alternatives"])
        let both = try SchemaFixture.compile(#"{"oneOf": [{"minimum": 1}, {"maximum": 9}]}"#)
        #expect(both.check("5").map(\.message) == ["value matches alternatives 0 and 1; exactly one must match"])
    }

    @Test func unevaluatedPropertiesNamesTheProperty() throws {
        let schema = try SchemaFixture.compile("""
        {"allOf": [{"properties": {"a": {"type": "string"}}}], "unevaluatedProperties": false}
        """)
        #expect(schema.check(#"{"a": "x"}"#).isEmpty)
        let violations = schema.check(#"{"a": 1, "b": 2}"#)
        #expect(violations.map { "\($0.instancePointer.string) \($0.keyword)" } == ["/a type", "/b unevaluatedProperties"])
    }

    @Test func propertyNamesViolationsPointAtTheProperty() throws {
        let schema = try SchemaFixture.compile(#"{"propertyNames": {"maxLength": 3}}"#)
        let violations = schema.check(#"{"ok": 1, "toolong": 2}"#)
        #expect(violations.map(\.instancePointer.string) == ["/toolong"])
        #expect(violations.first?.message == "property name 'toolong': string has 7 characters, at most 3 allowed")
    }

    @Test func formatsAreAnnotationsWhenNotAsserted() throws {
        let asserted = try SchemaFixture.compile(#"{"format": "date-time"}"#)
        let relaxed = try SchemaFixture.compile(#"{"format": "date-time"}"#, assertFormats: false)
        #expect(asserted.check(#""yesterday""#).map(\.keyword) == ["format"])
        #expect(relaxed.check(#""yesterday""#).isEmpty)
        #expect(asserted.check(#""2026-11-23T09:30:00Z""#).isEmpty)
    }
}
