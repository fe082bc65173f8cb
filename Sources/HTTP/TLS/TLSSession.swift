import COpenSSL

/// One TLS connection over OpenSSL memory BIOs: no sockets, no blocking, so an event loop drives it.
///
/// Driving it: give every byte read from the socket to `feedCiphertext`, then call `readPlaintext`
/// (which also advances the handshake); queue outgoing data with `writePlaintext`; after each of these,
/// send whatever `takeCiphertext()` returns. A client calls `handshake()` first to produce its hello.
/// Not thread-safe: one connection's owner uses it from one place at a time.
public final class TLSSession {
    /// Whether the peer may still send data.
    public enum ReadState: Sendable, Hashable {
        /// More plaintext may come.
        case open
        /// The peer sent close_notify; no more plaintext will come.
        case closedByPeer
    }

    private let ssl: OpaquePointer
    /// Network → OpenSSL.
    private let input: OpaquePointer
    /// OpenSSL → network.
    private let output: OpaquePointer
    /// Keeps the shared `SSL_CTX` alive as long as the session.
    public let context: TLSContext
    /// The server name this client checks and sends as SNI (nil on the server side).
    public let serverName: String?
    private var pendingPlaintext: [UInt8] = []
    /// Scratch space for `SSL_read`, kept between reads to avoid an allocation per call.
    private var readChunk = [UInt8](repeating: 0, count: 16 * 1024)
    private var failure: TLSError?

    /// Creates a session. A client session needs `serverName`: it is sent as SNI (unless it is an IP
    /// address) and the certificate must match it (`SSL_set1_host`, or the IP for address literals).
    public init(context: TLSContext, serverName: String? = nil) throws(TLSError) {
        self.context = context
        self.serverName = serverName
        guard let ssl = SSL_new(context.context) else {
            throw TLSContext.failure(.configuration, host: serverName, "SSL_new failed")
        }
        guard let input = BIO_new(BIO_s_mem()), let output = BIO_new(BIO_s_mem()) else {
            SSL_free(ssl)
            throw TLSContext.failure(.configuration, host: serverName, "BIO_new failed")
        }
        _ = gw_BIO_set_mem_eof_return(input, -1)
        _ = gw_BIO_set_mem_eof_return(output, -1)
        SSL_set_bio(ssl, input, output) // the SSL object now owns both BIOs
        self.ssl = ssl
        self.input = input
        self.output = output
        switch context.configuration.role {
        case .server:
            SSL_set_accept_state(ssl)
        case .client:
            guard let name = serverName, !name.isEmpty else {
                throw TLSError(kind: .configuration, host: nil, message: "a TLS client session needs the server name to verify")
            }
            try configureClientName(name)
            SSL_set_connect_state(ssl)
        }
    }

    deinit { SSL_free(ssl) }

