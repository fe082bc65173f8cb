import Testing
import Document
@testable import OpenAPI

/// $ref, recursion, documents, anchors, dynamic references, and what the compiler shares or refuses.
@Suite struct JSONSchemaReferenceTests {
    static let tree = ##"{"type": "object", "properties": {"value": {"type": "integer"}, "children": {"type": "array", "items": {"$ref": "#"}}}}"##

    @Test func recursiveSchemasValidateDeepInstances() throws {
        let schema = try SchemaFixture.compile(Self.tree)
        var instance = #"{"value": 1}"#
        for _ in 0..<100 { instance = #"{"value": 1, "children": [\#(instance)]}"# }
        #expect(schema.check(instance).isEmpty)
        let bad = #"{"value": 1, "children": [{"value": 2}, {"value": 3, "children": [{"value": "x"}]}]}"#
        #expect(schema.check(bad).map(\.instancePointer.string) == ["/children/1/children/0/value"])
    }

    @Test func referencesWithoutProgressStopAtTheDepthLimit() throws {
        let schema = try SchemaFixture.compile(##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}"##)
        #expect(schema.check("1").map(\.keyword) == ["$ref"])
    }

    @Test func relativeReferencesReachOtherDocumentsThroughTheResolver() throws {
        let schema = try SchemaFixture.compile(#"{"$ref": "common.json#/components/schemas/Id"}"#,
                                               base: "file:///specs/main.json",
                                               documents: ["file:///specs/common.json": #"{"components": {"schemas": {"Id": {"type": "string", "format": "uuid"}}}}"#])
        #expect(schema.check(#""0f8fad5b-d9cb-469f-a165-70867728950e""#).isEmpty)
        #expect(schema.check(#""nope""#).map(\.schemaLocation) == ["file:///specs/common.json#/components/schemas/Id/format"])
    }

    @Test func unresolvableReferenceIsACompileErrorWithItsLocation() throws {
        #expect(throws: SchemaCompileError(schemaLocation: "file:///tests/schema.json#/properties/a/$ref",
                                           message: "cannot resolve file:///tests/other.json: no document at file:///tests/other.json")) {
            try SchemaFixture.compile(#"{"properties": {"a": {"$ref": "other.json"}}}"#)
        }
        #expect(throws: SchemaCompileError.self) { try SchemaFixture.compile(##"{"$ref": "#/$defs/missing"}"##) }
        #expect(throws: SchemaCompileError.self) { try SchemaFixture.compile(#"{"type": "strin"}"#) }
        #expect(throws: SchemaCompileError.self) { try SchemaFixture.compile(#"{"pattern": "("}"#) }
        #expect(throws: SchemaCompileError.self) { try SchemaFixture.compile(#"{"minLength": -1}"#) }
    }

    @Test func compiledSubschemasAreSharedAndAFailedCompileLeavesNothingHalfLinked() throws {
        let document = SchemaFixture.json("""
        {"components": {"schemas": {"Name": {"type": "string"}, "A": {"properties": {"n": {"$ref": "#/components/schemas/Name"}}},
         "Broken": {"properties": {"n": {"$ref": "#/components/schemas/Name"}, "m": {"$ref": "#/nowhere"}}}}}}
        """)
        let compiler = SchemaCompiler(options: .init(dialect: .openAPI31), resolver: StaticSchemaResolver(["file:///d.json": document]))
        #expect(throws: SchemaCompileError.self) { try compiler.compile(uri: "file:///d.json#/components/schemas/Broken") }
        let a = try compiler.compile(uri: "file:///d.json#/components/schemas/A")
        let name = try compiler.compile(uri: "file:///d.json#/components/schemas/Name")
        #expect(a.check(#"{"n": 1}"#).map(\.schemaLocation) == ["file:///d.json#/components/schemas/Name/type"])
        #expect(name.check("1").count == 1)
        #expect(compiler.nodes["file:///d.json#/components/schemas/Broken"] == nil)
    }

    @Test func idChangesTheBaseAndAnchorsResolve() throws {
        let schema = try SchemaFixture.compile("""
        {"$id": "https://example.test/root.json", "$ref": "item.json#positive",
         "$defs": {"item": {"$id": "item.json", "$defs": {"p": {"$anchor": "positive", "minimum": 1}}}}}
        """)
        #expect(schema.check("2").isEmpty)
        #expect(schema.check("0").map(\.schemaLocation) == ["https://example.test/item.json#/$defs/p/minimum"])
    }

    @Test func dynamicRefFollowsTheDynamicScope() throws {
        let schema = try SchemaFixture.compile("""
        {"$id": "https://example.test/strict-list", "$ref": "list", "$defs": {
           "override": {"$dynamicAnchor": "item", "type": "integer"},
           "list": {"$id": "list", "type": "array", "items": {"$dynamicRef": "#item"},
                    "$defs": {"default": {"$dynamicAnchor": "item"}}}}}
        """)
        #expect(schema.check("[1, 2]").isEmpty)
        #expect(schema.check(#"[1, "x"]"#).map(\.instancePointer.string) == ["/1"])
    }

    @Test func compilingTheSameDocumentTwiceReusesItButADifferentOneAtTheSameBaseIsRefused() throws {
        let compiler = SchemaCompiler(options: .init(dialect: .draft2020_12), resolver: StaticSchemaResolver())
        _ = try compiler.compile(schema: SchemaFixture.json(#"{"type": "string"}"#), baseURI: "urn:x")
        _ = try compiler.compile(schema: SchemaFixture.json(#"{"type": "string"}"#), baseURI: "urn:x")
        #expect(throws: SchemaCompileError.self) {
            try compiler.compile(schema: SchemaFixture.json(#"{"type": "integer"}"#), baseURI: "urn:x")
        }
    }

    @Test func compiledSchemasAreUsableFromManyTasks() async throws {
        let schema = try SchemaFixture.compile(Self.tree)
        let good = SchemaFixture.json(#"{"value": 1, "children": [{"value": 2}]}"#)
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 { group.addTask { (0..<100).allSatisfy { _ in schema.isValid(good) } } }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }

    @Test func bundledMetaSchemasParseAndValidateSchemasAsData() throws {
        for uri in MetaSchemas.sources.keys { #expect(MetaSchemas.document(forURI: uri) != nil, "\(uri)") }
        let meta = try SchemaFixture.compile(#"{"$ref": "https://json-schema.org/draft/2020-12/schema"}"#)
        #expect(meta.check(#"{"properties": {"a": {"type": "string", "minLength": 2}}}"#).isEmpty)
        #expect(!meta.check(#"{"properties": {"a": {"minLength": -2}}}"#).isEmpty)
        let draft4 = try SchemaFixture.compile(#"{"$ref": "http://json-schema.org/draft-04/schema#"}"#, dialect: .draft4)
        #expect(draft4.check(#"{"type": "string", "maximum": 1, "exclusiveMaximum": true}"#).isEmpty)
        #expect(!draft4.check(#"{"exclusiveMaximum": true}"#).isEmpty)   // needs maximum
    }

    @Test func nestingBeyondTheGuardIsAViolationNotAStackOverflow() throws {
        let schema = try SchemaFixture.compile(##"""
        {"anyOf": [{"type": "integer"}, {"type": "object", "properties": {"c": {"$ref": "#"}}, "additionalProperties": false}],
         "unevaluatedProperties": false}
        """##)
        func nested(_ depth: Int) throws -> JSONValue {
            var text = "1"
            for _ in 0..<depth { text = #"{"c": \#(text)}"# }
            return try JSONReader.parse(Array(text.utf8))
        }
        #expect(schema.isValid(try nested(100)))
        let deep = try nested(500)   // the JSON reader's own depth limit is 512
        #expect(!schema.isValid(deep))
        #expect(schema.validate(deep).map(\.message).contains("schema nesting deeper than 400 levels"))
    }
}
