import Document
import Foundation
import Testing
@testable import OpenAPI

/// The two fixture upstreams, as the gateway would configure them.
func fixtureUpstreams() throws -> [AggregatedUpstream] {
    [AggregatedUpstream(name: "pets", displayName: "Petstore", mountPrefix: "/pets-api/", document: try loadFixture("petstore-30.yaml")),
     AggregatedUpstream(name: "tasks", displayName: "Tasks", mountPrefix: "/tasks", document: try loadFixture("tasks-31.yaml"),
                        excluded: [.route(.post, "/auth"), .operationId("logout")])]
}

let gatewayInfo = GatewayDocumentInfo(title: "Gateway", version: "1.0.0", publicURL: "https://gateway.example.com")

/// Every `$ref` string in a value, with where it is.
func allRefs(_ v: JSONValue, _ p: JSONPointer = .root) -> [(JSONPointer, String)] {
    switch v {
    case .object(let o):
        var out: [(JSONPointer, String)] = []
        if case .string(let r)? = o["$ref"] { out.append((p, r)) }
        for (k, x) in o where k != "examples" && k != "example" { out += allRefs(x, p.appending(k)) }
        return out
    case .array(let a): return a.enumerated().flatMap { allRefs($1, p.appending($0)) }
    default: return []
    }
}

@Suite struct AggregationTests {
    @Test func rewritesRefsWhenNamespacing() throws {
        let merged = SpecAggregator.merge(try fixtureUpstreams(), gateway: gatewayInfo)
        let schemas = try #require(merged["components"]?["schemas"]?.objectValue)
        #expect(schemas.keys == ["pets_NewPet", "pets_Pet", "pets_Error", "tasks_Task"])
        let listPets = merged["paths"]?["/pets-api/pets"]?["get"]
        #expect(listPets?["operationId"] == "pets_listPets")
        #expect(listPets?["parameters"]?.arrayValue?.first == ["$ref": "#/components/parameters/pets_PageSize"])
        #expect(merged["components"]?["responses"]?["pets_Problem"]?["content"]?["application/json"]?["schema"]
                == ["$ref": "#/components/schemas/pets_Error"])
        // Recursive reference inside the imported file's schema points at the imported copy.
        #expect(schemas["pets_Error"]?["properties"]?["details"]?["items"] == ["$ref": "#/components/schemas/pets_Error"])
        for (where_, ref) in allRefs(merged) {
            #expect(JSONPointer(uriFragment: ref)?.resolve(in: merged) != nil, "dangling \(ref) at \(where_)")
        }
    }

    @Test func converts30SchemasTo31() throws {
        let merged = SpecAggregator.merge(try fixtureUpstreams(), gateway: gatewayInfo)
        let newPet = try #require(merged["components"]?["schemas"]?["pets_NewPet"])
        #expect(newPet["properties"]?["nickname"] == ["type": ["string", "null"]])
        #expect(newPet["properties"]?["weight"] == ["type": "number", "exclusiveMinimum": 0])
        #expect(newPet["properties"]?["name"]?["examples"] == ["Rex"])
        #expect(newPet["properties"]?["name"]?["example"] == nil)
        #expect(newPet["properties"]?["parent"] == ["$ref": "#/components/schemas/pets_Pet"])
        let status = merged["paths"]?["/pets-api/pets"]?["get"]?["parameters"]?.arrayValue?[1]["schema"]
        #expect(status == ["type": ["string", "null"], "enum": ["available", "sold", nil]])
        #expect(merged["openapi"] == "3.1.0")
    }

    @Test func excludesGatewayOwnedOperationsAndReplacesSecurity() throws {
        let merged = SpecAggregator.merge(try fixtureUpstreams(), gateway: gatewayInfo)
        let paths = try #require(merged["paths"]?.objectValue)
        #expect(paths.keys == ["/pets-api/pets", "/pets-api/pets/{petId}", "/pets-api/pets/{petId}.ndjson", "/tasks/tasks"])
        #expect(merged["components"]?["securitySchemes"]?.objectValue?.keys == ["gatewayBearer"])
        #expect(merged["security"] == [["gatewayBearer": []]])
        #expect(merged["servers"] == [["url": "https://gateway.example.com"]])
        #expect(paths["/pets-api/pets"]?["get"]?["security"] == nil)
        let routes = SpecAggregator.routes(try fixtureUpstreams()).map { "\($0.method) \($0.publicPath) \($0.upstream) \($0.operationId ?? "-")" }
        #expect(routes == ["GET /pets-api/pets pets listPets", "POST /pets-api/pets pets createPet",
                           "GET /pets-api/pets/{petId} pets getPet", "DELETE /pets-api/pets/{petId} pets deletePet",
                           "GET /pets-api/pets/{petId}.ndjson pets exportPet",
                           "GET /tasks/tasks tasks listTasks", "POST /tasks/tasks tasks createTask"])
    }

    @Test func groupsTagsPerUpstream() throws {
        let merged = SpecAggregator.merge(try fixtureUpstreams(), gateway: gatewayInfo)
        #expect(merged["tags"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["pets: pets", "pets", "tasks: tasks"])
        #expect(merged["x-tagGroups"] == [["name": "Petstore", "tags": ["pets: pets", "pets"]],
                                          ["name": "Tasks", "tags": ["tasks: tasks"]]])
        #expect(merged["paths"]?["/pets-api/pets/{petId}.ndjson"]?["get"]?["tags"] == ["pets"])
    }

    @Test func outputIsByteIdenticalForTheSameInputs() throws {
        let a = SpecAggregator.mergedJSON(try fixtureUpstreams(), gateway: gatewayInfo)
        let b = SpecAggregator.mergedJSON(try fixtureUpstreams(), gateway: gatewayInfo)
        #expect(a == b)
        #expect(a.count > 1000)
    }

    /// The first `python3` on PATH (the one a developer's shell would run).
    static let python3: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        .split(separator: ":").map { "\($0)/python3" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: python3 != nil, "python3 is not installed: openapi-spec-validator check skipped"))
    func mergedDocumentPassesOpenAPISpecValidator() throws {
        let python = try #require(Self.python3)
        let (status, output) = try runSpecValidator(python, SpecAggregator.mergedJSON(try fixtureUpstreams(), gateway: gatewayInfo))
        #expect(status == 0,
                "openapi-spec-validator rejected the merged document (install it with `python3 -m pip install openapi-spec-validator`):\n\(output)")
    }
}

/// Runs `python3 -m openapi_spec_validator` on a merged document; returns its exit status and output.
func runSpecValidator(_ python: String, _ bytes: [UInt8]) throws -> (Int32, String) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("gateway-merged-\(getpid())-\(bytes.count).json").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-m", "openapi_spec_validator", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
}

@Suite struct RealMergeSpecValidatorTests {
    /// About 8 s (openapi-spec-validator on ~100 paths): opt in with GATEWAY_SLOW_TESTS=1.
    @Test(.enabled(if: AggregationTests.python3 != nil && ProcessInfo.processInfo.environment["GATEWAY_SLOW_TESTS"] == "1",
                   "slow: set GATEWAY_SLOW_TESTS=1 (and have python3) to validate the merge of all real specs"))
    func mergeOfAllRealSpecsPassesOpenAPISpecValidator() async throws {
        let python = try #require(AggregationTests.python3)
        let ups = try await RealSpecMergeTests.upstreams()
        let (status, output) = try runSpecValidator(python, SpecAggregator.mergedJSON(ups, gateway: gatewayInfo))
        #expect(status == 0, "openapi-spec-validator rejected the merged real specs:\n\(output)")
    }
}
