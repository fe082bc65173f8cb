import Document

/// OWOX Data Marts HTTP API: API-key exchange for access tokens bound to their key id (403 on a
/// mismatched `X-OWOX-Api-Key-Id`), `GET /api/auth/context`, and NDJSON rows streamed from the
/// data-mart and report endpoints.
actor OWOXSimulator: VendorSimulator {
    private struct Token { let keyId: String; let expiresAt: Double }

    private let context: SimulatorContext
    private let marts: [String: OWOXDataMart]
    private let reports: [String: OWOXDataMart]
    private var tokens: [String: Token] = [:]
    private var lifetime = OWOXSimulator.defaultLifetime
    private var issued = 0
    var runs = 0
    static let defaultLifetime = 900

    init(context: SimulatorContext) {
        self.context = context
        let catalog = OWOXDataMart.catalog(seed: context.seed)
        marts = Dictionary(uniqueKeysWithValues: catalog.marts.map { ($0.id, $0) })
        reports = Dictionary(uniqueKeysWithValues: catalog.reports.map { ($0.id, $0) })
        credentials = .owoxKey(OWOXKey.mint(apiOrigin: context.origin, apiKeyId: DemoValues.owoxKeyId,
                                            apiKeySecret: DemoValues.owoxKeySecret))
    }

    nonisolated let credentials: DemoCredentials
    nonisolated var secretHeaders: [String] { ["x-owox-authorization"] }

    nonisolated func faultResponse(status: Int, retryAfter: Int?) -> SimResponse {
        let code = status == 429 ? "TOO_MANY_REQUESTS" : "INTERNAL_SERVER_ERROR"
        return error(status, "Simulated failure", code, headers: retryAfter.map { [("Retry-After", String($0))] } ?? [])
    }

    /// The vendor's error body.
    nonisolated private func error(_ status: Int, _ message: String, _ code: String, headers: [(String, String)] = []) -> SimResponse {
        .json(status, .obj([("statusCode", .int(status)), ("message", .string(message)), ("code", .string(code)),
                            ("timestamp", .string(SimTime.iso(context.clock.now())))]), headers: headers)
    }

    func revokeAllTokens() { tokens.removeAll() }
    func setTokenLifetime(_ seconds: Int?) { lifetime = seconds ?? Self.defaultLifetime }

    func handle(_ request: SimRequest) async -> SimReply {
        if request.path == "/api/auth/api-keys/exchange" {
            guard request.method == "POST" else { return SimReply(error(404, "Cannot \(request.method) \(request.path)", "NOT_FOUND"), rejection: "method") }
            return exchange(request)
        }
        let keyId = request.headers["X-OWOX-Api-Key-Id"]
        guard let auth = request.headers["x-owox-authorization"], auth.hasPrefix("Bearer "),
              let token = tokens[String(auth.dropFirst(7))], token.expiresAt > context.clock.now() else {
            return SimReply(error(401, "Invalid or expired access token", "AUTHENTICATION_ERROR"), rejection: "invalid or expired token")
        }
        guard keyId == token.keyId else {
            return SimReply(error(403, "Access token does not belong to this API key", "FORBIDDEN"), rejection: "key id mismatch")
        }
        let credential = String(auth.dropFirst(7))
        guard request.method == "GET" || request.method == "HEAD" else {
            return SimReply(error(404, "Cannot \(request.method) \(request.path)", "NOT_FOUND"), credential: credential, rejection: "route")
        }
        let response: SimResponse
        let s = request.segments
        if request.path == "/api/auth/context" {
            response = .json(200, .obj([("apiKeyId", .string(token.keyId)), ("projectId", "sim-project-0001"),
                                        ("roles", ["viewer"])]))
        } else if s.count == 5, s[0] == "api", s[1] == "external", s[2] == "http-data", s[4].hasSuffix(".ndjson") {
            let id = String(s[4].dropLast(7))
            let source = s[3] == "data-marts" ? marts[id] : s[3] == "reports" ? reports[id] : nil
            if let source {
                response = rows(source, request)
            } else {
                response = error(404, "Data mart or report not found", "NOT_FOUND")
            }
        } else {
            response = error(404, "Cannot GET \(request.path)", "NOT_FOUND")
        }
        return SimReply(response, credential: credential, rejection: response.status >= 400 ? "status \(response.status)" : nil)
    }

    /// `POST /api/auth/api-keys/exchange`: key id + secret → access token bound to the key id.
    private func exchange(_ request: SimRequest) -> SimReply {
        guard let secret = request.jsonBody?["apiKeySecret"]?.stringValue, !secret.isEmpty else {
            return SimReply(error(400, "apiKeySecret must be a non-empty string", "BAD_REQUEST"), rejection: "bad exchange body")
        }
        guard request.headers["X-OWOX-Api-Key-Id"] == DemoValues.owoxKeyId, secret == DemoValues.owoxKeySecret else {
            return SimReply(error(401, "Invalid API key", "AUTHENTICATION_ERROR"), rejection: "wrong API key")
        }
        issued += 1
        let token = "owox_sim_access_\(issued)_" + SHA256.hex("\(context.seed)/\(issued)").prefix(24)
        tokens[token] = Token(keyId: DemoValues.owoxKeyId, expiresAt: context.clock.now() + Double(lifetime))
        return SimReply(.json(201, .obj([("accessToken", .string(token)), ("accessTokenExpiresIn", .int(lifetime))])),
                        credential: DemoValues.owoxKeyId, event: .keyExchange)
    }
}
