/// Pool sizes and timeouts of an `HTTPClient`.
public struct HTTPClientConfiguration: Sendable {
    /// Most connections open to one origin at once; further requests wait (up to `poolTimeout`).
    public var maxConnectionsPerOrigin: Int
    /// A pooled connection unused this long is closed.
    public var idleTimeout: Duration
    /// Longest wait to establish a connection (TCP, plus TLS when it lands).
    public var connectTimeout: Duration
    /// Longest wait from sending a request until its response head has arrived.
    public var firstByteTimeout: Duration
    /// Longest wait for the next piece of a response body.
    public var bodyTimeout: Duration
    /// Longest a whole exchange may take, body included; nil for no overall bound.
    public var totalTimeout: Duration?
    /// Longest wait for a free connection when the origin's limit is reached.
    public var poolTimeout: Duration
    /// How long a host name's resolved address is reused before `getaddrinfo` runs again (the
    /// resolver does not report DNS TTLs); a failed connect forgets it at once. Zero: never cached.
    public var addressCacheLifetime: Duration
    /// Response parser limits; the body limit defaults to unlimited because bodies are streamed.
    public var limits: HTTPParserLimits
    /// TLS for https origins: TLS 1.2+, the system trust store unless a CA file is configured,
    /// SNI and host-name verification.
    public var tls: TLSConfiguration

    /// Defaults: 64 connections per origin, 60 s idle, 5 s connect, 30 s first byte, 30 s body gaps,
    /// no total bound, 5 s pool wait, resolved addresses reused for 30 s.
    public init(maxConnectionsPerOrigin: Int = 64, idleTimeout: Duration = .seconds(60),
                connectTimeout: Duration = .seconds(5), firstByteTimeout: Duration = .seconds(30),
                bodyTimeout: Duration = .seconds(30), totalTimeout: Duration? = nil,
                poolTimeout: Duration = .seconds(5), addressCacheLifetime: Duration = .seconds(30),
                limits: HTTPParserLimits = HTTPParserLimits(maxBodyBytes: Int.max),
                tls: TLSConfiguration = .client()) {
        self.tls = tls
        self.maxConnectionsPerOrigin = maxConnectionsPerOrigin
        self.idleTimeout = idleTimeout
        self.connectTimeout = connectTimeout
        self.firstByteTimeout = firstByteTimeout
        self.bodyTimeout = bodyTimeout
        self.totalTimeout = totalTimeout
        self.poolTimeout = poolTimeout
        self.addressCacheLifetime = addressCacheLifetime
        self.limits = limits
    }
}
