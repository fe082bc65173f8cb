/// The five upstreams that have a simulator.
public enum SimulatorVendor: String, Sendable, CaseIterable {
    case owlops, upkeep, trackops, owox, opsdeck

    /// The vendor's documented rate limit, if any.
    var documentedRateLimit: RateLimitRule? {
        switch self {
        case .owlops: return RateLimitRule(requests: 60, period: 60)
        case .trackops: return RateLimitRule(requests: 1, period: 1)
        case .upkeep, .owox, .opsdeck: return nil
        }
    }
}

/// The credentials a simulator accepts (demo values only, never real secrets).
public enum DemoCredentials: Sendable, Equatable {
    /// OwlOps: send as `X-Api-Key`.
    case apiKey(String)
    /// UpKeep: log in with `POST /api/v2/auth`.
    case login(email: String, password: String)
    /// Trackops: HTTP Basic with username `{username}/token` and the API token as password.
    case basic(username: String, apiToken: String)
    /// OWOX: the copied `owox_key_…` value (base64url JSON of apiOrigin, apiKeyId, apiKeySecret).
    case owoxKey(String)
    /// OpsDeck: `Authorization: Bearer …`.
    case bearer(String)

    /// Name/value lines for printing.
    public var lines: [(String, String)] {
        switch self {
        case .apiKey(let key): return [("X-Api-Key", key)]
        case .login(let email, let password): return [("email", email), ("password", password)]
        case .basic(let username, let token): return [("username", "\(username)/token"), ("api token", token)]
        case .owoxKey(let key): return [("API key", key)]
        case .bearer(let token): return [("bearer token", token)]
        }
    }
}

/// Fixed demo values (the same on every run, so a demo `gateway.yaml` can name them).
public enum DemoValues {
    /// OwlOps demo key.
    public static let owlopsKey = "owlk_demo_00000000000000000000000000"
    /// A second OwlOps key (per-key rate limits).
    public static let owlopsSecondKey = "owlk_demo_11111111111111111111111111"
    /// UpKeep demo login.
    public static let upkeepEmail = "demo@upkeep.example"
    /// UpKeep demo password.
    public static let upkeepPassword = "demo-password-0000"
    /// Trackops demo username (sent as `demo/token`).
    public static let trackopsUsername = "demo"
    /// A Trackops Limited Access employee (refused with 403).
    public static let trackopsLimitedUsername = "limited"
    /// Trackops demo API token.
    public static let trackopsToken = "00000000-demo-0000-0000-000000000000"
    /// OWOX demo key id (`pmk_` + 22 characters).
    public static let owoxKeyId = "pmk_demo000000000000000000"
    /// OWOX demo key secret.
    public static let owoxKeySecret = "demo_secret_00000000000000000000"
    /// OpsDeck demo bearer token.
    public static let opsdeckToken = "opsdeck_demo_token_00000000000000000000"
}
