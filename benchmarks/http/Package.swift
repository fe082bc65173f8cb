// swift-tools-version:6.1
// HTTP benchmark servers (hello, reverse proxy, big streaming origin) built on the root package's
// HTTP module. Separate package so the product build stays free of benchmark code.
import PackageDescription

let package = Package(
    name: "HTTPBench",
    dependencies: [.package(name: "Gateway", path: "../..")],
    targets: [
        .executableTarget(name: "http-bench", dependencies: [.product(name: "HTTP", package: "Gateway")],
                          swiftSettings: [.swiftLanguageMode(.v6)]),
    ]
)
