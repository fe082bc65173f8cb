/// An upstream base URL, split and checked: `http`/`https`, a host, no credentials, query or fragment.
public struct UpstreamURL: Sendable, Hashable, CustomStringConvertible {
    /// `http` or `https` (lowercased).
    public var scheme: String
    /// Host name or IP literal (brackets kept for IPv6), lowercased.
    public var host: String
    /// Explicit port, else 80/443 by scheme.
    public var port: Int
    /// Base path without a trailing slash (`/api/v1`), empty for none.
    public var path: String

    /// `scheme://host[:port]`, with the port only when not the scheme's default.
    public var origin: String {
        let defaultPort = scheme == "https" ? 443 : 80
        return "\(scheme)://\(host)" + (port == defaultPort ? "" : ":\(port)")
    }

    /// Origin plus base path.
    public var description: String { origin + path }

    /// Parses an absolute URL; the error says what is wrong (and repeats no part of the input).
    public static func parse(_ text: String) -> Result<UpstreamURL, URLProblem> {
        guard let schemeEnd = text.range(of: "://") else { return .failure(.notAbsolute) }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return .failure(.scheme(scheme)) }
        let rest = text[schemeEnd.upperBound...]
        if rest.contains("?") { return .failure(.hasQuery) }
        if rest.contains("#") { return .failure(.hasFragment) }
        let authority = rest.prefix { $0 != "/" }
        var path = String(rest.dropFirst(authority.count))
        if authority.contains("@") { return .failure(.hasCredentials) }
        var host = String(authority)
        var port = scheme == "https" ? 443 : 80
        let portSeparator: String.Index?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return .failure(.badHost) }
            portSeparator = host[close...].firstIndex(of: ":")
        } else {
            portSeparator = host.firstIndex(of: ":")
        }
        if let sep = portSeparator {
            let digits = host[host.index(after: sep)...]
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
                  let p = Int(digits), (1...65535).contains(p) else { return .failure(.badPort) }
            port = p
            host = String(host[..<sep])
        }
        guard !host.isEmpty, host.unicodeScalars.allSatisfy(UpstreamURL.isHostScalar) else { return .failure(.badHost) }
        while path.hasSuffix("/") { path.removeLast() }
        guard path.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 && $0 != "\\" }) else {
            return .failure(.badPath)
        }
        return .success(UpstreamURL(scheme: scheme, host: host.lowercased(), port: port, path: path))
    }

    static func isHostScalar(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "[", "]", ":": true
        default: false
        }
    }

    /// What is wrong with a URL.
    public enum URLProblem: Error, Sendable, Hashable, CustomStringConvertible {
        case notAbsolute, scheme(String), hasQuery, hasFragment, hasCredentials, badHost, badPort, badPath

        public var description: String {
            switch self {
            case .notAbsolute: "must be an absolute URL like https://api.example.com"
            case .scheme(let s): "scheme '\(s)' is not allowed (use http or https)"
            case .hasQuery: "must not contain a query ('?')"
            case .hasFragment: "must not contain a fragment ('#')"
            case .hasCredentials: "must not contain credentials ('user@'); use auth"
            case .badHost: "has an invalid or empty host"
            case .badPort: "has an invalid port (1-65535)"
            case .badPath: "has an invalid path"
            }
        }
    }
}
