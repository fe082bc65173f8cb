import Document
import Testing
@testable import OpenAPI

/// Absolute path of a fixture file.
func fixture(_ name: String) -> String {
    let here = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
    return here + "/Fixtures/" + name
}

/// The fixture's directory, used as working directory so messages show `name:line:col`.
let fixtureDirectory = fixture("").split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")

func loadFixture(_ name: String) throws(OpenAPILoadError) -> OpenAPIDocument {
    try OpenAPILoader().load(path: name, workingDirectory: fixtureDirectory)
}

@Suite struct FixtureTests {
    @Test func loadsYAML30WithRelativeFileRefs() throws {
        let doc = try loadFixture("petstore-30.yaml")
        #expect(doc.version == .v3_0)
        #expect(doc.operations.map(\.displayName) == ["listPets", "createPet", "getPet", "deletePet", "exportPet"])
        #expect(doc.operations[0].parameters.map(\.name) == ["pageSize", "status"])
        #expect(doc.operations[0].security == [["apiKey": []]])
        #expect(doc.operations[2].parameters.first?.name == "petId")
        #expect(doc.serverBasePath == "/v1")
    }

    @Test func reportsEveryProblemWithFileLineColumn() {
        do {
            _ = try loadFixture("invalid.yaml")
            Issue.record("invalid.yaml loaded")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "invalid.yaml:10:11: /paths/~1things~1{id}/get/parameters/0: path parameter 'id' must have required: true",
                "invalid.yaml:13:17: /paths/~1things~1{id}/get/parameters/1/$ref: reference '#/components/parameters/Missing' does not resolve: nothing at /components/parameters/Missing in invalid.yaml",
                "invalid.yaml:20:17: /paths/~1others/get/parameters/0/$ref: network reference 'https://example.com/p.yaml#/limit' refused: only references within the document or to relative files are allowed",
                "invalid.yaml:18:20: /paths/~1others/get/operationId: duplicate operationId 'dup' (first used at /paths/~1things~1{id}/get)",
            ])
        }
    }

    @Test func refusesSwagger2File() {
        #expect(throws: OpenAPILoadError.self) { try loadFixture("swagger2.yaml") }
        do { _ = try loadFixture("swagger2.yaml") } catch {
            #expect(error.description == "swagger2.yaml:1:10: /swagger: Swagger 2.0 documents are not supported; convert the document to OpenAPI 3.0 or 3.1 first")
        }
    }

    @Test func validates30WithTheSchemaEngine() throws {
        let v = try RequestValidator(document: loadFixture("petstore-30.yaml"))
        let ok = v.validate(ValidationRequest(method: .post, target: "/v1/pets", headers: [("Content-Type", "application/json")],
                                              body: Array(#"{"name":"Rex","weight":2.5,"nickname":null}"#.utf8)))
        #expect(ok.violations.isEmpty)
        let bad = v.validate(ValidationRequest(method: .post, target: "/v1/pets", headers: [("Content-Type", "application/json")],
                                               body: Array(#"{"name":"","weight":0,"color":"red"}"#.utf8)))
        #expect(bad.status == 400)
        #expect(Set(bad.violations.map { $0.pointer.string }) == ["/name", "/weight", "/color"])
        #expect(bad.violations.allSatisfy { $0.location == .body && $0.schemaLocation?.hasPrefix("file://") == true })
        let query = v.validate(ValidationRequest(method: .get, target: "/v1/pets?pageSize=0&status=lost"))
        #expect(query.violations.map { "\($0.location.rawValue) \($0.name ?? "")" } == ["query pageSize", "query status"])
        #expect(v.validate(ValidationRequest(method: .get, target: "/v1/pets/not-a-uuid")).violations.first?.name == "petId")
        #expect(v.validate(ValidationRequest(method: .get, target: "/v1/pets/3f1c2b9e-1d2a-4c3b-9a8e-7f6d5c4b3a21")).isValid)
        #expect(v.validate(ValidationRequest(method: .get, target: "/v1/pets/x.ndjson")).operation?.operationId == "exportPet")
    }

    @Test func validates31WithTheSchemaEngine() throws {
        let v = try RequestValidator(document: loadFixture("tasks-31.yaml"))
        let ok = v.validate(ValidationRequest(method: .get, target: "/api/v2/tasks?filter[status]=open&filter[due][before]=2026-01-31&includes[]=owner"))
        #expect(ok.violations.isEmpty)
        let bad = v.validate(ValidationRequest(method: .get, target: "/api/v2/tasks?filter[status]=late&filter[due][before]=tomorrow&filter[x]=1"))
        #expect(Set(bad.violations.map { $0.pointer.string }) == ["/status", "/due/before", "/x"])
        let body = v.validate(ValidationRequest(method: .post, target: "/api/v2/tasks", headers: [("Content-Type", "application/json")],
                                                body: Array(#"{"title":"t","priority":null,"subtasks":[{"title":"u","priority":9,"extra":1}]}"#.utf8)))
        #expect(Set(body.violations.map { $0.pointer.string }) == ["/subtasks/0/priority", "/subtasks/0/extra"])
    }
}

@Suite struct EngineRequestRuleTests {
    @Test func readOnlyPropertiesAreNotRequiredInRequests() throws {
        let schema: JSONValue = ["type": "object", "required": ["id", "name"],
                                 "properties": ["id": ["type": "string", "readOnly": true], "name": ["type": "string"]]]
        let doc = try load(["/spec.json": spec31(paths: ["/items": ["post": ["responses": okResponses, "requestBody": [
            "required": true, "content": ["application/json": ["schema": schema]]]]]])]).get()
        let v = try RequestValidator(document: doc)
        #expect(post(v, "/items", contentType: "application/json", #"{"name":"a"}"#).isValid)
        #expect(post(v, "/items", contentType: "application/json", #"{"id":"x"}"#).violations.count == 1)
    }
}

@Suite struct RefSiblingRuleTests {
    /// A body schema `{$ref: Name, maxLength: 3}` in the given document version.
    static func validator(_ version: String) throws -> RequestValidator {
        let spec: JSONValue = ["openapi": .string(version), "info": ["title": "T", "version": "1"],
                               "paths": ["/items": ["post": ["responses": okResponses, "requestBody": ["required": true, "content": [
                                "application/json": ["schema": ["type": "object", "properties": [
                                    "name": ["$ref": "#/components/schemas/Name", "maxLength": 3]]]]]]]]],
                               "components": ["schemas": ["Name": ["type": "string"]]]]
        return try RequestValidator(document: load(["/spec.json": spec]).get())
    }

    @Test func schemaRefSiblingsApplyIn31() throws {
        let r = post(try Self.validator("3.1.0"), "/items", contentType: "application/json", #"{"name":"long"}"#)
        #expect(r.violations.map(\.pointer.string) == ["/name"])
    }

    @Test func schemaRefSiblingsAreIgnoredIn30() throws {
        #expect(post(try Self.validator("3.0.3"), "/items", contentType: "application/json", #"{"name":"long"}"#).isValid)
    }
}
