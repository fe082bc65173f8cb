/// The whole of `gateway.yaml`, loaded, validated and with every secret resolved.
///
/// Build one with `ConfigurationLoader.load(path:environment:)`. File paths inside are already
/// resolved against the configuration file's directory.
public struct GatewayConfiguration: Sendable {
    /// The configuration file as the caller named it.
    public var file: String
    /// Where the gateway listens.
    public var listen: ListenConfiguration
    /// The URL callers use to reach the gateway (for `/openapi.json` servers); nil: derived from `listen`.
    public var publicBaseURL: String?
    /// Limits of the HTTP server.
    public var limits: ServerLimits
    /// Where the audit log goes.
    public var audit: AuditDestination
    /// Callers and what each may use.
    public var clients: [ClientConfiguration]
    /// The APIs behind the gateway, in file order.
    public var upstreams: [UpstreamConfiguration]

    public init(file: String, listen: ListenConfiguration, publicBaseURL: String?, limits: ServerLimits,
                audit: AuditDestination, clients: [ClientConfiguration], upstreams: [UpstreamConfiguration]) {
        self.file = file
        self.listen = listen
        self.publicBaseURL = publicBaseURL
        self.limits = limits
        self.audit = audit
        self.clients = clients
        self.upstreams = upstreams
    }

    /// The upstream with this name.
    public func upstream(named name: String) -> UpstreamConfiguration? { upstreams.first { $0.name == name } }
    /// The client with this name.
    public func client(named name: String) -> ClientConfiguration? { clients.first { $0.name == name } }
}

/// The listening socket and optional TLS.
public struct ListenConfiguration: Sendable, Hashable {
    /// Address to bind (`127.0.0.1`, `0.0.0.0`, `::`); default `127.0.0.1`.
    public var host: String
    /// TCP port (0 lets the OS choose); default 8080.
    public var port: Int
    /// Present when the gateway terminates TLS itself.
    public var tls: TLSFiles?

    public init(host: String = "127.0.0.1", port: Int = 8080, tls: TLSFiles? = nil) {
        self.host = host
        self.port = port
        self.tls = tls
    }
}

/// PEM files for serving TLS (resolved paths).
public struct TLSFiles: Sendable, Hashable {
    /// Certificate chain, PEM.
    public var certificateFile: String
    /// Private key, PEM.
    public var privateKeyFile: String

    public init(certificateFile: String, privateKeyFile: String) {
        self.certificateFile = certificateFile
        self.privateKeyFile = privateKeyFile
    }
}

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

/// Where audit lines are written.
public enum AuditDestination: Sendable, Hashable {
    /// Standard output (`path: stdout`), the default.
    case standardOutput
    /// Appended to a file (resolved path).
    case file(String)
}
