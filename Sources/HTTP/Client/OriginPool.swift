import CLinux
import Glibc
import Dispatch
import Synchronization

/// The connections to one origin: idle ones ready for reuse, a count of all open ones (bounded by
/// `maxConnectionsPerOrigin`), and the tasks waiting for a free slot.
final class OriginPool: Sendable {
    let origin: HTTPOrigin
    let core: ClientCore
    /// `origin.hostHeader`, computed once (every request without a `Host` field gets it).
    let hostHeader: String

    private struct State {
        var idle: [ClientConnection] = []
        var open = 0
        var waiters: [OneShotWait] = []
        /// The resolved address of a named origin and when it must be looked up again.
        var address: (text: String, expires: ContinuousClock.Instant)?
    }
    private let state = Mutex(State())

    init(origin: HTTPOrigin, core: ClientCore) {
        self.origin = origin
        self.core = core
        hostHeader = origin.hostHeader
    }

    /// What `acquire` decided under the lock.
    private enum Decision { case reuse(ClientConnection), create, wait }

    /// A connection for one exchange: an idle one (preferring `loop`'s), a new one on `loop`, or —
    /// at the limit — the next one freed, waiting at most `poolTimeout`.
    nonisolated(nonsending) func acquire(preferring loop: EventLoop, fresh: Bool = false) async throws(HTTPClientError) -> (ClientConnection, reused: Bool) {
        let waitDeadline = ContinuousClock.now + core.configuration.poolTimeout
        while true {
            if Task.isCancelled { throw .cancelled }
            let decision = state.withLock { s -> Decision in
                // `fresh` skips idle connections unless the limit leaves no room for a new one.
                let mayReuse = !fresh || s.open >= core.configuration.maxConnectionsPerOrigin
                if mayReuse, let i = s.idle.lastIndex(where: { $0.channel.loop === loop }) ?? s.idle.indices.last {
                    return .reuse(s.idle.remove(at: i))
                }
                if s.open < core.configuration.maxConnectionsPerOrigin {
                    s.open += 1
                    return .create
                }
                return .wait
            }
            switch decision {
            case .reuse(let connection):
                return (connection, true)
            case .create:
                do {
                    return (try await connect(on: loop), false)
                } catch {
                    state.withLock { $0.open -= 1 }
                    wakeOne()
                    switch error {
                    case .refused, .timeout(stage: .connect, _): forgetAddress()
                    default: break
                    }
                    throw error
                }
            case .wait:
                if !(await waitForSlot(until: waitDeadline)) {
                    if Task.isCancelled { throw .cancelled }
                    throw .timeout(stage: .pool, origin: origin.description)
                }
            }
        }
    }

    private func connect(on loop: EventLoop) async throws(HTTPClientError) -> ClientConnection {
        let address = try await resolve()
        let timeout = core.connectTimeout
        let pool = self
        let result = await HTTPClient.onLoop(loop) { () async -> Result<ClientConnection, HTTPClientError> in
            do throws(HTTPClientError) {
                return .success(try await ClientConnection.connect(address: address, pool: pool, loop: loop,
                                                                   deadline: loop.now &+ timeout))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The origin's address: numeric hosts as they are; names through the resolver on a dispatch
    /// thread (never on an event loop), reused for `addressCacheLifetime`.
    private func resolve() async throws(HTTPClientError) -> String {
        let host = origin.host
        if Self.isNumeric(host) { return host }
        let now = ContinuousClock.now
        if let cached = state.withLock({ $0.address }), now < cached.expires { return cached.text }
        let lookup = core.resolveHost
        let resolved: String? = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: lookup(host)) }
        }
        guard let resolved else { throw .unresolvable(host: host) }
        let lifetime = core.configuration.addressCacheLifetime
        state.withLock { $0.address = lifetime > .zero ? (resolved, now + lifetime) : nil }
        return resolved
    }

    /// Forgets the resolved address after a failed connect: the name may point elsewhere now.
    private func forgetAddress() {
        state.withLock { $0.address = nil }
    }

    /// True for an IPv4 or IPv6 literal (no resolver needed).
    static func isNumeric(_ host: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    /// A connection finished an exchange cleanly and is parked (called on its loop).
    func release(_ connection: ClientConnection) {
        state.withLock { $0.idle.append(connection) }
        wakeOne()
    }

    /// Takes a parked connection out of the idle list; false when a task already took it.
    func removeIdle(_ connection: ClientConnection) -> Bool {
        state.withLock { s in
            guard let i = s.idle.firstIndex(where: { $0 === connection }) else { return false }
            s.idle.remove(at: i)
            return true
        }
    }

    /// A connection closed: its slot is free.
    func discarded(_ connection: ClientConnection) {
        state.withLock { $0.open -= 1 }
        wakeOne()
    }

    /// Open connections (idle and busy).
    var openConnections: Int { state.withLock { $0.open } }
    /// Idle pooled connections.
    var idleConnections: Int { state.withLock { $0.idle.count } }

    /// Hands a freed slot to the oldest waiter still waiting (skipping ones that just timed out).
    private func wakeOne() {
        while let waiter = state.withLock({ s in s.waiters.isEmpty ? nil : s.waiters.removeFirst() }) {
            if waiter.finish(true) { return }
        }
    }

    /// Waits for a wake-up (true), or for the deadline or cancellation (false). The waiter is
    /// queued before anything can time it out, so no outcome is lost whichever comes first.
    private func waitForSlot(until deadline: ContinuousClock.Instant) async -> Bool {
        let remaining = deadline - ContinuousClock.now
        if remaining <= .zero { return false }
        let waiter = OneShotWait()
        state.withLock { $0.waiters.append(waiter) }
        let woken = await waiter.wait(timeout: remaining)
        if !woken { state.withLock { s in s.waiters.removeAll { $0 === waiter } } }
        return woken
    }
}
