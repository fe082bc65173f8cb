import Document
import HTTP
import Testing
@testable import Gateway

/// Steps 3, 5 and 8: routing (404/405), validation (every violation, nothing forwarded), and
/// forwarding (headers stripped and added, responses passed through with Via).
@Suite struct PipelineForwardingTests {
    static func owlops(_ respond: (@Sendable (ReceivedRequest) async -> HTTPServerResponse)? = nil) async throws -> (FakeOrigin, TestGateway) {
        let origin = try await FakeOrigin.start(respond ?? { _ in
            jsonResponse(200, ["data": [], "pagination": ["page": 1, "pageSize": 10, "total": 0]],
                         headers: [("X-Upstream-Trace", "t-1"), ("Set-Cookie", "upstream=1")])
        })
        let auth = UpstreamAuth.apiKey(APIKeyAuth(placement: .header("X-Api-Key"), secret: FakeSecrets.secret(FakeSecrets.owlopsKey)))
        let gateway = try await TestGateway.start([TestGateway.upstream("owlops", url: origin.url, auth: auth)])
        return (origin, gateway)
    }

    @Test func unknownMountAndUnknownPathAre404ProblemJSON() async throws {
        let (origin, gateway) = try await Self.owlops()
        for path in ["/nope/v1/tasks", "/owlopsx/v1/tasks", "/owlops/v1/nothing-here"] {
            let reply = try await gateway.send(.GET, path, token: gateway.token())
            #expect(reply.status == 404, "\(path)")
            #expect(reply.headers["Content-Type"] == "application/problem+json")
            #expect(reply.json?["status"] == 404)
        }
        #expect(origin.requests.isEmpty)
        await gateway.stop(); await origin.stop()
    }

    @Test func wrongMethodIs405WithAllow() async throws {
        let (origin, gateway) = try await Self.owlops()
        let reply = try await gateway.send(.DELETE, "/owlops/v1/tasks", token: gateway.token())
        #expect(reply.status == 405)
        #expect(reply.headers["Allow"]?.contains("GET") == true)
        #expect(reply.json?["title"]?.stringValue == "Method Not Allowed")
        #expect(origin.requests.isEmpty)
        await gateway.stop(); await origin.stop()
    }

    @Test func invalidRequestIs400ListingEveryViolationAndNothingIsForwarded() async throws {
        let (origin, gateway) = try await Self.owlops()
        let reply = try await gateway.send(.GET, "/owlops/v1/tasks?pageSize=9999&page=0&bogus=1", token: gateway.token(),
                                           headers: [("X-Request-Id", "req-validation-1")])
        #expect(reply.status == 400)
        #expect(reply.headers["Content-Type"] == "application/problem+json")
        let json = try #require(reply.json)
        #expect(json["instance"]?.stringValue == "req-validation-1")
        let errors = try #require(json["errors"]?.arrayValue)
        let names = Set(errors.compactMap { $0["name"]?.stringValue })
        #expect(names.isSuperset(of: ["pageSize", "page", "bogus"]), "\(errors)")
        for error in errors {
            #expect(error["in"]?.stringValue == "query")
            #expect(error["pointer"]?.stringValue != nil)
            #expect(error["message"]?.stringValue?.isEmpty == false)
        }
        #expect(origin.requests.isEmpty)
        await gateway.stop(); await origin.stop()
    }

    @Test func forwardedRequestCarriesUpstreamAuthNotTheCallersAndGatewayHeaders() async throws {
        let (origin, gateway) = try await Self.owlops()
        let reply = try await gateway.send(.GET, "/owlops/v1/tasks?page=2&pageSize=5", token: gateway.token(), headers: [
            ("Cookie", "session=caller-cookie"), ("X-Request-Id", "caller-req-42"), ("Connection", "close, X-Hop"),
            ("X-Hop", "should-not-pass"), ("Keep-Alive", "timeout=5"), ("X-Api-Key", "caller-supplied-key"),
            ("Accept", "application/json"), ("Forwarded", "for=10.0.0.1"),
        ])
        #expect(reply.status == 200)
        let seen = try #require(origin.requests.first)
        #expect(seen.target == "/v1/tasks?page=2&pageSize=5")
        #expect(seen.header("X-Api-Key") == FakeSecrets.owlopsKey)
        #expect(seen.headers.values(for: "X-Api-Key").count == 1)
        #expect(seen.header("Authorization") == nil)
        #expect(seen.header("Cookie") == nil)
        #expect(seen.header("X-Hop") == nil)
        #expect(seen.header("Keep-Alive") == nil)
        #expect(seen.header("Accept") == "application/json")
        #expect(seen.header("X-Request-Id") == "caller-req-42")
        #expect(seen.header("Forwarded")?.hasPrefix("for=10.0.0.1, for=127.0.0.1;proto=http") == true)
        #expect(seen.header("Via") == "1.1 gateway")
        for field in seen.headers { #expect(!field.value.contains(gateway.token()), "\(field.name)") }
        await gateway.stop(); await origin.stop()
    }

    @Test func invalidCallerRequestIdIsReplaced() async throws {
        let (origin, gateway) = try await Self.owlops()
        let reply = try await gateway.send(.GET, "/owlops/v1/tasks", token: gateway.token(), headers: [("X-Request-Id", "bad id with spaces")])
        #expect(reply.status == 200)
        let id = try #require(origin.requests.first?.header("X-Request-Id"))
        #expect(id != "bad id with spaces")
        #expect(id.count == 32)
        await gateway.stop(); await origin.stop()
    }

    @Test func upstreamResponsePassesThroughUnchangedPlusVia() async throws {
        let (origin, gateway) = try await Self.owlops()
        let reply = try await gateway.send(.GET, "/owlops/v1/tasks", token: gateway.token())
        #expect(reply.status == 200)
        #expect(reply.headers["X-Upstream-Trace"] == "t-1")
        #expect(reply.headers["Set-Cookie"] == "upstream=1")
        #expect(reply.headers["Via"] == "1.1 gateway")
        #expect(reply.json?["pagination"]?["page"] == 1)
        await gateway.stop(); await origin.stop()
    }

    @Test func upstreamErrorsPassThroughAndStaticCredentialsAreNotRetried() async throws {
        let (origin, gateway) = try await Self.owlops { _ in
            jsonResponse(401, ["error": "Unauthorized", "statusCode": 401])
        }
        let reply = try await gateway.send(.GET, "/owlops/v1/tasks", token: gateway.token())
        #expect(reply.status == 401)
        #expect(reply.headers["Content-Type"] == "application/json")
        #expect(reply.json?["error"]?.stringValue == "Unauthorized")
        #expect(origin.requests.count == 1)
        await gateway.stop(); await origin.stop()
    }

    @Test func largeResponseBodiesStreamThrough() async throws {
        let big = [UInt8]((0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let (origin, gateway) = try await Self.owlops { _ in
            HTTPServerResponse(status: .ok, headers: ["Content-Type": "application/octet-stream"], body: .stream { writer in
                var offset = 0
                while offset < big.count {
                    try await writer.write(Array(big[offset..<min(offset + 65536, big.count)]))
                    offset += 65536
                }
            })
        }
        let reply = try await gateway.send(.GET, "/owlops/v1/tasks", token: gateway.token())
        #expect(reply.status == 200)
        #expect(reply.body == big)
        await gateway.stop(); await origin.stop()
    }
}
