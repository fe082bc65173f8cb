/// What `RateLimiter.acquire()` decided.
public enum RateLimitOutcome: Sendable {
    /// Go ahead; keep the permit to refund it if the request is not sent after all.
    case admitted(RateLimitPermit)
    /// Over the limit: answer 429 with the rejection's headers.
    case rejected(RateLimitRejection)
    /// The waiting caller's task was cancelled (it disconnected); it left the queue.
    case cancelled
}

/// Proof of one admission. Plain integers (no references), so handing it around costs nothing.
public struct RateLimitPermit: Sendable, Hashable {
    /// When the request was admitted (limiter clock, ns).
    public let admittedAt: Int64
    /// Time spent in the queue (0 on the fast path), ns.
    public let waited: Int64
    /// The admission's sequence number in its limiter (a refund only applies to the latest).
    let sequence: UInt64
    /// The limiter's TAT before this admission, restored by an exact refund.
    let previousTAT: GCRA.Instant
    /// The limiter's TAT right after this admission (for the `RateLimit` header, computed on demand).
    let tatAfter: GCRA.Instant
}

/// A 429 decision with everything the response needs.
public struct RateLimitRejection: Error, Sendable, Hashable {
    /// Why the request was not admitted.
    public enum Reason: String, Sendable, Hashable {
        /// `reject` policy and the limit is spent.
        case overLimit
        /// `queue` policy but `maxQueue` callers are already waiting.
        case queueFull
        /// `queue` policy but the earliest slot is later than `maxWait` (or, for a waiting caller,
        /// an upstream pause moved it past its deadline).
        case waitTooLong
        /// The upstream answered 429 to the request's one retry as well.
        case upstream429
    }

    /// Which limit said no.
    public let scope: RateLimitScope
    /// Why.
    public let reason: Reason
    /// The limit that applied.
    public let configuration: RateLimitConfiguration
    /// When (limiter clock, ns) the request would be admitted if nothing else changed.
    public let retryAt: Int64
    /// When the decision was made (limiter clock, ns).
    public let decidedAt: Int64
    /// True when an upstream pause (its own 429) is what pushed `retryAt` out.
    public let upstreamPaused: Bool

    /// The problem+json `type` for the 429 (draft-ietf-httpapi-ratelimit-headers-11 §5.1, "quota-exceeded").
    public static let problemType = "https://iana.org/assignments/http-problem-types#quota-exceeded"

    /// The problem's `violated-policies` member: the identifier of the limit that refused.
    public var violatedPolicies: [String] { [scope.policyIdentifier] }

    /// `Retry-After` in whole seconds, rounded up (at least 1: the request was refused now).
    public var retryAfterSeconds: Int64 { max(1, Nanoseconds.secondsRoundedUp(retryAt - decidedAt)) }

    /// `Retry-After`, `RateLimit-Policy` and `RateLimit` (`r=0`, `t` = Retry-After) for the 429.
    public var headerFields: [(name: String, value: String)] {
        [("Retry-After", String(retryAfterSeconds)),
         ("RateLimit-Policy", RateLimitHeaders.policyItem(scope, configuration)),
         ("RateLimit", RateLimitHeaders.limitItem(scope, remaining: 0, resetSeconds: retryAfterSeconds))]
    }

    /// One sentence for the problem+json `detail`.
    public var detail: String {
        let wait = "retry after \(retryAfterSeconds) s"
        switch reason {
        case .overLimit:
            return "\(scope) rate limit (\(configuration.summary)) exceeded; \(wait)"
        case .queueFull:
            return "\(scope) rate limit queue is full (\(configuration.summary)); \(wait)"
        case .waitTooLong:
            let why = upstreamPaused ? "the upstream asked the gateway to pause" : "the queue is longer than the wait bound"
            return "\(scope) rate limit (\(configuration.summary)): \(why); \(wait)"
        case .upstream429:
            return "\(scope) answered 429 Too Many Requests again after the gateway's retry; \(wait)"
        }
    }
}
