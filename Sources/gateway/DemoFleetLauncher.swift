import Gateway
import Simulators

/// Starts the five simulated upstreams for `gateway demo` (the only place the CLI joins
/// `Simulators` and `Gateway`).
enum DemoFleetLauncher {
    /// Why the demo cannot start.
    struct Unavailable: Error, CustomStringConvertible {
        var description: String { "the Simulators module has no SimulatorFleet yet (issue 7 is in progress)" }
    }

    /// The running fleet as the demo needs it.
    @Sendable static func start() async throws -> DemoFleet {
        throw Unavailable()
    }
}
