import HTTP

/// What the pipeline learns about one request as it passes the steps; the audit line is written from it.
public struct RequestContext: Sendable {
    /// The request id (the caller's valid `X-Request-Id`, else a new one); `instance` of problems.
    public var requestId: String
    /// When the request's head was handed to the pipeline.
    public var start: ContinuousClock.Instant
    /// Wall-clock time of arrival, for the audit line.
    public var receivedAt: Double
    /// The method as sent.
    public var method: String
    /// The public path, without the query (queries can carry data that must not be logged).
    public var path: String
    /// The caller's numeric address.
    public var remoteAddress: String
    /// The identified client's name.
    public var client: String?
    /// The upstream the mount prefix selected.
    public var upstream: String?
    /// The matched operation's id.
    public var operationId: String?
    /// The upstream's status, when the request was forwarded.
    public var upstreamStatus: Int?
    /// Time spent waiting for the upstream (request sent → response complete).
    public var upstreamDuration: Duration?
    /// Request body bytes received.
    public var bytesIn = 0
    /// Why the gateway refused or failed the request (`validation`, `unauthorized`, …).
    public var rejection: String?

    /// Starts the context of `request`.
    public init(request: HTTPServerRequest, requestId: String, receivedAt: Double) {
        self.requestId = requestId
        start = .now
        self.receivedAt = receivedAt
        method = request.head.method.rawValue
        path = String(request.head.path)
        remoteAddress = request.remoteAddress
    }
}
