/// Counters of one limiter, as the admin surface shows them (`/metrics`).
///
/// Requests sent under this limit = `admitted − refunded`.
public struct RateLimitMetrics: Sendable, Hashable {
    /// Which limit.
    public var scope: RateLimitScope
    /// The configured limit, in its short form (`60/1m burst 1, queue ≤1s (max 100 waiting)`).
    public var summary: String
    /// Requests admitted (fast path and from the queue, including upstream-429 retries).
    public var admitted: Int = 0
    /// Admissions given back because the request was not sent after all.
    public var refunded: Int = 0
    /// Callers that had to wait in the queue (upstream-429 retries included).
    public var queued: Int = 0
    /// Requests refused with 429 (at once, or after waiting).
    public var rejected: Int = 0
    /// Waiting callers that went away (task cancelled).
    public var cancelled: Int = 0
    /// Upstream 429s that paused this limit.
    public var upstreamPauses: Int = 0
    /// Callers that re-entered the queue after an upstream 429.
    public var retries: Int = 0
    /// Sum of queue waits of callers admitted from the queue, ns.
    public var totalQueueWait: Int64 = 0
    /// Longest queue wait of a caller admitted from the queue, ns.
    public var maxQueueWait: Int64 = 0
    /// Callers waiting right now.
    public var queueDepth: Int = 0
    /// Nanoseconds the upstream pause still lasts (0 when not paused).
    public var pauseRemaining: Int64 = 0

    public init(scope: RateLimitScope, summary: String) {
        self.scope = scope
        self.summary = summary
    }
}
