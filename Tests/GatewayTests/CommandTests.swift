import Document
import Foundation
import HTTP
import OpenAPI
import Testing
@testable import Gateway

/// The CLI's commands run in-process with captured output: output text and exit codes.
@Suite struct CommandTests {
    static func temporaryFile(_ name: String, _ text: String) throws -> String {
        let dir = NSTemporaryDirectory() + "gateway-commands-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func inspectPrintsCanonicalJSONAndExitsZero() throws {
        let path = try Self.temporaryFile("doc.yaml", "b: 1.50\na: [x, true, null]\n")
        let (io, out) = CommandIO.capture()
        #expect(InspectCommand.run([path], io: io) == 0)
        #expect(out.out == #"{"b":1.5,"a":["x",true,null]}"# + "\n")
        #expect(out.err.isEmpty)
        let (sortedIO, sorted) = CommandIO.capture()
        #expect(InspectCommand.run([path, "--sorted", "--pointer", "/a"], io: sortedIO) == 0)
        #expect(sorted.out == #"["x",true,null]"# + "\n")
    }

    @Test func inspectReportsDocumentErrorsWithLocationAndExitsOne() throws {
        let path = try Self.temporaryFile("bad.json", "{\"a\": [1, 2,]}")
        let (io, out) = CommandIO.capture()
        #expect(InspectCommand.run([path], io: io) == 1)
        #expect(out.out.isEmpty)
        #expect(out.err.hasPrefix(path + ":1:"))
    }

    @Test func inspectUsageErrorsExitTwo() {
        let (io, out) = CommandIO.capture()
        #expect(InspectCommand.run([], io: io) == 2)
        #expect(out.err.contains("missing FILE"))
        #expect(InspectCommand.run(["a", "b"], io: io) == 2)
        #expect(InspectCommand.run(["a", "--frobnicate"], io: io) == 2)
        #expect(InspectCommand.run(["a", "--pointer"], io: io) == 2)
        #expect(InspectCommand.run(["a", "--pointer", "no-slash"], io: io) == 2)
        let (helpIO, help) = CommandIO.capture()
        #expect(InspectCommand.run(["--help"], io: helpIO) == 0)
        #expect(help.out.hasPrefix("usage: gateway inspect"))
    }

    @Test func checkPrintsSummaryOrEveryProblem() throws {
        let env = ConfigFixtures.environment(files: ["/etc/gw/gateway.yaml": ConfigFixtures.minimal])
        let (io, out) = CommandIO.capture()
        #expect(CheckCommand.run(["--config", "/etc/gw/gateway.yaml"], io: io, environment: env) == 0)
        #expect(out.out.contains("OK"))
        #expect(out.err.isEmpty)
        let broken = ConfigFixtures.environment(files: ["/etc/gw/gateway.yaml": "listen:\n  prot: 1\n"])
        let (badIO, bad) = CommandIO.capture()
        #expect(CheckCommand.run(["-c", "/etc/gw/gateway.yaml"], io: badIO, environment: broken) == 1)
        #expect(bad.err.contains("/etc/gw/gateway.yaml:2:3: listen.prot: unknown key 'prot'"))
        let (usageIO, usage) = CommandIO.capture()
        #expect(CheckCommand.run(["extra"], io: usageIO, environment: env) == 2)
        #expect(usage.err.contains("unexpected argument"))
    }

    @Test func tokenCreatePrintsATokenOnceAndTheHashOfExactlyThatToken() throws {
        let (io, out) = CommandIO.capture()
        #expect(TokenCommand.run(["create", "--client", "reporting"], io: io) == 0)
        let text = out.out
        let token = try #require(text.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("gw_") && $0.count == 46 })
        let hash = try #require(text.range(of: #"tokenSHA256: "[0-9a-f]{64}""#, options: .regularExpression))
        let hex = text[hash].dropFirst("tokenSHA256: \"".count).dropLast()
        #expect(String(hex) == Crypto.hex(Crypto.sha256(Array(token.utf8))))
        #expect(text.contains("name: reporting"))
        #expect(text.components(separatedBy: String(token)).count == 2)  // printed once
    }

    @Test func tokenUsageErrorsExitTwo() {
        let (io, out) = CommandIO.capture()
        #expect(TokenCommand.run([], io: io) == 2)
        #expect(TokenCommand.run(["create"], io: io) == 2)
        #expect(TokenCommand.run(["create", "--client", "has space"], io: io) == 2)
        #expect(TokenCommand.run(["create", "--client"], io: io) == 2)
        #expect(out.out.isEmpty)
    }

