/// Whose limit a limiter enforces: one client's, or one upstream credential's.
public struct RateLimitScope: Sendable, Hashable, CustomStringConvertible {
    /// Client limits apply first, then the upstream's (DESIGN.md step 6).
    public enum Kind: String, Sendable, Hashable {
        /// A caller's own limit (`clients[].rateLimit`).
        case client
        /// An upstream credential's limit (`upstreams[].rateLimit`).
        case upstream
    }

    /// Client or upstream.
    public var kind: Kind
    /// The client's or upstream's name from `gateway.yaml`.
    public var name: String

    public init(_ kind: Kind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    /// The policy identifier in `RateLimit-Policy` / `RateLimit` (`"client"` or `"upstream"`).
    public var policyIdentifier: String { kind.rawValue }

    public var description: String { "\(kind.rawValue) \(name)" }
}
