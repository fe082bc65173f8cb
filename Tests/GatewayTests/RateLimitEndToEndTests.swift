import Document
import Foundation
import HTTP
import Simulators
import Synchronization
import Testing
@testable import Gateway

/// Rate limits in real time on loopback: the gateway in front of the OwlOps simulator (whose own
/// sliding-window limit is set short), many callers, and what the simulator saw.
@Suite struct RateLimitEndToEndTests {
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
        _ = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<30 { group.addTask { try await setup.send(Self.tasks).status } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
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

extension RateLimitEndToEndTests {
    @Test func metricsEndpointRendersTheLimitersInPrometheusTextWithoutSecrets() async throws {
        let setup = try await OwlOpsBehindGateway.start(
            simulatorLimit: nil,
            upstreamLimit: RateLimitConfiguration(rate: 20, period: .seconds(1), policy: .queue(maxWait: .seconds(1), maxQueue: 100)),
            clientLimit: RateLimitConfiguration(rate: 1, period: .seconds(60), policy: .reject))
        #expect(try await setup.send(Self.tasks).status == 200)
        #expect(try await setup.send(Self.tasks).status == 429)
        #expect(try await setup.send("/owlops/v1/tasks?pageSize=100000").status == 400)
        let prometheusAccept = "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.3,*/*;q=0.2"
        let reply = try await setup.gateway.send(.GET, "/metrics", headers: [("Accept", prometheusAccept)])
        #expect(reply.status == 200)
        #expect(try await setup.gateway.send(.GET, "/metrics?format=prometheus").text == reply.text)
        let json = try await setup.gateway.send(.GET, "/metrics")
        #expect(json.headers["Content-Type"] == "application/json")
        #expect(json.json?["rateLimits"]?.arrayValue?.count == 2)
        #expect(try await setup.gateway.send(.GET, "/metrics", headers: [("Accept", "application/json, text/plain")]).json != nil)
        #expect(reply.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8")
        let lines = reply.text.split(separator: "\n").map(String.init)
        for series in [
            #"gateway_ratelimit_admitted_total{scope="upstream",name="owlops"} 1"#,
            #"gateway_ratelimit_rejected_total{scope="upstream",name="owlops"} 0"#,
            #"gateway_ratelimit_admitted_total{scope="client",name="team-a"} 1"#,
            #"gateway_ratelimit_rejected_total{scope="client",name="team-a"} 1"#,
            #"gateway_ratelimit_refunded_total{scope="client",name="team-a"} 0"#,
            #"gateway_ratelimit_queue_wait_seconds_max{scope="upstream",name="owlops"} 0"#,
            #"gateway_ratelimit_pause_remaining_seconds{scope="upstream",name="owlops"} 0"#,
            #"gateway_ratelimit_pause_remaining_seconds{scope="client",name="team-a"} 0"#,
            #"gateway_ratelimit_limit_info{scope="client",name="team-a",limit="1/1m burst 1, reject"} 1"#,
            "# TYPE gateway_ratelimit_admitted_total counter",
            "# TYPE gateway_ratelimit_queue_depth gauge",
        ] {
            #expect(lines.contains(series), "missing: \(series)\n\(reply.text)")
        }
        for line in lines where !line.hasPrefix("# HELP ") && !line.hasPrefix("# TYPE ") {
            #expect(Self.isSample(line), "not a 0.0.4 sample line: \(line)")
        }
        let token = setup.gateway.token()
        let secrets = [token, Crypto.hex(ClientToken.hash(token)), String(Crypto.hex(ClientToken.hash(token)).prefix(16)),
                       DemoValues.owlopsKey, String(Crypto.hex(Crypto.sha256(Array(DemoValues.owlopsKey.utf8))).prefix(8))]
        for secret in secrets { #expect(!reply.text.contains(secret) && !json.text.contains(secret)) }
        #expect(try await setup.gateway.send(.POST, "/metrics").status == 405)
        await setup.stop()
    }

    @Test func metricsTextEscapesLabelsAndWritesExactSeconds() {
        var m = RateLimitMetrics(scope: RateLimitScope(.client, "a\"b\\c\nd"), summary: "s")
        m.totalQueueWait = 1_500_000_000
        m.maxQueueWait = 1_000_001
        m.pauseRemaining = 7
        let text = MetricsEndpoint.render([m])
        let labels = #"scope="client",name="a\"b\\c\nd""#
        #expect(text.contains("gateway_ratelimit_queue_wait_seconds_total{\(labels)} 1.5\n"))
        #expect(text.contains("gateway_ratelimit_queue_wait_seconds_max{\(labels)} 0.001000001\n"))
        #expect(text.contains("gateway_ratelimit_pause_remaining_seconds{\(labels)} 0.000000007\n"))
        #expect(text.split(separator: "\n").allSatisfy { $0.hasPrefix("#") || Self.isSample(String($0)) })
        #expect(MetricsEndpoint.render([]).split(separator: "\n").allSatisfy { $0.hasPrefix("# ") })
    }

    /// `name{label="value",…} number` with a valid metric name and quoted, escaped label values.
    static func isSample(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        var i = 0
        func isNameByte(_ b: UInt8, first: Bool) -> Bool {
            (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || b == 95 || b == 58 || (!first && b >= 48 && b <= 57)
        }
        guard i < bytes.count, isNameByte(bytes[i], first: true) else { return false }
        while i < bytes.count, isNameByte(bytes[i], first: false) { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "{") {
            i += 1
            while i < bytes.count, bytes[i] != UInt8(ascii: "}") {
                guard isNameByte(bytes[i], first: true) else { return false }
                while i < bytes.count, isNameByte(bytes[i], first: false) { i += 1 }
                guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "="), bytes[i + 1] == UInt8(ascii: "\"") else { return false }
                i += 2
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                    guard i < bytes.count, bytes[i] != 10 else { return false }
                    i += 1
                }
                guard i < bytes.count else { return false }
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: ",") { i += 1 }
            }
            guard i < bytes.count else { return false }
            i += 1
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: " ") else { return false }
        let value = String(decoding: bytes[(i + 1)...], as: UTF8.self)
        return Double(value) != nil && !value.isEmpty && !value.contains(" ")
    }
}

/// Measures how long this process's cooperative pool could not run a task: a 5 ms ticker adds up
/// every oversleep beyond 20 ms.
final class StallProbe: Sendable {
    /// Set to stop the ticker.
    final class Flag: Sendable { let stopped = Mutex(false) }
    private let flag: Flag
    private let task: Task<Double, Never>

