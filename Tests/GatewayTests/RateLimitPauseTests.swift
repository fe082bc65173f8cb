import Testing
@testable import Gateway

/// Upstream 429s: pausing a limit, queued callers during the pause, and the one retry.
@Suite struct RateLimitPauseTests {
    static func limiter(_ config: RateLimitConfiguration, clock: ManualRateLimitClock) -> RateLimiter {
        RateLimiter(scope: RateLimitScope(.upstream, "owlops"), configuration: config, clock: clock)
    }

    @Test func queuedCallersKeepWaitingThroughAPauseAndGoWhenItEnds() async {
        let clock = ManualRateLimitClock()
        let l = Self.limiter(.queue(1, per: .seconds(1), maxWait: .seconds(5)), clock: clock)
        _ = l.enqueue()
        guard let b = l.enqueue().id else { Issue.record("expected a queued caller"); return }
        let task = Task { await l.wait(b) }
        l.pause(until: 3 * second)
        clock.advance(to: second)                        // B's slot, but paused
        await l.settle()
        #expect(l.queueDepth == 1)
        #expect(l.metrics().pauseRemaining == 2 * second)
        clock.advance(to: 3 * second)
        #expect(await task.value.permit?.admittedAt == 3 * second)
        #expect(l.metrics().pauseRemaining == 0)
        #expect(l.metrics().upstreamPauses == 1)
    }

    @Test func newCallersDuringAPauseFollowThePolicy() {
        let clock = ManualRateLimitClock()
        let queued = Self.limiter(.queue(1, per: .seconds(1), maxWait: .seconds(2)), clock: clock)
        let rejecting = Self.limiter(.reject(100, per: .seconds(1)), clock: clock)
        queued.pause(until: 1_500_000_000)
        rejecting.pause(until: 1_500_000_000)
        #expect(queued.enqueue().id != nil, "slot 1.5 s is within maxWait 2 s: waits")
        let over = queued.enqueue().outcome?.rejection  // slot 2.5 s > 2 s
        #expect(over?.reason == .waitTooLong && over?.upstreamPaused == true && over?.retryAfterSeconds == 3)
        let r = rejecting.enqueue().outcome?.rejection
        #expect(r?.reason == .overLimit && r?.upstreamPaused == true && r?.retryAfterSeconds == 2)
    }

    @Test func aPauseBeyondAWaitersDeadlineRefusesItAtOnce() async {
        let clock = ManualRateLimitClock()
        let l = Self.limiter(.queue(1, per: .seconds(1), maxWait: .seconds(5)), clock: clock)
        _ = l.enqueue()
        guard let b = l.enqueue().id else { Issue.record("expected a queued caller"); return }
        let task = Task { await l.wait(b) }
        l.pause(until: 10 * second)
        let r = await task.value.rejection
        #expect(r?.reason == .waitTooLong)
        #expect(r?.retryAfterSeconds == 10)
        #expect(r?.upstreamPaused == true)
        #expect(clock.now == 0)
        #expect(l.queueDepth == 0)
    }

    @Test func aPauseNeverShortens() {
        let clock = ManualRateLimitClock()
        let l = Self.limiter(.reject(10, per: .seconds(1)), clock: clock)
        l.pause(until: 5 * second)
        l.pause(until: 2 * second)
        #expect(l.tryAcquire().rejection?.retryAt == 5 * second)
    }

    @Test func theCallerOfThe429RetriesOnceFirstInLineWhenThePauseEnds() async {
        let clock = ManualRateLimitClock()
        let l = Self.limiter(.queue(1, per: .seconds(1), maxWait: .seconds(5)), clock: clock)
        #expect(l.enqueue().outcome?.permit != nil)      // A, sent; the upstream answers 429
        guard let b = l.enqueue().id else { Issue.record("expected B queued"); return }
        let taskB = Task { await l.wait(b) }
        clock.advance(to: 500_000_000)
        guard let a = l.beginRetryAfterUpstream429(pauseUntil: 2 * second).id else { Issue.record("retry must queue"); return }
        let retry = Task { await l.wait(a) }
        #expect(l.queueDepth == 2)
        clock.advance(to: 2 * second)
        #expect(await retry.value.permit?.admittedAt == 2 * second, "A's retry goes first")
        clock.advance(to: 3 * second)
        #expect(await taskB.value.permit?.admittedAt == 3 * second)
        #expect(l.metrics().retries == 1 && l.metrics().admitted == 3)
    }

    @Test func theRetryIsRefusedWhenThePauseOutlastsMaxWait() async {
        let clock = ManualRateLimitClock()
        let l = Self.limiter(.queue(1, per: .seconds(1), maxWait: .seconds(1)), clock: clock)
        _ = l.enqueue()
        let r = await l.retryAfterUpstream429(pauseUntil: 30 * second).rejection
        #expect(r?.reason == .waitTooLong && r?.retryAfterSeconds == 30 && r?.upstreamPaused == true)
    }

    @Test func withTheRejectPolicyTheCallerOfThe429GetsIt() async {
        let clock = ManualRateLimitClock()
        let l = Self.limiter(.reject(1, per: .seconds(1)), clock: clock)
        _ = l.tryAcquire()
        let r = await l.retryAfterUpstream429(pauseUntil: 4 * second).rejection
        #expect(r?.reason == .overLimit && r?.retryAfterSeconds == 4)
    }
}
