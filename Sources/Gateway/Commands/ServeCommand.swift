import HTTP

/// `gateway serve [--config FILE]`: the production entry point. Logs where it listens, serves
/// until SIGTERM/SIGINT, then shuts down gracefully (in-flight requests finish, sessions log out).
public enum ServeCommand {
    /// Usage of this command.
    public static let usage = "usage: gateway serve [--config FILE]   (default: gateway.yaml)"

    /// Runs the command with the arguments after `serve`; returns when a termination signal arrived.
    public static func run(_ arguments: [String], io: CommandIO = .standard,
                           environment: ConfigurationEnvironment = .process) async -> Int32 {
        guard let path = SpecCommand.configPath(arguments, command: "serve", usage: usage, io: io) else { return 2 }
        guard let runtime = ConfiguredRuntime.load(path: path, io: io, environment: environment) else { return 1 }
        let server: GatewayServer
        do {
            server = try await GatewayServer.start(runtime)
        } catch {
            io.err("gateway serve: cannot listen on \(runtime.configuration.listen.host):\(runtime.configuration.listen.port): \(error)\n")
            return 1
        }
        let scheme = runtime.configuration.listen.tls == nil ? "http" : "https"
        let names = runtime.upstreams.map { "\($0.configuration.mount) → \($0.name)" }.joined(separator: ", ")
        io.err("gateway: listening on \(scheme)://\(server.server.host):\(server.port) (\(names)); /openapi.json, /healthz, /readyz\n")
        let signal = await TerminationSignal.wait()
        io.err("gateway: signal \(signal), shutting down (in-flight requests may finish)\n")
        let clean = await server.shutdown(gracePeriod: .seconds(10))
        io.err(clean ? "gateway: stopped\n" : "gateway: stopped; some requests did not finish within 10s\n")
        return 0
    }
}
