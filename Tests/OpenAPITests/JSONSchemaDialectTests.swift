import Testing
import Document
@testable import OpenAPI

/// OpenAPI 3.0 (draft-4 subset + nullable + discriminator) and OpenAPI 3.1 behaviour.
@Suite struct JSONSchemaDialectTests {
    static let pets = """
    {"openapi": "3.0.3", "components": {"schemas": {
      "Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
              "discriminator": {"propertyName": "petType"}},
      "MappedPet": {"anyOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                    "discriminator": {"propertyName": "kind", "mapping": {"kitty": "#/components/schemas/Cat", "puppy": "Dog"}}},
      "Cat": {"type": "object", "required": ["petType"], "properties": {"petType": {"type": "string"}, "lives": {"type": "integer", "maximum": 9}}},
      "Dog": {"type": "object", "required": ["petType", "bark"], "properties": {"petType": {"type": "string"}, "bark": {"type": "string"}}}
    }}}
    """

    func compile(_ name: String, dialect: SchemaDialect = .openAPI30) throws -> CompiledSchema {
        let resolver = StaticSchemaResolver(["file:///specs/pets.json": SchemaFixture.json(Self.pets)])
        let compiler = SchemaCompiler(options: .init(dialect: dialect), resolver: resolver)
        return try compiler.compile(uri: "file:///specs/pets.json#/components/schemas/\(name)")
    }

