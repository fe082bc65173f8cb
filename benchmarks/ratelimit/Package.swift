// swift-tools-version:6.1
// Rate limiter microbenchmark: ns per decision of our limiter vs a Mutex<Int> increment and an
// NSLock/Double token bucket, single-threaded and with two threads (separate / shared limiters).
// Sources/RateLimitCore holds symlinks to the limiter's files in the root package
// (Sources/Gateway/RateLimit and the two Config files it needs), so the benchmark builds exactly
// that code in release mode as its own module, without a library product in the root Package.swift.
import PackageDescription

let package = Package(
    name: "RateLimitBench",
    targets: [
        .target(name: "RateLimitCore", swiftSettings: [.swiftLanguageMode(.v6)]),
        // Exclusivity checks off in the harness only (its per-thread counters are class properties);
        // RateLimitCore is built with the default settings, as in the gateway.
        .executableTarget(name: "RateLimitBench", dependencies: ["RateLimitCore"],
                          swiftSettings: [.swiftLanguageMode(.v6), .unsafeFlags(["-enforce-exclusivity=unchecked"])]),
    ]
)
