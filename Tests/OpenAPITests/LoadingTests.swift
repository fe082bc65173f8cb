import Document
import Testing
@testable import OpenAPI

@Suite struct LoadingTests {
    @Test func refusesSwagger2() {
        let d = diagnostics(["/spec.json": ["swagger": "2.0", "info": ["title": "T", "version": "1"], "paths": [:]]])
        #expect(d.count == 1)
        #expect(d.first?.message.contains("Swagger 2.0 documents are not supported") == true)
        #expect(d.first?.pointer.string == "/swagger")
    }

    @Test func refusesUnknownVersion() {
        let d = diagnostics(["/spec.json": ["openapi": "3.2.0", "info": ["title": "T", "version": "1"], "paths": [:]]])
        #expect(d.map(\.message) == ["unsupported OpenAPI version '3.2.0'; supported: 3.0.x and 3.1.x"])
    }

    @Test func reportsFileLineColumnPointerMessage() {
        let value = spec31(paths: ["/a": ["get": ["operationId": 5, "responses": okResponses]]])
        var doc = LoadedDocument(file: "specs/x.yaml", value: value)
        doc.locations["/paths/~1a/get/operationId"] = SourceLocation(line: 7, column: 22, offset: 90)
        let loader = OpenAPILoader(source: InMemoryDocumentSource(["/w/specs/x.yaml": doc]))
        #expect(throws: OpenAPILoadError.self) { try loader.load(path: "specs/x.yaml", workingDirectory: "/w") }
        do { _ = try loader.load(path: "specs/x.yaml", workingDirectory: "/w") } catch {
            #expect(error.description == "specs/x.yaml:7:22: /paths/~1a/get/operationId: operationId must be a string, found integer")
        }
    }

    @Test func refusesNetworkRef() {
        let d = diagnostics(["/spec.json": spec31(paths: ["/a": ["get": [
            "parameters": [["$ref": "https://example.com/params.yaml#/limit"]], "responses": okResponses]]])])
        #expect(d.count == 1)
        #expect(d.first?.message.hasPrefix("network reference 'https://example.com/params.yaml#/limit' refused") == true)
        #expect(d.first?.pointer.string == "/paths/~1a/get/parameters/0/$ref")
    }

    @Test func resolvesRelativeFileRefs() throws {
        let common: JSONValue = ["components": [
            "parameters": ["Limit": ["name": "limit", "in": "query", "schema": ["$ref": "#/components/schemas/Count"]]],
            "schemas": ["Count": ["type": "integer"]]]]
        let root = spec31(paths: ["/a": ["get": [
            "parameters": [["$ref": "shared/common.json#/components/parameters/Limit"]], "responses": okResponses]]])
        let doc = try load(["/spec.json": root, "/shared/common.json": common]).get()
        let p = try #require(doc.operations.first?.parameters.first)
        #expect(p.name == "limit")
        #expect(p.schema?.uri == "file:///shared/common.json#/components/parameters/Limit/schema")
        #expect(doc.documents.keys.sorted() == ["file:///shared/common.json", "file:///spec.json"])
    }

    @Test func reportsMissingRefsEverywhere() {
        let d = diagnostics(["/spec.json": spec31(paths: ["/a": ["post": [
            "requestBody": ["content": ["application/json": ["schema": ["$ref": "#/components/schemas/Nope"]]]],
            "parameters": [["$ref": "other.json#/x"]],
            "responses": okResponses]]])])
        #expect(d.count == 2)
        #expect(d.contains { $0.message.contains("cannot read referenced file") })
        #expect(d.contains { $0.message.contains("reference '#/components/schemas/Nope' does not resolve") })
    }

    @Test func collectsEveryProblem() {
        let d = diagnostics(["/spec.json": spec30(paths: [
            "/users/{id}": ["get": ["operationId": "same", "responses": okResponses]],
            "/things/{thing}": ["get": ["operationId": "same", "responses": okResponses,
                                        "parameters": [["name": "thing", "in": "path", "schema": ["type": "string"]]]]],
        ])])
        let messages = d.map(\.message)
        #expect(messages.contains("path template '/users/{id}' has '{id}' but GET declares no path parameter 'id'"))
        #expect(messages.contains("path parameter 'thing' must have required: true"))
        #expect(messages.contains { $0.hasPrefix("duplicate operationId 'same'") })
        #expect(d.count == 3)
    }

