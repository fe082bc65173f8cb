// swift-tools-version:6.1
// Validation benchmark: our RequestValidator vs Python openapi-core (run from run.sh) on the same requests.
// Sources/Document, Sources/CYAML and Sources/OpenAPI are symlinks to the root package's targets, so the
// benchmark builds exactly that code, in release mode, without a product in the root Package.swift.
import PackageDescription

let settings: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "ValidationBench",
    targets: [
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1"),
        .target(name: "Document", dependencies: ["CYAML"], exclude: ["README.md"], swiftSettings: settings),
        .target(name: "OpenAPI", dependencies: ["Document"], exclude: ["README.md"], swiftSettings: settings),
        .executableTarget(name: "ValidationBench", dependencies: ["OpenAPI", "Document"], swiftSettings: settings),
    ]
)
