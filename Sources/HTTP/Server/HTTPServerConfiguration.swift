/// How an `HTTPServer` listens, and the limits and timeouts that protect it from slow or hostile clients.
public struct HTTPServerConfiguration: Sendable {
    /// Numeric address to bind (`127.0.0.1`, `::1`, `0.0.0.0`, `::`).
    public var host: String
    /// Port to bind; 0 lets the OS choose (read it back from `HTTPServer.port`).
    public var port: Int
    /// Most open connections; further ones get a `503` and are closed.
    public var maxConnections: Int
    /// Longest time from a request head's first byte to its last (408 then close; defeats slowloris).
    public var headerTimeout: Duration
    /// Longest wait for the next bytes of a request body (inactivity, like nginx `client_body_timeout`).
    public var bodyTimeout: Duration
    /// Longest a keep-alive connection may sit between requests (closed silently).
    public var idleTimeout: Duration
    /// Longest wait for a client to accept more response bytes.
    public var writeTimeout: Duration
    /// Parser limits (request line 414, head 431, header count 431, body 413).
    public var limits: HTTPParserLimits
    /// Unread request-body bytes the server will discard after a handler to keep the connection;
    /// with more left over it closes instead.
    public var maxDiscardBytes: Int
    /// TLS termination (a `.server` configuration with certificate chain and key), or nil for plain HTTP.
    public var tls: TLSConfiguration?

    /// Defaults: loopback, OS-chosen port, 10 000 connections, 10 s head, 30 s body, 60 s idle, 30 s write.
    public init(host: String = "127.0.0.1", port: Int = 0, maxConnections: Int = 10_000,
                headerTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(30),
                idleTimeout: Duration = .seconds(60), writeTimeout: Duration = .seconds(30),
                limits: HTTPParserLimits = HTTPParserLimits(), maxDiscardBytes: Int = 256 << 10,
                tls: TLSConfiguration? = nil) {
        self.tls = tls
        self.host = host
        self.port = port
        self.maxConnections = maxConnections
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
        self.limits = limits
        self.maxDiscardBytes = maxDiscardBytes
    }
}

extension Duration {
    /// The duration in whole nanoseconds, clamped to 0... (for monotonic deadlines).
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        if seconds < 0 { return 0 }
        return UInt64(seconds) &* 1_000_000_000 &+ UInt64(max(0, attoseconds) / 1_000_000_000)
    }
}
