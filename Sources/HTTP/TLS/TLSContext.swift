import COpenSSL

/// An OpenSSL `SSL_CTX` built once from a `TLSConfiguration` (loading trust roots and keys is slow) and
/// shared by every session of that configuration.
///
/// `@unchecked Sendable`: the `SSL_CTX` is fully configured in `init` and never changed afterwards;
/// OpenSSL documents a configured `SSL_CTX` as safe to use from many threads for `SSL_new` (it is
/// reference-counted with atomic operations). The pointer itself is immutable (`let`).
public final class TLSContext: @unchecked Sendable {
    let context: OpaquePointer
    /// The configuration this context was built from.
    public let configuration: TLSConfiguration

    /// Builds the context: protocol floor, trust roots and peer verification (client), chain and key (server).
    public init(_ configuration: TLSConfiguration) throws(TLSError) {
        self.configuration = configuration
        let method = configuration.role == .client ? TLS_client_method() : TLS_server_method()
        guard let context = SSL_CTX_new(method) else {
            throw TLSContext.failure(.configuration, host: nil, "SSL_CTX_new failed")
        }
        self.context = context
        let minimum = configuration.minimumVersion == .tls1_3 ? TLS1_3_VERSION : TLS1_2_VERSION
        if configuration.testMaximumProtocol == nil {
            guard gw_SSL_CTX_set_min_proto_version(context, minimum) == 1 else {
                throw TLSContext.failure(.configuration, host: nil, "cannot set the minimum TLS version")
            }
        } else if let maximum = configuration.testMaximumProtocol {
            _ = gw_SSL_CTX_set_max_proto_version(context, maximum)
        }
        if let ciphers = configuration.testCipherList {
            _ = SSL_CTX_set_cipher_list(context, ciphers)
        }
        _ = gw_SSL_CTX_set_partial_write_modes(context)
        _ = gw_SSL_CTX_set_hardening_options(context)
        switch configuration.role {
        case .client:
            try configureTrust(configuration.trustRoots)
            SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        case .server:
            try configureIdentity(chain: configuration.certificateChainFile, key: configuration.privateKeyFile)
        }
    }

    deinit { SSL_CTX_free(context) }

    /// Loads the trusted CAs.
    private func configureTrust(_ roots: TLSConfiguration.TrustRoots) throws(TLSError) {
        switch roots {
        case .system:
            guard SSL_CTX_set_default_verify_paths(context) == 1 else {
                throw TLSContext.failure(.configuration, host: nil, "cannot load the system trust store")
            }
        case .caFile(let path):
            guard SSL_CTX_load_verify_locations(context, path, nil) == 1 else {
                throw TLSContext.failure(.configuration, host: nil, "cannot load CA file \(path)")
            }
        }
    }

    /// Loads the certificate chain and private key and checks that they belong together.
    private func configureIdentity(chain: String?, key: String?) throws(TLSError) {
        guard let chain, let key else {
            throw TLSError(kind: .configuration, host: nil, message: "a TLS server needs a certificate chain file and a private key file")
        }
        guard SSL_CTX_use_certificate_chain_file(context, chain) == 1 else {
            throw TLSContext.failure(.configuration, host: nil, "cannot load certificate chain \(chain)")
        }
        guard SSL_CTX_use_PrivateKey_file(context, key, SSL_FILETYPE_PEM) == 1 else {
            throw TLSContext.failure(.configuration, host: nil, "cannot load private key \(key)")
        }
        guard SSL_CTX_check_private_key(context) == 1 else {
            throw TLSContext.failure(.configuration, host: nil, "private key \(key) does not match certificate \(chain)")
        }
    }

    /// An error with OpenSSL's queued reasons appended (and the queue drained).
    static func failure(_ kind: TLSError.Kind, host: String?, _ message: String) -> TLSError {
        let reasons = drainErrorQueue()
        return TLSError(kind: kind, host: host, message: reasons.isEmpty ? message : "\(message): \(reasons)")
    }

    /// OpenSSL's thread-local error queue as `reason; reason`, emptied.
    static func drainErrorQueue() -> String {
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            if let reason = ERR_reason_error_string(code) {
                reasons.append(String(cString: reason))
            } else {
                var text = [CChar](repeating: 0, count: 256)
                ERR_error_string_n(code, &text, text.count)
                reasons.append(String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
        }
        return reasons.joined(separator: "; ")
    }
}