    /// SNI and host-name verification for a client.
    private func configureClientName(_ name: String) throws(TLSError) {
        if Self.isIPAddress(name) {
            let ip = name.hasPrefix("[") && name.hasSuffix("]") ? String(name.dropFirst().dropLast()) : name
            guard X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), ip) == 1 else {
                throw TLSContext.failure(.configuration, host: name, "cannot verify against IP address \(ip)")
            }
            return
        }
        SSL_set_hostflags(ssl, UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS))
        guard SSL_set1_host(ssl, name) == 1, gw_SSL_set_tlsext_host_name(ssl, name) == 1 else {
            throw TLSContext.failure(.configuration, host: name, "cannot set server name \(name)")
        }
    }

    /// Whether `name` is an IPv4 or IPv6 literal (SNI must not carry those).
    static func isIPAddress(_ name: String) -> Bool {
        if name.contains(":") { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// Whether the handshake has completed.
    public var isHandshakeComplete: Bool { SSL_is_init_finished(ssl) == 1 }

    /// The negotiated protocol, e.g. `TLSv1.3`.
    public var protocolVersion: String { String(cString: SSL_get_version(ssl)) }

    /// Advances the handshake with the ciphertext fed so far; returns true once it is complete.
    @discardableResult
    public func handshake() throws(TLSError) -> Bool {
        if let failure { throw failure }
        if isHandshakeComplete { return true }
        ERR_clear_error()
        let result = SSL_do_handshake(ssl)
        if result == 1 {
            try flushPendingPlaintext()
            return true
        }
        try check(result, during: "handshake")
        return false
    }

    /// Gives the session bytes received from the network.
    public func feedCiphertext(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var offset = 0
        while offset < bytes.count {
            let written = BIO_write(input, base + offset, Int32(min(bytes.count - offset, Int(Int32.max))))
            guard written > 0 else { return } // a memory BIO only fails when out of memory
            offset += Int(written)
        }
    }

    /// Gives the session bytes received from the network.
    public func feedCiphertext(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { feedCiphertext($0) }
    }

    /// Whether ciphertext is waiting to be sent.
    public var hasPendingCiphertext: Bool { BIO_ctrl_pending(output) > 0 }

    /// Everything the session wants sent to the peer (handshake records, encrypted data, alerts).
    public func takeCiphertext() -> [UInt8] {
        let pending = Int(BIO_ctrl_pending(output))
        guard pending > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: pending)
        let read = bytes.withUnsafeMutableBytes { BIO_read(output, $0.baseAddress, Int32(pending)) }
        if read < pending { bytes.removeSubrange(max(0, Int(read))...) }
        return bytes
    }

    /// Decrypts all buffered ciphertext, appending the plaintext to `plaintext` (advancing the handshake
    /// first if needed). Returns `.closedByPeer` once the peer has sent close_notify; plaintext that
    /// preceded it in the same call is still appended.
    @discardableResult
    public func readPlaintext(into plaintext: inout [UInt8]) throws(TLSError) -> ReadState {
        if let failure { throw failure }
        while true {
            ERR_clear_error()
            let ssl = self.ssl
            let count = readChunk.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32($0.count)) }
            if count > 0 {
                plaintext.append(contentsOf: readChunk[0..<Int(count)])
                continue
            }
            if SSL_get_error(ssl, count) == SSL_ERROR_ZERO_RETURN { return .closedByPeer }
            try check(count, during: "read")
            try flushPendingPlaintext()
            return .open
        }
    }

    /// Encrypts `bytes` for the peer (queued until the handshake allows sending); fetch the records
    /// with `takeCiphertext()`.
    public func writePlaintext(_ bytes: UnsafeRawBufferPointer) throws(TLSError) {
        if let failure { throw failure }
        pendingPlaintext.append(contentsOf: bytes)
        try flushPendingPlaintext()
    }

    /// Encrypts `bytes` for the peer.
    public func writePlaintext(_ bytes: [UInt8]) throws(TLSError) {
        if let failure { throw failure }
        pendingPlaintext.append(contentsOf: bytes)
        try flushPendingPlaintext()
    }

    /// Plaintext accepted by `writePlaintext` but not yet encrypted (waiting for the handshake).
    public var pendingPlaintextCount: Int { pendingPlaintext.count }

    /// Queues close_notify; send `takeCiphertext()` afterwards, then close the socket.
    public func close() {
        ERR_clear_error()
        _ = SSL_shutdown(ssl)
        ERR_clear_error()
    }

    /// Encrypts queued plaintext as far as the handshake state allows.
    private func flushPendingPlaintext() throws(TLSError) {
        while !pendingPlaintext.isEmpty {
            ERR_clear_error()
            let written = pendingPlaintext.withUnsafeBytes { SSL_write(ssl, $0.baseAddress, Int32(min($0.count, Int(Int32.max)))) }
            if written > 0 {
                pendingPlaintext.removeSubrange(0..<Int(written))
                continue
            }
            try check(written, during: "write")
            return
        }
    }

    /// Turns a non-positive OpenSSL result into nothing (wants more I/O) or a recorded, thrown error.
    private func check(_ result: Int32, during operation: String) throws(TLSError) {
        let code = SSL_get_error(ssl, result)
        switch code {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return
        case SSL_ERROR_ZERO_RETURN:
            let error = TLSError(kind: .protocolError, host: serverName, message: "the peer closed the TLS session during \(operation)")
            failure = error
            throw error
        default:
            let error = describeFailure(code: code, operation: operation)
            failure = error
            throw error
        }
    }

    /// Names the failed check: the X.509 verification result when that is what failed, else OpenSSL's reasons.
    private func describeFailure(code: Int32, operation: String) -> TLSError {
        let reasons = TLSContext.drainErrorQueue()
        let verify = SSL_get_verify_result(ssl)
        if context.configuration.role == .client && verify != X509_V_OK {
            let text = String(cString: X509_verify_cert_error_string(verify))
            return TLSError(kind: .certificateVerification, host: serverName,
                            message: "certificate of \(serverName ?? "the server") rejected: \(text)", verifyCode: Int(verify))
        }
        let kind: TLSError.Kind = isHandshakeComplete ? .protocolError : .handshake
        let detail = reasons.isEmpty ? "OpenSSL error \(code)" : reasons
        return TLSError(kind: kind, host: serverName, message: "TLS \(operation) failed: \(detail)")
    }
}
