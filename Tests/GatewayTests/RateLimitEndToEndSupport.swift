import Document
import Foundation
import HTTP
import Simulators
import Synchronization
import Testing
@testable import Gateway

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
