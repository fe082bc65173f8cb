/// What a TLS endpoint presents and trusts. Both roles require TLS 1.2 or newer.
public struct TLSConfiguration: Sendable, Hashable {
    /// Which end of the handshake.
    public enum Role: Sendable, Hashable {
        /// Connects out; verifies the server's certificate and host name.
        case client
        /// Accepts connections; presents a certificate chain.
        case server
    }

    /// Where a client finds the certificate authorities it trusts.
    public enum TrustRoots: Sendable, Hashable {
        /// The operating system's default store (OpenSSL's default verify paths).
        case system
        /// A PEM file of CA certificates (e.g. a private CA for internal upstreams).
        case caFile(String)
    }

    /// The lowest protocol version accepted.
    public enum MinimumVersion: Sendable, Hashable {
        /// TLS 1.2 and 1.3.
        case tls1_2
        /// TLS 1.3 only.
        case tls1_3
    }

    /// Client or server.
    public var role: Role
    /// The lowest version accepted (never below 1.2).
    public var minimumVersion: MinimumVersion
    /// Trusted CAs (client role).
    public var trustRoots: TrustRoots
    /// PEM certificate chain, leaf first (server role).
    public var certificateChainFile: String?
    /// PEM private key of the leaf (server role).
    public var privateKeyFile: String?

    /// Tests only: an OpenSSL protocol-version constant to cap the version, and the cipher list to use,
    /// so a test can play an old client. Never set in production code.
    var testMaximumProtocol: Int32?
    var testCipherList: String?

    /// A client that verifies the server certificate against `trustRoots` and checks the host name.
    public static func client(trustRoots: TrustRoots = .system, minimumVersion: MinimumVersion = .tls1_2) -> TLSConfiguration {
        TLSConfiguration(role: .client, minimumVersion: minimumVersion, trustRoots: trustRoots,
                         certificateChainFile: nil, privateKeyFile: nil)
    }

    /// A server presenting the certificate chain and key from PEM files.
    public static func server(certificateChainFile: String, privateKeyFile: String,
                              minimumVersion: MinimumVersion = .tls1_2) -> TLSConfiguration {
        TLSConfiguration(role: .server, minimumVersion: minimumVersion, trustRoots: .system,
                         certificateChainFile: certificateChainFile, privateKeyFile: privateKeyFile)
    }
}
