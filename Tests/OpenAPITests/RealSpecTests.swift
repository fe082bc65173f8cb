import Document
import Foundation
import TestSupport
import Testing
@testable import OpenAPI

/// The repository's `specs/` directory.
let specsDirectory: String = {
    let parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    return parts.dropLast(3).joined(separator: "/") + "/specs"
}()

/// Every `*.yaml`/`*.json` under `specs/`.
func realSpecs() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: specsDirectory)) ?? [])
        .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
}

/// Every real spec, loaded once per test process on a dedicated thread. (The UpKeep document alone is
/// 17,000 lines: as a lazy global its one-time initialisation blocked every cooperative-pool thread that
/// touched it, two in CI, stalling the whole parallel suite for seconds.)
enum RealSpecCache {
    private static let all = Task { await OffPool.run { () -> [String: Result<OpenAPIDocument, OpenAPILoadError>] in
        var out: [String: Result<OpenAPIDocument, OpenAPILoadError>] = [:]
        for name in realSpecs() {
            out[name] = Result { () throws(OpenAPILoadError) -> OpenAPIDocument in
                try OpenAPILoader().load(path: "specs/" + name, workingDirectory: specsDirectory + "/..")
            }
        }
        return out
    } }

    /// The load result of `name`, or nil when it is not in `specs/`.
    static func result(_ name: String) async -> Result<OpenAPIDocument, OpenAPILoadError>? { await all.value[name] }
}

/// Loads `specs/<name>` with messages relative to the repository root.
func loadRealSpec(_ name: String) async throws(OpenAPILoadError) -> OpenAPIDocument {
    guard let result = await RealSpecCache.result(name) else {
        throw OpenAPILoadError(diagnostics: [LoadDiagnostic(file: name, location: nil, pointer: .root, message: "not in specs/")])
    }
    return try result.get()
}

@Suite struct RealSpecTests {
    @Test func specsDirectoryHoldsTheFiveUpstreams() {
        #expect(realSpecs().count >= 5, "specs/ should hold the five upstream documents")
    }

    @Test(arguments: realSpecs())
    func loadsRealSpecWithoutProblems(_ name: String) async throws {
        do {
            let doc = try await loadRealSpec(name)
            #expect(!doc.operations.isEmpty, "\(name) has no operations")
            _ = try await OffPool.run { try RequestValidator(document: doc) }
        } catch let error as OpenAPILoadError {
            Issue.record("\(name):\n\(error.description)")
        }
    }

    @Test(arguments: realSpecs())
    func mergesRealSpecWithoutDanglingReferences(_ name: String) async throws {
        let ns = String(name.split(separator: ".")[0])
        let up = AggregatedUpstream(name: ns, mountPrefix: "/" + ns, document: try await loadRealSpec(name))
        let dangling = await OffPool.run { () -> [String] in
            let merged = SpecAggregator.merge([up], gateway: gatewayInfo)
            return allRefs(merged).compactMap { where_, ref in
                JSONPointer(uriFragment: ref)?.resolve(in: merged) != nil ? nil : "dangling \(ref) at \(where_)"
            }
        }
        #expect(dangling.isEmpty, "\(dangling.prefix(5))")
    }
}

@Suite struct RealSpecRequestTests {
    @Test func owoxNdjsonRouteValidatesItsQuery() async throws {
        let doc = try await loadRealSpec("owox.yaml")
        let v = try await OffPool.run { try RequestValidator(document: doc) }
        let ok = v.validate(ValidationRequest(method: .get, target: "/api/external/http-data/data-marts/dm1.ndjson?column=date&column=sessions&limit=10"))
        #expect(ok.violations.isEmpty)
        #expect(ok.operation?.operationId == "getDataMartNdjson")
        #expect(ok.parameters[.path]?["dataMartId"] == "dm1")
        #expect(ok.parameters[.query]?["column"] == ["date", "sessions"])
        let bad = v.validate(ValidationRequest(method: .get, target: "/api/external/http-data/data-marts/dm1.ndjson?limit=0&offset=5"))
        #expect(bad.status == 400)
        #expect(bad.violations.map { "\($0.location.rawValue) \($0.name ?? "")" } == ["query limit", "query offset"])
    }
}

@Suite struct RealSpecMergeTests {
    /// The five upstreams as the gateway mounts them, without the operations the gateway performs itself.
    static func upstreams() async throws -> [AggregatedUpstream] {
        var ups: [AggregatedUpstream] = []
        for name in realSpecs() {
            let ns = String(name.split(separator: ".")[0])
            var excluded: [OperationSelector] = []
            if ns == "upkeep" { excluded = [.route(.post, "/api/v2/auth"), .route(.delete, "/api/v2/auth")] }
            if ns == "owox" { excluded = [.route(.post, "/api/auth/api-keys/exchange")] }
            ups.append(AggregatedUpstream(name: ns, mountPrefix: "/" + ns, document: try await loadRealSpec(name), excluded: excluded))
        }
        return ups
    }

    @Test func gatewayOwnedOperationsAreNotPublished() async throws {
        let ups = try await Self.upstreams()
        let routes = SpecAggregator.routes(ups).map { "\($0.method) \($0.publicPath)" }
        #expect(!routes.contains("POST /upkeep/api/v2/auth"))
        #expect(!routes.contains("DELETE /upkeep/api/v2/auth"))
        #expect(!routes.contains("POST /owox/api/auth/api-keys/exchange"))
        #expect(routes.contains("GET /owox/api/external/http-data/data-marts/{dataMartId}.ndjson"))
        let merged = await OffPool.run { SpecAggregator.merge(ups, gateway: gatewayInfo) }
        #expect(merged["paths"]?["/upkeep/api/v2/auth"] == nil)
        #expect(merged["paths"]?.objectValue?.count == Set(routes.map { $0.split(separator: " ")[1] }).count)
    }
}
