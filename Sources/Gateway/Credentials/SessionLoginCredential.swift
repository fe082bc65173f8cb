import Document
import Foundation
import HTTP

/// UpKeep: `POST {loginPath}` with email and password → `result.sessionToken` / `result.expiresAt`;
/// sends `Session-Token`; cached until `expiresAt` minus a margin; logged out on shutdown.
public struct SessionLoginCredential: TokenCachingCredential {
    /// The header the session token travels in.
    public static let header = "Session-Token"
    /// Lifetime assumed when the answer has no usable `expiresAt`.
    public static let defaultLifetime = Duration.seconds(3600)
    /// Refresh this long before `expiresAt` (or a tenth of the lifetime, if shorter).
    public static let margin = Duration.seconds(60)

    private let auth: SessionLoginAuth
    private let request: CredentialRequest
    /// The token cache (single flight); exposed for tests and metrics.
    public let cache: TokenCache
    public var headerNames: [String] { [Self.header] }

    /// A strategy for `upstream` that logs in over `client` at `origin`.
    public init(upstream: String, auth: SessionLoginAuth, client: HTTPClient, origin: HTTPOrigin) {
        self.auth = auth
        let request = CredentialRequest(client: client, origin: origin, upstream: upstream, stage: "session login")
        self.request = request
        cache = TokenCache { () async throws(CredentialFailure) -> IssuedToken in
            let answer = try await request.send(.POST, target: auth.loginPath, headers: [],
                                                body: ["email": .string(auth.email), "password": .string(auth.password.reveal())])
            guard let token = IssuedToken.headerSafe(answer["result"]?["sessionToken"]?.stringValue) else {
                throw request.failure("the answer has no result.sessionToken")
            }
            let expiresAt = answer["result"]?["expiresAt"]?.stringValue.flatMap(Self.parseDate)
            return IssuedToken(value: token, lifetime: Self.lifetime(until: expiresAt, now: Date()))
        }
    }

    /// How long to use a session that expires at `expiresAt` (nil: the default lifetime).
    static func lifetime(until expiresAt: Date?, now: Date) -> Duration {
        guard let expiresAt else { return defaultLifetime - margin }
        let remaining = expiresAt.timeIntervalSince(now)
        guard remaining > 0 else { return .zero }
        let total = Duration.milliseconds(Int64(remaining * 1000))
        return total - min(margin, total / 10)
    }

    /// Parses RFC 3339 / ISO 8601 with or without fractional seconds.
    static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    public func grant() async throws(CredentialFailure) -> CredentialGrant {
        let entry = try await cache.token()
        return CredentialGrant(headers: [(Self.header, entry.value)], generation: entry.generation)
    }

    /// `DELETE {loginPath}` with the cached session, then forgets it.
    public func shutdown() async {
        guard let entry = await cache.cached() else { return }
        _ = try? await request.send(.DELETE, target: auth.loginPath, headers: [(Self.header, entry.value)], body: nil)
        await cache.clear()
    }
}
