/// What `RateLimiterSet.acquire` decided for one request.
public enum RequestAdmission: Sendable {
    /// Send the request; keep the permit for `refund` / `retryAfterUpstream429` / headers.
    case admitted(RequestPermit)
    /// 429: the client's or the upstream's limit (see `scope`) said no.
    case rejected(RateLimitRejection)
    /// The caller went away while waiting.
    case cancelled
}

/// Admission of one request under its client limit and its upstream limit.
public struct RequestPermit: Sendable {
    /// The client's limiter, when the client has a limit.
    let clientLimiter: RateLimiter?
    /// The client admission (nil: no client limit).
    public let client: RateLimitPermit?
    /// The upstream's limiter (every upstream has one, for pauses).
    let upstreamLimiter: RateLimiter
    /// The upstream admission.
    public let upstream: RateLimitPermit
    /// True for the one retry after an upstream 429 (a second 429 is passed on, not retried).
    public let isRetry: Bool

    /// Total time spent waiting in queues, ns.
    public var waited: Int64 { (client?.waited ?? 0) + upstream.waited }
}
