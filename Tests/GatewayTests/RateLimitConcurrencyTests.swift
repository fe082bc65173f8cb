import Testing
@testable import Gateway

/// Many tasks deciding on one limiter at once: the mutex loses no update.
@Suite struct RateLimitConcurrencyTests {
    @Test func concurrentDecisionsAdmitExactlyTheBurstAtOneInstant() async {
        let clock = ManualRateLimitClock()
        let l = RateLimiter(scope: RateLimitScope(.upstream, "x"), configuration: .reject(1_000, per: .seconds(3_600), burst: 1_000),
                            clock: clock)
        let admitted = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var n = 0
                    for _ in 0..<1_000 where l.tryAcquire().permit != nil { n += 1 }
                    return n
                }
            }
            return await group.reduce(0, +)
        }
        #expect(admitted == 1_000)
        #expect(l.metrics().admitted == 1_000 && l.metrics().rejected == 7_000)
    }
}
