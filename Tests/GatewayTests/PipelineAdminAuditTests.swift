import Document
import Foundation
import HTTP
import Testing
@testable import Gateway

/// Admin endpoints (`/openapi.json` with ETag/304, `/healthz`, `/readyz`) and the audit log.
@Suite struct PipelineAdminAuditTests {
    @Test func openAPIDocumentHasETagAnd304AndLeavesOutGatewayOwnedOperations() async throws {
        let vendor = FakeSessionVendor(loginDelay: .zero)
        let origin = try await FakeOrigin.start { await vendor.respond($0) }
        let auth = UpstreamAuth.sessionLogin(SessionLoginAuth(email: FakeSecrets.upkeepEmail,
                                                              password: FakeSecrets.secret(FakeSecrets.upkeepPassword)))
        let gateway = try await TestGateway.start([TestGateway.upstream("upkeep", url: origin.url, auth: auth),
                                                   TestGateway.upstream("owox", url: origin.url, auth: FakeSecrets.owoxAuth(origin: origin.url))])
        let reply = try await gateway.send(.GET, "/openapi.json")
        #expect(reply.status == 200)
        #expect(reply.headers["Content-Type"] == "application/json")
        let etag = try #require(reply.headers["ETag"])
        let doc = try #require(reply.json)
        #expect(doc["servers"]?.arrayValue?.first?["url"]?.stringValue == "http://gateway.test")
        let paths = try #require(doc["paths"]?.objectValue)
        #expect(paths.contains("/upkeep/api/v2/users"))
        #expect(paths.contains("/owox/api/auth/context"))
        #expect(!paths.contains("/upkeep/api/v2/auth"))
        #expect(!paths.contains("/owox/api/auth/api-keys/exchange"))
        let again = try await gateway.send(.GET, "/openapi.json", headers: [("If-None-Match", etag)])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        #expect(again.headers["ETag"] == etag)
        let weak = try await gateway.send(.GET, "/openapi.json", headers: [("If-None-Match", "\"other\", W/\(etag)")])
        #expect(weak.status == 304)
        let stale = try await gateway.send(.GET, "/openapi.json", headers: [("If-None-Match", "\"stale\"")])
        #expect(stale.status == 200)
        #expect(origin.requests.isEmpty)
        await gateway.stop(); await origin.stop()
    }

    @Test func healthAndReadinessNeedNoToken() async throws {
        let origin = try await staticAuthOrigin(header: "Authorization", value: "Bearer \(FakeSecrets.opsdeckToken)", body: [])
        let gateway = try await TestGateway.start([TestGateway.upstream("opsdeck", url: origin.url,
                                                                        auth: .bearer(token: FakeSecrets.secret(FakeSecrets.opsdeckToken)))])
        let health = try await gateway.send(.GET, "/healthz")
        #expect(health.status == 200)
        #expect(health.json?["status"]?.stringValue == "ok")
        let ready = try await gateway.send(.GET, "/readyz")
        #expect(ready.status == 200)
        #expect(ready.json?["status"]?.stringValue == "ready")
        let post = try await gateway.send(.POST, "/healthz")
        #expect(post.status == 405)
        #expect(post.headers["Allow"] == "GET, HEAD")
        await gateway.stop(); await origin.stop()
    }

    @Test func everyRequestGetsOneAuditLineWithItsOutcome() async throws {
        let origin = try await staticAuthOrigin(header: "X-Api-Key", value: FakeSecrets.owlopsKey,
                                                body: ["data": [], "pagination": ["page": 1, "pageSize": 10, "total": 0]])
        let auth = UpstreamAuth.apiKey(APIKeyAuth(placement: .header("X-Api-Key"), secret: FakeSecrets.secret(FakeSecrets.owlopsKey)))
        let gateway = try await TestGateway.start([TestGateway.upstream("owlops", url: origin.url, auth: auth)])
        _ = try await gateway.send(.GET, "/owlops/v1/tasks?page=1", token: gateway.token(), headers: [("X-Request-Id", "audit-ok")])
        _ = try await gateway.send(.GET, "/owlops/v1/tasks?pageSize=0", token: gateway.token(), headers: [("X-Request-Id", "audit-bad")])
        _ = try await gateway.send(.GET, "/owlops/v1/tasks", headers: [("X-Request-Id", "audit-anon")])
        let lines = gateway.audit.lines
        #expect(lines.count == 3)
        let records = try lines.map { try JSONReader.parse(Array($0.utf8)) }
        let ok = try #require(records.first { $0["requestId"]?.stringValue == "audit-ok" })
        #expect(ok["client"]?.stringValue == "team-a")
        #expect(ok["upstream"]?.stringValue == "owlops")
        #expect(ok["operationId"]?.stringValue == "listTasks")
        #expect(ok["method"]?.stringValue == "GET")
        #expect(ok["path"]?.stringValue == "/owlops/v1/tasks")
        #expect(ok["upstreamStatus"] == 200)
        #expect(ok["status"] == 200)
        #expect((ok["bytesOut"]?.numberValue?.intValue ?? 0) > 0)
        #expect(ok["rejection"] == .null)
        #expect(ok["durationMs"]?.numberValue != nil)
        #expect(ok["upstreamMs"]?.numberValue != nil)
        #expect(ok["time"]?.stringValue?.hasSuffix("Z") == true)
        let bad = try #require(records.first { $0["requestId"]?.stringValue == "audit-bad" })
        #expect(bad["status"] == 400)
        #expect(bad["rejection"]?.stringValue == "invalid-request")
        #expect(bad["upstreamStatus"] == .null)
        let anon = try #require(records.first { $0["requestId"]?.stringValue == "audit-anon" })
        #expect(anon["status"] == 401)
        #expect(anon["client"] == .null)
        await gateway.stop(); await origin.stop()
    }

    @Test func auditLinesToAFileAreAppended() throws {
        let path = NSTemporaryDirectory() + "gateway-audit-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let log = try #require(AuditLog.file(path))
        let context = RequestContext(request: HTTPServerRequest(head: HTTPRequestHead(method: .GET, target: "/x?secret=1"),
                                                                body: .empty, remoteAddress: "127.0.0.1"),
                                     requestId: "file-1", receivedAt: 0)
        log.record(AuditRecord(context: context, status: 404, bytesOut: 10, duration: .milliseconds(3)))
        log.record(AuditRecord(context: context, status: 404, bytesOut: 10, duration: .milliseconds(3)))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 2)
        #expect(!text.contains("secret"))  // the query is never logged
        #expect(text.contains(#""time":"1970-01-01T00:00:00.000Z""#))
    }
}
