import TestSupport
import Testing
@testable import Gateway

/// The O(1) queue-slot projection equals an admission-by-admission GCRA replay.
@Suite struct RateLimitProjectionTests {
    @Test func closedFormEqualsReplayOnRandomStates() {
        var rng = SplitMix64(seed: 2026)
        var compared = 0
        for _ in 0..<3_000 {
            let rate = Int(1 + rng.next() % 20)
            let period = Int64(1 + rng.next() % 5) * 333_333_333
            let burst = Int(1 + rng.next() % 4)
            var s = RateLimiterState(scope: RateLimitScope(.upstream, "x"),
                                     configuration: .reject(rate, per: .nanoseconds(period), burst: burst), now: 0)
            // Random history: some admissions at random instants, sometimes a pause.
            var t: Int64 = 0
            for _ in 0..<Int(rng.next() % 12) {
                t += Int64(rng.next() % UInt64(period))
                if s.gcra.earliest <= t { s.gcra.consume(at: t) }
            }
            if rng.next() % 3 == 0 { s.pausedUntil = t + Int64(rng.next() % UInt64(2 * period)) }
            let now = t + Int64(rng.next() % UInt64(period / 2 + 1))
            for position in [0, 1, 2, 3, 7, 20] {
                let fast = s.projectedSlot(position: position, now: now)
                let replay = s.projectedSlotByReplay(position: position, now: now)
                #expect(fast == replay, "rate \(rate) period \(period) burst \(burst) position \(position)")
                if fast != replay { return }
                compared += 1
            }
        }
        #expect(compared == 18_000)
    }
}
