/// Limits the HTTP server enforces on every caller connection.
public struct ServerLimits: Sendable, Hashable {
    /// Largest request head (request line + headers) in bytes; default 16 KiB (431 beyond).
    public var maxHeadBytes: Int
    /// Largest request body in bytes; default 10 MiB (413 beyond).
    public var maxBodyBytes: Int
    /// Time allowed to receive a request head; default 10 s.
    public var headerTimeout: Duration
    /// Time allowed to receive a request body; default 30 s.
    public var bodyTimeout: Duration
    /// Keep-alive idle time before the connection is closed; default 60 s.
    public var idleTimeout: Duration
    /// Concurrent caller connections; default 1024.
    public var maxConnections: Int

    public init(maxHeadBytes: Int = 16 << 10, maxBodyBytes: Int = 10 << 20, headerTimeout: Duration = .seconds(10),
                bodyTimeout: Duration = .seconds(30), idleTimeout: Duration = .seconds(60), maxConnections: Int = 1024) {
        self.maxHeadBytes = maxHeadBytes
        self.maxBodyBytes = maxBodyBytes
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }
}
