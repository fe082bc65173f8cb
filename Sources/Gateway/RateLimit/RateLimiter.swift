import Synchronization

/// One exact rate limit (GCRA) with its `reject` or `queue` policy and upstream pause.
///
/// The admitted fast path is one uncontended `Mutex` around a few integers: no actor hop, no
/// allocation. Only a caller that must wait suspends; a single timer task (the "driver") admits
/// queued callers in FIFO order at their exact slots. Slots are taken when a caller leaves the
/// queue, so a cancelled waiter frees its place for the next one without any bookkeeping.
public final class RateLimiter: Sendable {
    /// Whose limit this is.
    public let scope: RateLimitScope
    /// The configured limit.
    public let configuration: RateLimitConfiguration
    /// The clock every decision reads.
    public let clock: any RateLimitClock
    /// `queue` policy bound in ns; nil for `reject`.
    let maxWait: Int64?
    /// `queue` policy length bound.
    let maxQueue: Int
    let state: Mutex<RateLimiterState>

    /// A limiter with a full bucket now.
    public init(scope: RateLimitScope, configuration: RateLimitConfiguration, clock: any RateLimitClock) {
        self.scope = scope
        self.configuration = configuration
        self.clock = clock
        switch configuration.policy {
        case .reject:
            maxWait = nil
            maxQueue = 0
        case .queue(let wait, let length):
            maxWait = max(0, Nanoseconds.of(wait))
            maxQueue = max(0, length)
        }
        state = Mutex(RateLimiterState(scope: scope, configuration: configuration, now: clock.now))
    }

    /// What `enqueue` decided: an outcome now, or a ticket to `wait` on.
    enum Ticket: Sendable {
        case decided(RateLimitOutcome)
        case queued(UInt64)
    }

    /// Admits, queues (and waits), or rejects one request under this limit.
    public func acquire() async -> RateLimitOutcome {
        switch enqueue() {
        case .decided(let outcome): return outcome
        case .queued(let id): return await wait(id)
        }
    }

    /// Admits now or rejects now, never waits (for callers that cannot wait, and the benchmark).
    public func tryAcquire() -> RateLimitOutcome { tryAcquire(at: clock.now) }

    /// `tryAcquire` at `now`, a reading of this limiter's `clock` the caller already has (the
    /// pipeline reads the clock once per request for both limits).
    public func tryAcquire(at now: Int64) -> RateLimitOutcome {
        state.withLock { s in
            if let permit = s.admitAtOnce(now: now) { return .admitted(permit) }
            return .rejected(s.reject(maxWait == nil ? .overLimit : .waitTooLong,
                                      retryAt: s.projectedSlot(position: s.queue.count, now: now), now: now))
        }
    }

    /// The synchronous half of `acquire`: decides now, or puts the caller in the queue.
    /// Tests use it to enqueue callers in a known order.
    func enqueue() -> Ticket {
        let now = clock.now
        var watchers: [CheckedContinuation<Void, Never>] = []
        let (ticket, driver): (Ticket, UInt64?) = state.withLock { s in
            if let permit = s.admitAtOnce(now: now) { return (.decided(.admitted(permit)), nil) }
            let slot = s.projectedSlot(position: s.queue.count, now: now)
            guard let maxWait else { return (.decided(.rejected(s.reject(.overLimit, retryAt: slot, now: now))), nil) }
            if s.queue.count >= maxQueue {
                return (.decided(.rejected(s.reject(.queueFull, retryAt: slot, now: now))), nil)
            }
            if slot &- now > maxWait {
                return (.decided(.rejected(s.reject(.waitTooLong, retryAt: slot, now: now))), nil)
            }
            let id = s.enqueue(now: now, maxWait: maxWait, atFront: false)
            watchers = s.satisfiedDepthWatchers()
            return (.queued(id), s.rescheduleDriver())
        }
        for w in watchers { w.resume() }
        if let driver { startDriver(driver) }
        return ticket
    }

    /// Suspends until ticket `id` is admitted or refused; leaves the queue at once if the task is cancelled.
    func wait(_ id: UInt64) async -> RateLimitOutcome {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<RateLimitOutcome, Never>) in
                let ready: RateLimitOutcome? = state.withLock { s in
                    if let outcome = s.decided.removeValue(forKey: id) { return outcome }
                    return s.queue.setContinuation(id: id, c) ? nil : .cancelled
                }
                if let ready { c.resume(returning: ready) }
            }
        } onCancel: {
            cancel(id)
        }
    }

    /// Takes waiter `id` out of the queue (its caller went away); its slot goes to the next waiter.
    func cancel(_ id: UInt64) {
        let c: CheckedContinuation<RateLimitOutcome, Never>? = state.withLock { s in
            guard let w = s.queue.remove(id: id) else { return nil }
            s.metrics.cancelled += 1
            if w.continuation == nil { s.decided[id] = .cancelled }
            return w.continuation
        }
        c?.resume(returning: .cancelled)
    }

    /// Gives an admission back because its request will not be sent after all.
    ///
    /// Exact: the limiter's state returns to what it was before that admission, so it is only
    /// possible while it is the latest one; otherwise the slot stays spent (never over-admits).
    /// Returns true when refunded.
    @discardableResult
    public func refund(_ permit: RateLimitPermit) -> Bool {
        let now = clock.now
        var out: [RateLimiterState.Delivery] = []
        let (refunded, driver): (Bool, UInt64?) = state.withLock { s in
            guard s.sequence == permit.sequence else { return (false, nil) }
            s.gcra.restore(permit.previousTAT)
            s.sequence &+= 1
            s.metrics.refunded += 1
            s.process(now: now, into: &out)
            return (true, s.rescheduleDriver())
        }
        deliver(out)
        if let driver { startDriver(driver) }
        return refunded
    }

    /// `RateLimit-Policy` and `RateLimit` values for a response to a request admitted with `permit`.
    public func headerFields(for permit: RateLimitPermit) -> [(name: String, value: String)] {
        var g = state.withLock { $0.gcra }
        g.restore(permit.tatAfter)
        let reset = Nanoseconds.secondsRoundedUp(g.nanosecondsUntilFull(at: permit.admittedAt))
        return [("RateLimit-Policy", RateLimitHeaders.policyItem(scope, configuration)),
                ("RateLimit", RateLimitHeaders.limitItem(scope, remaining: g.available(at: permit.admittedAt),
                                                         resetSeconds: reset))]
    }

    /// A snapshot of this limiter's counters.
    public func metrics() -> RateLimitMetrics {
        let now = clock.now
        return state.withLock { s in
            var m = s.metrics
            m.queueDepth = s.queue.count
            m.pauseRemaining = max(0, s.pausedUntil &- now)
            return m
        }
    }

    /// Callers waiting now.
    public var queueDepth: Int { state.withLock { $0.queue.count } }

    /// Resumes waiters outside the lock.
    func deliver(_ out: [RateLimiterState.Delivery]) {
        for d in out { d.continuation.resume(returning: d.outcome) }
    }
}
