import Gateway
import Simulators

/// Starts the five simulated upstreams for `gateway demo` and describes them in the Gateway's
/// terms (the only place the CLI joins `Simulators` and `Gateway`).
enum DemoFleetLauncher {
    /// Why a simulator's demo credentials could not be turned into gateway auth.
    struct BadCredentials: Error, CustomStringConvertible {
        let vendor: String
        var description: String { "\(vendor): the simulator's demo credentials do not fit the gateway's auth strategy" }
    }

    /// Starts the fleet; each upstream with its demo credentials and a sample path for the curl lines.
    @Sendable static func start() async throws -> DemoFleet {
        let fleet = try await SimulatorFleet.start()
        var upstreams: [DemoUpstream] = []
        for simulator in fleet.simulators {
            let vendor = simulator.vendor.rawValue
            guard let auth = auth(simulator.credentials) else {
                await fleet.stop()
                throw BadCredentials(vendor: vendor)
            }
            let (base, sample) = paths[simulator.vendor] ?? ("", "/")
            upstreams.append(DemoUpstream(name: vendor, baseURL: simulator.baseURL + base, auth: auth, samplePath: sample))
        }
        return DemoFleet(upstreams: upstreams) { await fleet.stop() }
    }

    /// Base path appended to the simulator's origin (Trackops' spec paths are below `/api/v1`) and a sample call.
    static let paths: [SimulatorVendor: (String, String)] = [
        .owlops: ("", "/v1/tasks?pageSize=3"),
        .upkeep: ("", "/api/v2/users?limit=3"),
        .trackops: ("/api/v1", "/clients"),
        .owox: ("", "/api/auth/context"),
        .opsdeck: ("", "/api/v1/users"),
    ]

    /// The gateway's auth strategy for a simulator's demo credentials (values are demo-only).
    static func auth(_ credentials: DemoCredentials) -> UpstreamAuth? {
        func secret(_ value: String) -> SecretValue { SecretValue(value, source: "demo") }
        switch credentials {
        case .apiKey(let key):
            return .apiKey(APIKeyAuth(placement: .header("X-Api-Key"), secret: secret(key)))
        case .login(let email, let password):
            return .sessionLogin(SessionLoginAuth(email: email, password: secret(password)))
        case .basic(let username, let token):
            return .basic(BasicAuth(username: "\(username)/token", password: secret(token)))
        case .owoxKey(let key):
            guard case .success(let decoded) = OWOXAPIKey.decode(secret(key)) else { return nil }
            return .keyExchange(KeyExchangeAuth(key: secret(key), decoded: decoded))
        case .bearer(let token):
            return .bearer(token: secret(token))
        }
    }
}
