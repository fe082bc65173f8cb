/// The timer task that admits queued callers at their slots.
extension RateLimiter {
    /// Starts driver `generation` (an older one exits when it next wakes).
    func startDriver(_ generation: UInt64) {
        Task { await self.drive(generation) }
    }

    /// Loop: admit/refuse what is due, then sleep until the front's slot; exit when the queue is empty
    /// or a newer driver took over.
    func drive(_ generation: UInt64) async {
        while true {
            let now = clock.now
            var out: [RateLimiterState.Delivery] = []
            let (wake, settled): (Int64?, [CheckedContinuation<Void, Never>]) = state.withLock { s in
                guard s.driver.generation == generation else { return (nil, []) }
                s.process(now: now, into: &out)
                s.driver.processedAt = now
                s.driver.wake = s.queue.isEmpty ? nil : s.headSlot
                let settled = s.settleWaiters
                s.settleWaiters = []
                return (s.driver.wake, settled)
            }
            deliver(out)
            for c in settled { c.resume() }
            guard let wake else { return }
            do {
                try await clock.sleep(until: wake)
            } catch {
                return  // only a cancelled task gets here; the limiter never cancels its driver
            }
        }
    }

    /// For tests: returns once no driver is due to run at the current clock time (it has run at
    /// this instant, or sleeps until a later one, or there is none).
    func settle() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let now = clock.now
            let ready = state.withLock { s in
                guard let wake = s.driver.wake else { return true }
                if let at = s.driver.processedAt, at == now || now < wake { return true }
                s.settleWaiters.append(c)
                return false
            }
            if ready { c.resume() }
        }
    }

    /// For tests: returns once at least `depth` callers are waiting in the queue.
    func untilQueueDepth(atLeast depth: Int) async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { s in
                if s.queue.count >= depth { return true }
                s.depthWatchers.append((depth, c))
                return false
            }
            if ready { c.resume() }
        }
    }

    /// When the driver wakes next (nil: no driver); tests step a manual clock through these instants.
    var nextDriverWake: Int64? { state.withLock { $0.driver.wake } }
}
