import Testing
@testable import Gateway

/// The injectable clocks and header arithmetic the limiters rely on.
@Suite struct RateLimitClockTests {
    @Test func manualClockWakesSleepersOnlyWhenTheirDeadlineComes() async throws {
        let clock = ManualRateLimitClock(start: 100)
        try await clock.sleep(until: 50)                 // already past: returns at once
        let early = Task { try await clock.sleep(until: 200); return clock.now }
        let late = Task { try await clock.sleep(until: 300); return clock.now }
        for _ in 0..<100_000 where clock.sleeperCount < 2 { await Task.yield() }   // bounded
        #expect(clock.sleeperCount == 2)
        clock.advance(to: 250)
        #expect(try await early.value == 250)
        #expect(clock.sleeperCount == 1)
        clock.advance(by: 50)
        #expect(try await late.value == 300)
        clock.advance(to: 10)                             // never backwards
        #expect(clock.now == 300)
    }

    @Test func cancellingASleeperOfTheManualClockThrowsAndForgetsIt() async {
        let clock = ManualRateLimitClock()
        let sleeper = Task { try await clock.sleep(until: 1_000) }
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(clock.sleeperCount == 0)
    }

    @Test func theRealClockIsMonotonicAndItsSleepHonoursCancellation() async {
        let clock = ContinuousRateLimitClock()
        var last = clock.now
        for _ in 0..<1_000 {
            let t = clock.now
            #expect(t >= last)
            last = t
        }
        await #expect(throws: Never.self) { try await clock.sleep(until: clock.now - 1) }
        let long = Task { try await clock.sleep(until: clock.now + 3_600 * second) }
        long.cancel()
        await #expect(throws: CancellationError.self) { try await long.value }
    }

    @Test func nanosecondConversions() {
        #expect(Nanoseconds.of(.milliseconds(1_500)) == 1_500_000_000)
        #expect(Nanoseconds.of(.seconds(Int64.max)) == Int64.max)
        #expect(Nanoseconds.secondsRoundedUp(1) == 1)
        #expect(Nanoseconds.secondsRoundedUp(second) == 1)
        #expect(Nanoseconds.secondsRoundedUp(second + 1) == 2)
        #expect(Nanoseconds.secondsRoundedUp(-5) == 0)
    }

    static let windows: [(rate: Int64, period: Int64, quota: Int64, window: Int64)] = [
        (60, 60_000_000_000, 60, 60), (1, 1_000_000_000, 1, 1), (600, 60_000_000_000, 600, 60),
        (10, 500_000_000, 20, 1),      // 10 per 500 ms
        (3, 1_500_000_000, 2, 1),      // 3 per 1.5 s
        (1, 1_500_000_000, 2, 3),      // 1 per 1.5 s
    ]

    @Test(arguments: windows)
    func policyWindowsAreWholeSecondsAndExact(rate: Int64, period: Int64, quota: Int64, window: Int64) {
        let (q, w) = RateLimitHeaders.window(rate: rate, period: period)
        #expect(q == quota && w == window)
    }

    @Test func anOddPeriodIsAdvertisedConservatively() {
        // 1 per 1.000000007 s: the exact whole-second window would be ~4.5 years; w rounds up, q down.
        let (q, w) = RateLimitHeaders.window(rate: 1, period: 1_000_000_007)
        #expect(w == 2 && q == 1)
        #expect(RateLimitHeaders.policyItem(RateLimitScope(.client, "a"), .reject(5, per: .milliseconds(250))) == "\"client\";q=20;w=1")
    }
}
