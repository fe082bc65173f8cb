/// What a handler returns: status, headers and a body. The server sets `Content-Length` /
/// `Transfer-Encoding`, `Connection` and `Date` itself (any the handler set for those are replaced).
public struct HTTPServerResponse: Sendable {
    /// The status code.
    public var status: HTTPStatus
    /// Response headers.
    public var headers: HTTPHeaders
    /// The body.
    public var body: HTTPBody

    /// Creates a response.
    public init(status: HTTPStatus, headers: HTTPHeaders = HTTPHeaders(), body: HTTPBody = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

