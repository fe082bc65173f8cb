import HTTP
import OpenAPI

/// Builds an upstream's credential strategy from its `auth` section, and names the operations the
/// gateway owns for that strategy (never forwarded, not in `/openapi.json`).
public enum CredentialFactory {
    /// The strategy for `upstream`, using `client` for logins and exchanges.
    public static func make(for upstream: UpstreamConfiguration, client: HTTPClient) -> any UpstreamCredential {
        switch upstream.auth {
        case .apiKey(let auth): return StaticCredential.apiKey(auth)
        case .basic(let auth): return StaticCredential.basic(auth)
        case .bearer(let token): return StaticCredential.bearer(token)
        case .sessionLogin(var auth):
            let url = upstream.baseURL
            auth.loginPath = url.path + auth.loginPath  // spec paths are relative to the base URL
            return SessionLoginCredential(upstream: upstream.name, auth: auth, client: client,
                                          origin: HTTPOrigin(scheme: url.scheme, host: url.host, port: url.port))
        case .keyExchange(let auth):
            return KeyExchangeCredential(upstream: upstream.name, auth: auth, client: client)
        }
    }

    /// UpKeep's `POST`/`DELETE` login path; OWOX's key exchange; nothing for static secrets.
    public static func gatewayOwnedOperations(of auth: UpstreamAuth) -> [OperationSelector] {
        switch auth {
        case .apiKey, .basic, .bearer: return []
        case .sessionLogin(let s): return [.route(.post, s.loginPath), .route(.delete, s.loginPath)]
        case .keyExchange: return [.route(.post, KeyExchangeCredential.exchangePath)]
        }
    }
}
