import TestSupport
import Testing
@testable import Gateway

/// The queue policy under seeded random overload, stepped exactly through every arrival and every
/// driver wake-up: the same window bound as the bare GCRA, FIFO, and every bound respected.
@Suite struct RateLimitQueueWindowTests {
    static let cases: [(Int, Int64, Int, UInt64)] = [(7, 1_000_000_000, 2, 11), (60, 60_000_000_000, 1, 12), (5, 1_500_000_000, 3, 13)]

    @Test(arguments: cases)
    func queuedAdmissionsRespectTheWindowFIFOAndMaxWait(rate: Int, period: Int64, burst: Int, seed: UInt64) async {
        let clock = ManualRateLimitClock()
        let maxWait = 3 * second
        let l = RateLimiter(scope: RateLimitScope(.upstream, "x"),
                            configuration: .queue(rate, per: .nanoseconds(period), burst: burst, maxWait: .nanoseconds(maxWait), maxQueue: 10),
                            clock: clock)
        let interval = period / Int64(rate)
        var rng = SplitMix64(seed: seed)
        var arrivals: [Int64] = []
        var t: Int64 = 0
        for _ in 0..<1_500 {
            t += Int64(rng.next() % UInt64(interval + interval / 2))   // ~1.3× the rate: the queue fills up
            arrivals.append(t)
        }
        var immediate: [RateLimitPermit] = []
        var rejectedAtOnce = 0
        await withTaskGroup(of: (UInt64, RateLimitOutcome).self) { group in
            var next = 0
            var steps = 0
            while steps < 100_000 {
                steps += 1
                let wake = l.nextDriverWake
                let arrival = next < arrivals.count ? arrivals[next] : nil
                guard let instant = [wake, arrival].compactMap({ $0 }).min() else { break }
                clock.advance(to: instant)
                await l.settle()
                if let arrival, arrival == clock.now {
                    next += 1
                    switch l.enqueue() {
                    case .decided(.admitted(let p)): immediate.append(p)
                    case .decided: rejectedAtOnce += 1
                    case .queued(let id): group.addTask { (id, await l.wait(id)) }
                    }
                }
            }
            var queued: [(UInt64, RateLimitOutcome)] = []
            for await r in group { queued.append(r) }
            queued.sort { $0.0 < $1.0 }
            let queuedPermits = queued.compactMap { $0.1.permit }
            // FIFO: tickets are admitted in ticket order.
            let order = queuedPermits.map(\.admittedAt)
            #expect(order == order.sorted())
            #expect(queuedPermits.allSatisfy { $0.waited <= maxWait && $0.waited > 0 })
            #expect(queued.allSatisfy { !$0.1.isCancelled })
            let all = (immediate + queuedPermits).map(\.admittedAt).sorted()
            #expect(WindowChecker.maxInWindow(all, length: period) <= rate + burst - 1)
            #expect(WindowChecker.gcraViolation(all, rate: Int64(rate), period: period, burst: Int64(burst), reach: 40) == nil)
            let m = l.metrics()
            #expect(m.admitted == all.count)
            #expect(m.admitted + m.rejected == arrivals.count)
            #expect(m.queued == queued.count)
            #expect(m.queued > 100 && rejectedAtOnce > 10, "the load must exercise the queue and its bounds")
            #expect(m.queueDepth == 0)
        }
    }
}
