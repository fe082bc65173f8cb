import Document
import HTTP

/// Pipeline step 2: paths the gateway answers itself. `/openapi.json` (the aggregated document,
/// `ETag` + 304 on `If-None-Match`), `/healthz` (the process serves), `/readyz` (every spec loaded,
/// every upstream's credentials obtained or obtainable), `/metrics` (rate-limit counters, JSON).
public struct AdminEndpoints: Sendable {
    /// The merged document's bytes.
    public let openAPIDocument: [UInt8]
    /// Strong ETag of the document (quoted SHA-256 prefix).
    public let etag: String
    private let upstreams: [Upstream]
    private let metrics: @Sendable () -> JSONValue
    /// `/metrics` in Prometheus text when the caller accepts it (set by `Pipeline` from its rate-limit step).
    public var prometheus = MetricsEndpoint(limiters: nil)

    /// Serves `openAPIDocument`; readiness asks `upstreams`' credentials; `/metrics` shows `metrics()`.
    public init(openAPIDocument: [UInt8], upstreams: [Upstream], metrics: @escaping @Sendable () -> JSONValue = { [:] }) {
        self.openAPIDocument = openAPIDocument
        etag = "\"" + String(Crypto.hex(Crypto.sha256(openAPIDocument)).prefix(32)) + "\""
        self.upstreams = upstreams
        self.metrics = metrics
    }

    /// True for the paths answered here.
    public func handles(_ path: Substring) -> Bool {
        path == "/openapi.json" || path == "/healthz" || path == "/readyz" || path == "/metrics"
    }

    /// The answer for an admin path (only GET and HEAD; 405 otherwise).
    public func respond(to head: HTTPRequestHead, requestId: String) async -> HTTPServerResponse {
        guard head.method == .GET || head.method == .HEAD else {
            return Problem(status: 405, slug: "method-not-allowed", title: "Method Not Allowed",
                           detail: "\(head.method) is not allowed on '\(head.path)'; allowed: GET, HEAD",
                           headers: [("Allow", "GET, HEAD")]).response(requestId: requestId)
        }
        switch head.path {
        case "/openapi.json": return document(head)
        case "/healthz": return json(200, ["status": "ok"])
        case "/metrics": return MetricsEndpoint.wantsText(head) ? prometheus.respond() : json(200, metrics())
        default: return await readiness()
        }
    }

    /// The merged document, or 304 when `If-None-Match` names its ETag (or `*`).
    func document(_ head: HTTPRequestHead) -> HTTPServerResponse {
        var headers = HTTPHeaders()
        headers.add(name: "ETag", value: etag)
        headers.add(name: "Cache-Control", value: "no-cache")
        if Self.matches(ifNoneMatch: head.headers.values(for: "If-None-Match"), etag: etag) {
            return HTTPServerResponse(status: .notModified, headers: headers)
        }
        headers.add(name: "Content-Type", value: "application/json")
        return HTTPServerResponse(status: .ok, headers: headers, body: .bytes(openAPIDocument))
    }

    /// RFC 9110 §13.1.2: weak comparison; `*` matches any current representation.
    static func matches(ifNoneMatch values: [String], etag: String) -> Bool {
        for value in values {
            for candidate in value.split(separator: ",") {
                var tag = Substring(candidate.filter { $0 != " " && $0 != "\t" })
                if tag == "*" { return true }
                if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
                if tag == etag { return true }
            }
        }
        return false
    }

    /// 200 `{"status":"ready"}` or 503 with each failing upstream and why.
    func readiness() async -> HTTPServerResponse {
        var failing: [(String, JSONValue)] = []
        for upstream in upstreams {
            if case .failing(let reason) = await upstream.credential.health() {
                failing.append((upstream.name, .string(reason)))
            }
        }
        if failing.isEmpty { return json(200, ["status": "ready", "upstreams": .number(JSONNumber(upstreams.count))]) }
        return json(503, ["status": "not ready", "failing": .object(JSONObject(failing))])
    }

    func json(_ status: Int, _ value: JSONValue) -> HTTPServerResponse {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Cache-Control", value: "no-store")
        return HTTPServerResponse(status: HTTPStatus(code: status), headers: headers, body: .bytes(JSONWriter.write(value)))
    }
}
