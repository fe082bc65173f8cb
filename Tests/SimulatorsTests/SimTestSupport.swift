import Document
import Foundation
import HTTP
@testable import Simulators

/// One exchange's outcome, read fully.
struct Reply {
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]
    var json: JSONValue? { try? JSONReader.parse(body) }
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Test options: loopback, no rate limit unless asked, a manual clock.
func testOptions(rateLimit: RateLimitSetting = .off, faults: FaultSettings = FaultSettings(),
                 clock: ManualClock = ManualClock()) -> SimulatorOptions {
    SimulatorOptions(seed: 42, rateLimit: rateLimit, faults: faults, clock: .manual(clock))
}

/// One client for the whole suite (a pool per simulator origin), so connections are reused, not leaked per call.
enum TestClient {
    static let shared = HTTPClient()
}

/// Sends a request through the project's client.
func send(_ sim: Simulator, _ target: String, method: HTTPMethod = .GET, headers: [(String, String)] = [],
          body: [UInt8]? = nil, client: HTTPClient = TestClient.shared) async throws -> Reply {
    let request = try HTTPClientRequest(method: method, url: sim.baseURL + target, headers: HTTPHeaders(headers),
                                        body: body.map { .bytes($0) } ?? .empty)
    let response = try await client.execute(request)
    let bytes = try await response.body.collect(upTo: 64 << 20)
    return Reply(status: response.status.code, headers: response.head.headers, body: bytes)
}

/// A JSON body.
func jsonBody(_ value: JSONValue) -> [UInt8] { JSONWriter.write(value) }

/// `Authorization: Basic …` for Trackops.
func trackopsAuth(_ user: String = DemoValues.trackopsUsername, token: String = DemoValues.trackopsToken) -> (String, String) {
    ("Authorization", "Basic " + Data("\(user)/token:\(token)".utf8).base64EncodedString())
}

/// Logs in to UpKeep and returns the session token.
func upkeepLogin(_ sim: Simulator) async throws -> String {
    let reply = try await send(sim, "/api/v2/auth", method: .POST, headers: [("Content-Type", "application/json")],
                               body: jsonBody(.obj([("email", .string(DemoValues.upkeepEmail)), ("password", .string(DemoValues.upkeepPassword))])))
    return reply.json?["result"]?["sessionToken"]?.stringValue ?? ""
}

/// Exchanges the OWOX demo key and returns the access token.
func owoxToken(_ sim: Simulator) async throws -> String {
    let reply = try await send(sim, "/api/auth/api-keys/exchange", method: .POST,
                               headers: [("Content-Type", "application/json"), ("X-OWOX-Api-Key-Id", DemoValues.owoxKeyId)],
                               body: jsonBody(.obj([("apiKeySecret", .string(DemoValues.owoxKeySecret))])))
    return reply.json?["accessToken"]?.stringValue ?? ""
}

/// Runs `body` with a started simulator and always stops it.
@discardableResult
func withSimulator<T>(_ vendor: SimulatorVendor, _ options: SimulatorOptions = testOptions(),
                      _ body: (Simulator) async throws -> T) async throws -> T {
    let sim = try await Simulator.start(vendor, options: options)
    do {
        let result = try await body(sim)
        await sim.stop()
        return result
    } catch {
        await sim.stop()
        throw error
    }
}
