import CLinux
import Synchronization

/// Client settings shared by every pool, with the timeouts cached in nanoseconds.
final class ClientCore: Sendable {
    let configuration: HTTPClientConfiguration
    let connectTimeout: UInt64, firstByteTimeout: UInt64, bodyTimeout: UInt64, idleTimeout: UInt64
    /// Turns a host name into a numeric address (`getaddrinfo`; replaced in tests to count lookups).
    let resolveHost: @Sendable (String) -> String?
    /// The TLS client context, created on first https use (loading the trust store takes a while).
    private let tls = Mutex<TLSContext?>(nil)

    init(configuration: HTTPClientConfiguration, resolveHost: @escaping @Sendable (String) -> String? = ClientCore.getaddrinfo) {
        self.configuration = configuration
        self.resolveHost = resolveHost
        connectTimeout = configuration.connectTimeout.nanoseconds
        firstByteTimeout = configuration.firstByteTimeout.nanoseconds
        bodyTimeout = configuration.bodyTimeout.nanoseconds
        idleTimeout = configuration.idleTimeout.nanoseconds
    }

    /// The system resolver's first IPv4 or IPv6 address for `host` (blocking: call off the loops).
    @Sendable static func getaddrinfo(_ host: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 64)
        guard gw_resolve(host, &buffer, buffer.count) == 0 else { return nil }
        return buffer.withUnsafeBufferPointer { $0.baseAddress.map { String(cString: $0) } }
    }

    /// The shared TLS context for https origins.
    func tlsContext() throws(TLSError) -> TLSContext {
        try tls.withLock { (cached: inout TLSContext?) throws(TLSError) -> TLSContext in
            if let cached { return cached }
            let context = try TLSContext(configuration.tls)
            cached = context
            return context
        }
    }
}

/// An HTTP/1.1 client with a connection pool per origin. Exchanges run on the caller's event loop
/// when it is one of the group's (a server handler proxying upstream never changes thread).
///
/// ```swift
/// let client = HTTPClient()
/// let response = try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:8080/items"))
/// let body = try await response.body.collect(upTo: 1 << 20)
/// ```
public final class HTTPClient: Sendable {
    let core: ClientCore
    let group: EventLoopGroup
    private let pools = Mutex<[HTTPOrigin: OriginPool]>([:])

    /// Creates a client on `group`'s loops.
    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration(), group: EventLoopGroup = .shared) {
        core = ClientCore(configuration: configuration)
        self.group = group
    }

    /// A client whose name lookups go through `resolveHost` (tests count and redirect lookups).
    init(configuration: HTTPClientConfiguration, group: EventLoopGroup, resolveHost: @escaping @Sendable (String) -> String?) {
        core = ClientCore(configuration: configuration, resolveHost: resolveHost)
        self.group = group
    }

    func pool(for origin: HTTPOrigin) -> OriginPool {
        pools.withLock { pools in
            if let pool = pools[origin] { return pool }
            let pool = OriginPool(origin: origin, core: core)
            pools[origin] = pool
            return pool
        }
    }

    /// Sends `request` and returns once the response head arrived; read (or drop) the body after.
    /// An idempotent request with a replayable body is retried once on a fresh connection when a
    /// reused pooled connection turns out to be stale (reset or closed before any response byte).
    public nonisolated(nonsending) func execute(_ request: HTTPClientRequest) async throws(HTTPClientError) -> HTTPClientResponse {
        guard request.origin.scheme == "http" || request.origin.scheme == "https" else {
            throw .invalidURL(request.origin.description)
        }
        let loop = group.preferred()
        // The whole exchange (pool, connect, send, response head) runs on event loops: no hop back to
        // the caller's executor between connecting and sending, where a busy cooperative pool could
        // stall a fresh connection past the origin's header timeout. A caller already on the loop
        // and not isolated to an actor (a proxy handler) runs it inline: `nonisolated(nonsending)`
        // spares an executor switch (a lock in the concurrency runtime) at each call and return.
        if await callerIsNonisolated() && loop.isCurrentTaskExecutor { return try await exchange(request, preferring: loop).get() }
        let result = await Self.onLoop(loop) { () async -> Result<HTTPClientResponse, HTTPClientError> in
            await self.exchange(request, preferring: loop)
        }
        return try result.get()
    }

    /// `execute` on `loop`: acquire, send, retry once when a reused connection was stale.
    nonisolated(nonsending) private func exchange(_ request: HTTPClientRequest, preferring loop: EventLoop) async -> Result<HTTPClientResponse, HTTPClientError> {
        do throws(HTTPClientError) {
            return .success(try await exchangeThrowing(request, preferring: loop))
        } catch {
            return .failure(error)
        }
    }

    /// `exchange` with typed throws.
    nonisolated(nonsending) private func exchangeThrowing(_ request: HTTPClientRequest, preferring loop: EventLoop) async throws(HTTPClientError) -> HTTPClientResponse {
        let pool = pool(for: request.origin)
        let totalDeadline = core.configuration.totalTimeout.map { gw_monotonic_now() &+ $0.nanoseconds }
        let replayable = request.body.isReplayable
        var retried = false
        while true {
            // The one retry after a stale connection goes to a fresh connection: other idle ones
            // may be just as stale (e.g. the origin restarted).
            let (connection, reused) = try await pool.acquire(preferring: loop, fresh: retried)
            let result: Result<HTTPClientResponse, ExchangeFailure>
            if connection.loop.isCurrentTaskExecutor {
                result = await Self.send(request, on: connection, totalDeadline: totalDeadline)
            } else {
                result = await Self.onLoop(connection.loop) { await Self.send(request, on: connection, totalDeadline: totalDeadline) }
            }
            switch result {
            case .success(let response):
                return response
            case .failure(let failure):
                if failure.staleBeforeUse && reused { continue }  // a pooled connection died while idle
                if reused && failure.retryable && !retried && request.head.method.isIdempotent && replayable {
                    retried = true
                    continue
                }
                throw failure.error
            }
        }
    }

    /// One exchange on `connection` (called on its loop).
    private nonisolated(nonsending) static func send(_ request: HTTPClientRequest, on connection: ClientConnection,
                                                     totalDeadline: UInt64?) async -> Result<HTTPClientResponse, ExchangeFailure> {
        do throws(ExchangeFailure) {
            connection.totalDeadline = totalDeadline
            return .success(try await connection.send(request))
        } catch {
            return .failure(error)
        }
    }

    /// Runs `body` on `loop`: directly when the task already prefers that loop (see
    /// `EventLoop.isCurrentTaskExecutor`: merely being on its thread is not enough), else under that
    /// executor preference, so every resumption after an `await` inside `body` is on the loop too.
    static func onLoop<T: Sendable>(_ loop: EventLoop, _ body: () async -> T) async -> T {
        if loop.isCurrentTaskExecutor { return await body() }
        return await withTaskExecutorPreference(loop) { await body() }
    }

    /// Open connections to `origin` (busy and idle).
    public func openConnections(to origin: HTTPOrigin) -> Int { pool(for: origin).openConnections }

    /// Idle pooled connections to `origin`.
    public func idleConnections(to origin: HTTPOrigin) -> Int { pool(for: origin).idleConnections }
}
