// swift-tools-version:6.1
// Gateway: an OpenAPI-driven API gateway. No Swift package dependencies by design (see DESIGN.md):
// only the toolchain plus OpenSSL and libyaml through system-library targets.
import PackageDescription

/// Language mode 6 everywhere; `GATEWAY_WERROR=1` (set by `.ci/run`) turns warnings into errors.
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]
    + (Context.environment["GATEWAY_WERROR"] == "1" ? [.unsafeFlags(["-warnings-as-errors"])] : [])

let package = Package(
    name: "Gateway",
    products: [
        .executable(name: "gateway", targets: ["gateway"]),
        .library(name: "HTTP", targets: ["HTTP"]),  // for benchmarks/http (a separate package)
    ],
    targets: [
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl",
                       providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1",
                       providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CLinux"),

        .target(name: "Document", dependencies: ["CYAML"], exclude: ["README.md"], swiftSettings: strict),
        .target(name: "HTTP", dependencies: ["CLinux", "COpenSSL"], exclude: ["README.md"], swiftSettings: strict),
        .target(name: "OpenAPI", dependencies: ["Document"], exclude: ["README.md"], swiftSettings: strict),
        .target(name: "Gateway", dependencies: ["OpenAPI", "HTTP", "Document"], exclude: ["README.md"], swiftSettings: strict),
        .target(name: "Simulators", dependencies: ["HTTP", "Document"], exclude: ["README.md"], swiftSettings: strict),
        .executableTarget(name: "gateway", dependencies: ["Gateway", "Simulators"], swiftSettings: strict),

        // Helpers shared by the test targets (off-pool threads, seeded PRNG, test PKI, refusing port).
        // Test-only: no product lists it and it imports none of the modules above.
        .target(name: "TestSupport", path: "Tests/TestSupport", exclude: ["README.md"], swiftSettings: strict),
        .testTarget(name: "DocumentTests", dependencies: ["Document", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "OpenAPITests", dependencies: ["OpenAPI", "Document", "TestSupport"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "GatewayTests", dependencies: ["Gateway", "OpenAPI", "HTTP", "Document", "Simulators", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "SimulatorsTests", dependencies: ["Simulators", "HTTP", "Document", "OpenAPI", "TestSupport"], swiftSettings: strict),
    ]
)
