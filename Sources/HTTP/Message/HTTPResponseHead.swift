/// A response's status line and header fields, as parsed or as to be sent.
public struct HTTPResponseHead: Hashable, Sendable {
    /// The status code.
    public var status: HTTPStatus
    /// The reason phrase as received, or the standard phrase for `status` when created locally.
    public var reason: String
    /// The protocol version.
    public var version: HTTPVersion
    /// The header fields in order.
    public var headers: HTTPHeaders

    /// Creates a response head; `reason` defaults to the standard phrase of `status`.
    public init(status: HTTPStatus, reason: String? = nil, version: HTTPVersion = .http1_1, headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.reason = reason ?? status.reasonPhrase
        self.version = version
        self.headers = headers
    }

    /// Whether the connection may be reused after this response, judged from version and `Connection`
    /// (a response whose body is read until close never allows reuse; see `HTTPParser.framing`).
    public var keepAlive: Bool { HTTPKeepAlive.persists(version: version, headers: headers) }
}

/// The persistence rule shared by request and response heads (RFC 9112 §9.3).
enum HTTPKeepAlive {
    /// HTTP/1.1 persists unless `Connection: close`; HTTP/1.0 persists only with `Connection: keep-alive`.
    static func persists(version: HTTPVersion, headers: HTTPHeaders) -> Bool {
        if headers.containsToken("close", in: "Connection") { return false }
        if version == .http1_1 { return true }
        return headers.containsToken("keep-alive", in: "Connection")
    }
}
