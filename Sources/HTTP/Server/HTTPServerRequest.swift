/// A request as a handler sees it: the parsed head and a streamed body.
public struct HTTPServerRequest: Sendable {
    /// Method, target, version and headers.
    public var head: HTTPRequestHead
    /// The body, read on demand (reading it sends `100 Continue` when the client asked for it).
    public var body: HTTPBodyStream
    /// The client's numeric address (`127.0.0.1`), for logs and `Forwarded`.
    public var remoteAddress: String

    /// Creates a request (the server does this; tests of handlers may too, with `HTTPBodyStream.empty`).
    public init(head: HTTPRequestHead, body: HTTPBodyStream, remoteAddress: String) {
        self.head = head
        self.body = body
        self.remoteAddress = remoteAddress
    }
}

