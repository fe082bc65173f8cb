/// One API behind the gateway: where it is mounted, its spec, where it lives, and how to call it.
public struct UpstreamConfiguration: Sendable {
    /// Unique name (`owlops`): lowercase letters, digits and `-`.
    public var name: String
    /// Public path prefix (`/owlops`): requests under it go to this upstream, prefix removed.
    public var mount: String
    /// The upstream's OpenAPI document (resolved path).
    public var specPath: String
    /// Where requests are forwarded (`https://api.onupkeep.com`).
    public var baseURL: UpstreamURL
    /// How the gateway authenticates to the upstream.
    public var auth: UpstreamAuth
    /// The upstream's limit (per upstream credential); nil: not limited by the gateway.
    public var rateLimit: RateLimitConfiguration?
    /// Connect / first-byte / total timeouts for each forwarded request.
    public var timeouts: UpstreamTimeouts
    /// Extra PEM CA bundle to trust for this upstream (resolved path); nil: system roots.
    public var caFile: String?
    /// When false (default), a query parameter the operation does not declare is a 400.
    public var allowUndeclaredQueryParameters: Bool

    public init(name: String, mount: String, specPath: String, baseURL: UpstreamURL, auth: UpstreamAuth,
                rateLimit: RateLimitConfiguration?, timeouts: UpstreamTimeouts = UpstreamTimeouts(),
                caFile: String? = nil, allowUndeclaredQueryParameters: Bool = false) {
        self.name = name
        self.mount = mount
        self.specPath = specPath
        self.baseURL = baseURL
        self.auth = auth
        self.rateLimit = rateLimit
        self.timeouts = timeouts
        self.caFile = caFile
        self.allowUndeclaredQueryParameters = allowUndeclaredQueryParameters
    }
}

/// Timeouts for one forwarded request.
public struct UpstreamTimeouts: Sendable, Hashable {
    /// TCP + TLS connect; default 5 s.
    public var connect: Duration
    /// From request sent to the first response byte; default 30 s.
    public var firstByte: Duration
    /// The whole exchange; default 60 s.
    public var total: Duration

    public init(connect: Duration = .seconds(5), firstByte: Duration = .seconds(30), total: Duration = .seconds(60)) {
        self.connect = connect
        self.firstByte = firstByte
        self.total = total
    }
}
