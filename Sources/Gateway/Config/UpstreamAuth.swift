/// How the gateway authenticates to one upstream; one case per strategy in `gateway.yaml`.
public enum UpstreamAuth: Sendable {
    /// A static key in a header (`X-Api-Key`) or query parameter.
    case apiKey(APIKeyAuth)
    /// HTTP Basic with a username and a secret password.
    case basic(BasicAuth)
    /// `Authorization: Bearer <token>` with a static token.
    case bearer(token: SecretValue)
    /// Log in with email/password, send the session token (UpKeep).
    case sessionLogin(SessionLoginAuth)
    /// Exchange an `owox_key_…` API key for short-lived access tokens (OWOX).
    case keyExchange(KeyExchangeAuth)

    /// The strategy names accepted in `auth.type`.
    public static let typeNames = ["apiKey", "basic", "bearer", "sessionLogin", "keyExchange"]

    /// The strategy name as written in the file.
    public var typeName: String {
        switch self {
        case .apiKey: "apiKey"
        case .basic: "basic"
        case .bearer: "bearer"
        case .sessionLogin: "sessionLogin"
        case .keyExchange: "keyExchange"
        }
    }

    /// A one-line description without any secret (`apiKey in header X-Api-Key from ${OWLOPS_API_KEY}`).
    public var summary: String {
        switch self {
        case .apiKey(let a):
            switch a.placement {
            case .header(let h): "apiKey in header \(h) from \(a.secret.source)"
            case .query(let q): "apiKey in query \(q) from \(a.secret.source)"
            }
        case .basic(let b): "basic, password from \(b.password.source)"
        case .bearer(let t): "bearer from \(t.source)"
        case .sessionLogin(let s): "sessionLogin via \(s.loginPath), password from \(s.password.source)"
        case .keyExchange(let k): "keyExchange at \(k.decoded.apiOrigin.origin) from \(k.key.source)"
        }
    }
}

/// A static API key and where it goes.
public struct APIKeyAuth: Sendable {
    /// Header or query parameter carrying the key.
    public enum Placement: Sendable, Hashable {
        case header(String)
        case query(String)
    }

    /// Where the key is sent.
    public var placement: Placement
    /// The key.
    public var secret: SecretValue

    public init(placement: Placement, secret: SecretValue) {
        self.placement = placement
        self.secret = secret
    }
}

/// HTTP Basic credentials.
public struct BasicAuth: Sendable {
    /// User name as the vendor wants it (Trackops: `{username}/token`); not a secret.
    public var username: String
    /// Password or API token.
    public var password: SecretValue

    public init(username: String, password: SecretValue) {
        self.username = username
        self.password = password
    }
}

/// Session login credentials (`POST {loginPath}` with email and password).
public struct SessionLoginAuth: Sendable {
    /// Login endpoint path on the upstream; default `/api/v2/auth`.
    public var loginPath: String
    /// Account email; not a secret.
    public var email: String
    /// Account password.
    public var password: SecretValue

    public init(loginPath: String = "/api/v2/auth", email: String, password: SecretValue) {
        self.loginPath = loginPath
        self.email = email
        self.password = password
    }
}

/// An OWOX API key, as written and decoded; its `apiOrigin` matched the upstream's origin at load.
public struct KeyExchangeAuth: Sendable {
    /// The whole `owox_key_…` value.
    public var key: SecretValue
    /// Its decoded parts.
    public var decoded: OWOXAPIKey

    public init(key: SecretValue, decoded: OWOXAPIKey) {
        self.key = key
        self.decoded = decoded
    }
}
