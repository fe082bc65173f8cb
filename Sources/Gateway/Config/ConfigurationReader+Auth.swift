/// `upstreams[i].auth`: one credential strategy and its secret references.
extension ConfigurationReader {
    /// Keys each strategy accepts besides `type`.
    static let authKeys: [String: [String]] = [
        "apiKey": ["header", "query", "secret"],
        "basic": ["username", "password"],
        "bearer": ["token"],
        "sessionLogin": ["loginPath", "email", "password"],
        "keyExchange": ["key"],
    ]
    /// Keys each strategy requires besides `type`.
    static let authRequired: [String: [String]] = [
        "apiKey": ["secret"], "basic": ["username", "password"], "bearer": ["token"],
        "sessionLogin": ["email", "password"], "keyExchange": ["key"],
    ]

    /// Reads `auth` of an upstream; nil when absent or invalid (reported).
    mutating func readAuth(_ o: ConfigObject) -> UpstreamAuth? {
        guard let value = o["auth"] else { return nil }
        let path = o.path.appending("auth")
        guard case .object(let map) = value else {
            report(path, "expected a mapping with 'type', found \(ConfigurationReader.kind(of: value))")
            return nil
        }
        guard let typeValue = map["type"], !typeValue.isNull else {
            report(path, "missing required key 'type' (one of \(UpstreamAuth.typeNames.joined(separator: ", ")))")
            return nil
        }
        guard case .string(let type) = typeValue else {
            report(path.appending("type"), "expected a string, found \(ConfigurationReader.kind(of: typeValue))")
            return nil
        }
        guard let keys = ConfigurationReader.authKeys[type] else {
            let written = type
            report(path.appending("type"), "unknown strategy '\(written)'\(Suggestion.hint(for: written, in: UpstreamAuth.typeNames))"
                   + "; use one of \(UpstreamAuth.typeNames.joined(separator: ", "))")
            return nil
        }
        guard let a = object(value, at: path, allowed: ["type"] + keys, required: ConfigurationReader.authRequired[type] ?? [])
        else { return nil }
        switch type {
        case "apiKey":
            let header = string(a, "header"), query = string(a, "query")
            let secret = secret(a, "secret")
            let placement: APIKeyAuth.Placement?
            switch (header, query) {
            case (let h?, nil):
                placement = ConfigurationReader.isHeaderName(h) ? .header(h) : nil
                if placement == nil { report(a.path.appending("header"), "'\(h)' is not a valid header name") }
            case (nil, let q?):
                placement = q.isEmpty ? nil : .query(q)
                if placement == nil { report(a.path.appending("query"), "must not be empty") }
            case (nil, nil):
                report(a.path, "needs 'header' or 'query' (where the key is sent)")
                placement = nil
            case (.some, .some):
                report(a.path.appending("query"), "give either 'header' or 'query', not both", atKey: true)
                placement = nil
            }
            guard let placement, let secret else { return nil }
            return .apiKey(APIKeyAuth(placement: placement, secret: secret))
        case "basic":
            let username = identity(a, "username"), password = secret(a, "password")
            if let username, username.contains(":") {
                report(a.path.appending("username"), "must not contain ':' (HTTP Basic separates user and password with it)")
                return nil
            }
            guard let username, let password else { return nil }
            return .basic(BasicAuth(username: username, password: password))
        case "bearer":
            return secret(a, "token").map { .bearer(token: $0) }
        case "sessionLogin":
            var loginPath = "/api/v2/auth"
            if let p = string(a, "loginPath") {
                if p.hasPrefix("/"), !p.contains("?"), !p.contains("#"), !ConfigurationReader.hasControlCharacters(p) {
                    loginPath = p
                } else {
                    report(a.path.appending("loginPath"), "must be a path starting with '/' (no query or fragment)")
                }
            }
            let email = identity(a, "email"), password = secret(a, "password")
            guard let email, let password else { return nil }
            return .sessionLogin(SessionLoginAuth(loginPath: loginPath, email: email, password: password))
        case "keyExchange":
            guard let key = secret(a, "key") else { return nil }
            switch OWOXAPIKey.decode(key) {
            case .success(let decoded):
                return .keyExchange(KeyExchangeAuth(key: key, decoded: decoded))
            case .failure(let problem):
                report(a.path.appending("key"), "\(key.source) \(problem.message)")
                return nil
            }
        default:
            return nil  // unreachable: `authKeys` has exactly the cases above
        }
    }

    /// An RFC 9110 token: visible ASCII except separators.
    static func isHeaderName(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "!#$%&'*+-.^_`|~".unicodeScalars.contains($0)
        }
    }
}
