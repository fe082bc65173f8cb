import Document

/// OpsDeck REST API: bearer tokens; lists as the doc's `{items, total, page, page_size, pages}`
/// envelope when `page`/`page_size` are sent, else as the released server's bare array with
/// `limit`/`offset`; POST upserts by `external_ref` (201 created, 200 updated); 422 and 401 in
/// the released server's shapes.
actor OpsDeckSimulator: VendorSimulator {
    private let context: SimulatorContext
    private var tables: [String: [JSONValue]] = [:]
    private var nextID = 10_000

    static let readOnly = ["users", "assets", "peripherals", "licenses", "subscriptions", "services"]
    static let writable: [String: OpsDeckInput] = ["changes": .change, "incidents": .incident, "onboarding": .onboarding]

    init(context: SimulatorContext) {
        self.context = context
        tables = OpsDeckData.generate(seed: context.seed)
    }

    nonisolated var credentials: DemoCredentials { .bearer(DemoValues.opsdeckToken) }
    nonisolated var secretHeaders: [String] { ["Authorization"] }

    nonisolated func faultResponse(status: Int, retryAfter: Int?) -> SimResponse {
        Self.smorest(status, headers: retryAfter.map { [("Retry-After", String($0))] } ?? [])
    }

    /// A flask-smorest error body `{code, status[, errors]}`.
    static func smorest(_ status: Int, errors: JSONValue? = nil, headers: [(String, String)] = []) -> SimResponse {
        let names = [404: "Not Found", 405: "Method Not Allowed", 422: "Unprocessable Entity", 429: "Too Many Requests",
                     500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"]
        var o = JSONObject([("code", .int(status)), ("status", .string(names[status] ?? "Error"))])
        if let errors { o["errors"] = errors }
        return .json(status, .object(o), headers: headers)
    }

    func handle(_ request: SimRequest) async -> SimReply {
        guard let header = request.headers["Authorization"] else {
            return SimReply(.json(401, ["error": "Token is missing"]), rejection: "token missing")
        }
        guard header.hasPrefix("Bearer "), header.dropFirst(7) == DemoValues.opsdeckToken else {
            return SimReply(.json(401, ["error": "Token is invalid"]), rejection: "token invalid")
        }
        let response = route(request)
        return SimReply(response, credential: DemoValues.opsdeckToken,
                        rejection: response.status >= 400 ? "status \(response.status)" : nil)
    }

    /// Dispatches a request to its endpoint (unknown paths get the vendor's 404).
    private func route(_ request: SimRequest) -> SimResponse {
        let s = request.segments
        guard s.count == 3, s[0] == "api", s[1] == "v1" else { return Self.smorest(404) }
        let entity = s[2] == "onboardings" ? "onboarding" : s[2]
        guard Self.readOnly.contains(entity) || Self.writable[entity] != nil else { return Self.smorest(404) }
        switch request.method {
        case "GET", "HEAD": return list(entity, request)
        case "POST":
            guard let input = Self.writable[entity] else { return Self.smorest(405) }
            return upsert(entity, input, request)
        default: return Self.smorest(405)
        }
    }

    /// One page of a collection, in the vendor's envelope, after its filters.
    private func list(_ entity: String, _ request: SimRequest) -> SimResponse {
        var queryErrors = JSONObject()
        /// A strictly parsed integer query parameter (records a 422 message when invalid).
        func int(_ name: String, min: Int) -> Int? {
            guard let text = request.query(name) else { return nil }
            guard let n = strictInt(text), n >= min else {
                queryErrors[name] = .array([.string(min == 0 ? "Must be greater than or equal to 0." : "Must be greater than or equal to 1.")])
                return nil
            }
            return n
        }
        let page = int("page", min: 1), pageSize = int("page_size", min: 1)
        let limit = int("limit", min: 1), offset = int("offset", min: 0)
        if !queryErrors.isEmpty { return Self.smorest(422, errors: .obj([("query", .object(queryErrors))])) }
        let rows = tables[entity] ?? []
        if page != nil || pageSize != nil {
            let p = page ?? 1, size = pageSize ?? 25
            let slice = PageSlice(rows, page: p, size: size)
            return .json(200, .obj([("items", .array(slice.items)), ("total", .int(slice.total)), ("page", .int(p)),
                                    ("page_size", .int(size)), ("pages", .int(slice.totalPages))]))
        }
        return .json(200, .array(PageSlice(rows, offset: offset ?? 0, limit: limit ?? 100).items))
    }

    /// A POST: validated, then created (201) or updated by `external_ref` (200).
    private func upsert(_ entity: String, _ input: OpsDeckInput, _ request: SimRequest) -> SimResponse {
        guard let body = request.jsonBody?.objectValue else {
            return Self.smorest(422, errors: .obj([("json", .obj([("_schema", ["Invalid input type."])]))]))
        }
        let errors = input.errors(in: body)
        if !errors.isEmpty { return Self.smorest(422, errors: .obj([("json", .object(errors))])) }
        var rows = tables[entity] ?? []
        let ref = body["external_ref"]?.stringValue
        let existing = ref.flatMap { r in rows.firstIndex { $0["external_ref"]?.stringValue == r } }
        var record = existing.flatMap { rows[$0].objectValue } ?? JSONObject()
        if existing == nil {
            nextID += 1
            record["id"] = .int(nextID)
            for (name, value) in input.defaults { record[name] = .string(value) }
        }
        for (name, value) in body {
            switch name {
            case "requester", "reported_by", "owner", "assignee", "manager", "buddy":
                let column = name == "manager" ? "assigned_manager_id" : name == "buddy" ? "assigned_buddy_id" : name + "_id"
                record[column] = userID(value.stringValue).map { .int($0) } ?? .null
            default:
                record[name] = value
            }
        }
        record["updated_at"] = .string(SimTime.iso(context.clock.now()))
        if let existing { rows[existing] = .object(record) } else { rows.append(.object(record)) }
        tables[entity] = rows
        return .json(existing == nil ? 201 : 200, .object(record))
    }

    /// The id of the user with this email or name.
    private func userID(_ text: String?) -> Int? {
        guard let text else { return nil }
        return tables["users"]?.first { $0["email"]?.stringValue == text || $0["name"]?.stringValue == text }?["id"]?.numberValue?.intValue
    }
}
