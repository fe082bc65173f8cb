/// A request's start line and header fields, as parsed or as to be sent.
public struct HTTPRequestHead: Hashable, Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The request-target exactly as on the wire (origin-form `/p?q`, absolute-form, authority-form or `*`).
    public var target: String
    /// The protocol version.
    public var version: HTTPVersion
    /// The header fields in order.
    public var headers: HTTPHeaders

    /// Creates a request head.
    public init(method: HTTPMethod, target: String, version: HTTPVersion = .http1_1, headers: HTTPHeaders = HTTPHeaders()) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
    }

    /// Whether the connection may be reused after this message (RFC 9112 §9.3): HTTP/1.1 unless
    /// `Connection: close`; HTTP/1.0 only with `Connection: keep-alive`.
    public var keepAlive: Bool { HTTPKeepAlive.persists(version: version, headers: headers) }

    /// Whether the client asked for `Expect: 100-continue` before sending its body.
    public var expectsContinue: Bool { headers.containsToken("100-continue", in: "Expect") }
}