    private init(flag: Flag, task: Task<Double, Never>) {
        self.flag = flag
        self.task = task
    }

    /// Starts ticking.
    static func start() -> StallProbe {
        let flag = Flag()
        let task = Task {
            var stalled = 0.0
            for _ in 0..<4_000 where !flag.stopped.withLock({ $0 }) {
                let before = ContinuousClock.now
                try? await Task.sleep(for: .milliseconds(5))
                let gap = ContinuousClock.now - before
                if gap > .milliseconds(20) { stalled += seconds(gap - .milliseconds(5)) }
            }
            return stalled
        }
        return StallProbe(flag: flag, task: task)
    }

    /// Stops and returns the seconds the ticker was held up.
    func stop() async -> Double {
        flag.stopped.withLock { $0 = true }
        return await task.value
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

/// The OwlOps simulator (clock readings recorded) behind a gateway with the given limits.
struct OwlOpsBehindGateway: Sendable {
    let simulator: Simulator
    let arrivals: ArrivalLog
    let gateway: TestGateway

    /// `simulatorLimit` nil: the simulator does not limit; `upstreamLimit` nil: pause-only limiter.
    static func start(simulatorLimit: RateLimitRule?, upstreamLimit: RateLimitConfiguration?,
                      clientLimit: RateLimitConfiguration? = nil, faults: FaultSettings = FaultSettings()) async throws -> OwlOpsBehindGateway {
        let arrivals = ArrivalLog()
        let simulator = try await Simulator.start(.owlops, options: SimulatorOptions(
            rateLimit: simulatorLimit.map { .custom($0) } ?? .off, faults: faults, clock: arrivals.clock))
        let auth = try #require(SimulatorEndToEndTests.auth(simulator.credentials))
        let gateway = try await TestGateway.start([TestGateway.upstream("owlops", url: simulator.baseURL, auth: auth, rateLimit: upstreamLimit)],
                                                  clientLimits: clientLimit.map { ["team-a": $0] } ?? [:])
        return OwlOpsBehindGateway(simulator: simulator, arrivals: arrivals, gateway: gateway)
    }

    /// The gateway's limiters.
    var limiters: RateLimiterSet? { gateway.server.runtime.pipeline.admin.prometheus.limiters }

    /// Sends a GET through the gateway with team-a's token.
    func send(_ target: String) async throws -> GatewayReply {
        try await gateway.send(.GET, target, token: gateway.token())
    }

    /// Sends a GET with `token` as the bearer token (nil: no `Authorization`).
    func send(_ target: String, token: String?) async throws -> GatewayReply {
        try await gateway.send(.GET, target, token: token)
    }

    func stop() async {
        await gateway.stop()
        await simulator.stop()
    }
}

/// Records the simulator's clock readings: OwlOps reads its clock exactly once per authenticated
/// request, for its rate limiter, so the readings are the arrival instants the limiter counted.
final class ArrivalLog: Sendable {
    private let times = Mutex<[Double]>([])

    /// The system clock, recording every reading.
    var clock: SimulatorClock {
        SimulatorClock { [self] in
            let now = Date().timeIntervalSince1970
            times.withLock { $0.append(now) }
            return now
        }
    }

    /// Every reading, ascending.
    var sorted: [Double] { times.withLock { $0 }.sorted() }

    /// Most instants in any window `(t − period, t]` — the simulator's own sliding window.
    static func maxInWindow(_ sorted: [Double], period: Double) -> Int {
        var most = 0, first = 0
        for (last, t) in sorted.enumerated() {
            while sorted[first] <= t - period { first += 1 }
            most = max(most, last - first + 1)
        }
        return most
    }
}
