import Document
import HTTP
import Synchronization
import Testing
@testable import Gateway

/// Step 6 in the pipeline: the limiters of `RateLimit/` (their exactness is tested with them); here,
/// what the caller sees and that only requests that will be sent spend budget.
@Suite struct PipelineRateLimitTests {
    static let owlopsAuth = UpstreamAuth.apiKey(APIKeyAuth(placement: .header("X-Api-Key"), secret: FakeSecrets.secret(FakeSecrets.owlopsKey)))
    static let okBody: JSONValue = ["data": [], "pagination": ["page": 1, "pageSize": 10, "total": 0]]

    @Test func clientOverItsLimitGets429ProblemWithRetryAfterAndTheUpstreamSeesNothing() async throws {
        let origin = try await FakeOrigin.start { _ in jsonResponse(200, Self.okBody) }
        let gateway = try await TestGateway.start([TestGateway.upstream("owlops", url: origin.url, auth: Self.owlopsAuth)],
                                                  clientLimits: ["team-a": RateLimitConfiguration(rate: 1, period: .seconds(60), policy: .reject)])
        #expect(try await gateway.send(.GET, "/owlops/v1/tasks", token: gateway.token()).status == 200)
        let limited = try await gateway.send(.GET, "/owlops/v1/tasks", token: gateway.token())
        #expect(limited.status == 429)
        #expect(limited.headers["Content-Type"] == "application/problem+json")
        #expect(Int(limited.headers["Retry-After"] ?? "") ?? 0 >= 1)
        #expect(limited.headers["RateLimit-Policy"] != nil)
        #expect(limited.json?["status"] == 429)
        #expect(origin.requests.count == 1)
        let metrics = try #require(try await gateway.send(.GET, "/metrics").json?["rateLimits"]?.arrayValue)
        let client = try #require(metrics.first { $0["scope"]?.stringValue == "client" && $0["name"]?.stringValue == "team-a" })
        #expect(client["admitted"] == 1)
        #expect(client["rejected"] == 1)
        #expect(metrics.contains { $0["scope"]?.stringValue == "upstream" && $0["name"]?.stringValue == "owlops" })
        await gateway.stop(); await origin.stop()
    }

    @Test func invalidAndUnauthenticatedRequestsSpendNoBudget() async throws {
        let origin = try await FakeOrigin.start { _ in jsonResponse(200, Self.okBody) }
        let gateway = try await TestGateway.start(
            [TestGateway.upstream("owlops", url: origin.url, auth: Self.owlopsAuth,
                                  rateLimit: RateLimitConfiguration(rate: 1, period: .seconds(60), policy: .reject))],
            clientLimits: ["team-a": RateLimitConfiguration(rate: 1, period: .seconds(60), policy: .reject)])
        #expect(try await gateway.send(.GET, "/owlops/v1/tasks?pageSize=0", token: gateway.token()).status == 400)
        #expect(try await gateway.send(.GET, "/owlops/v1/tasks").status == 401)
        #expect(try await gateway.send(.GET, "/owlops/v1/tasks", token: gateway.token()).status == 200)
        #expect(try await gateway.send(.GET, "/owlops/v1/tasks", token: gateway.token()).status == 429)
        await gateway.stop(); await origin.stop()
    }

    @Test func upstream429PausesTheUpstreamAndTheCallerGetsOneRetry() async throws {
        let calls = Mutex(0)
        let origin = try await FakeOrigin.start { _ in
            let n = calls.withLock { $0 += 1; return $0 }
            if n == 1 {
                return jsonResponse(429, ["error": "Too Many Requests", "statusCode": 429], headers: [("Retry-After", "0")])
            }
            return jsonResponse(200, Self.okBody)
        }
        let gateway = try await TestGateway.start([TestGateway.upstream("owlops", url: origin.url, auth: Self.owlopsAuth)])
        let reply = try await gateway.send(.GET, "/owlops/v1/tasks", token: gateway.token())
        #expect(reply.status == 200)
        #expect(origin.requests.count == 2)
        await gateway.stop(); await origin.stop()
    }

    @Test func upstream429ThatOutlastsTheQueueBoundPassesThroughUnchanged() async throws {
        let origin = try await FakeOrigin.start { _ in
            jsonResponse(429, ["error": "Too Many Requests", "statusCode": 429], headers: [("Retry-After", "120")])
        }
        let gateway = try await TestGateway.start([TestGateway.upstream("owlops", url: origin.url, auth: Self.owlopsAuth)])
        let reply = try await gateway.send(.GET, "/owlops/v1/tasks", token: gateway.token())
        #expect(reply.status == 429)
        #expect(reply.headers["Retry-After"] == "120")
        #expect(reply.json?["statusCode"] == 429)
        #expect(origin.requests.count == 1)
        await gateway.stop(); await origin.stop()
    }
}
