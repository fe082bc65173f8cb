/// How a simulator starts.
public struct SimulatorOptions: Sendable {
    /// Numeric address to bind (loopback by default).
    public var host: String = "127.0.0.1"
    /// Port; 0 lets the OS choose (read `Simulator.port`).
    public var port: Int = 0
    /// Seed of the generated data: the same seed gives the same records.
    public var seed: UInt64 = 1
    /// The rate limit to enforce.
    public var rateLimit: RateLimitSetting = .vendorDefault
    /// Faults from the start (change them later with `Simulator.setFaults` or `/__sim/faults`).
    public var faults = FaultSettings()
    /// Time source for token expiry and rate-limit windows.
    public var clock: SimulatorClock = .system

    /// Defaults: loopback, OS-chosen port, seed 1, the vendor's rate limit, no faults, system clock.
    public init(host: String = "127.0.0.1", port: Int = 0, seed: UInt64 = 1,
                rateLimit: RateLimitSetting = .vendorDefault, faults: FaultSettings = FaultSettings(),
                clock: SimulatorClock = .system) {
        self.host = host
        self.port = port
        self.seed = seed
        self.rateLimit = rateLimit
        self.faults = faults
        self.clock = clock
    }
}

/// What every vendor simulator is given: the seed, the clock, the rate-limit rule and its own origin.
struct SimulatorContext: Sendable {
    let seed: UInt64
    let clock: SimulatorClock
    let rateLimit: RateLimitRule?
    /// `http://127.0.0.1:PORT`.
    let origin: String
}

/// One vendor's behaviour; an actor, so its data and tokens change only on its own executor.
protocol VendorSimulator: Actor {
    /// Answers one vendor request (auth, rate limit, routing, data).
    func handle(_ request: SimRequest) async -> SimReply
    /// The vendor's own error body for an injected failure status.
    nonisolated func faultResponse(status: Int, retryAfter: Int?) -> SimResponse
    /// Invalidates every token issued so far (the next call with one gets 401).
    func revokeAllTokens()
    /// Lifetime of tokens issued from now on; nil = the vendor's default.
    func setTokenLifetime(_ seconds: Int?)
    /// The credentials to print.
    nonisolated var credentials: DemoCredentials { get }
    /// Header names whose values are secrets (fingerprinted in the stats).
    nonisolated var secretHeaders: [String] { get }
}

extension VendorSimulator {
    func revokeAllTokens() {}
    func setTokenLifetime(_ seconds: Int?) {}
}
