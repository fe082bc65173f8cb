import Document
import HTTP
import Testing
import Foundation
@testable import Gateway

/// Step 7: token strategies (UpKeep session login, OWOX key exchange): single flight, refresh and
/// one retry on 401, 502 on failure without secrets, logout on shutdown.
@Suite(.serialized) struct PipelineCredentialTests {
    static func upkeep(_ vendor: FakeSessionVendor) async throws -> (FakeOrigin, TestGateway) {
        let origin = try await FakeOrigin.start { await vendor.respond($0) }
        let auth = UpstreamAuth.sessionLogin(SessionLoginAuth(email: FakeSecrets.upkeepEmail,
                                                              password: FakeSecrets.secret(FakeSecrets.upkeepPassword)))
        return (origin, try await TestGateway.start([TestGateway.upstream("upkeep", url: origin.url, auth: auth)]))
    }

    static func owox(_ vendor: FakeExchangeVendor) async throws -> (FakeOrigin, TestGateway) {
        let origin = try await FakeOrigin.start { await vendor.respond($0) }
        return (origin, try await TestGateway.start([TestGateway.upstream("owox", url: origin.url, auth: FakeSecrets.owoxAuth(origin: origin.url))]))
    }

    @Test func sessionLoginSendsSessionTokenAndNeverTheCallersToken() async throws {
        let vendor = FakeSessionVendor(loginDelay: .zero)
        let (origin, gateway) = try await Self.upkeep(vendor)
        let reply = try await gateway.send(.GET, "/upkeep/api/v2/users?limit=5", token: gateway.token())
        #expect(reply.status == 200)
        let calls = origin.requests
        #expect(calls.map(\.method) == ["POST", "GET"])
        #expect(calls[0].path == "/api/v2/auth")
        #expect(calls[1].header("Session-Token") == "r:fake_session_1")
        #expect(calls[1].header("Authorization") == nil)
        await gateway.stop(); await origin.stop()
    }

    @Test func twoHundredConcurrentColdRequestsCauseExactlyOneLogin() async throws {
        let vendor = FakeSessionVendor(loginDelay: .milliseconds(100))
        let (origin, gateway) = try await Self.upkeep(vendor)
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<200 {
                group.addTask { try await gateway.send(.GET, "/upkeep/api/v2/users", token: gateway.token()).status }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.count == 200)
        #expect(statuses.allSatisfy { $0 == 200 })
        #expect(vendor.logins == 1)
        await gateway.stop(); await origin.stop()
    }

    @Test func revokedSessionIsRefreshedOnceAndTheRequestRetriedOnce() async throws {
        let vendor = FakeSessionVendor(loginDelay: .zero)
        let (origin, gateway) = try await Self.upkeep(vendor)
        #expect(try await gateway.send(.GET, "/upkeep/api/v2/users", token: gateway.token()).status == 200)
        vendor.revokeAll()
        let reply = try await gateway.send(.GET, "/upkeep/api/v2/users", token: gateway.token())
        #expect(reply.status == 200)
        #expect(vendor.logins == 2)
        let gets = origin.requests.filter { $0.method == "GET" }
        #expect(gets.count == 3)  // ok, 401 with the revoked session, retry with the new one
        #expect(gets.last?.header("Session-Token") == "r:fake_session_2")
        await gateway.stop(); await origin.stop()
    }

    @Test func anExpiringSessionIsRenewedBeforeItsExpiry() async throws {
        let vendor = FakeSessionVendor(loginDelay: .zero)
        vendor.state.withLock { $0.expiresIn = 0.2 }
        let (origin, gateway) = try await Self.upkeep(vendor)
        #expect(try await gateway.send(.GET, "/upkeep/api/v2/users", token: gateway.token()).status == 200)
        try await Task.sleep(for: .milliseconds(250))  // let the 0.2 s session expire (time itself is the input)
        #expect(try await gateway.send(.GET, "/upkeep/api/v2/users", token: gateway.token()).status == 200)
        #expect(vendor.logins == 2)
        #expect(origin.requests.filter { $0.method == "GET" }.count == 2)  // no 401 round trip: renewed ahead
        await gateway.stop(); await origin.stop()
    }

