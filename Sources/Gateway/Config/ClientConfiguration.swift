/// One caller of the gateway: its token hash and what it may use.
public struct ClientConfiguration: Sendable, Hashable {
    /// Unique name, written to the audit log.
    public var name: String
    /// SHA-256 of the client's bearer token (32 bytes); only the hash is ever stored.
    public var tokenSHA256: [UInt8]
    /// Names of the upstreams this client may call.
    public var upstreams: [String]
    /// Per upstream, the operationIds this client may call; an upstream not listed here allows all.
    public var operationIds: [String: Set<String>]
    /// The client's own limit, applied before the upstream's; nil: none.
    public var rateLimit: RateLimitConfiguration?

    public init(name: String, tokenSHA256: [UInt8], upstreams: [String], operationIds: [String: Set<String>] = [:],
                rateLimit: RateLimitConfiguration? = nil) {
        self.name = name
        self.tokenSHA256 = tokenSHA256
        self.upstreams = upstreams
        self.operationIds = operationIds
        self.rateLimit = rateLimit
    }

    /// True when this client may call `operationId` on `upstream`.
    public func allows(upstream: String, operationId: String?) -> Bool {
        guard upstreams.contains(upstream) else { return false }
        guard let allowed = operationIds[upstream] else { return true }
        guard let operationId else { return false }
        return allowed.contains(operationId)
    }
}
