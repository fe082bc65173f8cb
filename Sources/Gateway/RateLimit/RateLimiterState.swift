/// Everything one limiter guards with its mutex: GCRA state, upstream pause, queue and counters.
///
/// Admission happens only here, so every admitted request (fast path, queue, retry) goes through
/// the same GCRA bookkeeping; queued callers get their slot when they leave the queue, never
/// before, so a caller that leaves early takes nothing with it.
struct RateLimiterState {
    /// What one queue or driver step decided for a waiter, resumed after the lock is released.
    typealias Delivery = (continuation: CheckedContinuation<RateLimitOutcome, Never>, outcome: RateLimitOutcome)

    /// The timer task that admits queued callers at their slot.
    struct Driver {
        /// Bumped when a new driver replaces the old one (which then exits when it wakes).
        var generation: UInt64 = 0
        /// When the current driver wakes next; nil: no driver (queue empty).
        var wake: Int64?
        /// The clock time of the current driver's last step; nil: it has not run yet.
        var processedAt: Int64?
    }

    let scope: RateLimitScope
    let configuration: RateLimitConfiguration
    var gcra: GCRA
    /// No admission before this instant (upstream 429); `Int64.min`: no pause.
    var pausedUntil: Int64 = .min
    var queue = WaiterQueue()
    /// Outcomes decided before their caller reached `wait` (picked up there).
    var decided: [UInt64: RateLimitOutcome] = [:]
    var nextTicket: UInt64 = 0
    /// Number of the latest admission; a permit with this number can be refunded exactly.
    var sequence: UInt64 = 0
    var driver = Driver()
    /// Tests waiting for the driver to finish its current step (`RateLimiter.settle`).
    var settleWaiters: [CheckedContinuation<Void, Never>] = []
    /// Tests waiting for the queue to reach a depth (`RateLimiter.untilQueueDepth`).
    var depthWatchers: [(depth: Int, continuation: CheckedContinuation<Void, Never>)] = []
    var metrics: RateLimitMetrics

    init(scope: RateLimitScope, configuration: RateLimitConfiguration, now: Int64) {
        self.scope = scope
        self.configuration = configuration
        gcra = GCRA(rate: configuration.rate, period: Nanoseconds.of(configuration.period),
                    burst: configuration.burst, now: now)
        metrics = RateLimitMetrics(scope: scope, summary: configuration.summary)
    }

    /// The earliest instant the front of the queue (or a new caller, if none waits) can be admitted.
    var headSlot: Int64 { max(gcra.earliest, pausedUntil) }

    /// The fast path: admits at `now` when nobody waits, no pause holds, and the request conforms.
    @inline(__always)
    mutating func admitAtOnce(now: Int64) -> RateLimitPermit? {
        guard queue.isEmpty, now >= pausedUntil, gcra.earliest <= now else { return nil }
        return admit(at: now, waited: 0)
    }

    /// Records an admission at `now` and returns its permit.
    @inline(__always)
    mutating func admit(at now: Int64, waited: Int64) -> RateLimitPermit {
        let previous = gcra.tat
        gcra.consume(at: now)
        sequence &+= 1
        metrics.admitted += 1
        return RateLimitPermit(admittedAt: now, waited: waited, sequence: sequence,
                               previousTAT: previous, tatAfter: gcra.tat)
    }

    /// When the caller at queue position `position` would be admitted if nobody leaves; O(1).
    ///
    /// Replaying the GCRA (`projectedSlotByReplay`) gives: the first slot is
    /// `s0 = max(now, pause, ⌈TAT − τ⌉)`; the first admission may move `TAT` up to `s0` (tick rule),
    /// after which no later one does, so slot k is `max(s0, ⌈TAT' + k·T − τ⌉)`.
    func projectedSlot(position: Int, now: Int64) -> Int64 {
        let s0 = max(now, pausedUntil, gcra.earliest)
        guard position > 0 else { return s0 }
        var start = gcra.tat
        let ceiling = start.fraction > 0 ? start.ns &+ 1 : start.ns
        if ceiling < s0 { start = GCRA.Instant(ns: s0, fraction: 0) }
        // In units of 1/rate ns: TAT' + k·period − τ.
        let r = Int128(gcra.rate)
        let x = Int128(start.ns) * r + Int128(start.fraction) + Int128(position) * Int128(gcra.period)
            - (Int128(gcra.tolerance.ns) * r + Int128(gcra.tolerance.fraction))
        let q = x >= 0 ? (x + r - 1) / r : -((-x) / r)      // ⌈x / r⌉
        return max(s0, Int64(clamping: q))
    }

