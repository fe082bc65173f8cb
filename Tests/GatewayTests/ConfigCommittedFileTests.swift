import Testing
import Foundation
import Document
@testable import Gateway

/// The committed top-level `gateway.yaml` is valid and needs exactly the documented variables.
@Suite struct ConfigCommittedFileTests {
    /// The repository's `gateway.yaml` (this file is `Tests/GatewayTests/…`).
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("gateway.yaml").path

    // Spec files are checked by `gateway check`; here only the configuration itself (the specs
    // are added by their own issue and verified there).
    static let options = ConfigurationLoader.Options(checkReferencedFiles: false)

    @Test func committedGatewayYAMLValidatesWithFakeSecrets() throws {
        let config = try ConfigurationLoader.load(path: Self.path, environment: ConfigFixtures.realFiles(ConfigFixtures.variables),
                                                  options: Self.options)
        #expect(config.upstreams.map(\.name) == ["owlops", "upkeep", "trackops", "owox", "opsdeck"])
        #expect(config.upstreams.map(\.mount) == ["/owlops", "/upkeep", "/trackops", "/owox", "/opsdeck"])
        #expect(config.upstreams.map { URL(fileURLWithPath: $0.specPath).lastPathComponent }
                == ["owlops.yaml", "upkeep.yaml", "trackops.yaml", "owox.yaml", "opsdeck.yaml"])
        #expect(config.upstreams.map(\.auth.typeName) == ["apiKey", "sessionLogin", "basic", "keyExchange", "bearer"])
        #expect(config.upstreams.map(\.baseURL.description) == [
            "https://api-owlops-public-bugrb4gxeqcghqh5.eastus2-01.azurewebsites.net",
            "https://api.onupkeep.com",
            "https://acme-fake.viewcases.com/api/v1",
            "https://app.owox.com",
            "https://opsdeck.example.invalid",
        ])
        // The vendors' published limits, queued with a short bound.
        #expect(config.upstream(named: "owlops")?.rateLimit
                == RateLimitConfiguration(rate: 60, period: .seconds(60), burst: 1, policy: .queue(maxWait: .seconds(1), maxQueue: 100)))
        #expect(config.upstream(named: "trackops")?.rateLimit
                == RateLimitConfiguration(rate: 1, period: .seconds(1), burst: 1, policy: .queue(maxWait: .seconds(1), maxQueue: 20)))
        #expect(config.clients.count == 1)
    }

    @Test func committedGatewayYAMLNamesEveryVariableItNeeds() {
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(path: Self.path, environment: ConfigFixtures.realFiles([:]), options: Self.options)
        }
        do {
            _ = try ConfigurationLoader.load(path: Self.path, environment: ConfigFixtures.realFiles([:]), options: Self.options)
        } catch {
            let missing = error.diagnostics.map(\.message).filter { $0.hasPrefix("environment variable ") }
            #expect(Set(missing.map { $0.split(separator: " ")[2] }) == Set(ConfigFixtures.variables.keys.map { Substring($0) }))
            #expect(missing.count == error.diagnostics.count)
        }
    }

    @Test func everyOneLineDeletionIsReportedWithAPositionAndNoSecret() throws {
        let lines = try String(contentsOfFile: Self.path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let secrets = ConfigFixtures.variables.filter { ["OWLOPS_API_KEY", "UPKEEP_PASSWORD", "TRACKOPS_API_TOKEN",
                                                         "OWOX_API_KEY", "OPSDECK_API_TOKEN"].contains($0.key) }.values
        var failures = 0
        for i in lines.indices where !lines[i].trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            var copy = lines
            copy.remove(at: i)
            let document: LoadedDocument
            do {
                document = try YAMLReader.parseDocument(Array(copy.joined(separator: "\n").utf8), file: "gateway.yaml")
            } catch {
                continue  // a YAML syntax error: the Document tests cover those
            }
            do {
                _ = try ConfigurationLoader.load(document: document, baseDirectory: ".", environment: ConfigFixtures.environment(),
                                                 options: Self.options)
            } catch {
                failures += 1
                #expect(!error.diagnostics.isEmpty)
                for d in error.diagnostics {
                    #expect(d.location != nil, "no position for: \(d)")
                    for secret in secrets { #expect(!d.description.contains(secret)) }
                }
            }
        }
        #expect(failures > 20)  // removing required keys, list items' names, etc. must be caught
    }
}
