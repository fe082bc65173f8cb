import Document

/// What a simulator has seen, for tests (`Simulator.stats()`) and for `GET /__sim/stats`.
/// Secrets appear only as `CredentialFingerprint`s.
public struct SimulatorStats: Sendable, Equatable {
    /// A request the simulator refused (auth, rate limit, validation, unknown route).
    public struct RejectedCall: Sendable, Equatable {
        /// `GET`, `POST`, ….
        public var method: String
        /// The request path.
        public var path: String
        /// The status answered.
        public var status: Int
        /// Why, in a few words.
        public var reason: String
    }

    /// A request header as last seen; secret headers hold a fingerprint instead of the value.
    public struct SeenHeader: Sendable, Equatable {
        /// Field name as sent.
        public var name: String
        /// Value, or `sha256:xxxxxxxx` for a secret header.
        public var value: String
    }

    /// Vendor requests received (not counting `/__sim/…`).
    public var requests = 0
    /// Accepted requests per credential fingerprint.
    public var requestsByCredential: [String: Int] = [:]
    /// Successful logins (UpKeep `POST /api/v2/auth`).
    public var logins = 0
    /// Logouts (UpKeep `DELETE /api/v2/auth`).
    public var logouts = 0
    /// Successful key exchanges (OWOX `POST /api/auth/api-keys/exchange`).
    public var keyExchanges = 0
    /// Number of refused requests.
    public var rejected = 0
    /// The most recent refused requests (at most 100).
    public var rejectedCalls: [RejectedCall] = []
    /// Requests answered by an injected fault (error status, 429, malformed, cut short).
    public var faultsInjected = 0
    /// The headers of the most recent vendor request.
    public var lastHeaders: [SeenHeader] = []

    /// The stats as JSON (the body of `GET /__sim/stats`).
    public var json: JSONValue {
        let byCredential = JSONObject(requestsByCredential.sorted { $0.key < $1.key }.map { ($0.key, .number(.init($0.value))) })
        let calls: [JSONValue] = rejectedCalls.map { call in
            .object(JSONObject([("method", .string(call.method)), ("path", .string(call.path)),
                                ("status", .number(.init(call.status))), ("reason", .string(call.reason))]))
        }
        let headers: [JSONValue] = lastHeaders.map { .object(JSONObject([("name", .string($0.name)), ("value", .string($0.value))])) }
        return .object(JSONObject([
            ("requests", .number(.init(requests))),
            ("requestsByCredential", .object(byCredential)),
            ("logins", .number(.init(logins))),
            ("logouts", .number(.init(logouts))),
            ("keyExchanges", .number(.init(keyExchanges))),
            ("rejected", .number(.init(rejected))),
            ("rejectedCalls", .array(calls)),
            ("faultsInjected", .number(.init(faultsInjected))),
            ("lastHeaders", .array(headers)),
        ]))
    }
}
