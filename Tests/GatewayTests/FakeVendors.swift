import Document
import Foundation
import HTTP
import Synchronization

/// An UpKeep-like origin: `POST /api/v2/auth` (JSON email/password) issues `r:fake_session_N`,
/// `DELETE /api/v2/auth` ends it, other calls need a live `Session-Token`.
final class FakeSessionVendor: Sendable {
    struct State {
        var logins = 0
        var live: Set<String> = []
        var next = 0
        var failLogin = false
        var loggedOut: [String] = []
        var expiresIn: TimeInterval = 3600
    }
    let state = Mutex(State())
    /// Latency of a login, so concurrent cold requests overlap it.
    let loginDelay: Duration

    init(loginDelay: Duration = .milliseconds(50)) { self.loginDelay = loginDelay }

    var logins: Int { state.withLock { $0.logins } }
    /// Ends every session (the next call with any old token gets 401).
    func revokeAll() { state.withLock { $0.live.removeAll() } }
    func failLogins(_ fail: Bool) { state.withLock { $0.failLogin = fail } }

    func respond(_ r: ReceivedRequest) async -> HTTPServerResponse {
        if r.path == "/api/v2/auth" && r.method == "POST" {
            try? await Task.sleep(for: loginDelay)
            let body = try? JSONReader.parse(r.body)
            let ok = body?["email"]?.stringValue == FakeSecrets.upkeepEmail && body?["password"]?.stringValue == FakeSecrets.upkeepPassword
            let (token, fail, expires): (String?, Bool, TimeInterval) = state.withLock { s in
                s.logins += 1
                if s.failLogin || !ok { return (nil, true, 0) }
                s.next += 1
                let token = "r:fake_session_\(s.next)"
                s.live.insert(token)
                return (token, false, s.expiresIn)
            }
            guard let token, !fail else {
                return jsonResponse(401, ["success": false, "message": .string("invalid password for \(FakeSecrets.upkeepEmail)")])
            }
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            let expiresAt = formatter.string(from: Date().addingTimeInterval(expires))
            return jsonResponse(200, ["success": true, "result": ["sessionToken": .string(token), "expiresAt": .string(expiresAt)]])
        }
        let token = r.header("Session-Token") ?? ""
        if r.path == "/api/v2/auth" && r.method == "DELETE" {
            state.withLock { s in s.live.remove(token); s.loggedOut.append(token) }
            return jsonResponse(200, ["success": true, "message": "session deleted"])
        }
        guard state.withLock({ $0.live.contains(token) }) else {
            return jsonResponse(401, ["success": false, "message": "Unauthorized"])
        }
        return jsonResponse(200, ["success": true, "results": [["id": "u1", "email": "someone@example.invalid"]]])
    }
}

/// An OWOX-like origin: `POST /api/auth/api-keys/exchange` issues `fake_access_N` bound to the key
/// id; other calls need `x-owox-authorization: Bearer <live token>` and the same `X-OWOX-Api-Key-Id`.
final class FakeExchangeVendor: Sendable {
    struct State {
        var exchanges = 0
        var live: Set<String> = []
        var next = 0
    }
    let state = Mutex(State())
    let exchangeDelay: Duration

    init(exchangeDelay: Duration = .milliseconds(50)) { self.exchangeDelay = exchangeDelay }

    var exchanges: Int { state.withLock { $0.exchanges } }
    func revokeAll() { state.withLock { $0.live.removeAll() } }

    func respond(_ r: ReceivedRequest) async -> HTTPServerResponse {
        if r.path == "/api/auth/api-keys/exchange" && r.method == "POST" {
            try? await Task.sleep(for: exchangeDelay)
            let secret = (try? JSONReader.parse(r.body))?["apiKeySecret"]?.stringValue
            guard r.header("X-OWOX-Api-Key-Id") == FakeSecrets.owoxKeyId, secret == FakeSecrets.owoxSecret else {
                state.withLock { $0.exchanges += 1 }
                return jsonResponse(401, ["message": .string("bad key \(FakeSecrets.owoxSecret)")])
            }
            let token: String = state.withLock { s in
                s.exchanges += 1
                s.next += 1
                let t = "fake_access_\(s.next)"
                s.live.insert(t)
                return t
            }
            return jsonResponse(200, ["accessToken": .string(token), "accessTokenExpiresIn": 900])
        }
        let auth = r.header("x-owox-authorization") ?? ""
        let token = auth.hasPrefix("Bearer ") ? String(auth.dropFirst(7)) : ""
        guard state.withLock({ $0.live.contains(token) }) else { return jsonResponse(401, ["message": "Unauthorized"]) }
        guard r.header("X-OWOX-Api-Key-Id") == FakeSecrets.owoxKeyId else { return jsonResponse(403, ["message": "key id mismatch"]) }
        return jsonResponse(200, ["projectId": "p-1", "userId": "u-1"])
    }
}

/// An origin that wants one exact header value (API key, Basic, Bearer) and answers `body`.
func staticAuthOrigin(header: String, value: String, body: JSONValue) async throws -> FakeOrigin {
    try await FakeOrigin.start { r in
        guard r.header(header) == value else { return jsonResponse(401, ["error": "Unauthorized", "statusCode": 401]) }
        return jsonResponse(200, body)
    }
}
