/// What a credential strategy adds to one upstream request.
public struct CredentialGrant: Sendable {
    /// Header fields to set (replacing any the caller sent with these names).
    public var headers: [(String, String)]
    /// Query parameters to append (`apiKey` in the query).
    public var queryItems: [(String, String)]
    /// Which cached token this is (nil for static secrets); handed back to `rejected(_:)` after a 401.
    public var generation: Int?

    /// Creates a grant.
    public init(headers: [(String, String)] = [], queryItems: [(String, String)] = [], generation: Int? = nil) {
        self.headers = headers
        self.queryItems = queryItems
        self.generation = generation
    }
}

/// Whether an upstream's credentials are obtained or obtainable (for `/readyz`).
public enum CredentialHealth: Sendable, Equatable {
    /// Static, cached, or not tried yet.
    case ready
    /// The last login/exchange failed (the stage and a reason without secrets).
    case failing(String)
}

/// Pipeline step 7: one upstream's auth strategy (API key, basic, bearer, session login, key exchange).
public protocol UpstreamCredential: Sendable {
    /// Header names this strategy sets; a caller's fields with these names are never forwarded.
    var headerNames: [String] { get }
    /// The auth for the next request (may log in or exchange a key: once for all concurrent callers).
    func grant() async throws(CredentialFailure) -> CredentialGrant
    /// The upstream answered 401 to a request carrying `grant`; drops that token and returns true
    /// when a fresh grant may succeed (token strategies), false for static secrets.
    func rejected(_ grant: CredentialGrant) async -> Bool
    /// Ready, or why not.
    func health() async -> CredentialHealth
    /// Releases what the strategy holds upstream (UpKeep: logs the session out).
    func shutdown() async
}

/// A login or key exchange that failed; the caller gets 502 naming the upstream and the stage,
/// never the secret or the upstream's raw answer.
public struct CredentialFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The upstream's name.
    public var upstream: String
    /// `session login` or `key exchange`.
    public var stage: String
    /// What went wrong, in words that carry no secret (`answered 401`, `connection refused`).
    public var reason: String

    /// Creates a failure.
    public init(upstream: String, stage: String, reason: String) {
        self.upstream = upstream
        self.stage = stage
        self.reason = reason
    }

    public var description: String { "\(upstream): \(stage) failed: \(reason)" }

    /// The 502 problem the caller gets.
    var problem: Problem {
        Problem(status: 502, slug: "upstream-credentials", title: "Upstream Credentials Unavailable",
                detail: "the gateway could not obtain credentials for '\(upstream)': \(stage) failed (\(reason))")
    }
}
