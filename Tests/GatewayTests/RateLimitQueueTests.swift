import TestSupport
import Testing
@testable import Gateway

/// The `queue` and `reject` policies on a manual clock: FIFO, bounds, cancellation, refunds.
@Suite struct RateLimitQueueTests {
    static func limiter(_ config: RateLimitConfiguration, clock: ManualRateLimitClock) -> RateLimiter {
        RateLimiter(scope: RateLimitScope(.upstream, "trackops"), configuration: config, clock: clock)
    }

    @Test func queuedCallersAreAdmittedInFIFOOrderAtTheirExactSlots() async {
        let clock = ManualRateLimitClock()
        let l = Self.limiter(.queue(1, per: .seconds(1), maxWait: .seconds(60)), clock: clock)
        #expect(l.enqueue().outcome?.permit?.admittedAt == 0)
        let tickets = (0..<20).compactMap { _ in l.enqueue().id }
        #expect(tickets.count == 20)
        await withTaskGroup(of: (Int, RateLimitOutcome).self) { group in
            // Waiters start in shuffled order: the queue order is the enqueue order, not the await order.
            var rng = SplitMix64(seed: 9)
            for (index, id) in tickets.enumerated().shuffled(using: &rng) {
                group.addTask { (index, await l.wait(id)) }
            }
            for k in 1...20 {
                clock.advance(to: Int64(k) * second - 1)
                await l.settle()
                #expect(l.queueDepth == 21 - k, "nobody may be admitted before the slot")
                clock.advance(to: Int64(k) * second)
                guard let (index, outcome) = await group.next() else { break }
                #expect(index == k - 1)
                #expect(outcome.permit?.admittedAt == Int64(k) * second)
                #expect(outcome.permit?.waited == Int64(k) * second)
            }
        }
        let m = l.metrics()
        #expect(m.admitted == 21 && m.queued == 20 && m.rejected == 0 && m.queueDepth == 0)
        #expect(m.maxQueueWait == 20 * second)
        #expect(m.totalQueueWait == (1...20).reduce(0) { $0 + Int64($1) * second })
    }

    @Test func aCallerWhoseSlotIsBeyondMaxWaitIsRejectedAtOnceWithTheExactRetryAfter() {
        let clock = ManualRateLimitClock()
        let l = Self.limiter(.queue(1, per: .seconds(1), maxWait: .seconds(2)), clock: clock)
        #expect(l.enqueue().outcome?.permit != nil)      // slot 0
        #expect(l.enqueue().id != nil)                   // slot 1 s
        #expect(l.enqueue().id != nil)                   // slot 2 s = maxWait: still allowed
        let r = l.enqueue().outcome?.rejection           // slot 3 s > 2 s
        #expect(r?.reason == .waitTooLong)
        #expect(r?.retryAt == 3 * second)
        #expect(r?.retryAfterSeconds == 3)
        #expect(l.queueDepth == 2)
    }

    @Test func maxQueueIsEnforced() {
        let clock = ManualRateLimitClock()
        let l = Self.limiter(.queue(1, per: .seconds(1), maxWait: .seconds(100), maxQueue: 2), clock: clock)
        #expect(l.enqueue().outcome?.permit != nil)
        #expect(l.enqueue().id != nil)
        #expect(l.enqueue().id != nil)
        let r = l.enqueue().outcome?.rejection
        #expect(r?.reason == .queueFull)
        #expect(r?.retryAfterSeconds == 3)
        #expect(l.metrics().rejected == 1)
        #expect(l.metrics().queued == 2)
    }

    @Test func aCancelledWaiterLeavesAtOnceAndItsSlotGoesToTheNextWaiter() async {
        let clock = ManualRateLimitClock()
        let l = Self.limiter(.queue(1, per: .seconds(1), maxWait: .seconds(10)), clock: clock)
        #expect(l.enqueue().outcome?.permit != nil)
        guard let b = l.enqueue().id, let c = l.enqueue().id, let d = l.enqueue().id else {
            Issue.record("expected three queued callers"); return
        }
        let taskB = Task { await l.wait(b) }
        let taskC = Task { await l.wait(c) }
        let taskD = Task { await l.wait(d) }
        taskB.cancel()
        #expect(await taskB.value.isCancelled)
        #expect(l.queueDepth == 2)                        // left at once, without time passing
        #expect(clock.now == 0)
        clock.advance(to: second)                         // B's slot: now C's
        #expect(await taskC.value.permit?.admittedAt == second)
        clock.advance(to: 2 * second)                     // C's old slot: now D's
        #expect(await taskD.value.permit?.admittedAt == 2 * second)
        let m = l.metrics()
        #expect(m.cancelled == 1 && m.admitted == 3 && m.queueDepth == 0)
    }

    @Test func cancellingBeforeTheWaitStartsAlsoLeavesTheQueue() async {
        let clock = ManualRateLimitClock()
        let l = Self.limiter(.queue(1, per: .seconds(1), maxWait: .seconds(10)), clock: clock)
        _ = l.enqueue()
        guard let b = l.enqueue().id, let c = l.enqueue().id else { Issue.record("expected queued callers"); return }
        let taskB = Task {
            withUnsafeCurrentTask { $0?.cancel() }       // cancelled before it reaches `wait`
            return await l.wait(b)
        }
        #expect(await taskB.value.isCancelled)
        #expect(l.queueDepth == 1)
        let taskC = Task { await l.wait(c) }
        clock.advance(to: second)
        #expect(await taskC.value.permit?.admittedAt == second)
    }

