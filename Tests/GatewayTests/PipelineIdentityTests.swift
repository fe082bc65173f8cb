import Document
import HTTP
import Testing
@testable import Gateway

/// Step 4: the caller's one bearer token (401 with WWW-Authenticate, 403 when not allowed), as problem+json.
@Suite struct PipelineIdentityTests {
    static func owlops() async throws -> (FakeOrigin, TestGateway) {
        let origin = try await staticAuthOrigin(header: "X-Api-Key", value: FakeSecrets.owlopsKey,
                                                body: ["data": [], "pagination": ["page": 1, "pageSize": 10, "total": 0]])
        let auth = UpstreamAuth.apiKey(APIKeyAuth(placement: .header("X-Api-Key"), secret: FakeSecrets.secret(FakeSecrets.owlopsKey)))
        let gateway = try await TestGateway.start([TestGateway.upstream("owlops", url: origin.url, auth: auth)],
                                                  clients: ["team-a": (["owlops"], [:]), "team-b": (["owlops"], ["owlops": ["getTask"]]),
                                                            "team-c": (["opsdeck"], [:])])
        return (origin, gateway)
    }

    @Test func missingTokenIs401WithBearerChallengeAndProblemJSON() async throws {
        let (origin, gateway) = try await Self.owlops()
        let reply = try await gateway.send(.GET, "/owlops/v1/tasks", headers: [("X-Request-Id", "req-identity-1")])
        #expect(reply.status == 401)
        #expect(reply.headers["WWW-Authenticate"] == #"Bearer realm="gateway""#)
        #expect(reply.headers["Content-Type"] == "application/problem+json")
        let json = try #require(reply.json)
        #expect(json["status"] == 401)
        #expect(json["title"]?.stringValue == "Unauthorized")
        #expect(json["type"]?.stringValue?.hasSuffix("/unauthorized") == true)
        #expect(json["instance"]?.stringValue == "req-identity-1")
        #expect(json["detail"]?.stringValue?.isEmpty == false)
        #expect(origin.requests.isEmpty)
        await gateway.stop(); await origin.stop()
    }

    @Test func malformedAndUnknownTokensAre401InvalidToken() async throws {
        let (origin, gateway) = try await Self.owlops()
        let unknown = ClientToken.create()!.token
        for value in ["Bearer", "Basic dXNlcjpwYXNz", "Bearer gw_short", "Bearer \(unknown)", "Bearer  \(gateway.token())",
                      "Bearer \(gateway.token())x"] {
            let reply = try await gateway.send(.GET, "/owlops/v1/tasks", headers: [("Authorization", value)])
            #expect(reply.status == 401, "\(value)")
            #expect(reply.headers["WWW-Authenticate"]?.contains(#"error="invalid_token""#) == true, "\(value)")
        }
        #expect(origin.requests.isEmpty)
        await gateway.stop(); await origin.stop()
    }

    @Test func schemeIsCaseInsensitiveAndAValidTokenPasses() async throws {
        let (origin, gateway) = try await Self.owlops()
        let reply = try await gateway.send(.GET, "/owlops/v1/tasks", headers: [("Authorization", "bearer \(gateway.token())")])
        #expect(reply.status == 200)
        #expect(origin.requests.count == 1)
        await gateway.stop(); await origin.stop()
    }

    @Test func clientNotAllowedOnUpstreamOrOperationIs403() async throws {
        let (origin, gateway) = try await Self.owlops()
        let other = try await gateway.send(.GET, "/owlops/v1/tasks", token: gateway.token("team-c"))
        #expect(other.status == 403)
        #expect(other.json?["detail"]?.stringValue?.contains("owlops") == true)
        let limited = try await gateway.send(.GET, "/owlops/v1/tasks", token: gateway.token("team-b"))
        #expect(limited.status == 403)
        #expect(limited.headers["Content-Type"] == "application/problem+json")
        let allowed = try await gateway.send(.GET, "/owlops/v1/tasks/7", token: gateway.token("team-b"))
        #expect(allowed.status == 200)
        #expect(origin.requests.count == 1)
        await gateway.stop(); await origin.stop()
    }

    @Test func tokensAreGwPrefixedBase64urlAndOnlyTheirHashIsCompared() {
        let (token, hex) = ClientToken.create()!
        #expect(token.hasPrefix("gw_"))
        #expect(token.count == 46)
        #expect(ClientToken.isWellFormed(token))
        #expect(hex == Crypto.hex(Crypto.sha256(Array(token.utf8))))
        #expect(ClientToken.create()!.token != token)
        let identifier = CallerIdentifier(clients: [ClientConfiguration(name: "a", tokenSHA256: ClientToken.hash(token), upstreams: ["x"])])
        var headers = HTTPHeaders()
        headers.add(name: "Authorization", value: "Bearer \(token)")
        #expect((try? identifier.identify(headers))?.name == "a")
        headers.add(name: "Authorization", value: "Bearer \(token)")
        #expect((try? identifier.identify(headers)) == nil)  // two Authorization fields are refused
    }

    @Test func cryptoPrimitivesMatchKnownVectors() {
        #expect(Crypto.hex(Crypto.sha256(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Crypto.base64url([0xfb, 0xff]) == "-_8")
        #expect(Crypto.base64url(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(Crypto.constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!Crypto.constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!Crypto.constantTimeEquals([1, 2], [1, 2, 3]))
        #expect(Crypto.randomBytes(count: 32)?.count == 32)
    }
}
