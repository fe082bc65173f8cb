import Document
import Foundation
import HTTP
import Synchronization
import TestSupport
import Testing
@testable import Gateway

/// All five upstreams behind one gateway (in-process origins standing in for the simulators):
/// valid calls return data, invalid calls never reach the origin, each origin sees exactly its
/// vendor's auth, and no secret appears in any response or audit line. Plus faults and shutdown.
@Suite(.serialized) struct PipelineEndToEndTests {
    struct Fleet {
        let gateway: TestGateway
        let origins: [String: FakeOrigin]
        let session: FakeSessionVendor
        let exchange: FakeExchangeVendor
        func stop() async {
            await gateway.stop()
            for o in origins.values { await o.stop() }
        }
    }

    static func fleet() async throws -> Fleet {
        let session = FakeSessionVendor(loginDelay: .zero)
        let exchange = FakeExchangeVendor(exchangeDelay: .zero)
        let basic = "Basic " + Data("\(FakeSecrets.trackopsUser):\(FakeSecrets.trackopsToken)".utf8).base64EncodedString()
        let origins: [String: FakeOrigin] = [
            "owlops": try await staticAuthOrigin(header: "X-Api-Key", value: FakeSecrets.owlopsKey,
                                                 body: ["data": [["id": 1]], "pagination": ["page": 1, "pageSize": 10, "total": 1]]),
            "upkeep": try await FakeOrigin.start { await session.respond($0) },
            "trackops": try await staticAuthOrigin(header: "Authorization", value: basic, body: [["id": 5, "name": "Acme"]]),
            "owox": try await FakeOrigin.start { await exchange.respond($0) },
            "opsdeck": try await staticAuthOrigin(header: "Authorization", value: "Bearer \(FakeSecrets.opsdeckToken)",
                                                  body: [["id": 9, "name": "Ada"]]),
        ]
        let upstreams = [
            TestGateway.upstream("owlops", url: origins["owlops"]!.url, auth: .apiKey(APIKeyAuth(
                placement: .header("X-Api-Key"), secret: FakeSecrets.secret(FakeSecrets.owlopsKey)))),
            TestGateway.upstream("upkeep", url: origins["upkeep"]!.url, auth: .sessionLogin(SessionLoginAuth(
                email: FakeSecrets.upkeepEmail, password: FakeSecrets.secret(FakeSecrets.upkeepPassword)))),
            TestGateway.upstream("trackops", url: origins["trackops"]!.url + "/api/v1", auth: .basic(BasicAuth(
                username: FakeSecrets.trackopsUser, password: FakeSecrets.secret(FakeSecrets.trackopsToken)))),
            TestGateway.upstream("owox", url: origins["owox"]!.url, auth: FakeSecrets.owoxAuth(origin: origins["owox"]!.url)),
            TestGateway.upstream("opsdeck", url: origins["opsdeck"]!.url, auth: .bearer(token: FakeSecrets.secret(FakeSecrets.opsdeckToken))),
        ]
        return Fleet(gateway: try await TestGateway.start(upstreams), origins: origins, session: session, exchange: exchange)
    }

    /// A valid call per upstream and what its origin must have received.
    static let valid: [(upstream: String, target: String, expectedPath: String)] = [
        ("owlops", "/owlops/v1/tasks?pageSize=10", "/v1/tasks"),
        ("upkeep", "/upkeep/api/v2/users?limit=10", "/api/v2/users"),
        ("trackops", "/trackops/clients", "/api/v1/clients"),
        ("owox", "/owox/api/auth/context", "/api/auth/context"),
        ("opsdeck", "/opsdeck/api/v1/users", "/api/v1/users"),
    ]

