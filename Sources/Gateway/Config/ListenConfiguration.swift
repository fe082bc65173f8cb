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
