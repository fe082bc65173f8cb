import Testing
import Foundation

/// Gate for the real-time rate-limit suites: they measure wall-clock windows on loopback, so they run
/// in their own unloaded step of `.ci/run` (`GATEWAY_REALTIME_TESTS=1 swift test --skip-build --filter …`)
/// instead of in parallel with the other ~600 tests, whose CPU load skews the windows they measure.
enum RealTimeTests {
    /// True when `GATEWAY_REALTIME_TESTS=1`.
    static let enabled = ProcessInfo.processInfo.environment["GATEWAY_REALTIME_TESTS"] == "1"
    /// Shown when the suites are skipped.
    static let reason: Comment = "real-time rate-limit suite: set GATEWAY_REALTIME_TESTS=1 (bash .ci/run does, in its own step)"
}
