import HTTP

/// One simulated upstream the demo puts behind the gateway: its name (also the mount and the spec
/// file `specs/NAME.yaml`), where it listens, and the demo credentials the gateway uses.
public struct DemoUpstream: Sendable {
    /// `owlops`, `upkeep`, `trackops`, `owox`, `opsdeck`.
    public var name: String
    /// `http://127.0.0.1:PORT` (plus a base path, e.g. Trackops' `/api/v1`).
    public var baseURL: String
    /// The demo credentials.
    public var auth: UpstreamAuth
    /// A request path (below the mount) the printed curl line calls.
    public var samplePath: String

    /// Creates a demo upstream.
    public init(name: String, baseURL: String, auth: UpstreamAuth, samplePath: String) {
        self.name = name
        self.baseURL = baseURL
        self.auth = auth
        self.samplePath = samplePath
    }
}

/// Started upstreams and how to stop them.
public struct DemoFleet: Sendable {
    /// The upstreams.
    public var upstreams: [DemoUpstream]
    /// Stops them.
    public var stop: @Sendable () async -> Void

    /// Creates a fleet.
    public init(upstreams: [DemoUpstream], stop: @escaping @Sendable () async -> Void) {
        self.upstreams = upstreams
        self.stop = stop
    }
}

/// `gateway demo [--port N]`: starts the simulated upstreams (through `startFleet`, which the CLI
/// wires to the Simulators module), a gateway in front of them with a freshly minted demo token,
/// prints ready-to-paste curl lines, and serves until SIGTERM/SIGINT.
public enum DemoCommand {
    /// Usage of this command.
    public static let usage = "usage: gateway demo [--port N]   (default 8080; 0 lets the OS choose)"

    /// Runs the demo; returns when a termination signal arrived.
    public static func run(_ arguments: [String], io: CommandIO = .standard,
                           startFleet: @Sendable () async throws -> DemoFleet) async -> Int32 {
        let parsed: CommandArguments
        switch CommandArguments.parse(arguments, valued: ["--port"], flagNames: ["--help"], aliases: ["-p": "--port", "-h": "--help"]) {
        case .success(let p): parsed = p
        case .failure(let error):
            io.err("gateway demo: \(error.message)\n\(usage)\n")
            return 2
        }
        if parsed.flags.contains("--help") { io.out(usage + "\n"); return 0 }
        guard parsed.positional.isEmpty, let port = Int(parsed.options["--port"] ?? "8080"), (0...65535).contains(port) else {
            io.err("gateway demo: --port must be 0-65535\n\(usage)\n")
            return 2
        }
        guard let demo = try? await start(port: port, startFleet: startFleet, io: io) else { return 1 }
        io.out(instructions(demo))
        _ = await TerminationSignal.wait()
        io.err("gateway demo: shutting down\n")
        await demo.stop()
        return 0
    }

    /// A running demo: gateway, token, upstreams.
    public struct Running: Sendable {
        /// The gateway.
        public let gateway: GatewayServer
        /// The demo client's bearer token.
        public let token: String
        /// The upstreams behind it.
        public let fleet: DemoFleet
        /// `http://127.0.0.1:PORT`.
        public var url: String { "http://127.0.0.1:\(gateway.port)" }

        /// Stops the gateway (gracefully), then the upstreams.
        public func stop() async {
            await gateway.shutdown(gracePeriod: .seconds(5))
            await fleet.stop()
        }
    }

    /// Starts the fleet and a gateway on `port` in front of it (errors are written to `io.err`).
    public static func start(port: Int, specsDirectory: String? = nil, audit: AuditLog? = nil,
                             startFleet: @Sendable () async throws -> DemoFleet, io: CommandIO) async throws -> Running {
        let fleet: DemoFleet
        do {
            fleet = try await startFleet()
        } catch {
            io.err("gateway demo: the simulated upstreams did not start: \(error)\n")
            throw error
        }
        guard let (token, _) = ClientToken.create() else {
            io.err("gateway demo: the random number generator failed\n")
            await fleet.stop()
            throw GatewayStartupError(problems: ["random number generator failed"])
        }
        do {
            let configuration = try DemoConfiguration.make(upstreams: fleet.upstreams, port: port,
                                                           specsDirectory: specsDirectory ?? DemoConfiguration.findSpecs(),
                                                           tokenSHA256: ClientToken.hash(token))
            let runtime = try GatewayRuntime(configuration: configuration, audit: audit)
            let gateway = try await GatewayServer.start(runtime)
            return Running(gateway: gateway, token: token, fleet: fleet)
        } catch {
            io.err("gateway demo: the gateway did not start: \(error)\n")
            await fleet.stop()
            throw error
        }
    }

    /// What the demo prints: the token and one curl line per upstream, plus `/openapi.json`.
    public static func instructions(_ demo: Running) -> String {
        var text = """
        Gateway demo: \(demo.fleet.upstreams.count) simulated upstreams on loopback, the gateway at \(demo.url)
        Demo client token (minted just now, valid until the demo stops):

            export GW_TOKEN=\(demo.token)

        Try (each call is validated, authenticated with the upstream's own scheme, and audited on stdout):


        """
        for upstream in demo.fleet.upstreams {
            text += "    curl -s -H \"Authorization: Bearer $GW_TOKEN\" '\(demo.url)/\(upstream.name)\(upstream.samplePath)'\n"
        }
        text += """

            curl -s '\(demo.url)/openapi.json'          # the merged OpenAPI document (no token needed)
            curl -s '\(demo.url)/readyz'                 # ready when every upstream's credentials work
            curl -s '\(demo.url)/metrics'                # rate-limit counters per upstream and client
            curl -s -H "Authorization: Bearer $GW_TOKEN" '\(demo.url)/owlops/v1/tasks?pageSize=9999'   # rejected: 400 problem+json

        Ctrl-C stops the demo.

        """
        return text
    }
}