    @Test func aSecond401AfterRefreshIsPassedOnWithoutLooping() async throws {
        let vendor = FakeSessionVendor(loginDelay: .zero)
        let origin = try await FakeOrigin.start { r in
            if r.path == "/api/v2/auth" { return await vendor.respond(r) }
            return jsonResponse(401, ["success": false, "message": "Unauthorized"])
        }
        let auth = UpstreamAuth.sessionLogin(SessionLoginAuth(email: FakeSecrets.upkeepEmail,
                                                              password: FakeSecrets.secret(FakeSecrets.upkeepPassword)))
        let gateway = try await TestGateway.start([TestGateway.upstream("upkeep", url: origin.url, auth: auth)])
        let reply = try await gateway.send(.GET, "/upkeep/api/v2/users", token: gateway.token())
        #expect(reply.status == 401)
        #expect(origin.requests.filter { $0.method == "GET" }.count == 2)
        #expect(vendor.logins == 2)
        await gateway.stop(); await origin.stop()
    }

    @Test func loginFailureIs502NamingUpstreamAndStageWithoutSecretsOrTheRawBody() async throws {
        let vendor = FakeSessionVendor(loginDelay: .zero)
        vendor.failLogins(true)
        let (origin, gateway) = try await Self.upkeep(vendor)
        let reply = try await gateway.send(.GET, "/upkeep/api/v2/users", token: gateway.token())
        #expect(reply.status == 502)
        #expect(reply.headers["Content-Type"] == "application/problem+json")
        let detail = try #require(reply.json?["detail"]?.stringValue)
        #expect(detail.contains("upkeep"))
        #expect(detail.contains("session login"))
        #expect(!reply.text.contains(FakeSecrets.upkeepPassword))
        #expect(!reply.text.contains("invalid password"))  // the upstream's raw auth answer stays inside
        #expect(!reply.text.contains(FakeSecrets.upkeepEmail))
        let ready = try await gateway.send(.GET, "/readyz")
        #expect(ready.status == 503)
        #expect(ready.json?["failing"]?["upkeep"] != nil)
        vendor.failLogins(false)
        #expect(try await gateway.send(.GET, "/upkeep/api/v2/users", token: gateway.token()).status == 200)
        #expect(try await gateway.send(.GET, "/readyz").status == 200)
        await gateway.stop(); await origin.stop()
    }

    @Test func shutdownLogsTheSessionOut() async throws {
        let vendor = FakeSessionVendor(loginDelay: .zero)
        let (origin, gateway) = try await Self.upkeep(vendor)
        #expect(try await gateway.send(.GET, "/upkeep/api/v2/users", token: gateway.token()).status == 200)
        await gateway.stop()
        #expect(vendor.state.withLock { $0.loggedOut } == ["r:fake_session_1"])
        #expect(origin.requests.last?.method == "DELETE")
        await origin.stop()
    }