    @Test func acquireOfACancelledTaskThatHadToWaitReturnsCancelledWithoutConsuming() async {
        let clock = ManualRateLimitClock()
        let l = Self.limiter(.queue(1, per: .seconds(1), maxWait: .seconds(10)), clock: clock)
        _ = l.enqueue()
        let task = Task { await l.acquire() }
        task.cancel()
        #expect(await task.value.isCancelled)
        #expect(l.queueDepth == 0)
        clock.advance(to: second)
        #expect(l.enqueue().outcome?.permit?.admittedAt == second, "the cancelled caller took no slot")
    }

    @Test func rejectPolicyAnswersAtOnceWithRetryAfterAndHeaders() {
        let clock = ManualRateLimitClock()
        let l = Self.limiter(.reject(2, per: .seconds(1), burst: 2), clock: clock)
        #expect(l.tryAcquire().permit != nil)
        #expect(l.enqueue().outcome?.permit != nil)
        clock.advance(to: 100_000_000)
        guard let r = l.enqueue().outcome?.rejection else { Issue.record("expected a rejection"); return }
        #expect(r.reason == .overLimit)
        #expect(r.retryAt == 500_000_000)
        #expect(r.retryAfterSeconds == 1)                 // 0.4 s rounded up
        #expect(r.headerFields.map(\.name) == ["Retry-After", "RateLimit-Policy", "RateLimit"])
        #expect(r.headerFields.map(\.value) == ["1", "\"upstream\";q=2;w=1", "\"upstream\";r=0;t=1"])
        #expect(r.violatedPolicies == ["upstream"])
        #expect(r.detail == "upstream trackops rate limit (2/1s burst 2, reject) exceeded; retry after 1 s")
        #expect(l.queueDepth == 0)
        #expect(l.metrics().rejected == 1 && l.metrics().admitted == 2)
    }

    @Test func aRefundRestoresTheLatestAdmissionExactlyAndNothingElse() {
        let clock = ManualRateLimitClock()
        let l = Self.limiter(.reject(1, per: .seconds(1)), clock: clock)
        guard let first = l.tryAcquire().permit else { Issue.record("expected admission"); return }
        #expect(l.tryAcquire().rejection != nil)
        #expect(l.refund(first))
        guard let second = l.tryAcquire().permit else { Issue.record("refunded slot must be usable"); return }
        #expect(!l.refund(first), "an older admission cannot be refunded")
        clock.advance(to: 1 * Gateway.Nanoseconds.perSecond)
        guard let third = l.tryAcquire().permit else { Issue.record("expected admission"); return }
        #expect(!l.refund(second), "not the latest any more: stays spent")
        #expect(l.refund(third))
        #expect(!l.refund(third), "refunds happen once")
        #expect(l.metrics().refunded == 2 && l.metrics().admitted == 3)
    }

    @Test func aRefundLetsTheNextWaiterInEarly() async {
        let clock = ManualRateLimitClock()
        let l = Self.limiter(.queue(1, per: .seconds(1), maxWait: .seconds(5)), clock: clock)
        guard let first = l.enqueue().outcome?.permit, let b = l.enqueue().id else { Issue.record("setup"); return }
        let task = Task { await l.wait(b) }
        clock.advance(to: 200_000_000)
        l.refund(first)                                   // the first request was never sent
        #expect(await task.value.permit?.admittedAt == 200_000_000)
    }

    @Test func admissionHeadersReportRemainingBurstAndReset() {
        let clock = ManualRateLimitClock()
        let l = Self.limiter(.reject(10, per: .seconds(10), burst: 3), clock: clock)
        guard let p = l.tryAcquire().permit else { Issue.record("expected admission"); return }
        #expect(l.headerFields(for: p).map(\.value) == ["\"upstream\";q=10;w=10", "\"upstream\";r=2;t=1"])
        _ = l.tryAcquire()
        guard let p3 = l.tryAcquire().permit else { Issue.record("expected admission"); return }
        #expect(l.headerFields(for: p3).map(\.value) == ["\"upstream\";q=10;w=10", "\"upstream\";r=0;t=3"])
    }

    @Test func readmeOwlOpsExample() {
        // Sources/Gateway/README.md, "Policies": 60/1m burst 1, queue ≤1s.
        let clock = ManualRateLimitClock()
        let l = Self.limiter(.queue(60, per: .seconds(60), maxWait: .seconds(1)), clock: clock)
        #expect(l.enqueue().outcome?.permit != nil)
        clock.advance(to: 400_000_000)
        #expect(l.enqueue().id != nil)                    // waits 0.6 s
        guard let r = l.enqueue().outcome?.rejection else { Issue.record("expected a 429"); return }
        #expect(r.retryAt == 2 * second)
        #expect(r.headerFields.map(\.value) == ["2", "\"upstream\";q=60;w=60", "\"upstream\";r=0;t=2"])
    }
}
