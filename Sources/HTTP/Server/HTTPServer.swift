import CLinux
import Glibc

/// An HTTP/1.1 server: one listener per event loop (`SO_REUSEPORT`), one task per connection
/// running on its loop, keep-alive, pipelining, 100-continue, timeouts, graceful shutdown.
///
/// ```swift
/// let server = try await HTTPServer.start(configuration: .init(port: 8080)) { request in
///     HTTPServerResponse(status: .ok, body: .string("hello"))
/// }
/// print(server.port)
/// await server.shutdown(gracePeriod: .seconds(10))
/// ```
public final class HTTPServer: Sendable {
    let core: ServerCore
    /// The bound port (the OS's choice when the configuration asked for 0).
    public let port: Int
    /// The bound address.
    public let host: String

    private init(core: ServerCore, port: Int, host: String) {
        self.core = core
        self.port = port
        self.host = host
    }

    /// Binds, starts accepting on every loop of `group`, and returns once all listeners are registered.
    public static func start(configuration: HTTPServerConfiguration, group: EventLoopGroup = .shared,
                             handler: @escaping HTTPServerHandler) async throws -> HTTPServer {
        let core = try ServerCore(configuration: configuration, handler: handler, loops: group.loops)
        var port = configuration.port
        var listeners: [Listener] = []
        do {
            for context in core.contexts {
                let listener = try Listener(host: configuration.host, port: port,
                                            reusePort: core.contexts.count > 1, loop: context.loop)
                port = listener.port
                listeners.append(listener)
            }
        } catch {
            for listener in listeners { Glibc.close(listener.fd) }
            throw error
        }
        for (context, listener) in zip(core.contexts, listeners) {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
                context.loop.execute {
                    do {
                        context.listener = listener
                        try listener.start { fd in ServerConnection.accept(fd: fd, context: context, core: core) }
                        continuation.resume()
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }
            }
        }
        return HTTPServer(core: core, port: port, host: configuration.host)
    }

    /// Number of open client connections.
    public var openConnections: Int { core.openConnections }

    /// Graceful shutdown: stop accepting, close idle keep-alive connections, let in-flight requests
    /// finish (their responses carry `Connection: close`) for up to `gracePeriod`, then close the rest.
    /// Returns true when every request finished within the grace period.
    @discardableResult
    public func shutdown(gracePeriod: Duration = .seconds(10)) async -> Bool {
        core.beginDraining()
        for context in core.contexts {
            context.loop.execute {
                context.listener?.close()
                context.listener = nil
                for connection in context.connections.values { connection.beginDraining() }
            }
        }
        if await core.waitUntilIdle(timeout: gracePeriod) { return true }
        for context in core.contexts {
            context.loop.execute {
                for connection in context.connections.values { connection.forceClose() }
            }
        }
        _ = await core.waitUntilIdle(timeout: .seconds(2))
        return false
    }
}