    @Test func reportsPathParameterMissingFromTemplate() {
        let d = diagnostics(["/spec.json": spec31(paths: ["/a": ["get": ["responses": okResponses, "parameters": [
            ["name": "id", "in": "path", "required": true, "schema": ["type": "string"]]]]]])])
        #expect(d.map(\.message) == ["path parameter 'id' does not appear in path template '/a'"])
    }

    @Test func reportsAmbiguousTemplates() {
        let p: JSONValue = ["name": "x", "in": "path", "required": true, "schema": ["type": "string"]]
        let q: JSONValue = ["name": "y", "in": "path", "required": true, "schema": ["type": "string"]]
        let d = diagnostics(["/spec.json": spec31(paths: [
            "/a/{x}": ["get": ["responses": okResponses, "parameters": [p]]],
            "/a/{y}": ["get": ["responses": okResponses, "parameters": [q]]]])])
        #expect(d.count == 1)
        #expect(d.first?.message.contains("is the same route as '/a/{x}'") == true)
    }

    @Test func mergesPathLevelAndOperationParametersByNameAndLocation() throws {
        let doc = try load(["/spec.json": spec31(paths: ["/a/{id}": [
            "parameters": [
                ["name": "id", "in": "path", "required": true, "schema": ["type": "string"]],
                ["name": "q", "in": "query", "schema": ["type": "string"]],
                ["name": "q", "in": "header", "schema": ["type": "string"]]],
            "get": ["responses": okResponses, "parameters": [
                ["name": "q", "in": "query", "required": true, "schema": ["type": "integer"]]]]]])]).get()
        let op = try #require(doc.operations.first)
        #expect(op.parameters.map { "\($0.location.rawValue):\($0.name)" } == ["path:id", "header:q", "query:q"])
        #expect(op.parameters.last?.required == true)
        #expect(op.parameters.last?.source.pointer.string == "/paths/~1a~1{id}/get/parameters/0")
    }

    @Test func referenceObjectSummaryAndDescriptionOverrideIn31() throws {
        let spec = spec31(paths: ["/a": ["get": ["responses": okResponses,
                                                 "parameters": [["$ref": "#/components/parameters/P", "description": "override",
                                                                 "required": true]]]]],
                          components: ["parameters": ["P": ["name": "p", "in": "query", "description": "orig",
                                                            "schema": ["type": "string"]]]])
        let doc = try load(["/spec.json": spec]).get()
        // `required` beside $ref is not an allowed override: the target's (absent → false) stands.
        #expect(doc.operations.first?.parameters.first?.required == false)
    }

    @Test func recursiveSchemasLoad() throws {
        let spec = spec31(paths: ["/t": ["post": ["responses": okResponses, "requestBody": ["content": [
            "application/json": ["schema": ["$ref": "#/components/schemas/Node"]]]]]]],
                          components: ["schemas": ["Node": ["type": "object", "properties": [
                            "children": ["type": "array", "items": ["$ref": "#/components/schemas/Node"]]]]]])
        let doc = try load(["/spec.json": spec]).get()
        #expect(doc.operations.first?.requestBody?.content.first?.range.essence == "application/json")
    }

    @Test func reportsReferenceCycles() {
        let spec = spec31(paths: ["/a": ["get": ["responses": okResponses,
                                                 "parameters": [["$ref": "#/components/parameters/A"]]]]],
                          components: ["parameters": ["A": ["$ref": "#/components/parameters/B"],
                                                      "B": ["$ref": "#/components/parameters/A"]]])
        #expect(diagnostics(["/spec.json": spec]).contains { $0.message.contains("reference cycle") })
    }

