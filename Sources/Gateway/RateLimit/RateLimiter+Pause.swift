/// Pausing a limit after an upstream 429, and the one retry its caller gets.
extension RateLimiter {
    /// Admits nobody before `instant` (limiter clock, ns); a pause only ever gets longer.
    /// Waiters that can no longer be admitted within their `maxWait` are refused at once.
    public func pause(until instant: Int64) {
        let now = clock.now
        var out: [RateLimiterState.Delivery] = []
        let driver: UInt64? = state.withLock { s in
            s.pausedUntil = max(s.pausedUntil, instant)
            s.metrics.upstreamPauses += 1
            s.process(now: now, into: &out)
            return s.rescheduleDriver()
        }
        deliver(out)
        if let driver { startDriver(driver) }
    }

    /// Pauses for `duration` from now.
    public func pause(for duration: Duration) { pause(until: clock.now &+ Nanoseconds.of(duration)) }

    /// The caller whose request the upstream answered 429: pause until `pauseUntil`, then let that
    /// caller retry once, first in line, if its slot comes within `maxWait`; otherwise (or with the
    /// `reject` policy) a rejection whose `Retry-After` is the end of the pause.
    /// The retry is a new upstream request, so it takes a new slot; the original one stays spent.
    public func retryAfterUpstream429(pauseUntil: Int64) async -> RateLimitOutcome {
        switch beginRetryAfterUpstream429(pauseUntil: pauseUntil) {
        case .decided(let outcome): return outcome
        case .queued(let id): return await wait(id)
        }
    }

    /// The synchronous half of `retryAfterUpstream429`: pauses, then queues the retry first in line
    /// or decides now.
    func beginRetryAfterUpstream429(pauseUntil: Int64) -> Ticket {
        pause(until: pauseUntil)
        let now = clock.now
        var watchers: [CheckedContinuation<Void, Never>] = []
        let (ticket, driver): (Ticket, UInt64?) = state.withLock { s in
            let slot = s.projectedSlot(position: 0, now: now)
            guard let maxWait, slot &- now <= maxWait else {
                let reason: RateLimitRejection.Reason = maxWait == nil ? .overLimit : .waitTooLong
                return (.decided(.rejected(s.reject(reason, retryAt: slot, now: now))), nil)
            }
            s.metrics.retries += 1
            let id = s.enqueue(now: now, maxWait: maxWait, atFront: true)
            watchers = s.satisfiedDepthWatchers()
            return (.queued(id), s.rescheduleDriver())
        }
        for w in watchers { w.resume() }
        if let driver { startDriver(driver) }
        return ticket
    }

    /// A second upstream 429 for the same request: pause, and refuse the caller (no further retry).
    public func rejectAfterUpstream429(pauseUntil: Int64) -> RateLimitRejection {
        pause(until: pauseUntil)
        let now = clock.now
        return state.withLock { s in s.reject(.upstream429, retryAt: s.headSlot, now: now) }
    }
}
