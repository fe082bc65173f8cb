import Document
import Foundation

/// Trackops Developer API: Basic auth as `{username}/token` + API token, 1 request/second per
/// account, bare-array collections with `page`/`per_page`/`dir`, `mode=count`, 400 for unknown
/// parameters, and `POST /cases` (`{"casefile": {...}}`).
actor TrackopsSimulator: VendorSimulator {
    private let context: SimulatorContext
    private var records: [String: [JSONValue]] = [:]
    private var limiter: SlidingWindowLimiter?

    init(context: SimulatorContext) {
        self.context = context
        for collection in TrackopsCollection.all { records[collection.path] = collection.generate(seed: context.seed) }
        limiter = context.rateLimit.map(SlidingWindowLimiter.init)
    }

    nonisolated var credentials: DemoCredentials { .basic(username: DemoValues.trackopsUsername, apiToken: DemoValues.trackopsToken) }
    nonisolated var secretHeaders: [String] { ["Authorization"] }

    nonisolated func faultResponse(status: Int, retryAfter: Int?) -> SimResponse {
        let message = status == 429 ? "Too many requests. Please limit requests to 1 per second." : "Internal server error."
        return .json(status, ["error": .string(message)], headers: retryAfter.map { [("Retry-After", String($0))] } ?? [])
    }

    /// The vendor's error body.
    private static func error(_ status: Int, _ message: String) -> SimResponse { .json(status, ["error": .string(message)]) }

    func handle(_ request: SimRequest) async -> SimReply {
        guard let (username, token) = Self.basic(request.headers["Authorization"]),
              username.hasSuffix("/token"), token == DemoValues.trackopsToken else {
            return SimReply(Self.error(401, "Unauthorized."), rejection: "missing or wrong credentials")
        }
        let user = String(username.dropLast(6))
        if user == DemoValues.trackopsLimitedUsername {
            return SimReply(Self.error(403, "API access is not permitted for this user."), rejection: "limited access user")
        }
        guard user == DemoValues.trackopsUsername else {
            return SimReply(Self.error(401, "Unauthorized."), rejection: "unknown user")
        }
        let credential = "\(username):\(token)"
        if var l = limiter {
            let wait = l.acquire(key: user, now: context.clock.now())
            limiter = l
            if wait != nil {
                return SimReply(Self.error(429, "Too many requests. Please limit requests to 1 per second."),
                                credential: credential, rejection: "rate limit")
            }
        }
        let response = route(request)
        return SimReply(response, credential: credential, rejection: response.status >= 400 ? "status \(response.status)" : nil)
    }

    /// `(username, password)` from `Basic base64(user:pass)`.
    static func basic(_ header: String?) -> (String, String)? {
        guard let header, header.lowercased().hasPrefix("basic "),
              let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
              let text = String(data: data, encoding: .utf8), let colon = text.lastIndex(of: ":") else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    /// Dispatches a request to its endpoint (unknown paths get the vendor's 404).
    private func route(_ request: SimRequest) -> SimResponse {
        guard request.path.hasPrefix("/api/v1/") else { return Self.error(404, "Not found.") }
        let rest = String(request.path.dropFirst(8))
        guard let collection = TrackopsCollection.all.first(where: { $0.path == rest }) else { return Self.error(404, "Not found.") }
        switch request.method {
        case "GET", "HEAD": return list(collection, request)
        case "POST" where collection.path == "cases": return createCase(request)
        default: return Self.error(405, "Method not allowed.")
        }
    }

    /// One page of a collection, in the vendor's envelope, after its filters.
    private func list(_ collection: TrackopsCollection, _ request: SimRequest) -> SimResponse {
        let allowed = Set(collection.filters + TrackopsCollection.common)
        if let unknown = request.query.first(where: { !allowed.contains($0.name) }) {
            return Self.error(400, "Invalid request parameter: \(unknown.name)")
        }
        let page = request.query("page").map { strictInt($0) ?? 0 } ?? 1
        let perPage = request.query("per_page").map { strictInt($0) ?? 0 } ?? 100
        let dir = request.query("dir") ?? "desc"
        guard page >= 1 else { return Self.error(400, "Invalid value for page.") }
        guard (1...100).contains(perPage) else { return Self.error(400, "Invalid value for per_page.") }
        guard dir == "asc" || dir == "desc" else { return Self.error(400, "Invalid value for dir.") }
        if let mode = request.query("mode"), mode != "count" { return Self.error(400, "Invalid value for mode.") }
        var rows = (records[collection.path] ?? []).filter { matches($0, request, collection) }
        if dir == "desc" { rows.reverse() }
        if request.query("mode") == "count" {
            return .json(200, .obj([("record_count", .int(rows.count)), ("page_count", .int((rows.count + perPage - 1) / perPage))]))
        }
        return .json(200, .array(PageSlice(rows, page: page, size: perPage).items))
    }

    /// Equality on plain filters (where the record has the field), ranges on `*_from`/`*_to`.
    private func matches(_ record: JSONValue, _ request: SimRequest, _ collection: TrackopsCollection) -> Bool {
        for (name, value) in request.query where !TrackopsCollection.common.contains(name) {
            var field = name, bound: String?
            for suffix in ["_from_system", "_to_system", "_from", "_to"] where name.hasSuffix(suffix) {
                field = String(name.dropLast(suffix.count))
                bound = suffix.contains("from") ? "from" : "to"
                break
            }
            if name == "from" || name == "to" { field = collection.fromToField ?? "created"; bound = name }
            guard let actual = record[field]?.filterText else { continue }
            if let bound {
                guard let limit = SimTime.parse(value), let t = SimTime.parse(actual) else { return false }
                if bound == "from" ? t < limit : t > limit + (value.count == 10 ? 86_399 : 0) { return false }
            } else if actual != value {
                return false
            }
        }
        return true
    }

    /// `POST /cases`: stores `casefile` as a new case (201).
    private func createCase(_ request: SimRequest) -> SimResponse {
        guard let casefile = request.jsonBody?["casefile"]?.objectValue else {
            return Self.error(400, "casefile is required.")
        }
        var cases = records["cases"] ?? []
        let id = 1000 + cases.count
        var record = JSONObject([("id", .int(id)), ("case_number", .string("CA-\(20_000 + cases.count)")),
                                 ("case_status", .string("open")),
                                 ("created", .string(TrackopsCollection.timestamp(context.clock.now())))])
        for (key, value) in casefile where key != "id" { record[key] = value }
        cases.append(.object(record))
        records["cases"] = cases
        return .json(201, .object(record))
    }
}
