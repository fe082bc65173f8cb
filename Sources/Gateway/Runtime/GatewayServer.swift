import HTTP

/// A running gateway: the HTTP server with the pipeline as its handler.
public final class GatewayServer: Sendable {
    /// The assembled gateway.
    public let runtime: GatewayRuntime
    /// The server (its `port` is the OS's choice when the configuration said 0).
    public let server: HTTPServer

    private init(runtime: GatewayRuntime, server: HTTPServer) {
        self.runtime = runtime
        self.server = server
    }

    /// Binds `listen` from the configuration (or `port` when given) and starts serving.
    public static func start(_ runtime: GatewayRuntime, port: Int? = nil) async throws -> GatewayServer {
        let c = runtime.configuration
        var limits = HTTPParserLimits()
        limits.maxHeadBytes = c.limits.maxHeadBytes
        limits.maxBodyBytes = c.limits.maxBodyBytes
        let configuration = HTTPServerConfiguration(
            host: c.listen.host, port: port ?? c.listen.port, maxConnections: c.limits.maxConnections,
            headerTimeout: c.limits.headerTimeout, bodyTimeout: c.limits.bodyTimeout,
            idleTimeout: c.limits.idleTimeout, limits: limits,
            tls: c.listen.tls.map { .server(certificateChainFile: $0.certificateFile, privateKeyFile: $0.privateKeyFile) })
        let pipeline = runtime.pipeline
        let server = try await HTTPServer.start(configuration: configuration) { request in
            await pipeline.handle(request)
        }
        return GatewayServer(runtime: runtime, server: server)
    }

    /// The bound port.
    public var port: Int { server.port }

    /// Stops accepting, lets in-flight requests finish (up to `gracePeriod`), then logs out upstream sessions.
    @discardableResult
    public func shutdown(gracePeriod: Duration = .seconds(10)) async -> Bool {
        let clean = await server.shutdown(gracePeriod: gracePeriod)
        await runtime.shutdownCredentials()
        return clean
    }
}
