/// A rate limit: `rate` requests per `period`, with `burst` back-to-back, and what to do when over.
///
/// Meant for a GCRA limiter: emission interval `period / rate`, tolerance `(burst - 1)` intervals.
public struct RateLimitConfiguration: Sendable, Hashable {
    /// What happens to a request over the limit.
    public enum Policy: Sendable, Hashable {
        /// Answer 429 with `Retry-After` at once.
        case reject
        /// Wait in FIFO order up to `maxWait`, with at most `maxQueue` waiting; beyond either, 429.
        case queue(maxWait: Duration, maxQueue: Int)

        /// `reject` or `queue`, as written in the file.
        public var name: String {
            switch self {
            case .reject: "reject"
            case .queue: "queue"
            }
        }
    }

    /// Requests admitted per period (at least 1).
    public var rate: Int
    /// The period the rate is counted over.
    public var period: Duration
    /// Requests that may pass back-to-back (at least 1; default 1).
    public var burst: Int
    /// Over-limit behaviour.
    public var policy: Policy

    public init(rate: Int, period: Duration, burst: Int = 1, policy: Policy) {
        self.rate = rate
        self.period = period
        self.burst = burst
        self.policy = policy
    }

    /// Short human form: `60/1m burst 1, queue ≤1s (max 100)`.
    public var summary: String {
        var s = "\(rate)/\(DurationText.format(period)) burst \(burst), \(policy.name)"
        if case .queue(let wait, let queue) = policy { s += " ≤\(DurationText.format(wait)) (max \(queue) waiting)" }
        return s
    }
}