    @Test func routesListsMethodPathUpstreamAndOperationId() {
        let text = RoutesCommand.format([
            (method: "GET", path: "/owlops/v1/tasks", upstream: "owlops", operationId: "listTasks"),
            (method: "POST", path: "/opsdeck/api/v1/users", upstream: "opsdeck", operationId: "-"),
        ])
        #expect(text == "GET   /owlops/v1/tasks       owlops   listTasks\nPOST  /opsdeck/api/v1/users  opsdeck  -\n")
    }

    @Test func demoInstructionsHaveACurlLinePerUpstreamAndTheDocument() async throws {
        let origin = try await staticAuthOrigin(header: "Authorization", value: "Bearer \(FakeSecrets.opsdeckToken)", body: [])
        let fleet = DemoFleet(upstreams: [DemoUpstream(name: "opsdeck", baseURL: origin.url,
                                                       auth: .bearer(token: FakeSecrets.secret(FakeSecrets.opsdeckToken)),
                                                       samplePath: "/api/v1/users")]) { await origin.stop() }
        let (io, _) = CommandIO.capture()
        let demo = try await DemoCommand.start(port: 0, specsDirectory: TestGateway.specs, audit: .memory(),
                                               startFleet: { fleet }, io: io)
        let text = DemoCommand.instructions(demo)
        #expect(text.contains("export GW_TOKEN=\(demo.token)"))
        #expect(text.contains("curl -s -H \"Authorization: Bearer $GW_TOKEN\" '\(demo.url)/opsdeck/api/v1/users'"))
        #expect(text.contains("'\(demo.url)/openapi.json'"))
        let client = HTTPClient()
        var headers = HTTPHeaders()
        headers.add(name: "Authorization", value: "Bearer \(demo.token)")
        let response = try await client.execute(try HTTPClientRequest(url: "\(demo.url)/opsdeck/api/v1/users", headers: headers))
        _ = try await response.body.collect(upTo: 1 << 20)
        #expect(response.status.code == 200)
        await demo.stop()
    }
}

/// `routes`, `spec` and `serve`'s loading path over a real configuration file and the real specs.
@Suite struct ConfiguredCommandTests {
    static func config() throws -> String {
        try CommandTests.temporaryFile("gateway.yaml", """
        listen: {host: 127.0.0.1, port: 0}
        publicBaseURL: http://gateway.example.invalid
        clients:
          - {name: ops, tokenSHA256: "\(String(repeating: "ab", count: 32))", upstreams: [owox]}
        upstreams:
          - name: owox
            mount: /owox
            spec: \(TestGateway.specs)/owox.yaml
            baseURL: http://127.0.0.1:9
            auth: {type: keyExchange, key: "${OWOX_KEY}"}
        """)
    }

    static let environment = ConfigFixtures.realFiles(["OWOX_KEY": ConfigFixtures.owoxKey(origin: "http://127.0.0.1:9")])

    @Test func routesListsPublishedOperationsWithoutTheKeyExchange() throws {
        let (io, out) = CommandIO.capture()
        #expect(RoutesCommand.run(["--config", try Self.config()], io: io, environment: Self.environment) == 0)
        let context = try #require(out.out.split(separator: "\n").first { $0.contains("/owox/api/auth/context") })
        #expect(context.split(separator: " ") == ["GET", "/owox/api/auth/context", "owox", "getAuthContext"])
        #expect(!out.out.contains("api-keys/exchange"))
        #expect(out.out.split(separator: "\n").count == 3)
    }

    @Test func specPrintsTheMergedDocumentWithThePublicURL() throws {
        let (io, out) = CommandIO.capture()
        #expect(SpecCommand.run(["--config", try Self.config()], io: io, environment: Self.environment) == 0)
        let doc = try JSONReader.parse(Array(out.out.utf8))
        #expect(doc["servers"]?.arrayValue?.first?["url"]?.stringValue == "http://gateway.example.invalid")
        #expect(doc["paths"]?.objectValue?.contains("/owox/api/auth/context") == true)
    }

    @Test func missingSecretsFailWithTheConfigurationProblemAndExitOne() throws {
        let (io, out) = CommandIO.capture()
        let empty = ConfigFixtures.realFiles([:])
        #expect(RoutesCommand.run(["--config", try Self.config()], io: io, environment: empty) == 1)
        #expect(out.err.contains("OWOX_KEY"))
        #expect(out.out.isEmpty)
        #expect(SpecCommand.run(["--config"], io: io) == 2)
    }
}
