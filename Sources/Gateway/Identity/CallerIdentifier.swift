import HTTP

/// Pipeline step 4: finds the client from `Authorization: Bearer gw_…` by comparing the token's
/// SHA-256 with every configured hash in constant time, and checks what that client may call.
public struct CallerIdentifier: Sendable {
    private let clients: [ClientConfiguration]

    /// Identifies against these clients.
    public init(clients: [ClientConfiguration]) { self.clients = clients }

    /// The client that sent `headers`; 401 when the token is missing, malformed or unknown.
    public func identify(_ headers: HTTPHeaders) throws(Problem) -> ClientConfiguration {
        let values = headers.values(for: "Authorization")
        guard !values.isEmpty else {
            throw .unauthorized("send 'Authorization: Bearer <token>' (create one with 'gateway token create')", tokenSent: false)
        }
        guard values.count == 1, let token = Self.bearerToken(values[0]), ClientToken.isWellFormed(token) else {
            throw .unauthorized("the Authorization header is not 'Bearer gw_…'", tokenSent: true)
        }
        let digest = ClientToken.hash(token)
        var found: ClientConfiguration?
        for client in clients where Crypto.constantTimeEquals(client.tokenSHA256, digest) {
            found = client  // no early exit: every hash is compared
        }
        guard let found else { throw .unauthorized("the bearer token is not known", tokenSent: true) }
        return found
    }

    /// 403 unless `client` may call `operationId` of `upstream`.
    public func authorize(_ client: ClientConfiguration, upstream: String, operationId: String?) throws(Problem) {
        guard client.upstreams.contains(upstream) else {
            throw .forbidden("client '\(client.name)' may not use upstream '\(upstream)'")
        }
        guard client.allows(upstream: upstream, operationId: operationId) else {
            throw .forbidden("client '\(client.name)' may not call \(operationId ?? "this operation") of '\(upstream)'")
        }
    }

    /// The token of a `Bearer` credential (scheme case-insensitive, one space), or nil.
    static func bearerToken(_ value: String) -> String? {
        let bytes = value.utf8
        guard bytes.count > 7 else { return nil }
        for (byte, expected) in zip(bytes.prefix(6), "bearer".utf8) where byte | 0x20 != expected { return nil }
        guard bytes.dropFirst(6).first == 0x20 else { return nil }
        let token = bytes.dropFirst(7)
        return token.contains(0x20) ? nil : String(decoding: token, as: UTF8.self)
    }
}
