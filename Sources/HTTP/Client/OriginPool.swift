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
        var waiters: [(id: Int, continuation: CheckedContinuation<Void, Never>)] = []
        var nextWaiterID = 0
        var address: String?
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
                    throw error
                }
            case .wait:
                if !(await waitForSlot(until: waitDeadline)) {
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

    /// The origin's address: numeric hosts as they are; names through `getaddrinfo` on a
    /// dispatch thread (never on an event loop), cached for the pool's life.
    private func resolve() async throws(HTTPClientError) -> String {
        if let cached = state.withLock({ $0.address }) { return cached }
        let host = origin.host
        if Self.isNumeric(host) { return host }
        let resolved: String? = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var buffer = [CChar](repeating: 0, count: 64)
                let rc = gw_resolve(host, &buffer, buffer.count)
                continuation.resume(returning: rc == 0 ? buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) } : nil)
            }
        }
        guard let resolved else { throw .unresolvable(host: host) }
        state.withLock { $0.address = resolved }
        return resolved
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

    private func wakeOne() {
        let waiter = state.withLock { s in s.waiters.isEmpty ? nil : s.waiters.removeFirst() }
        waiter?.continuation.resume()
    }

    /// Waits for a wake-up or the deadline; false on timeout.
    private func waitForSlot(until deadline: ContinuousClock.Instant) async -> Bool {
        if ContinuousClock.now >= deadline { return false }
        let id = state.withLock { s in s.nextWaiterID += 1; return s.nextWaiterID }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    self.state.withLock { $0.waiters.append((id, continuation)) }
                }
                return true
            }
            group.addTask {
                try? await Task.sleep(until: deadline, clock: .continuous)
                return false
            }
            let first = await group.next() ?? false
            if !first {
                let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
                    guard let i = s.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                    return s.waiters.remove(at: i).continuation
                }
                waiter?.resume()
            }
            group.cancelAll()
            await group.waitForAll()
            return first
        }
    }
}
