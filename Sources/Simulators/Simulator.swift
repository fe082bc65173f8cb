import Document
import HTTP
import Synchronization

/// One running vendor simulator on the project's `HTTPServer`.
///
/// ```swift
/// let sim = try await Simulator.start(.owlops, options: SimulatorOptions(seed: 7))
/// print(sim.baseURL, sim.credentials.lines)
/// await sim.stop()
/// ```
public final class Simulator: Sendable {
    /// Which upstream this is.
    public let vendor: SimulatorVendor
    /// The bound port.
    public let port: Int
    /// `http://127.0.0.1:PORT` (no trailing slash; OwlOps paths start with `/v1`, UpKeep `/api/v2`,
    /// Trackops `/api/v1`, OWOX `/api`, OpsDeck `/api/v1`).
    public let baseURL: String
    /// The credentials that work.
    public let credentials: DemoCredentials
    let server: HTTPServer
    let monitor: SimulatorMonitor
    let engine: any VendorSimulator

    private init(vendor: SimulatorVendor, server: HTTPServer, monitor: SimulatorMonitor,
                 engine: any VendorSimulator, baseURL: String) {
        self.vendor = vendor
        self.server = server
        self.port = server.port
        self.baseURL = baseURL
        self.monitor = monitor
        self.engine = engine
        credentials = engine.credentials
    }

    /// Binds a port and starts serving `vendor`.
    public static func start(_ vendor: SimulatorVendor, options: SimulatorOptions = SimulatorOptions()) async throws -> Simulator {
        let slot = EngineSlot()
        let server = try await HTTPServer.start(configuration: HTTPServerConfiguration(host: options.host, port: options.port)) { request in
            guard let simulator = slot.simulator else {
                return HTTPServerResponse(status: .serviceUnavailable)
            }
            return await simulator.respond(to: request)
        }
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        let origin = "http://\(host):\(server.port)"
        let context = SimulatorContext(seed: options.seed, clock: options.clock,
                                       rateLimit: options.rateLimit.rule(vendorRule: vendor.documentedRateLimit), origin: origin)
        let engine: any VendorSimulator
        switch vendor {
        case .owlops: engine = OwlOpsSimulator(context: context)
        case .upkeep: engine = UpKeepSimulator(context: context)
        case .trackops: engine = TrackopsSimulator(context: context)
        case .owox: engine = OWOXSimulator(context: context)
        case .opsdeck: engine = OpsDeckSimulator(context: context)
        }
        let monitor = SimulatorMonitor(faults: options.faults, secretHeaders: engine.secretHeaders)
        await engine.setTokenLifetime(options.faults.tokenLifetimeSeconds)
        let simulator = Simulator(vendor: vendor, server: server, monitor: monitor, engine: engine, baseURL: origin)
        slot.simulator = simulator
        return simulator
    }

    /// Stops serving (in-flight requests get a short grace period).
    public func stop() async {
        await server.shutdown(gracePeriod: .seconds(1))
    }

    /// Serves until SIGINT or SIGTERM, then stops (what `gateway simulate` calls).
    public func runUntilTerminationSignal() async {
        await server.runUntilTerminationSignal(gracePeriod: .seconds(1))
    }

    /// What the simulator has seen so far.
    public func stats() async -> SimulatorStats { await monitor.stats }

    /// The current fault settings.
    public func faults() async -> FaultSettings { await monitor.faults }

    /// Replaces the fault settings (a token lifetime applies to tokens issued from now on).
    public func setFaults(_ faults: FaultSettings) async {
        await monitor.setFaults(faults)
        await engine.setTokenLifetime(faults.tokenLifetimeSeconds)
    }

    /// Invalidates every token issued so far.
    public func revokeAllTokens() async { await engine.revokeAllTokens() }

    /// The handler: `/__sim/…` control paths, else faults and the vendor.
    func respond(to request: HTTPServerRequest) async -> HTTPServerResponse {
        let sim: SimRequest
        do {
            sim = try await SimRequest.read(request)
        } catch {
            return HTTPServerResponse(status: .contentTooLarge)
        }
        if sim.path.hasPrefix("/__sim/") { return Self.wire(await control(sim)) }
        let plan = await monitor.begin(sim)
        if plan.latencyMilliseconds > 0 {
            try? await Task.sleep(for: .milliseconds(plan.latencyMilliseconds))
        }
        var response: SimResponse
        if let status = plan.status {
            response = engine.faultResponse(status: status, retryAfter: plan.retryAfter)
        } else {
            let reply = await engine.handle(sim)
            await monitor.finish(sim, reply: reply)
            response = reply.response
        }
        if plan.malformed { response.status = 999 }
        if plan.garbledBody, case .bytes(let bytes) = response.body { response.body = .bytes(Array(bytes.prefix(bytes.count / 2))) }
        return Self.wire(response, closeMidBody: plan.closeMidBody)
    }

    /// Turns a simulator response into the server's, cutting the body short when asked.
    static func wire(_ response: SimResponse, closeMidBody: Bool = false) -> HTTPServerResponse {
        let headers = HTTPHeaders(response.headers)
        let status = HTTPStatus(code: response.status)
        switch response.body {
        case .bytes(let bytes):
            guard closeMidBody else { return HTTPServerResponse(status: status, headers: headers, body: .bytes(bytes)) }
            let half = bytes.isEmpty ? [0x20] : Array(bytes.prefix(max(1, bytes.count / 2)))
            return HTTPServerResponse(status: status, headers: headers, body: .stream(length: max(bytes.count, 2)) { writer in
                try await writer.write(half)
                throw InjectedFault()
            })
        case .stream(let producer):
            return HTTPServerResponse(status: status, headers: headers, body: .stream { writer in
                let pieces = Atomic<Int>(0)
                try await producer { bytes in
                    if closeMidBody && pieces.add(1, ordering: .relaxed).newValue > 1 { throw InjectedFault() }
                    try await writer.write(bytes)
                }
            })
        }
    }
}

/// Lets the server's handler reach the simulator created after the port was bound.
private final class EngineSlot: Sendable {
    private let value = Mutex<Simulator?>(nil)
    var simulator: Simulator? {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}
