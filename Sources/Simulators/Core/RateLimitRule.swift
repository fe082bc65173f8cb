/// A request budget: at most `requests` in any window of `period` seconds.
public struct RateLimitRule: Sendable, Equatable {
    /// Requests allowed per window.
    public var requests: Int
    /// Window length in seconds.
    public var period: Double

    /// Creates a rule.
    public init(requests: Int, period: Double) {
        self.requests = requests
        self.period = period
    }
}

/// Which rate limit a simulator enforces.
public enum RateLimitSetting: Sendable, Equatable {
    /// The vendor's documented limit (OwlOps 60/min per key, Trackops 1/s; none for the others).
    case vendorDefault
    /// A custom budget (tests use a high rate or a short period), on vendors that have a limit.
    case custom(RateLimitRule)
    /// No limit.
    case off

    /// The rule to apply for a vendor whose documented limit is `vendorRule`.
    func rule(vendorRule: RateLimitRule?) -> RateLimitRule? {
        switch self {
        case .vendorDefault: return vendorRule
        case .custom(let rule): return vendorRule == nil ? nil : rule
        case .off: return nil
        }
    }
}

/// A sliding-log limiter: a request is allowed when fewer than `requests` were allowed in the
/// `period` seconds before it. Exact (no bucket rounding); one log per key.
struct SlidingWindowLimiter: Sendable {
    let rule: RateLimitRule
    private var logs: [String: [Double]] = [:]

    init(rule: RateLimitRule) { self.rule = rule }

    /// Records the request and returns nil when allowed, or the seconds until a slot frees.
    mutating func acquire(key: String, now: Double) -> Double? {
        var log = logs[key, default: []]
        log.removeAll { $0 <= now - rule.period }
        if log.count >= rule.requests, let oldest = log.first {
            logs[key] = log
            return max(0, oldest + rule.period - now)
        }
        log.append(now)
        logs[key] = log
        return nil
    }
}