    @Test func gatewayOwnedLoginRouteIsNotForwarded() async throws {
        let vendor = FakeSessionVendor(loginDelay: .zero)
        let (origin, gateway) = try await Self.upkeep(vendor)
        let body = Array(#"{"email":"x@example.invalid","password":"p"}"#.utf8)
        let post = try await gateway.send(.POST, "/upkeep/api/v2/auth", token: gateway.token(),
                                          headers: [("Content-Type", "application/json")], body: body)
        #expect(post.status == 404)
        let delete = try await gateway.send(.DELETE, "/upkeep/api/v2/auth", token: gateway.token())
        #expect(delete.status == 404)
        #expect(origin.requests.isEmpty)
        await gateway.stop(); await origin.stop()
    }

    @Test func keyExchangeSendsOWOXHeadersWithSingleFlightAndRecoversFromRevocation() async throws {
        let vendor = FakeExchangeVendor(exchangeDelay: .milliseconds(100))
        let (origin, gateway) = try await Self.owox(vendor)
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<200 {
                group.addTask { try await gateway.send(.GET, "/owox/api/auth/context", token: gateway.token()).status }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.allSatisfy { $0 == 200 })
        #expect(vendor.exchanges == 1)
        let exchange = try #require(origin.requests.first)
        #expect(exchange.path == "/api/auth/api-keys/exchange")
        #expect(exchange.header("X-OWOX-Api-Key-Id") == FakeSecrets.owoxKeyId)
        let call = try #require(origin.requests.last)
        #expect(call.header("x-owox-authorization") == "Bearer fake_access_1")
        #expect(call.header("X-OWOX-Api-Key-Id") == FakeSecrets.owoxKeyId)
        #expect(call.header("Authorization") == nil)
        vendor.revokeAll()
        #expect(try await gateway.send(.GET, "/owox/api/auth/context", token: gateway.token()).status == 200)
        #expect(vendor.exchanges == 2)
        await gateway.stop(); await origin.stop()
    }

    @Test func failedExchangeIs502WithoutTheKeySecret() async throws {
        let vendor = FakeExchangeVendor(exchangeDelay: .zero)
        let origin = try await FakeOrigin.start { await vendor.respond($0) }
        let key = ConfigFixtures.owoxKey(origin: origin.url, id: "pmk_wrong_id_fake", secret: FakeSecrets.owoxSecret)
        guard case .success(let decoded) = OWOXAPIKey.decode(FakeSecrets.secret(key)) else { Issue.record("key"); return }
        let auth = UpstreamAuth.keyExchange(KeyExchangeAuth(key: FakeSecrets.secret(key), decoded: decoded))
        let gateway = try await TestGateway.start([TestGateway.upstream("owox", url: origin.url, auth: auth)])
        let reply = try await gateway.send(.GET, "/owox/api/auth/context", token: gateway.token())
        #expect(reply.status == 502)
        #expect(reply.json?["detail"]?.stringValue?.contains("key exchange") == true)
        #expect(!reply.text.contains(FakeSecrets.owoxSecret))
        #expect(!reply.text.contains("bad key"))
        await gateway.stop(); await origin.stop()
    }

    @Test func tokenCacheFetchesOnceForConcurrentCallersAndAgainAfterInvalidation() async throws {
        let cache = TokenCache { () async throws(CredentialFailure) -> IssuedToken in
            try? await Task.sleep(for: .milliseconds(20))
            return IssuedToken(value: "fake-token", lifetime: .seconds(60))
        }
        let generations = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<200 { group.addTask { (try? await cache.token().generation) ?? -1 } }
            return await group.reduce(into: Set<Int>()) { $0.insert($1) }
        }
        #expect(generations == [1])
        #expect(await cache.fetchCount == 1)
        await cache.invalidate(generation: 7)  // an old generation: kept
        #expect(try await cache.token().generation == 1)
        await cache.invalidate(generation: 1)
        #expect(try await cache.token().generation == 2)
        #expect(await cache.fetchCount == 2)
    }

    @Test func sessionLifetimeIsExpiryMinusMargin() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(SessionLoginCredential.lifetime(until: now.addingTimeInterval(3600), now: now) == .seconds(3540))
        #expect(SessionLoginCredential.lifetime(until: now.addingTimeInterval(100), now: now) == .seconds(90))
        #expect(SessionLoginCredential.lifetime(until: now.addingTimeInterval(-5), now: now) == .zero)
        #expect(SessionLoginCredential.parseDate("2018-12-31T00:00:00.000Z") != nil)
        #expect(SessionLoginCredential.parseDate("2018-12-31T00:00:00Z") != nil)
    }
}
