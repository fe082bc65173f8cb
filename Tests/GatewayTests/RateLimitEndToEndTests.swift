import Document
import Foundation
import HTTP
import Simulators
import Synchronization
import Testing
@testable import Gateway

/// Rate limits in real time on loopback: the gateway in front of the OwlOps simulator (whose own
/// sliding-window limit is set short), many callers, and what the simulator saw.
@Suite(.serialized, .enabled(if: RealTimeTests.enabled, RealTimeTests.reason)) struct RateLimitEndToEndTests {
    static let tasks = "/owlops/v1/tasks?pageSize=1"

    @Test func concurrentCallersNeverMakeTheSimulatorAnswer429AndGetWhatTheLimitAllows() async throws {
        // The simulator allows 20 per sliding 1 s window, counted when a request ARRIVES. The gateway
        // counts when it SENDS, so its limit leaves room for loopback jitter: 20 per 1.25 s (16/s).
        let upstreamRate = 20, upstreamPeriod = 1.25
        let setup = try await OwlOpsBehindGateway.start(
            simulatorLimit: RateLimitRule(requests: 20, period: 1),
            upstreamLimit: RateLimitConfiguration(rate: upstreamRate, period: .milliseconds(1250),
                                                  policy: .queue(maxWait: .seconds(15), maxQueue: 100)))
        // Spec loads are CPU-bound for seconds in a debug build and run on the cooperative pool; when the
        // whole suite runs in parallel they would starve the limiter's driver task and the measurement.
        for vendor in ["owlops", "upkeep", "trackops", "owox", "opsdeck"] { _ = await SpecCache.load(TestGateway.specs + "/\(vendor).yaml") }
        let callers = 24, load = Duration.milliseconds(1500)
        let probe = StallProbe.start()
        let start = ContinuousClock.now
        let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
            for _ in 0..<callers {
                group.addTask {
                    var seen: [Int] = []
                    repeat {
                        seen.append(try await setup.send(Self.tasks).status)
                    } while ContinuousClock.now - start < load && seen.count < 20
                    return seen
                }
            }
            return try await group.reduce(into: [Int]()) { $0 += $1 }
        }
        let stalled = await probe.stop()
        let stats = await setup.simulator.stats()
        let arrivals = setup.arrivals.sorted
        #expect(stats.rejected == 0, "\(stats.rejectedCalls.prefix(3))")
        #expect(statuses.count >= callers)
        #expect(statuses.allSatisfy { $0 == 200 }, "\(Dictionary(grouping: statuses) { $0 }.mapValues(\.count))")
        #expect(stats.requests == statuses.count)
        #expect(arrivals.count == statuses.count)
        // Per window: never more than the simulator's 20 per 1 s (checked here from its own clock readings).
        #expect(ArrivalLog.maxInWindow(arrivals, period: 1) <= 20)
        // Throughput: the queue stayed saturated, so arrivals came at (close to) the gateway's rate —
        // over the time this process could run (a limiter admits late when its driver task is starved,
        // e.g. by other suites' synchronous spec loading on the 2-thread cooperative pool).
        let span = try #require(arrivals.last) - (try #require(arrivals.first))
        let rate = Double(upstreamRate) / upstreamPeriod
        let runnable = max(0, span - stalled)
        #expect(Double(arrivals.count - 1) >= 0.8 * rate * runnable,
                "\(arrivals.count) arrivals over \(span) s (stalled \(stalled) s), limit \(rate)/s")
        let upstream = try #require(setup.limiters?.limiter(upstream: "owlops")?.metrics())
        #expect(upstream.admitted == statuses.count)
        #expect(upstream.rejected == 0)
        #expect(upstream.queued > 0)
        await setup.stop()
    }

    @Test func withoutAnUpstreamLimitTheSameCallersDrawSimulator429s() async throws {
        // The control for the test above: the simulator's limit is live, so "no 429" there is the gateway's doing.
        let setup = try await OwlOpsBehindGateway.start(simulatorLimit: RateLimitRule(requests: 20, period: 1), upstreamLimit: nil)
        // Thirty concurrent callers, each sending until the simulator rejects one (bounded). On a loaded
        // machine one round of 30 may spread over more than the 1 s window; rounds keep up the pressure.
        _ = try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<30 {
                group.addTask {
                    for _ in 0..<10 where await setup.simulator.stats().rejected == 0 {
                        _ = try await setup.send(Self.tasks)
                    }
                }
            }
            try await group.waitForAll()
        }
        let stats = await setup.simulator.stats()
        #expect(stats.rejected > 0)
        #expect(stats.rejectedCalls.contains { $0.status == 429 })
        await setup.stop()
    }

    @Test func rejectPolicyAnswers429ProblemWithRetryAfterAndRateLimitHeaders() async throws {
        let setup = try await OwlOpsBehindGateway.start(
            simulatorLimit: nil, upstreamLimit: nil,
            clientLimit: RateLimitConfiguration(rate: 2, period: .seconds(60), burst: 2, policy: .reject))
        let start = ContinuousClock.now
        #expect(try await setup.send(Self.tasks).status == 200)
        #expect(try await setup.send(Self.tasks).status == 200)
        let limited = try await setup.send(Self.tasks)
        let elapsed = (ContinuousClock.now - start).components.seconds
        #expect(limited.status == 429)
        #expect(limited.headers["Content-Type"] == "application/problem+json")
        let retryAfter = try #require(Int(limited.headers["Retry-After"] ?? ""), "\(limited.headers)")
        // One slot per 30 s after a burst of 2: the next is 30 s after the first admission, rounded up.
        #expect(retryAfter <= 30 && retryAfter >= 30 - Int(elapsed) - 1, "Retry-After \(retryAfter) after \(elapsed) s")
        #expect(limited.headers["RateLimit-Policy"] == "\"client\";q=2;w=60")
        #expect(limited.headers["RateLimit"] == "\"client\";r=0;t=\(retryAfter)")
        #expect(limited.json?["status"] == 429)
        #expect(limited.json?["title"] == "Too Many Requests")
        #expect(await setup.simulator.stats().requests == 2)
        await setup.stop()
    }

    @Test func queuePolicyCallerWaitsForItsSlotThenSucceeds() async throws {
        let setup = try await OwlOpsBehindGateway.start(
            simulatorLimit: nil, upstreamLimit: nil,
            clientLimit: RateLimitConfiguration(rate: 1, period: .seconds(1), policy: .queue(maxWait: .seconds(10), maxQueue: 10)))
        let start = ContinuousClock.now
        let waited = try await withThrowingTaskGroup(of: (Int, Duration).self) { group in
            for _ in 0..<3 {
                group.addTask {
                    let status = try await setup.send(Self.tasks).status
                    return (status, ContinuousClock.now - start)
                }
            }
            return try await group.reduce(into: [(Int, Duration)]()) { $0.append($1) }.sorted { $0.1 < $1.1 }
        }
        #expect(waited.map(\.0) == [200, 200, 200])
        // Slots 1 s and 2 s after the first admission, which came after `start`.
        #expect(waited[1].1 >= .seconds(1), "\(waited)")
        #expect(waited[2].1 >= .seconds(2), "\(waited)")
        let client = try #require(setup.limiters?.limiter(client: "team-a")?.metrics())
        // Normally 2; a caller that reached the gateway after its slot (machine under load) did not wait.
        #expect(client.queued >= 1)
        #expect(client.admitted == 3)
        #expect(client.rejected == 0)
        #expect(client.maxQueueWait > 0)
        #expect(await setup.simulator.stats().requests == 3)
        await setup.stop()
    }

    @Test func invalidAndUnauthenticatedRequestsLeaveTheFullBurstAvailable() async throws {
        let setup = try await OwlOpsBehindGateway.start(
            simulatorLimit: nil,
            upstreamLimit: RateLimitConfiguration(rate: 5, period: .seconds(60), burst: 5, policy: .reject))
        for _ in 0..<10 {
            #expect(try await setup.send("/owlops/v1/tasks?pageSize=100000").status == 400)
            #expect(try await setup.send(Self.tasks, token: nil).status == 401)
            #expect(try await setup.send(Self.tasks, token: "gw_not_a_real_token").status == 401)
        }
        let burst = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<5 { group.addTask { try await setup.send(Self.tasks).status } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(burst == [200, 200, 200, 200, 200])
        let over = try await setup.send(Self.tasks)
        #expect(over.status == 429)
        #expect(over.headers["RateLimit-Policy"]?.hasPrefix("\"upstream\"") == true)
        #expect(await setup.simulator.stats().requests == 5)
        let upstream = try #require(setup.limiters?.limiter(upstream: "owlops")?.metrics())
        #expect(upstream.admitted == 5)
        #expect(upstream.rejected == 1)
        await setup.stop()
    }

    @Test func injectedUpstream429PausesTheUpstreamAndTheCallerGetsOneRetryAfterThePause() async throws {
        var faults = FaultSettings()
        faults.throttleEvery = 2
        faults.retryAfterSeconds = 1
        let setup = try await OwlOpsBehindGateway.start(
            simulatorLimit: nil,
            upstreamLimit: RateLimitConfiguration(rate: 20, period: .seconds(1), policy: .queue(maxWait: .seconds(10), maxQueue: 100)),
            faults: faults)
        #expect(try await setup.send(Self.tasks).status == 200)
        let start = ContinuousClock.now
        let retried = try await setup.send(Self.tasks)
        let elapsed = ContinuousClock.now - start
        #expect(retried.status == 200)
        #expect(elapsed >= .seconds(1), "the retry waits for the end of the 1 s pause")
        let stats = await setup.simulator.stats()
        #expect(stats.requests == 3, "first call, the throttled one, its single retry")
        #expect(stats.faultsInjected == 1)
        let upstream = try #require(setup.limiters?.limiter(upstream: "owlops")?.metrics())
        #expect(upstream.upstreamPauses == 1)
        #expect(upstream.retries == 1)
        await setup.stop()
    }

    @Test func injectedUpstream429LongerThanTheQueueBoundReachesTheCallerWithoutRetry() async throws {
        var faults = FaultSettings()
        faults.throttleEvery = 1
        faults.retryAfterSeconds = 30
        let setup = try await OwlOpsBehindGateway.start(
            simulatorLimit: nil,
            upstreamLimit: RateLimitConfiguration(rate: 20, period: .seconds(1), policy: .queue(maxWait: .seconds(1), maxQueue: 100)),
            faults: faults)
        let start = ContinuousClock.now
        let reply = try await setup.send(Self.tasks)
        #expect(reply.status == 429)
        #expect(reply.headers["Retry-After"] == "30")
        let elapsed = ContinuousClock.now - start
        #expect(elapsed < .seconds(15), "no waiting for a 30 s pause that outlasts the 1 s bound")
        #expect(await setup.simulator.stats().requests == 1)
        // During the pause a new caller cannot be admitted within its 1 s bound: 429 at once, nothing sent.
        let next = try await setup.send(Self.tasks)
        #expect(next.status == 429)
        #expect(await setup.simulator.stats().requests == 1)
        let upstream = try #require(setup.limiters?.limiter(upstream: "owlops")?.metrics())
        #expect(upstream.upstreamPauses == 1)
        #expect(upstream.retries == 0)
        #expect(upstream.pauseRemaining > 15_000_000_000 && upstream.pauseRemaining <= 30_000_000_000, "\(upstream.pauseRemaining) ns")
        await setup.stop()
    }
}
