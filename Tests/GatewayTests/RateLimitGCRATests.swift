import TestSupport
import Testing
@testable import Gateway

/// The GCRA core: exact over any window, exact earliest instants, no drift, not stricter than needed.
@Suite struct RateLimitGCRATests {
    /// (rate, period ns, burst): whole and fractional emission intervals, bursts.
    static let limits: [(Int, Int64, Int)] = [
        (60, 60 * second, 1), (1, second, 1), (7, second, 1), (3, 60 * second, 1),
        (600, 60 * second, 20), (10, second, 5), (13, 1_500_000_000, 3), (1_000, second, 1),
    ]

    /// Random arrivals: mostly gaps up to 3 emission intervals, sometimes clusters at one instant.
    static func arrivals(count: Int, interval: Int64, seed: UInt64) -> [Int64] {
        var rng = SplitMix64(seed: seed)
        var t: Int64 = 0
        var out: [Int64] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            switch rng.next() % 10 {
            case 0, 1: break                                   // same instant as the previous one
            case 2: t += Int64(rng.next() % 3)                 // a few ns later
            default: t += Int64(rng.next() % UInt64(max(1, 3 * interval)))
            }
            out.append(t)
        }
        return out
    }

    @Test(arguments: limits)
    func neverAdmitsMoreThanRatePlusBurstToleranceInAnyWindow(rate: Int, period: Int64, burst: Int) {
        for seed in UInt64(1)...4 {
            var g = GCRA(rate: rate, period: period, burst: burst, now: 0)
            var admitted: [Int64] = []
            for t in Self.arrivals(count: 4_000, interval: period / Int64(rate), seed: seed &* 7919 &+ UInt64(rate)) {
                if g.admit(at: t) == nil { admitted.append(t) }
            }
            #expect(WindowChecker.maxInWindow(admitted, length: period) <= rate + burst - 1,
                    "rate \(rate) period \(period) burst \(burst) seed \(seed)")
            let violation = WindowChecker.gcraViolation(admitted, rate: Int64(rate), period: period, burst: Int64(burst),
                                                        reach: min(2 * (rate + burst) + 2, 48))
            #expect(violation == nil, "GCRA conformance broken at \(String(describing: violation))")
            #expect(admitted.count > 100, "the random load must exercise the limit")
        }
    }

    @Test(arguments: limits)
    func aCallerRetryingAtEachPromisedInstantGetsExactlyTheRate(rate: Int, period: Int64, burst: Int) {
        // Closed loop from a full bucket for 20 periods: exactly burst + 20·rate − 1 admissions in
        // [0, 20·period), and the window bound is reached, so the limiter is not stricter than the limit.
        var g = GCRA(rate: rate, period: period, burst: burst, now: 0)
        var admitted: [Int64] = []
        var t: Int64 = 0
        while t < 20 * period {
            if let e = g.admit(at: t) { t = e } else { admitted.append(t) }
        }
        #expect(admitted.count == 20 * rate + burst - 1)
        #expect(WindowChecker.maxInWindow(admitted, length: period) == rate + burst - 1)
    }

    @Test(arguments: limits)
    func theEarliestInstantOfARejectionIsExact(rate: Int, period: Int64, burst: Int) {
        var g = GCRA(rate: rate, period: period, burst: burst, now: 0)
        var checked = 0
        for t in Self.arrivals(count: 2_000, interval: period / Int64(rate) / 4, seed: 42) {
            if let earliest = g.admit(at: t) {
                #expect(earliest > t)
                var before = g
                #expect(before.admit(at: earliest - 1) != nil, "admitted one ns before the promised instant")
                var at = g
                #expect(at.admit(at: earliest) == nil, "not admitted at the promised instant")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func fractionalIntervalsDoNotDrift() {
        // 7 per second: T = 142857142.857… ns. Saturated for 1000 s, admission k is at exactly ⌈k·10^9/7⌉.
        var g = GCRA(rate: 7, period: second, burst: 1, now: 0)
        var k: Int64 = 0
        var t: Int64 = 0
        while k < 7_000 {
            if let e = g.admit(at: t) { t = e; continue }
            let expected = (k * second + 6) / 7
            #expect(t == expected)
            if t != expected { return }
            k += 1
        }
        #expect(t == 999_857_142_858)
    }

    @Test func burstPassesBackToBackThenOnePerInterval() {
        var g = GCRA(rate: 10, period: second, burst: 5, now: 0)
        for _ in 0..<5 { #expect(g.admit(at: 0) == nil) }
        #expect(g.admit(at: 0) == 100_000_000)
        #expect(g.available(at: 0) == 0)
        #expect(g.admit(at: 100_000_000) == nil)
        #expect(g.available(at: 500_000_000) == 4)
        #expect(g.available(at: 600_000_000) == 5)
        #expect(g.nanosecondsUntilFull(at: 100_000_000) == 500_000_000)
    }

    @Test func hugeBurstAndPeriodDoNotOverflow() {
        // Tolerance (10^6 − 1) hours ≈ 3.6·10^18 ns: close to the Int64 range, still exact.
        var g = GCRA(rate: 1, period: 3_600 * second, burst: 1_000_000, now: 0)
        var refused = 0
        for _ in 0..<1_000 where g.admit(at: 0) != nil { refused += 1 }
        #expect(refused == 0)
        #expect(g.available(at: 0) == 999_000)
    }
}
