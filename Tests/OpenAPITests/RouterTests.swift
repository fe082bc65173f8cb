import Document
import Testing
@testable import OpenAPI

@Suite struct RouterTests {
    static let src = SchemaLocation(documentURI: "file:///t", pointer: .root)

    static func router(_ routes: [(String, String)], basePath: String = "") -> Router {
        Router(operations: routes.map { Operation(method: HTTPMethod($0.0), path: $0.1, operationId: "\($0.0) \($0.1)", source: src) },
               basePath: basePath)
    }

    static func matched(_ r: Router, _ method: String, _ path: String) -> (String, [String: String])? {
        guard case .matched(let m) = r.route(method: HTTPMethod(method), path: path) else { return nil }
        return (r.operations[m.operationIndex].operationId ?? "", m.pathParameters)
    }

    @Test func literalSegmentBeatsTemplate() {
        let r = Self.router([("GET", "/pets/{id}"), ("GET", "/pets/mine"), ("GET", "/pets/{id}/toys")])
        #expect(Self.matched(r, "GET", "/pets/mine")?.0 == "GET /pets/mine")
        #expect(Self.matched(r, "GET", "/pets/42")?.0 == "GET /pets/{id}")
        #expect(Self.matched(r, "GET", "/pets/42")?.1 == ["id": "42"])
        // The literal branch has no `toys` child: the search backtracks into the template.
        #expect(Self.matched(r, "GET", "/pets/mine/toys")?.1 == ["id": "mine"])
    }

    @Test func reports405WithAllow() {
        let r = Self.router([("GET", "/pets"), ("POST", "/pets"), ("DELETE", "/pets/{id}")])
        #expect(r.route(method: .put, path: "/pets") == .methodNotAllowed(allowed: [.get, .post]))
        #expect(r.route(method: .get, path: "/nothing") == .notFound)
        #expect(r.route(method: .get, path: "/pets/1") == .methodNotAllowed(allowed: [.delete]))
    }

    @Test func methodMissingOnLiteralFallsThroughToTemplate() {
        let r = Self.router([("GET", "/pets/mine"), ("DELETE", "/pets/{id}")])
        #expect(Self.matched(r, "DELETE", "/pets/mine")?.0 == "DELETE /pets/{id}")
        #expect(r.route(method: .put, path: "/pets/mine") == .methodNotAllowed(allowed: [.get, .delete]))
    }

    @Test func templatedSegmentWithSuffix() {
        let r = Self.router([("GET", "/data-marts/{dataMartId}"), ("GET", "/data-marts/{dataMartId}.ndjson"),
                             ("GET", "/v/{major}-{minor}")])
        #expect(Self.matched(r, "GET", "/data-marts/abc.ndjson")?.0 == "GET /data-marts/{dataMartId}.ndjson")
        #expect(Self.matched(r, "GET", "/data-marts/abc.ndjson")?.1 == ["dataMartId": "abc"])
        #expect(Self.matched(r, "GET", "/data-marts/abc")?.0 == "GET /data-marts/{dataMartId}")
        // A bare suffix with an empty id is not a match for the suffixed template.
        #expect(Self.matched(r, "GET", "/data-marts/.ndjson")?.0 == "GET /data-marts/{dataMartId}")
        #expect(Self.matched(r, "GET", "/v/1-2")?.1 == ["major": "1", "minor": "2"])
    }

    @Test func honoursBasePath() {
        let r = Self.router([("GET", "/work-orders")], basePath: "/api/v2/")
        #expect(Self.matched(r, "GET", "/api/v2/work-orders") != nil)
        #expect(r.route(method: .get, path: "/work-orders") == .notFound)
        #expect(r.route(method: .get, path: "/api/v2x/work-orders") == .notFound)
    }

    @Test func basePathFromServerURL() {
        #expect(OpenAPIDocument.basePath(ofServerURL: "https://api.example.com/api/v2/") == "/api/v2")
        #expect(OpenAPIDocument.basePath(ofServerURL: "https://api.example.com") == "")
        #expect(OpenAPIDocument.basePath(ofServerURL: "/v1") == "/v1")
    }

    @Test func percentDecodesPathParameters() {
        let r = Self.router([("GET", "/users/{name}"), ("GET", "/café")])
        #expect(Self.matched(r, "GET", "/users/J%C3%BCrgen%20M")?.1 == ["name": "Jürgen M"])
        #expect(Self.matched(r, "GET", "/caf%C3%A9")?.0 == "GET /café")
    }

    @Test func refusesMalformedPaths() {
        let r = Self.router([("GET", "/users/{name}"), ("GET", "/a/b")])
        #expect(r.route(method: .get, path: "/users/a%2Fb") == .badPath("path parameter 'name' must not contain an encoded '/'"))
        #expect(r.route(method: .get, path: "/users/%zz") == .badPath("the path has a malformed percent-escape"))
        #expect(r.route(method: .get, path: "/users/%FF") == .badPath("path parameter 'name' has an invalid percent-encoding"))
        #expect(r.route(method: .get, path: "/a/../a/b") == .badPath("path segments '.' and '..' are not allowed"))
        #expect(r.route(method: .get, path: "/a/b/") == .notFound)
        #expect(r.route(method: .get, path: "/users/") == .notFound)
    }

    @Test func manySiblingPathsResolveByOneHashLookupPerLevel() {
        // 5,000 literal siblings: a lookup is a hash probe per level, so the matching test below stays
        // fast; this checks correctness at that size (timing is the benchmark's job).
        var routes: [(String, String)] = []
        for i in 0..<5_000 { routes.append(("GET", "/r\(i)/{id}/x")) }
        let r = Self.router(routes)
        #expect(Self.matched(r, "GET", "/r4999/7/x")?.0 == "GET /r4999/{id}/x")
        #expect(r.nodes.first?.literals.count == 5_000)
    }
}
