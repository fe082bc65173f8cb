// swift-tools-version:6.1
// JSON benchmark: our Document reader/writer vs Foundation JSONSerialization (Python's json runs from run.sh).
// Sources/Document and Sources/CYAML are symlinks to the root package's targets, so the benchmark
// builds exactly that code as a separate module, in release mode, without a product in the root Package.swift.
import PackageDescription

let package = Package(
    name: "JSONBench",
    targets: [
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1"),
        .target(name: "Document", dependencies: ["CYAML"], exclude: ["README.md"],
                swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(name: "JSONBench", dependencies: ["Document"],
                          swiftSettings: [.swiftLanguageMode(.v6)]),
    ]
)
