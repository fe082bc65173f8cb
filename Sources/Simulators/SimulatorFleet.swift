/// All five simulators on loopback, for `gateway demo` and end-to-end tests.
///
/// ```swift
/// let fleet = try await SimulatorFleet.start(seed: 1)
/// for sim in fleet.simulators { print(sim.vendor, sim.baseURL) }
/// await fleet.stop()
/// ```
public final class SimulatorFleet: Sendable {
    /// The running simulators, in `SimulatorVendor.allCases` order.
    public let simulators: [Simulator]

    private init(simulators: [Simulator]) { self.simulators = simulators }

    /// Starts every vendor (or `vendors`) with the same options (each on its own OS-chosen port
    /// unless `options.port` is set, which only makes sense for one vendor).
    public static func start(options: SimulatorOptions = SimulatorOptions(),
                             vendors: [SimulatorVendor] = SimulatorVendor.allCases) async throws -> SimulatorFleet {
        var started: [Simulator] = []
        do {
            for vendor in vendors { started.append(try await Simulator.start(vendor, options: options)) }
        } catch {
            for simulator in started { await simulator.stop() }
            throw error
        }
        return SimulatorFleet(simulators: started)
    }

    /// The simulator of `vendor`, if it was started.
    public subscript(vendor: SimulatorVendor) -> Simulator? { simulators.first { $0.vendor == vendor } }

    /// Base URLs by vendor.
    public var baseURLs: [SimulatorVendor: String] {
        Dictionary(uniqueKeysWithValues: simulators.map { ($0.vendor, $0.baseURL) })
    }

    /// Demo credentials by vendor.
    public var credentials: [SimulatorVendor: DemoCredentials] {
        Dictionary(uniqueKeysWithValues: simulators.map { ($0.vendor, $0.credentials) })
    }

    /// Stops all of them.
    public func stop() async {
        for simulator in simulators { await simulator.stop() }
    }
}
