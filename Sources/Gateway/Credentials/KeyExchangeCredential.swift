import Document
import HTTP

/// OWOX Data Marts: exchanges the decoded key at `POST {apiOrigin}/api/auth/api-keys/exchange`
/// (`X-OWOX-Api-Key-Id` + `{apiKeySecret}`) for an access token; sends
/// `x-owox-authorization: Bearer …` and `X-OWOX-Api-Key-Id`; cached until `accessTokenExpiresIn`
/// minus a margin (15 minutes when absent). The key's `apiOrigin` was checked against `baseURL` at load.
public struct KeyExchangeCredential: TokenCachingCredential {
    /// Where the exchange happens on the key's origin.
    public static let exchangePath = "/api/auth/api-keys/exchange"
    /// Lifetime assumed when the answer has no `accessTokenExpiresIn` (self-hosted tokens last 15 minutes).
    public static let defaultLifetime = Duration.seconds(900)
    /// Refresh this long before expiry (or a tenth of the lifetime, if shorter).
    public static let margin = Duration.seconds(30)

    private let keyId: String
    /// The token cache (single flight); exposed for tests and metrics.
    public let cache: TokenCache
    public var headerNames: [String] { ["x-owox-authorization", "X-OWOX-Api-Key-Id"] }

    /// A strategy for `upstream` exchanging `auth`'s key over `client`.
    public init(upstream: String, auth: KeyExchangeAuth, client: HTTPClient) {
        let key = auth.decoded
        keyId = key.apiKeyId
        let origin = HTTPOrigin(scheme: key.apiOrigin.scheme, host: key.apiOrigin.host, port: key.apiOrigin.port)
        let request = CredentialRequest(client: client, origin: origin, upstream: upstream, stage: "key exchange")
        cache = TokenCache { () async throws(CredentialFailure) -> IssuedToken in
            let answer = try await request.send(.POST, target: key.apiOrigin.path + Self.exchangePath,
                                                headers: [("X-OWOX-Api-Key-Id", key.apiKeyId)],
                                                body: ["apiKeySecret": .string(key.apiKeySecret.reveal())])
            guard let token = IssuedToken.headerSafe(answer["accessToken"]?.stringValue) else {
                throw request.failure("the answer has no accessToken")
            }
            var lifetime = Self.defaultLifetime
            if let seconds = answer["accessTokenExpiresIn"]?.numberValue?.int64Value, seconds >= 0 {
                lifetime = .seconds(seconds)
            }
            return IssuedToken(value: token, lifetime: lifetime - min(Self.margin, lifetime / 10))
        }
    }

    public func grant() async throws(CredentialFailure) -> CredentialGrant {
        let entry = try await cache.token()
        return CredentialGrant(headers: [("x-owox-authorization", "Bearer \(entry.value)"), ("X-OWOX-Api-Key-Id", keyId)],
                               generation: entry.generation)
    }

    public func shutdown() async {}
}
