import Foundation

/// `apiKey`, `basic` and `bearer`: the same fields on every request, from a secret read at startup.
public struct StaticCredential: UpstreamCredential {
    private let fixed: CredentialGrant
    public let headerNames: [String]

    /// A strategy that always sends `headers` and appends `queryItems`.
    public init(headers: [(String, String)], queryItems: [(String, String)] = []) {
        fixed = CredentialGrant(headers: headers, queryItems: queryItems)
        headerNames = headers.map(\.0)
    }

    /// The API key in a header or query parameter.
    public static func apiKey(_ auth: APIKeyAuth) -> StaticCredential {
        switch auth.placement {
        case .header(let name): StaticCredential(headers: [(name, auth.secret.reveal())])
        case .query(let name): StaticCredential(headers: [], queryItems: [(name, auth.secret.reveal())])
        }
    }

    /// `Authorization: Basic base64(username:password)`.
    public static func basic(_ auth: BasicAuth) -> StaticCredential {
        let pair = Data("\(auth.username):\(auth.password.reveal())".utf8).base64EncodedString()
        return StaticCredential(headers: [("Authorization", "Basic \(pair)")])
    }

    /// `Authorization: Bearer token`.
    public static func bearer(_ token: SecretValue) -> StaticCredential {
        StaticCredential(headers: [("Authorization", "Bearer \(token.reveal())")])
    }

    public func grant() async throws(CredentialFailure) -> CredentialGrant { fixed }
    public func rejected(_ grant: CredentialGrant) async -> Bool { false }
    public func health() async -> CredentialHealth { .ready }
    public func shutdown() async {}
}