    /// The same by replaying `position` admissions (O(position)); the reference for tests.
    func projectedSlotByReplay(position: Int, now: Int64) -> Int64 {
        var g = gcra
        var t = now
        for i in 0...position {
            t = max(t, g.earliest, pausedUntil)
            if i == position { break }
            g.consume(at: t)
        }
        return t
    }

    /// A rejection decided at `now`, counted.
    mutating func reject(_ reason: RateLimitRejection.Reason, retryAt: Int64, now: Int64) -> RateLimitRejection {
        metrics.rejected += 1
        return RateLimitRejection(scope: scope, reason: reason, configuration: configuration,
                                  retryAt: max(retryAt, now), decidedAt: now, upstreamPaused: pausedUntil > now)
    }

    /// Adds a waiter (at the front for an upstream-429 retry) and returns its ticket.
    mutating func enqueue(now: Int64, maxWait: Int64, atFront: Bool) -> UInt64 {
        nextTicket &+= 1
        let w = Waiter(id: nextTicket, enqueuedAt: now, deadline: now &+ maxWait, continuation: nil)
        if atFront { queue.prepend(w) } else { queue.append(w) }
        metrics.queued += 1
        return nextTicket
    }

    /// Removes and returns the depth watchers the queue has satisfied (resume them after unlocking).
    mutating func satisfiedDepthWatchers() -> [CheckedContinuation<Void, Never>] {
        guard !depthWatchers.isEmpty else { return [] }
        let depth = queue.count
        var ready: [CheckedContinuation<Void, Never>] = []
        depthWatchers.removeAll { w in
            guard w.depth <= depth else { return false }
            ready.append(w.continuation)
            return true
        }
        return ready
    }

    /// Admits every waiter whose slot has come, then refuses those whose deadline the front slot
    /// has passed (nobody can be admitted before it, so they cannot make it).
    mutating func process(now: Int64, into out: inout [Delivery]) {
        while let head = queue.first, headSlot <= now {
            _ = queue.removeFirst()
            let waited = now - head.enqueuedAt
            metrics.totalQueueWait &+= waited
            metrics.maxQueueWait = max(metrics.maxQueueWait, waited)
            deliver(head, .admitted(admit(at: now, waited: waited)), into: &out)
        }
        guard !queue.isEmpty else { return }
        let slot = headSlot
        var refused: [Waiter] = []
        queue.removeAll(where: { $0.deadline < slot }, { refused.append($0) })
        for w in refused { deliver(w, .rejected(reject(.waitTooLong, retryAt: slot, now: now)), into: &out) }
    }

    /// Hands `outcome` to the waiter now, or keeps it until the waiter reaches `wait`.
    mutating func deliver(_ w: Waiter, _ outcome: RateLimitOutcome, into out: inout [Delivery]) {
        if let c = w.continuation { out.append((c, outcome)) } else { decided[w.id] = outcome }
    }

    /// Returns a new driver generation to start when the queue needs a timer that wakes earlier
    /// than the current one (or there is none); nil when the current driver will do.
    mutating func rescheduleDriver() -> UInt64? {
        guard !queue.isEmpty else { return nil }
        let slot = headSlot
        if let wake = driver.wake, wake <= slot { return nil }
        driver.generation &+= 1
        driver.wake = slot
        driver.processedAt = nil
        return driver.generation
    }
}
