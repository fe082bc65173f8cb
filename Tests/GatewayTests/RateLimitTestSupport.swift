@testable import Gateway

/// Independent checks of a list of admission instants (sorted, ns).
enum WindowChecker {
    /// The largest number of admissions inside any half-open window `[x, x + length)`.
    static func maxInWindow(_ times: [Int64], length: Int64) -> Int {
        var best = 0
        var i = 0
        for j in times.indices {
            while times[j] - times[i] >= length { i += 1 }
            best = max(best, j - i + 1)
        }
        return best
    }

    /// The first pair (i, j) breaking GCRA conformance. Clock readings are whole ns, so admission k
    /// happened at a virtual instant in `(t_k − 1, t_k]`, and GCRA spaces virtual instants so that
    /// `(j − i + 1 − burst)·T ≤ a_j − a_i < t_j − t_i + 1`. Checks spans of up to `reach` admissions.
    static func gcraViolation(_ times: [Int64], rate: Int64, period: Int64, burst: Int64, reach: Int) -> (Int, Int)? {
        for i in times.indices {
            for j in (i + 1)..<min(times.count, i + reach) {
                let excess = Int128(j - i + 1) - Int128(burst)
                if excess > 0, excess * Int128(period) >= Int128(times[j] - times[i] + 1) * Int128(rate) { return (i, j) }
            }
        }
        return nil
    }
}

/// Shorthands for building limits in tests.
extension RateLimitConfiguration {
    static func queue(_ rate: Int, per period: Duration, burst: Int = 1, maxWait: Duration, maxQueue: Int = 100) -> Self {
        RateLimitConfiguration(rate: rate, period: period, burst: burst, policy: .queue(maxWait: maxWait, maxQueue: maxQueue))
    }

    static func reject(_ rate: Int, per period: Duration, burst: Int = 1) -> Self {
        RateLimitConfiguration(rate: rate, period: period, burst: burst, policy: .reject)
    }
}

extension RateLimitOutcome {
    /// The permit, when admitted.
    var permit: RateLimitPermit? { if case .admitted(let p) = self { p } else { nil } }
    /// The rejection, when rejected.
    var rejection: RateLimitRejection? { if case .rejected(let r) = self { r } else { nil } }
    /// True when cancelled.
    var isCancelled: Bool { if case .cancelled = self { true } else { false } }
}

extension RateLimiter.Ticket {
    /// The queue ticket, when queued.
    var id: UInt64? { if case .queued(let id) = self { id } else { nil } }
    /// The immediate outcome, when decided at once.
    var outcome: RateLimitOutcome? { if case .decided(let o) = self { o } else { nil } }
}

/// Nanoseconds in a second, for readable test arithmetic.
let second: Int64 = 1_000_000_000