    @Test func reportsUnknownSecurityScheme() {
        let spec = spec31(paths: ["/a": ["get": ["responses": okResponses, "security": [["nope": []]]]]])
        #expect(diagnostics(["/spec.json": spec]).map(\.message)
                == ["security requirement names 'nope', which is not in components.securitySchemes"])
    }

    @Test func exampleValuesAreNotReferences() throws {
        let spec = spec31(paths: ["/a": ["get": ["responses": okResponses, "parameters": [
            ["name": "q", "in": "query", "schema": ["type": "object", "example": ["$ref": "#/nowhere"]]]]]]])
        _ = try load(["/spec.json": spec]).get()
    }
}

@Suite struct LoadingSchemaAndServerTests {
    @Test func reportsSchemasTheEngineCannotCompile() {
        let spec = spec31(paths: ["/a": ["get": ["responses": okResponses, "parameters": [
            ["name": "q", "in": "query", "schema": ["type": "string", "minLength": "three"]]]]]])
        let d = diagnostics(["/spec.json": spec])
        #expect(d.count == 1)
        #expect(d.first?.pointer.string.hasPrefix("/paths/~1a/get/parameters/0/schema") == true)
        #expect(d.first?.message.hasPrefix("invalid schema:") == true)
    }

    @Test func substitutesServerVariableDefaults() throws {
        let spec = spec31(paths: [:], extra: [("servers", [["url": "https://{region}.example.com/{base}/v2",
                                                            "variables": ["region": ["default": "eu"], "base": ["default": "api"]]]])])
        let doc = try load(["/spec.json": spec]).get()
        #expect(doc.servers == ["https://eu.example.com/api/v2"])
        #expect(doc.serverBasePath == "/api/v2")
    }
}

@Suite struct LoadingReferenceRuleTests {
    @Test func refusesNetworkAndAbsoluteFileRefsInsideSchemas() {
        let spec = spec31(paths: ["/a": ["get": ["responses": okResponses]]], components: ["schemas": [
            "A": ["properties": ["x": ["$ref": "http://example.com/s.json"]]],
            "B": ["$ref": "file:///etc/s.json"]]])
        let d = diagnostics(["/spec.json": spec])
        #expect(d.map(\.pointer.string) == ["/components/schemas/A/properties/x/$ref", "/components/schemas/B/$ref"])
        #expect(d.first?.message.hasPrefix("network reference") == true)
        #expect(d.last?.message.hasPrefix("absolute file reference") == true)
    }

    @Test func referenceSiblingsAreIgnoredIn30() throws {
        let spec = spec30(paths: ["/a": ["get": ["responses": okResponses, "parameters": [
            ["$ref": "#/components/parameters/P", "required": true, "name": "other"]]]]],
                          components: ["parameters": ["P": ["name": "p", "in": "query", "schema": ["type": "string"]]]])
        let p = try load(["/spec.json": spec]).get().operations.first?.parameters.first
        #expect(p?.name == "p")
        #expect(p?.required == false)
        #expect(p?.source.pointer.string == "/components/parameters/P")
    }

    @Test func referencedFilesAreShownRelativeToTheRoot() {
        let root = spec31(paths: ["/a": ["get": ["responses": okResponses, "parameters": [["$ref": "parts/p.json#/P"]]]]])
        let part: JSONValue = ["P": ["name": "p", "in": "path", "schema": ["type": "string"]]]
        let loader = memoryLoader(["/w/specs/x.json": root, "/w/specs/parts/p.json": part])
        do { _ = try loader.load(path: "specs/x.json", workingDirectory: "/w"); Issue.record("loaded") } catch {
            #expect(error.diagnostics.map(\.file).contains("specs/parts/p.json"))
        }
    }
}

@Suite struct SchemaDialectFieldTests {
    @Test func refusesOtherDefaultSchemaDialects() {
        let bad = spec31(paths: [:], extra: [("jsonSchemaDialect", "http://json-schema.org/draft-07/schema#")])
        #expect(diagnostics(["/spec.json": bad]).map(\.pointer.string) == ["/jsonSchemaDialect"])
        let ok = spec31(paths: [:], extra: [("jsonSchemaDialect", "https://spec.openapis.org/oas/3.1/dialect/base")])
        #expect(diagnostics(["/spec.json": ok]).isEmpty)
    }
}