    @Test func eachUpstreamGetsItsVendorsAuthAndNeverTheCallersToken() async throws {
        let fleet = try await Self.fleet()
        let token = fleet.gateway.token()
        for call in Self.valid {
            let reply = try await fleet.gateway.send(.GET, call.target, token: token)
            #expect(reply.status == 200, "\(call.upstream): \(reply.text)")
            #expect(reply.headers["Via"] == "1.1 gateway")
            let seen = try #require(fleet.origins[call.upstream]!.requests.last)
            #expect(seen.path == call.expectedPath, "\(call.upstream)")
            for field in seen.headers { #expect(!field.value.contains(token), "\(call.upstream) \(field.name)") }
        }
        let basic = "Basic " + Data("\(FakeSecrets.trackopsUser):\(FakeSecrets.trackopsToken)".utf8).base64EncodedString()
        #expect(fleet.origins["trackops"]!.requests.last?.header("Authorization") == basic)
        #expect(fleet.origins["opsdeck"]!.requests.last?.header("Authorization") == "Bearer \(FakeSecrets.opsdeckToken)")
        #expect(fleet.origins["owlops"]!.requests.last?.header("X-Api-Key") == FakeSecrets.owlopsKey)
        #expect(fleet.origins["owlops"]!.requests.last?.header("Authorization") == nil)
        #expect(fleet.origins["upkeep"]!.requests.last?.header("Session-Token") == "r:fake_session_1")
        #expect(fleet.origins["owox"]!.requests.last?.header("x-owox-authorization") == "Bearer fake_access_1")
        await fleet.stop()
    }

    /// An invalid call per upstream: the gateway answers 400 and the origin sees nothing.
    static let invalid: [(upstream: String, target: String)] = [
        ("owlops", "/owlops/v1/tasks?pageSize=100000"),
        ("upkeep", "/upkeep/api/v2/users?limit=abc"),
        ("trackops", "/trackops/clients?undeclared=1"),
        ("owox", "/owox/api/external/http-data/data-marts/dm1.ndjson?offset=5"),
        ("opsdeck", "/opsdeck/api/v1/users?bogus=true"),
    ]

    @Test func invalidCallsAreRejectedAndTheUpstreamSawNothing() async throws {
        let fleet = try await Self.fleet()
        for call in Self.invalid {
            let reply = try await fleet.gateway.send(.GET, call.target, token: fleet.gateway.token())
            #expect(reply.status == 400, "\(call.upstream): \(reply.text)")
            #expect(reply.json?["errors"]?.arrayValue?.isEmpty == false, "\(call.upstream)")
            #expect(fleet.origins[call.upstream]!.requests.isEmpty, "\(call.upstream)")
        }
        await fleet.stop()
    }

    @Test func noSecretAppearsInAnyResponseOrAuditLine() async throws {
        let fleet = try await Self.fleet()
        let token = fleet.gateway.token()
        var texts: [String] = []
        for call in Self.valid + Self.invalid.map({ ($0.upstream, $0.target, "") }) {
            let reply = try await fleet.gateway.send(.GET, call.target, token: token,
                                                     headers: [("Cookie", "sid=caller_cookie_fake_value")])
            texts.append(reply.text)
            texts.append(reply.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n"))
        }
        fleet.session.revokeAll()
        fleet.exchange.revokeAll()
        texts.append(try await fleet.gateway.send(.GET, "/upkeep/api/v2/users", token: token).text)
        texts.append(try await fleet.gateway.send(.GET, "/owox/api/auth/context", token: token).text)
        texts.append(try await fleet.gateway.send(.GET, "/openapi.json").text)
        texts += fleet.gateway.audit.lines
        #expect(fleet.gateway.audit.lines.count == Self.valid.count + Self.invalid.count + 3)  // + 2 after revocation + /openapi.json
        let secrets = FakeSecrets.all + [token, "caller_cookie_fake_value", "r:fake_session_1", "r:fake_session_2",
                                         "fake_access_1", "fake_access_2",
                                         Data("\(FakeSecrets.trackopsUser):\(FakeSecrets.trackopsToken)".utf8).base64EncodedString()]
        for text in texts {
            for secret in secrets { #expect(!text.contains(secret), "leaked \(secret)") }
        }
        await fleet.stop()
    }

    @Test func unreachableUpstreamIs502AndASlowOneIs504() async throws {
        let closedURL = "http://127.0.0.1:\(refusingLoopbackPort())"
        let slow = try await FakeOrigin.start { _ in
            try? await Task.sleep(for: .seconds(2))
            return jsonResponse(200, [])
        }
        let bearer = UpstreamAuth.bearer(token: FakeSecrets.secret(FakeSecrets.opsdeckToken))
        let gateway = try await TestGateway.start([
            TestGateway.upstream("opsdeck", url: closedURL, auth: bearer),
            TestGateway.upstream("owlops", url: slow.url, auth: .apiKey(APIKeyAuth(placement: .header("X-Api-Key"),
                secret: FakeSecrets.secret(FakeSecrets.owlopsKey))),
                timeouts: UpstreamTimeouts(connect: .seconds(1), firstByte: .milliseconds(200), total: .seconds(1))),
        ])
        let refused = try await gateway.send(.GET, "/opsdeck/api/v1/users", token: gateway.token())
        #expect(refused.status == 502)
        #expect(refused.headers["Content-Type"] == "application/problem+json")
        #expect(refused.json?["detail"]?.stringValue?.contains("opsdeck") == true)
        let timedOut = try await gateway.send(.GET, "/owlops/v1/tasks", token: gateway.token())
        #expect(timedOut.status == 504)
        #expect(timedOut.headers["Content-Type"] == "application/problem+json")
        await gateway.stop(); await slow.stop()
    }

    @Test func noFreeUpstreamConnectionIs503() async throws {
        let started = AsyncStream<Void>.makeStream()
        let release = AsyncStream<Void>.makeStream()
        let origin = try await FakeOrigin.start { _ in
            started.continuation.yield()
            var waiting = release.stream.makeAsyncIterator()
            _ = await waiting.next()  // holds the only connection until the test has its answer
            return jsonResponse(200, ["data": [], "pagination": ["page": 1, "pageSize": 10, "total": 0]])
        }
        let gateway = try await TestGateway.start(
            [TestGateway.upstream("owlops", url: origin.url, auth: .apiKey(APIKeyAuth(
                placement: .header("X-Api-Key"), secret: FakeSecrets.secret(FakeSecrets.owlopsKey))),
                timeouts: UpstreamTimeouts(connect: .seconds(5), firstByte: .seconds(60), total: .seconds(60)))],
            pool: ConnectionPoolSettings(maxConnectionsPerUpstream: 1, waitForConnection: .milliseconds(100)))
        let first = Task { try await gateway.send(.GET, "/owlops/v1/tasks", token: gateway.token()) }
        var iterator = started.stream.makeAsyncIterator()
        _ = await iterator.next()  // the only connection is busy
        let second = try await gateway.send(.GET, "/owlops/v1/tasks", token: gateway.token())
        #expect(second.status == 503)
        #expect(second.headers["Content-Type"] == "application/problem+json")
        #expect(second.headers["Retry-After"] != nil)
        release.continuation.finish()
        let firstReply = try await first.value
        #expect(firstReply.status == 200, "\(firstReply.text)")
        await gateway.stop(); await origin.stop()
    }

    @Test func gracefulShutdownLetsInFlightRequestsFinish() async throws {
        let started = AsyncStream<Void>.makeStream()
        let origin = try await FakeOrigin.start { _ in
            started.continuation.yield()
            try? await Task.sleep(for: .milliseconds(300))
            return jsonResponse(200, ["data": [], "pagination": ["page": 1, "pageSize": 10, "total": 0]])
        }
        let gateway = try await TestGateway.start([TestGateway.upstream("owlops", url: origin.url, auth: .apiKey(APIKeyAuth(
            placement: .header("X-Api-Key"), secret: FakeSecrets.secret(FakeSecrets.owlopsKey))))])
        let inFlight = Task { try await gateway.send(.GET, "/owlops/v1/tasks", token: gateway.token()) }
        var iterator = started.stream.makeAsyncIterator()
        _ = await iterator.next()
        let clean = await gateway.server.shutdown(gracePeriod: .seconds(5))
        let reply = try await inFlight.value
        #expect(reply.status == 200)
        #expect(clean)
        await origin.stop()
    }
}