    @Test func discriminatorPicksTheBranchSoErrorsArePrecise() throws {
        let pet = try compile("Pet")
        #expect(pet.check(#"{"petType": "Cat", "lives": 3}"#).isEmpty)
        let violations = pet.check(#"{"petType": "Dog", "bark": 5}"#)
        #expect(violations.map(\.schemaLocation) == ["file:///specs/pets.json#/components/schemas/Dog/properties/bark/type"])
        #expect(violations.map(\.instancePointer.string) == ["/bark"])
        // Without a discriminator this instance matches Cat and Dog would fail: oneOf picks by name instead.
        #expect(pet.check(#"{"petType": "Cat", "lives": 12}"#).map(\.keyword) == ["maximum"])
    }

    @Test func discriminatorReportsMissingOrUnknownValues() throws {
        let pet = try compile("Pet")
        let missing = pet.check(#"{"lives": 3}"#)
        #expect(missing.map(\.message) == ["missing discriminator property 'petType'"])
        #expect(missing.map(\.schemaLocation) == ["file:///specs/pets.json#/components/schemas/Pet/discriminator"])
        let unknown = pet.check(#"{"petType": "Fish"}"#)
        #expect(unknown.map(\.message) == [#""Fish" is not a known petType; expected one of: Cat, Dog"#])
        #expect(unknown.map(\.instancePointer.string) == ["/petType"])
    }

    @Test func discriminatorMappingAcceptsReferencesAndSchemaNames() throws {
        let pet = try compile("MappedPet")
        #expect(pet.check(#"{"kind": "kitty", "petType": "x"}"#).isEmpty)
        #expect(pet.check(#"{"kind": "puppy", "petType": "x"}"#).map(\.message) == ["missing required property 'bark'"])
    }

    @Test func discriminatorIsOnlyHonouredInOpenAPIDialects() throws {
        // Plain draft 4 ignores the discriminator: this "Dog" passes because it happens to be a valid Cat.
        let pet = try compile("Pet", dialect: .draft4)
        #expect(pet.check(#"{"petType": "Dog", "bark": 5}"#).isEmpty)
        #expect(try compile("Pet").check(#"{"petType": "Dog", "bark": 5}"#).count == 1)
    }

    @Test func discriminatorOverUnnamedInlineBranchesFallsBackToPlainOneOf() throws {
        let schema = try SchemaFixture.compile("""
        {"oneOf": [{"properties": {"k": {"const": "a"}}, "required": ["k"]}, {"properties": {"k": {"const": "b"}}, "required": ["k"]}],
         "discriminator": {"propertyName": "k"}}
        """, dialect: .openAPI31)
        #expect(schema.check(#"{"k": "b"}"#).isEmpty)
        #expect(schema.check(#"{"k": "c"}"#).map(\.keyword) == ["oneOf"])
    }

    @Test func nullableAddsNullToTypeAndEnumInOpenAPI30Only() throws {
        let schema = #"{"type": "string", "enum": ["a"], "nullable": true}"#
        let v30 = try SchemaFixture.compile(schema, dialect: .openAPI30)
        #expect(v30.check("null").isEmpty)
        #expect(v30.check(#""b""#).map(\.keyword) == ["enum"])
        let v31 = try SchemaFixture.compile(schema, dialect: .openAPI31)
        #expect(v31.check("null").map(\.keyword) == ["type", "enum"])
    }

    @Test func booleanExclusiveBoundsInDraft4Family() throws {
        let schema = try SchemaFixture.compile(#"{"maximum": 10, "exclusiveMaximum": true, "minimum": 1, "exclusiveMinimum": false}"#,
                                               dialect: .openAPI30)
        #expect(schema.check("1").isEmpty)
        #expect(schema.check("10").map(\.message) == ["10 must be less than 10"])
        #expect(schema.check("9.5").isEmpty)
    }

    @Test func refSiblingsAreIgnoredInOpenAPI30ButNotIn31() throws {
        let schema = ##"{"$defs": {"s": {"type": "string"}}, "properties": {"a": {"$ref": "#/$defs/s", "maxLength": 1}}}"##
        #expect(try SchemaFixture.compile(schema, dialect: .openAPI30).check(#"{"a": "long"}"#).isEmpty)
        #expect(try SchemaFixture.compile(schema, dialect: .openAPI31).check(#"{"a": "long"}"#).map(\.keyword) == ["maxLength"])
    }

    @Test func draft4ItemsArrayWithAdditionalItems() throws {
        let schema = try SchemaFixture.compile(#"{"items": [{"type": "integer"}], "additionalItems": false}"#, dialect: .draft4)
        #expect(schema.check("[1]").isEmpty)
        let violations = schema.check(#"["x", 2]"#)
        #expect(violations.map(\.keyword) == ["type", "additionalItems"])
        #expect(violations.map(\.instancePointer.string) == ["/0", ""])
        #expect(violations.last?.message == "array has 2 items, at most 1 allowed")
    }
}

/// readOnly / writeOnly in requests and responses (OpenAPI dialects).
@Suite struct JSONSchemaAccessTests {
    static let task = """
    {"components": {"schemas": {
      "Id": {"type": "integer", "readOnly": true},
      "Task": {"type": "object", "required": ["id", "title", "secret", "ref"],
               "properties": {"id": {"type": "integer", "readOnly": true}, "title": {"type": "string"},
                              "secret": {"type": "string", "writeOnly": true}, "ref": {"$ref": "#/components/schemas/Id"}}}}}}
    """

    func compile(_ access: SchemaAccess, dialect: SchemaDialect = .openAPI30) throws -> CompiledSchema {
        let resolver = StaticSchemaResolver(["file:///t.json": SchemaFixture.json(Self.task)])
        let compiler = SchemaCompiler(options: .init(dialect: dialect, access: access), resolver: resolver)
        return try compiler.compile(uri: "file:///t.json#/components/schemas/Task")
    }

    @Test func readOnlyPropertiesAreNotRequiredInRequests() throws {
        let request = try compile(.request)
        #expect(request.check(#"{"title": "a", "secret": "s"}"#).isEmpty)
        #expect(request.check(#"{"title": "a"}"#).map(\.message) == ["missing required property 'secret'"])
        #expect(try compile(.request, dialect: .openAPI31).check(#"{"title": "a", "secret": "s"}"#).isEmpty)
    }

    @Test func writeOnlyPropertiesAreNotRequiredInResponses() throws {
        let response = try compile(.response)
        #expect(response.check(#"{"id": 1, "title": "a", "ref": 2}"#).isEmpty)
        #expect(response.check(#"{"title": "a"}"#).map(\.message) == ["missing required property 'id'", "missing required property 'ref'"])
    }

    @Test func plainAccessKeepsEveryRequiredProperty() throws {
        #expect(try compile(.any).check(#"{"title": "a"}"#).count == 3)
    }
}
