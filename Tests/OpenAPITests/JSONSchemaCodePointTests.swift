import Testing
import Document
@testable import OpenAPI

/// Property names are JSON strings, equal only when their code points are (RFC 8259 §8.3), although
/// Swift's `String ==` calls canonically equivalent strings equal. `é` below is U+00E9; `é` written
/// `e` + U+0301 is another name.
@Suite struct JSONSchemaCodePointTests {
    static let composed = "\u{E9}"
    static let decomposed = "e\u{301}"

    /// `{"<name>": <value>}` as JSON text.
    func object(_ name: String, _ value: String) -> String { "{\"\(name)\": \(value)}" }

    @Test func swiftStringEqualityWouldMergeTheseNames() {
        #expect(Self.composed == Self.decomposed)  // the trap these tests guard against
        #expect(!Self.composed.codePointsEqual(Self.decomposed))
    }

    @Test func additionalPropertiesRejectsANameThatDiffersByCodePoints() throws {
        let schema = try SchemaFixture.compile(#"{"properties": {"\#(Self.composed)": {"type": "string"}}, "additionalProperties": false}"#)
        #expect(schema.summary(object(Self.decomposed, #""x""#)) == ["/\(Self.decomposed) additionalProperties"])
        #expect(schema.summary(object(Self.composed, #""x""#)).isEmpty)
        #expect(schema.summary(object(Self.composed, "1")) == ["/\(Self.composed) type"])
    }

    @Test func propertiesDoesNotApplyToANameThatDiffersByCodePoints() throws {
        let schema = try SchemaFixture.compile(#"{"properties": {"\#(Self.composed)": {"type": "string"}}}"#)
        #expect(schema.summary(object(Self.decomposed, "1")).isEmpty)
        #expect(schema.summary(object(Self.composed, "1")) == ["/\(Self.composed) type"])
    }

    @Test func manyPropertiesUseTheHashedLookupWithTheSameEquality() throws {
        // More names than PropertyMap scans, so lookups go through its CodePointKey index.
        let names = (0..<12).map { "p\($0)" } + [Self.composed]
        #expect(names.count > PropertyMap<Int>.scanLimit)
        let properties = names.map { "\"\($0)\": {\"type\": \"string\"}" }.joined(separator: ", ")
        let schema = try SchemaFixture.compile(#"{"properties": {\#(properties)}, "additionalProperties": false}"#)
        #expect(schema.summary(object(Self.decomposed, #""x""#)) == ["/\(Self.decomposed) additionalProperties"])
        #expect(schema.summary(object(Self.composed, "1")) == ["/\(Self.composed) type"])
        #expect(schema.summary(#"{"p3": "x", "p11": 2}"#) == ["/p11 type"])
    }

    @Test func requiredIsNotSatisfiedByANameThatDiffersByCodePoints() throws {
        let schema = try SchemaFixture.compile(#"{"required": ["\#(Self.composed)"]}"#)
        #expect(schema.summary(object(Self.decomposed, #""x""#)) == [" required"])
        #expect(schema.summary(object(Self.composed, #""x""#)).isEmpty)
    }

    @Test func dependentRequiredAndDependentSchemasTriggerByCodePoints() throws {
        let required = try SchemaFixture.compile(#"{"dependentRequired": {"\#(Self.composed)": ["a"]}}"#)
        #expect(required.summary(object(Self.decomposed, "1")).isEmpty)
        #expect(required.summary(object(Self.composed, "1")) == [" dependentRequired"])
        #expect(required.summary(#"{"\#(Self.composed)": 1, "\#(Self.decomposed)": 2}"#) == [" dependentRequired"])
        let schemas = try SchemaFixture.compile(#"{"dependentSchemas": {"\#(Self.composed)": {"required": ["a"]}}}"#)
        #expect(schemas.summary(object(Self.decomposed, "1")).isEmpty)
        #expect(schemas.summary(object(Self.composed, "1")) == [" required"])
    }

    @Test func unevaluatedPropertiesTracksEvaluatedNamesByCodePoints() throws {
        let schema = try SchemaFixture.compile(#"{"allOf": [{"properties": {"\#(Self.composed)": true}}], "unevaluatedProperties": false}"#)
        #expect(schema.summary(object(Self.composed, "1")).isEmpty)
        #expect(schema.summary(object(Self.decomposed, "1")) == ["/\(Self.decomposed) unevaluatedProperties"])
        let patterns = try SchemaFixture.compile(#"{"patternProperties": {"^\#(Self.composed)$": true}, "unevaluatedProperties": false}"#)
        #expect(patterns.summary(object(Self.composed, "1")).isEmpty)
        #expect(patterns.summary(object(Self.decomposed, "1")) == ["/\(Self.decomposed) unevaluatedProperties"])
    }

    @Test func bothSpellingsInOneInstanceAreTwoMembers() throws {
        let schema = try SchemaFixture.compile(#"{"properties": {"\#(Self.composed)": {"type": "string"}}, "additionalProperties": {"type": "integer"}}"#)
        #expect(schema.summary(#"{"\#(Self.composed)": "x", "\#(Self.decomposed)": 1}"#).isEmpty)
        #expect(schema.summary(#"{"\#(Self.composed)": 1, "\#(Self.decomposed)": "x"}"#).sorted()
                == ["/\(Self.composed) type", "/\(Self.decomposed) type"].sorted())
    }
}
