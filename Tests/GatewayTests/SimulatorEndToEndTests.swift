import Document
import Foundation
import HTTP
import Simulators
import Testing
@testable import Gateway

/// The gateway in front of the five real simulators (Sources/Simulators), as `gateway demo` runs it.
@Suite(.serialized) struct SimulatorEndToEndTests {
    struct Setup {
        let fleet: SimulatorFleet
        let demo: DemoCommand.Running
        let audit: AuditLog
        let client = HTTPClient(configuration: HTTPClientConfiguration(maxConnectionsPerOrigin: 256, poolTimeout: .seconds(30)))

        func send(_ target: String, token: String? = nil, method: HTTP.HTTPMethod = .GET,
                  contentType: String? = nil, body: String? = nil) async throws -> GatewayReply {
            var headers = HTTPHeaders()
            if let token { headers.add(name: "Authorization", value: "Bearer \(token)") }
            if let contentType { headers.add(name: "Content-Type", value: contentType) }
            let response = try await client.execute(try HTTPClientRequest(method: method, url: demo.url + target, headers: headers,
                                                                          body: body.map { .string($0) } ?? .empty))
            let body = try await response.body.collect(upTo: 16 << 20)
            return GatewayReply(status: response.status.code, headers: response.head.headers, body: body)
        }

        func stats(_ vendor: SimulatorVendor) async -> SimulatorStats { await fleet[vendor]!.stats() }
    }

