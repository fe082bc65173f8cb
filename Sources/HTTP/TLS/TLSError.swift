/// A TLS failure that says which host, which stage and which check failed.
public struct TLSError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The stage that failed.
    public enum Kind: String, Hashable, Sendable {
        /// Loading certificates, keys or trust roots, or creating OpenSSL objects.
        case configuration
        /// The peer's certificate did not verify (untrusted issuer, wrong host, expired, ...).
        case certificateVerification
        /// The handshake failed for another reason (protocol version, alerts, no shared cipher).
        case handshake
        /// A protocol error after the handshake (bad record, unexpected message).
        case protocolError
    }

    /// The stage that failed.
    public var kind: Kind
    /// The server name of the connection (client side), when known.
    public var host: String?
    /// What failed, in OpenSSL's words where it has some (e.g. `hostname mismatch`).
    public var message: String
    /// The X.509 verification result code when `kind == .certificateVerification`.
    public var verifyCode: Int?

    /// Creates an error.
    public init(kind: Kind, host: String?, message: String, verifyCode: Int? = nil) {
        self.kind = kind
        self.host = host
        self.message = message
        self.verifyCode = verifyCode
    }

    /// `TLS certificateVerification (api.test): hostname mismatch (X509 error 62)`.
    public var description: String {
        let code = verifyCode.map { " (X509 error \($0))" } ?? ""
        return "TLS \(kind.rawValue)\(host.map { " (\($0))" } ?? ""): \(message)\(code)"
    }
}
