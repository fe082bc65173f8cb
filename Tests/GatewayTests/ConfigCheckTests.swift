import Testing
import Foundation
@testable import Gateway

/// A scratch directory under the system temp directory, removed when the value is released.
final class ConfigTempDirectory {
    /// Absolute path of the directory.
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "gateway-config-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` (creating intermediate directories).
    func write(_ name: String, _ text: String) throws {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// `gateway check`: the summary on success, every problem on failure, and never a secret value.
@Suite struct ConfigCheckTests {
    static let config = """
    listen: {host: 127.0.0.1, port: 9090}
    clients:
      - {name: reporting, tokenSHA256: "\(String(repeating: "0", count: 64))", upstreams: [owlops, opsdeck]}
    upstreams:
      - name: owlops
        mount: /owlops
        spec: specs/owlops.yaml
        baseURL: https://owlops.example.invalid
        auth: {type: apiKey, header: X-Api-Key, secret: "${OWLOPS_API_KEY}"}
        rateLimit: {rate: 60, period: 1m, maxWait: 1s}
      - name: opsdeck
        mount: /opsdeck
        spec: specs/opsdeck.yaml
        baseURL: https://${OPSDECK_HOST}
        auth: {type: bearer, token: "file:secrets/opsdeck"}
    """

    @Test func checkPrintsSummaryAndExitsZero() throws {
        let dir = try ConfigTempDirectory()
        try dir.write("gateway.yaml", Self.config)
        try dir.write("specs/owlops.yaml", "openapi: 3.1.0\n")
        try dir.write("specs/opsdeck.yaml", "openapi: 3.1.0\n")
        try dir.write("secrets/opsdeck", "opsdeck_test_fake_from_file_000\n")
        let outcome = ConfigurationCheck.run(configPath: dir.path + "/gateway.yaml",
                                             environment: ConfigFixtures.realFiles(ConfigFixtures.variables))
        #expect(outcome.exitCode == 0)
        #expect(outcome.errors == "")
        let expected = """
        \(dir.path)/gateway.yaml: OK
        listen: http://127.0.0.1:9090
        limits: head 16KiB, body 10MiB, 1024 connections
        audit: stdout
        upstreams: 2
          owlops   /owlops   → https://owlops.example.invalid
                               auth: apiKey in header X-Api-Key from ${OWLOPS_API_KEY}; rate 60/1m burst 1, queue ≤1s (max 100 waiting)
          opsdeck  /opsdeck  → https://opsdeck.example.invalid
                               auth: bearer from file:secrets/opsdeck; no rate limit
        clients: 1
          note: client 'reporting' has the all-zero placeholder hash; no token matches it (replace it with the hash from 'gateway token create --client reporting')

        """
        #expect(outcome.output == expected)
    }

    @Test func checkPrintsEveryProblemAndExitsOne() throws {
        let dir = try ConfigTempDirectory()
        try dir.write("gateway.yaml", Self.config)
        let outcome = ConfigurationCheck.run(configPath: dir.path + "/gateway.yaml", environment: ConfigFixtures.realFiles([:]))
        #expect(outcome.exitCode == 1)
        #expect(outcome.output == "")
        let file = dir.path + "/gateway.yaml"
        #expect(outcome.errors == """
        \(file):9:53: upstreams[0].auth.secret: environment variable OWLOPS_API_KEY is not set
        \(file):14:14: upstreams[1].baseURL: environment variable OPSDECK_HOST is not set
        \(file):15:33: upstreams[1].auth.token: cannot read secret file '\(dir.path)/secrets/opsdeck': no such file
        3 problems in \(file)

        """)
    }

    @Test func checkReportsAMissingConfigurationFile() {
        let outcome = ConfigurationCheck.run(configPath: "/nonexistent/gateway.yaml", environment: .process)
        #expect(outcome.exitCode == 1)
        #expect(outcome.errors == "/nonexistent/gateway.yaml: cannot read configuration: no such file\n1 problem in /nonexistent/gateway.yaml\n")
    }

    @Test func neverPrintsSecretValues() throws {
        let dir = try ConfigTempDirectory()
        try dir.write("gateway.yaml", Self.config)
        try dir.write("specs/owlops.yaml", "openapi: 3.1.0\n")
        try dir.write("specs/opsdeck.yaml", "openapi: 3.1.0\n")
        try dir.write("secrets/opsdeck", "opsdeck_test_fake_from_file_000\n")
        let path = dir.path + "/gateway.yaml"
        let good = ConfigurationCheck.run(configPath: path, environment: ConfigFixtures.realFiles(ConfigFixtures.variables))
        // A failing run too: the secrets resolve, but another key is wrong.
        try dir.write("gateway.yaml", Self.config.replacingOccurrences(of: "port: 9090", with: "port: -1"))
        let bad = ConfigurationCheck.run(configPath: path, environment: ConfigFixtures.realFiles(ConfigFixtures.variables))
        #expect(good.exitCode == 0 && bad.exitCode == 1)
        for text in [good.output, good.errors, bad.output, bad.errors] {
            #expect(!text.contains("owlk_test_fake"))
            #expect(!text.contains("opsdeck_test_fake_from_file"))
        }
    }
}
