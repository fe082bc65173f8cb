import Foundation
import Synchronization

/// Peer 1: the cheapest thing a lock can guard, a counter (same `Mutex` as our limiter).
final class MutexCounter: Sendable {
    let value = Mutex(0)
    /// One increment.
    @inline(never)
    func tick() -> Bool { value.withLock { $0 += 1; return true } }
}

/// Peer 2: the common hand-written limiter: an NSLock around a Double token bucket refilled
/// from the monotonic clock on every call.
final class NSLockTokenBucket: @unchecked Sendable {
    // Safety: `tokens` and `last` are only read or written between `lock.lock()` and `lock.unlock()`.
    let lock = NSLock()
    let ratePerSecond: Double
    let capacity: Double
    var tokens: Double
    var last: ContinuousClock.Instant

    init(ratePerSecond: Double, capacity: Double) {
        self.ratePerSecond = ratePerSecond
        self.capacity = capacity
        tokens = capacity
        last = ContinuousClock.now
    }

    /// One decision: refill, then take a token if there is one.
    @inline(never)
    func take() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        let (s, atto) = last.duration(to: now).components
        let elapsed = Double(s) + Double(atto) * 1e-18
        last = now
        tokens = min(capacity, tokens + elapsed * ratePerSecond)
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