    /// Starts the fleet and a gateway in front of it (specs loaded once per process).
    static func start() async throws -> Setup {
        let fleet = try await SimulatorFleet.start()
        let audit = AuditLog.memory()
        let (io, _) = CommandIO.capture()
        let upstreams = try fleet.simulators.map { sim in
            DemoUpstream(name: sim.vendor.rawValue, baseURL: sim.baseURL + (sim.vendor == .trackops ? "/api/v1" : ""),
                         auth: try #require(Self.auth(sim.credentials)), samplePath: "/")
        }
        let (token, _) = ClientToken.create()!
        let configuration = try DemoConfiguration.make(upstreams: upstreams, port: 0, specsDirectory: TestGateway.specs,
                                                       tokenSHA256: ClientToken.hash(token))
        let runtime = try GatewayRuntime(configuration: configuration, audit: audit,
                                         specs: await SpecCache.loader(for: configuration.upstreams))
        let gateway = try await GatewayServer.start(runtime, port: 0)
        _ = io
        let demo = DemoCommand.Running(gateway: gateway, token: token,
                                       fleet: DemoFleet(upstreams: upstreams) { await fleet.stop() })
        return Setup(fleet: fleet, demo: demo, audit: audit)
    }

    /// The same mapping `gateway demo` uses (Sources/gateway/DemoFleetLauncher.swift).
    static func auth(_ credentials: DemoCredentials) -> UpstreamAuth? {
        func secret(_ value: String) -> SecretValue { SecretValue(value, source: "demo") }
        switch credentials {
        case .apiKey(let key): return .apiKey(APIKeyAuth(placement: .header("X-Api-Key"), secret: secret(key)))
        case .login(let email, let password): return .sessionLogin(SessionLoginAuth(email: email, password: secret(password)))
        case .basic(let username, let token): return .basic(BasicAuth(username: "\(username)/token", password: secret(token)))
        case .owoxKey(let key):
            guard case .success(let decoded) = OWOXAPIKey.decode(secret(key)) else { return nil }
            return .keyExchange(KeyExchangeAuth(key: secret(key), decoded: decoded))
        case .bearer(let token): return .bearer(token: secret(token))
        }
    }

    static let valid = [
        (SimulatorVendor.owlops, "/owlops/v1/tasks?pageSize=3"), (.upkeep, "/upkeep/api/v2/users?limit=3"),
        (.trackops, "/trackops/clients"), (.owox, "/owox/api/auth/context"), (.opsdeck, "/opsdeck/api/v1/users"),
    ]
    static let invalid = [
        (SimulatorVendor.owlops, "/owlops/v1/tasks?pageSize=100000"), (.upkeep, "/upkeep/api/v2/users?limit=abc"),
        (.trackops, "/trackops/clients?undeclared=1"), (.owox, "/owox/api/external/http-data/data-marts/dm1.ndjson?offset=5"),
        (.opsdeck, "/opsdeck/api/v1/users?bogus=true"),
    ]

    @Test func validCallsReturnSimulatorDataAndInvalidCallsNeverReachIt() async throws {
        let setup = try await Self.start()
        for (vendor, target) in Self.valid {
            let reply = try await setup.send(target, token: setup.demo.token)
            #expect(reply.status == 200, "\(vendor): \(reply.text.prefix(300))")
            #expect(reply.json != nil, "\(vendor)")
            let stats = await setup.stats(vendor)
            #expect(stats.rejected == 0, "\(vendor): \(stats.rejectedCalls)")
            #expect(!stats.requestsByCredential.isEmpty, "\(vendor)")
        }
        for (vendor, target) in Self.invalid {
            let before = await setup.stats(vendor).requests
            let reply = try await setup.send(target, token: setup.demo.token)
            #expect(reply.status == 400, "\(vendor): \(reply.text.prefix(300))")
            #expect(await setup.stats(vendor).requests == before, "\(vendor)")
        }
        await setup.demo.stop()
    }

    @Test func jsonBodiesAreValidatedThenForwarded() async throws {
        let setup = try await Self.start()
        let token = setup.demo.token
        let before = await setup.stats(.opsdeck).requests
        let invalid = try await setup.send("/opsdeck/api/v1/incidents", token: token, method: .POST,
                                           contentType: "application/json", body: #"{"title": "", "severity": 3}"#)
        #expect(invalid.status == 400)
        let pointers = Set(invalid.json?["errors"]?.arrayValue?.compactMap { $0["pointer"]?.stringValue } ?? [])
        #expect(pointers.isSuperset(of: ["/title", "/severity"]), "\(invalid.text)")
        let wrongType = try await setup.send("/opsdeck/api/v1/incidents", token: token, method: .POST,
                                             contentType: "text/plain", body: "title=x")
        #expect(wrongType.status == 415)
        #expect(await setup.stats(.opsdeck).requests == before)
        let created = try await setup.send("/opsdeck/api/v1/incidents", token: token, method: .POST, contentType: "application/json",
                                           body: #"{"title": "Disk alarm", "severity": "SEV-2", "description": "raised by the gateway e2e test"}"#)
        #expect((200..<300).contains(created.status), "\(created.text.prefix(300))")
        #expect(await setup.stats(.opsdeck).requests == before + 1)
        await setup.demo.stop()
    }

    @Test func revokedUpstreamTokensAreRecoveredWithOneRetry() async throws {
        let setup = try await Self.start()
        for target in ["/upkeep/api/v2/users?limit=1", "/owox/api/auth/context"] {
            #expect(try await setup.send(target, token: setup.demo.token).status == 200)
        }
        await setup.fleet[.upkeep]!.revokeAllTokens()
        await setup.fleet[.owox]!.revokeAllTokens()
        #expect(try await setup.send("/upkeep/api/v2/users?limit=1", token: setup.demo.token).status == 200)
        #expect(try await setup.send("/owox/api/auth/context", token: setup.demo.token).status == 200)
        #expect(await setup.stats(.upkeep).logins == 2)
        #expect(await setup.stats(.owox).keyExchanges == 2)
        await setup.demo.stop()
        #expect(await setup.stats(.upkeep).logouts == 1)
    }

    @Test func twoHundredConcurrentColdCallsLogInOnce() async throws {
        let setup = try await Self.start()
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<200 { group.addTask { try await setup.send("/upkeep/api/v2/users?limit=1", token: setup.demo.token).status } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 200 }.count == 200)
        #expect(await setup.stats(.upkeep).logins == 1)
        await setup.demo.stop()
    }

    @Test func faultModesMapToTheRightStatus() async throws {
        let setup = try await Self.start()
        var faults = FaultSettings()
        faults.errorEvery = 1
        faults.errorStatuses = [503]
        await setup.fleet[.opsdeck]!.setFaults(faults)
        #expect(try await setup.send("/opsdeck/api/v1/users", token: setup.demo.token).status == 503)  // passed through
        var malformed = FaultSettings()
        malformed.malformedEvery = 1
        await setup.fleet[.opsdeck]!.setFaults(malformed)
        let bad = try await setup.send("/opsdeck/api/v1/users", token: setup.demo.token)
        #expect(bad.status == 502)
        #expect(bad.headers["Content-Type"] == "application/problem+json")
        var cut = FaultSettings()
        cut.closeMidBodyEvery = 1
        await setup.fleet[.opsdeck]!.setFaults(cut)
        let short = try await setup.send("/opsdeck/api/v1/users", token: setup.demo.token)
        #expect(short.status == 502, "\(short.text.prefix(200))")
        await setup.demo.stop()
    }

    @Test func noDemoSecretInAnyResponseOrAuditLine() async throws {
        let setup = try await Self.start()
        var texts: [String] = []
        for (_, target) in Self.valid + Self.invalid {
            let reply = try await setup.send(target, token: setup.demo.token)
            texts.append(reply.text + reply.headers.map { "\($0.name): \($0.value)" }.joined())
        }
        texts += setup.audit.lines
        let secrets = [DemoValues.owlopsKey, DemoValues.upkeepPassword, DemoValues.trackopsToken, DemoValues.owoxKeySecret,
                       DemoValues.opsdeckToken, setup.demo.token]
        for text in texts {
            for secret in secrets { #expect(!text.contains(secret)) }
        }
        await setup.demo.stop()
    }
}
