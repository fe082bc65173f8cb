import Document

/// UpKeep API v2: session tokens from `POST /api/v2/auth` (JSON or form), sent as `Session-Token`,
/// expiring, invalidated by `DELETE /api/v2/auth`; `{success, result(s)}` envelopes; users,
/// locations, assets, parts and work orders with filters, `offset`/`limit`/`orderBy` and `includes`.
/// Other `/api/v2` resources answer 501 `{success: false, message}`.
actor UpKeepSimulator: VendorSimulator {
    struct Session { let userID: String; let expiresAt: Double }

    let context: SimulatorContext
    var tables: [String: [JSONValue]]
    private var sessions: [String: Session] = [:]
    private var lifetime = UpKeepSimulator.defaultLifetime
    private var issued = 0
    var created = 0
    /// 30 days (the doc shows an `expiresAt` but not the lifetime).
    static let defaultLifetime = 30 * 86_400

    init(context: SimulatorContext) {
        self.context = context
        tables = UpKeepData.generate(seed: context.seed)
    }

    nonisolated var credentials: DemoCredentials { .login(email: DemoValues.upkeepEmail, password: DemoValues.upkeepPassword) }
    nonisolated var secretHeaders: [String] { ["Session-Token"] }

    nonisolated func faultResponse(status: Int, retryAfter: Int?) -> SimResponse {
        Self.error(status, status == 429 ? "Too Many Requests" : "Internal Server Error",
                   headers: retryAfter.map { [("Retry-After", String($0))] } ?? [])
    }

    /// The vendor's error body.
    static func error(_ status: Int, _ message: String, headers: [(String, String)] = []) -> SimResponse {
        .json(status, .obj([("success", false), ("message", .string(message))]), headers: headers)
    }

    func revokeAllTokens() { sessions.removeAll() }
    func setTokenLifetime(_ seconds: Int?) { lifetime = seconds ?? Self.defaultLifetime }

    func handle(_ request: SimRequest) async -> SimReply {
        if request.path == "/api/v2/auth" && request.method == "POST" { return login(request) }
        guard let token = request.headers["Session-Token"], let session = sessions[token],
              session.expiresAt > context.clock.now() else {
            return SimReply(Self.error(401, "Unauthorized"), rejection: "missing, invalid or expired session token")
        }
        if request.path == "/api/v2/auth" && request.method == "DELETE" {
            sessions[token] = nil
            return SimReply(.json(200, .obj([("success", true), ("message", "session deleted")])), credential: token, event: .logout)
        }
        let response = route(request, userID: session.userID)
        return SimReply(response, credential: token, rejection: response.status >= 400 ? "status \(response.status)" : nil)
    }

    /// `POST /api/v2/auth`: email + password (JSON or form) → session token with expiry.
    private func login(_ request: SimRequest) -> SimReply {
        var email: String?, password: String?
        if request.contentType == "application/x-www-form-urlencoded" {
            let form = FormDecoding.pairs(String(decoding: request.body, as: UTF8.self))
            email = form.first { $0.name == "email" }?.value
            password = form.first { $0.name == "password" }?.value
        } else if let body = request.jsonBody?.objectValue {
            email = body["email"]?.stringValue
            password = body["password"]?.stringValue
        }
        guard let email, let password else {
            return SimReply(Self.error(400, "email and password are required"), rejection: "login without email/password")
        }
        guard email == DemoValues.upkeepEmail, password == DemoValues.upkeepPassword,
              let user = tables["users"]?.first(where: { $0["email"]?.stringValue == email })?["id"]?.stringValue else {
            return SimReply(Self.error(401, "Invalid email or password"), rejection: "wrong email or password")
        }
        issued += 1
        let token = "r:" + SHA256.hex("upkeep/\(context.seed)/\(issued)").prefix(32)
        let expiresAt = context.clock.now() + Double(lifetime)
        sessions[token] = Session(userID: user, expiresAt: expiresAt)
        return SimReply(.json(200, .obj([("success", true), ("result", .obj([("sessionToken", .string(token)),
                                                                              ("expiresAt", .string(SimTime.iso(expiresAt)))]))])),
                        credential: email, event: .login)
    }

    /// Dispatches a request to its endpoint (unknown paths get the vendor's 404).
    private func route(_ request: SimRequest, userID: String) -> SimResponse {
        let s = request.segments
        guard s.count >= 3, s[0] == "api", s[1] == "v2" else { return Self.error(404, "Not Found") }
        guard let resource = UpKeepResource.all.first(where: { $0.path == s[2] }), s.count <= 4 else {
            return Self.error(501, "Not implemented by the UpKeep simulator: \(request.method) \(request.path)")
        }
        switch (request.method, s.count) {
        case ("GET", 3), ("HEAD", 3): return list(resource, request)
        case ("POST", 3): return create(resource, request, userID: userID)
        case ("GET", 4), ("HEAD", 4): return detail(resource, id: s[3], request)
        case ("PATCH", 4): return update(resource, id: s[3], request)
        case ("DELETE", 4) where resource.deletable: return delete(resource, id: s[3])
        default: return Self.error(405, "Method Not Allowed")
        }
    }
}
