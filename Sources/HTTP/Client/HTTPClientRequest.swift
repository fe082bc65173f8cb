/// Where requests go: scheme, host and port (the pool key).
public struct HTTPOrigin: Hashable, Sendable, CustomStringConvertible {
    /// `http` or `https`.
    public var scheme: String
    /// Host name or numeric address (IPv6 without brackets).
    public var host: String
    /// TCP port.
    public var port: Int

    /// Creates an origin.
    public init(scheme: String = "http", host: String, port: Int? = nil) {
        self.scheme = scheme
        self.host = host
        self.port = port ?? (scheme == "https" ? 443 : 80)
    }

    /// `Host` header value: the host, with the port unless it is the scheme's default.
    public var hostHeader: String {
        let name = host.utf8.contains(UInt8(ascii: ":")) ? "[\(host)]" : host
        let defaultPort = scheme == "https" ? 443 : 80
        return port == defaultPort ? name : "\(name):\(port)"
    }

    public var description: String { "\(scheme)://\(hostHeader)" }

    /// Splits `http(s)://host[:port][/target]` into an origin and a request target (default `/`).
    public static func parse(url: String) -> (origin: HTTPOrigin, target: String)? {
        let scheme: String
        var rest: Substring
        if url.hasPrefix("http://") { scheme = "http"; rest = url.dropFirst(7) }
        else if url.hasPrefix("https://") { scheme = "https"; rest = url.dropFirst(8) }
        else { return nil }
        let slash = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<slash]
        var target = String(rest[slash...])
        if target.isEmpty { target = "/" } else if target.hasPrefix("?") { target = "/" + target }
        var host: Substring
        var port: Int?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { port = Int(after.dropFirst()); if port == nil { return nil } }
            else if !after.isEmpty { return nil }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = Int(authority[authority.index(after: colon)...])
            if port == nil { return nil }
        } else {
            host = authority
        }
        guard !host.isEmpty, host.allSatisfy({ !$0.isWhitespace && $0 != "@" }) else { return nil }
        if let port, !(1...65535).contains(port) { return nil }
        rest = ""
        return (HTTPOrigin(scheme: scheme, host: String(host), port: port), target)
    }
}

/// A request to send with `HTTPClient`.
public struct HTTPClientRequest: Sendable {
    /// Where it goes.
    public var origin: HTTPOrigin
    /// Method, target (`/path?query`), headers. `Host` is added from the origin when missing.
    public var head: HTTPRequestHead
    /// The body: bytes (replayable, so an idempotent request may be retried) or a stream.
    public var body: HTTPBody

    /// Creates a request for an origin and target.
    public init(method: HTTPMethod = .GET, origin: HTTPOrigin, target: String = "/",
                headers: HTTPHeaders = HTTPHeaders(), body: HTTPBody = .empty) {
        self.origin = origin
        head = HTTPRequestHead(method: method, target: target, version: .http1_1, headers: headers)
        self.body = body
    }

    /// Creates a request from a URL; throws `invalidURL` when it is not `http(s)://host[:port]/…`.
    public init(method: HTTPMethod = .GET, url: String, headers: HTTPHeaders = HTTPHeaders(),
                body: HTTPBody = .empty) throws(HTTPClientError) {
        guard let (origin, target) = HTTPOrigin.parse(url: url) else { throw .invalidURL(url) }
        self.init(method: method, origin: origin, target: target, headers: headers, body: body)
    }
}

/// A response: its head, and its body streamed from the connection (read it to the end, or drop
/// it: an unread body closes the connection instead of returning it to the pool).
public struct HTTPClientResponse: Sendable {
    /// Status, headers, version.
    public var head: HTTPResponseHead
    /// The body as it arrives.
    public var body: HTTPBodyStream

    /// The status.
    public var status: HTTPStatus { head.status }
}
