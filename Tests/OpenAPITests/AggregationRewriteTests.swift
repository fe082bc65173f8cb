import Document
import Testing
@testable import OpenAPI

/// Merges one in-memory upstream named `up` mounted at `/up`.
func mergeOne(_ files: [String: JSONValue], excluded: [OperationSelector] = []) throws -> JSONValue {
    let doc = try load(files).get()
    return SpecAggregator.merge([AggregatedUpstream(name: "up", mountPrefix: "/up", document: doc, excluded: excluded)],
                                gateway: gatewayInfo)
}

@Suite struct AggregationRewriteTests {
    @Test func discriminatorMappingsFollowRenamedSchemas() throws {
        let pet: JSONValue = ["oneOf": [["$ref": "#/components/schemas/Cat"], ["$ref": "#/components/schemas/Dog"]],
                              "discriminator": ["propertyName": "kind"]]
        let named: JSONValue = ["oneOf": [["$ref": "#/components/schemas/Cat"]],
                                "discriminator": ["propertyName": "kind", "mapping": ["c": "Cat", "d": "#/components/schemas/Dog"]]]
        let spec = spec30(paths: ["/p": ["get": ["responses": okResponses]]],
                          components: ["schemas": ["Pet": pet, "Named": named, "Cat": ["type": "object"], "Dog": ["type": "object"]]])
        let merged = try mergeOne(["/spec.json": spec])
        let schemas = merged["components"]?["schemas"]
        #expect(schemas?["up_Pet"]?["discriminator"]?["mapping"] == ["Cat": "#/components/schemas/up_Cat",
                                                                      "Dog": "#/components/schemas/up_Dog"])
        #expect(schemas?["up_Named"]?["discriminator"]?["mapping"] == ["c": "#/components/schemas/up_Cat",
                                                                        "d": "#/components/schemas/up_Dog"])
    }

    @Test func converts30KeywordEdgeCases() throws {
        let spec = spec30(paths: ["/p": ["get": ["responses": okResponses]]], components: ["schemas": [
            "A": ["nullable": true, "allOf": [["type": "object"]]],
            "B": ["type": "integer", "maximum": 5, "exclusiveMaximum": false, "nullable": false],
            "C": ["type": "integer", "maximum": 5, "exclusiveMaximum": true],
            "D": ["type": "object", "properties": ["nullable": ["type": "string", "nullable": true]]],
        ]])
        let s = try mergeOne(["/spec.json": spec])["components"]?["schemas"]
        #expect(s?["up_A"] == ["allOf": [["type": "object"]]])
        #expect(s?["up_B"] == ["type": "integer", "maximum": 5])
        #expect(s?["up_C"] == ["type": "integer", "exclusiveMaximum": 5])
        // A property *named* nullable is a property, not the keyword.
        #expect(s?["up_D"]?["properties"]?["nullable"] == ["type": ["string", "null"]])
    }

    @Test func importsOtherFilesUnderTheNamespaceWithoutCollisions() throws {
        let spec = spec31(paths: ["/p": ["post": ["responses": okResponses, "requestBody": ["content": ["application/json": [
            "schema": ["type": "object", "properties": [
                "a": ["$ref": "a.json#/Item"], "b": ["$ref": "b.json#/Item"], "c": ["$ref": "#/components/schemas/Item"]]]]]]]]],
                          components: ["schemas": ["Item": ["type": "string"]]])
        let merged = try mergeOne(["/spec.json": spec, "/a.json": ["Item": ["type": "integer"]], "/b.json": ["Item": ["type": "boolean"]]])
        let props = merged["paths"]?["/up/p"]?["post"]?["requestBody"]?["content"]?["application/json"]?["schema"]?["properties"]
        #expect(props == ["a": ["$ref": "#/components/schemas/up_Item_2"], "b": ["$ref": "#/components/schemas/up_Item_3"],
                          "c": ["$ref": "#/components/schemas/up_Item"]])
        #expect(merged["components"]?["schemas"]?.objectValue?.keys == ["up_Item", "up_Item_2", "up_Item_3"])
        #expect(merged["components"]?["schemas"]?["up_Item_3"] == ["type": "boolean"])
    }

    @Test func referencesIntoPathsFollowTheMountPrefix() throws {
        let spec = spec31(paths: [
            "/a": ["get": ["responses": okResponses, "parameters": [["name": "q", "in": "query", "schema": ["type": "string"]]]]],
            "/b": ["get": ["responses": okResponses, "parameters": [["$ref": "#/paths/~1a/get/parameters/0"]]]]])
        let merged = try mergeOne(["/spec.json": spec])
        #expect(merged["paths"]?["/up/b"]?["get"]?["parameters"] == [["$ref": "#/paths/~1up~1a/get/parameters/0"]])
    }

    @Test func referencesIntoExcludedPathsAreImported() throws {
        let spec = spec31(paths: [
            "/auth": ["post": ["responses": okResponses, "parameters": [["name": "q", "in": "query", "schema": ["type": "string"]]]]],
            "/b": ["get": ["responses": okResponses, "parameters": [["$ref": "#/paths/~1auth/post/parameters/0"]]]]])
        let merged = try mergeOne(["/spec.json": spec], excluded: [.route(.post, "/auth")])
        #expect(merged["paths"]?["/up/auth"] == nil)
        #expect(merged["paths"]?["/up/b"]?["get"]?["parameters"] == [["$ref": "#/components/parameters/up_auth_post_parameters_0"]])
        #expect(merged["components"]?["parameters"]?["up_auth_post_parameters_0"]?["name"] == "q")
    }
}

@Suite struct AggregationExclusionRefTests {
    @Test func referencesIntoAnExcludedOperationOfAPublishedPathAreImported() throws {
        let spec = spec31(paths: [
            "/auth": ["post": ["responses": okResponses],
                      "delete": ["responses": okResponses, "parameters": [["name": "all", "in": "query", "schema": ["type": "boolean"]]]]],
            "/b": ["get": ["responses": okResponses, "parameters": [["$ref": "#/paths/~1auth/delete/parameters/0"]]]]])
        let merged = try mergeOne(["/spec.json": spec], excluded: [.route(.delete, "/auth")])
        #expect(merged["paths"]?["/up/auth"]?["delete"] == nil)
        #expect(merged["paths"]?["/up/auth"]?["post"] != nil)
        #expect(merged["paths"]?["/up/b"]?["get"]?["parameters"] == [["$ref": "#/components/parameters/up_auth_delete_parameters_0"]])
        for (where_, ref) in allRefs(merged) {
            #expect(JSONPointer(uriFragment: ref)?.resolve(in: merged) != nil, "dangling \(ref) at \(where_)")
        }
    }
}
