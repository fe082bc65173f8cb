import Synchronization

/// A request handler: runs on the connection's event loop (as task executor), may suspend freely.
public typealias HTTPServerHandler = @Sendable (HTTPServerRequest) async throws -> HTTPServerResponse

/// What every connection of one server shares: configuration, handler, the per-loop contexts and
/// the connection count (for `maxConnections` and graceful shutdown).
final class ServerCore: Sendable {
    let configuration: HTTPServerConfiguration
    let handler: HTTPServerHandler
    let contexts: [ServerLoopContext]
    /// The TLS context when the server terminates TLS.
    let tlsContext: TLSContext?
    /// Cached nanosecond values of the configured timeouts.
    let headerTimeout: UInt64, bodyTimeout: UInt64, idleTimeout: UInt64, writeTimeout: UInt64

    private struct State {
        var open = 0
        var draining = false
        var idleWaiters: [OneShotWait] = []
    }
    private let state = Mutex(State())
    private let drainingFlag = Atomic<Bool>(false)

    init(configuration: HTTPServerConfiguration, handler: @escaping HTTPServerHandler, loops: [EventLoop]) throws(TLSError) {
        self.configuration = configuration
        tlsContext = try configuration.tls.map { configuration throws(TLSError) in try TLSContext(configuration) }
        self.handler = handler
        contexts = loops.map { ServerLoopContext(loop: $0) }
        headerTimeout = configuration.headerTimeout.nanoseconds
        bodyTimeout = configuration.bodyTimeout.nanoseconds
        idleTimeout = configuration.idleTimeout.nanoseconds
        writeTimeout = configuration.writeTimeout.nanoseconds
    }

    /// True once shutdown began: no new requests are started on idle connections.
    var isDraining: Bool { drainingFlag.load(ordering: .relaxed) }

    /// Counts a new connection; false when at `maxConnections` or draining.
    func tryOpen() -> Bool {
        state.withLock { s in
            if s.draining || s.open >= configuration.maxConnections { return false }
            s.open += 1
            return true
        }
    }

    /// Uncounts a closed connection and wakes shutdown when it was the last one.
    func closed() {
        let waiters = state.withLock { s -> [OneShotWait] in
            s.open -= 1
            guard s.open == 0 else { return [] }
            let w = s.idleWaiters
            s.idleWaiters = []
            return w
        }
        for waiter in waiters { waiter.finish(true) }
    }

    /// Number of open connections.
    var openConnections: Int { state.withLock { $0.open } }

    /// Marks the server as draining.
    func beginDraining() {
        drainingFlag.store(true, ordering: .relaxed)
        state.withLock { $0.draining = true }
    }

    /// Waits until no connection is open, or `timeout` passes; returns true when idle.
    func waitUntilIdle(timeout: Duration) async -> Bool {
        let waiter = OneShotWait()
        let idle = state.withLock { s -> Bool in
            if s.open == 0 { return true }
            s.idleWaiters.append(waiter)
            return false
        }
        if idle { return true }
        if await waiter.wait(timeout: timeout) { return true }
        state.withLock { s in s.idleWaiters.removeAll { $0 === waiter } }
        return openConnections == 0
    }
}

/// One server's state on one loop: its listener, its open connections and the `Date` cache.
///
/// `@unchecked Sendable`: every `var` is used only on `loop`'s thread (the server reaches it
/// through `loop.execute`).
final class ServerLoopContext: @unchecked Sendable {
    let loop: EventLoop
    var listener: Listener?
    var connections: [ObjectIdentifier: ServerConnection] = [:]
    /// Cached `Date` value for this loop (httpcore's cache; refreshed once a second).
    var dates = HTTPDateCache()

    init(loop: EventLoop) { self.loop = loop }
}
