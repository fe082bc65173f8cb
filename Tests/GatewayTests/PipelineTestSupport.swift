import Document
import Foundation
import HTTP
import OpenAPI
import Synchronization
import TestSupport
@testable import Gateway

/// A request an in-process origin received.
struct ReceivedRequest: Sendable {
    var method: String
    var target: String
    var headers: HTTPHeaders
    var body: [UInt8]
    /// The path without the query.
    var path: String { String(target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]) }
    /// First value of a header.
    func header(_ name: String) -> String? { headers[name] }
}

/// An in-process origin on a loopback port chosen by the OS: records every request and answers
/// with `respond` (these stand in for the simulators in the pipeline tests).
final class FakeOrigin: Sendable {
    let server: HTTPServer
    private let received: RequestRecorder

    private init(server: HTTPServer, received: RequestRecorder) {
        self.server = server
        self.received = received
    }

    /// Starts an origin that answers with `respond`.
    static func start(_ respond: @escaping @Sendable (ReceivedRequest) async -> HTTPServerResponse) async throws -> FakeOrigin {
        let recorder = RequestRecorder()
        let server = try await HTTPServer.start(configuration: HTTPServerConfiguration()) { request in
            let body = (try? await request.body.collect(upTo: 1 << 20)) ?? []
            let received = ReceivedRequest(method: request.head.method.rawValue, target: request.head.target,
                                           headers: request.head.headers, body: body)
            recorder.append(received)
            return await respond(received)
        }
        return FakeOrigin(server: server, received: recorder)
    }

    /// `http://127.0.0.1:PORT`.
    var url: String { "http://127.0.0.1:\(server.port)" }
    /// Every request so far.
    var requests: [ReceivedRequest] { received.all }

    func stop() async { await server.shutdown(gracePeriod: .seconds(1)) }
}

/// Thread-safe list of received requests.
final class RequestRecorder: Sendable {
    private let list = Mutex<[ReceivedRequest]>([])
    func append(_ r: ReceivedRequest) { list.withLock { $0.append(r) } }
    var all: [ReceivedRequest] { list.withLock { $0 } }
}

/// JSON responses for fake origins.
func jsonResponse(_ status: Int = 200, _ value: JSONValue, headers: [(String, String)] = []) -> HTTPServerResponse {
    var fields = HTTPHeaders()
    fields.add(name: "Content-Type", value: "application/json")
    for (n, v) in headers { fields.add(name: n, value: v) }
    return HTTPServerResponse(status: HTTPStatus(code: status), headers: fields, body: .bytes(JSONWriter.write(value)))
}

/// A response as the test client read it.
struct GatewayReply: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
    var json: JSONValue? { try? JSONReader.parse(body) }
}

/// A gateway on loopback in front of fake origins, with a fresh token per client.
struct TestGateway: Sendable {
    let server: GatewayServer
    let audit: AuditLog
    let tokens: [String: String]
    /// The callers' client: enough connections for the 200-request concurrency tests on a loaded machine.
    let client = HTTPClient(configuration: HTTPClientConfiguration(maxConnectionsPerOrigin: 256, poolTimeout: .seconds(30)))

    /// The repository's `specs/` directory.
    static let specs: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent(); url.deleteLastPathComponent(); url.deleteLastPathComponent()
        return url.appendingPathComponent("specs").path
    }()

    /// An upstream configuration mounted at `/NAME` using `specs/NAME.yaml` (NAME is the vendor).
    static func upstream(_ vendor: String, url: String, auth: UpstreamAuth, rateLimit: RateLimitConfiguration? = nil,
                         timeouts: UpstreamTimeouts = UpstreamTimeouts(connect: .seconds(2), firstByte: .seconds(5), total: .seconds(10))) -> UpstreamConfiguration {
        guard case .success(let base) = UpstreamURL.parse(url) else { fatalError("bad test URL \(url)") }
        return UpstreamConfiguration(name: vendor, mount: "/\(vendor)", specPath: specs + "/\(vendor).yaml",
                                     baseURL: base, auth: auth, rateLimit: rateLimit, timeouts: timeouts)
    }

    /// Starts a gateway for `upstreams`; `clients` maps a client name to (upstreams, operationIds).
    static func start(_ upstreams: [UpstreamConfiguration],
                      clients: [String: ([String], [String: Set<String>])]? = nil,
                      clientLimits: [String: RateLimitConfiguration] = [:],
                      pool: ConnectionPoolSettings = ConnectionPoolSettings(waitForConnection: .seconds(20))) async throws -> TestGateway {
        var tokens: [String: String] = [:]
        var configs: [ClientConfiguration] = []
        let wanted = clients ?? ["team-a": (upstreams.map(\.name), [:])]
        for (name, (allowed, operations)) in wanted.sorted(by: { $0.key < $1.key }) {
            let (token, _) = ClientToken.create()!
            tokens[name] = token
            configs.append(ClientConfiguration(name: name, tokenSHA256: ClientToken.hash(token), upstreams: allowed,
                                               operationIds: operations, rateLimit: clientLimits[name]))
        }
        let configuration = GatewayConfiguration(file: "(test)", listen: ListenConfiguration(host: "127.0.0.1", port: 0),
                                                 publicBaseURL: "http://gateway.test", limits: ServerLimits(),
                                                 audit: .standardOutput, clients: configs, upstreams: upstreams)
        let audit = AuditLog.memory()
        let runtime = try GatewayRuntime(configuration: configuration, audit: audit,
                                         specs: await SpecCache.loader(for: upstreams), pool: pool)
        return TestGateway(server: try await GatewayServer.start(runtime), audit: audit, tokens: tokens)
    }

    /// The token of the only (or named) client.
    func token(_ client: String = "team-a") -> String { tokens[client]! }

    /// Sends a request to the gateway.
    func send(_ method: HTTP.HTTPMethod = .GET, _ target: String, token: String? = nil,
              headers: [(String, String)] = [], body: [UInt8] = []) async throws -> GatewayReply {
        var fields = HTTPHeaders()
        if let token { fields.add(name: "Authorization", value: "Bearer \(token)") }
        for (n, v) in headers { fields.add(name: n, value: v) }
        let request = HTTPClientRequest(method: method, origin: HTTPOrigin(host: "127.0.0.1", port: server.port),
                                        target: target, headers: fields, body: body.isEmpty ? .empty : .bytes(body))
        let response = try await client.execute(request)
        let bytes = try await response.body.collect(upTo: 16 << 20)
        return GatewayReply(status: response.status.code, headers: response.head.headers, body: bytes)
    }

    func stop() async { await server.shutdown(gracePeriod: .seconds(2)) }
}

/// Obviously fake credentials used by the pipeline tests.
enum FakeSecrets {
    static let owlopsKey = "owlk_test_fake_pipeline_0000"
    static let upkeepEmail = "gateway-test@example.invalid"
    static let upkeepPassword = "upkeep_test_fake_password_pipeline"
    static let trackopsUser = "apiuser/token"
    static let trackopsToken = "trackops_test_fake_token_pipeline"
    static let opsdeckToken = "opsdeck_test_fake_token_pipeline"
    static let owoxKeyId = "pmk_test_fake_key_id_000000"
    static let owoxSecret = "owox_secret_test_fake_pipeline"

    /// Every secret, for the "no secret in any log line or response" checks.
    static let all = [owlopsKey, upkeepPassword, trackopsToken, opsdeckToken, owoxSecret]

    static func secret(_ value: String) -> SecretValue { SecretValue(value, source: "test") }

    /// The OWOX key for an origin.
    static func owoxAuth(origin: String) -> UpstreamAuth {
        let key = ConfigFixtures.owoxKey(origin: origin, id: owoxKeyId, secret: owoxSecret)
        guard case .success(let decoded) = OWOXAPIKey.decode(secret(key)) else { fatalError("bad fake key") }
        return .keyExchange(KeyExchangeAuth(key: secret(key), decoded: decoded))
    }
}

/// Loads each spec once per test process (the UpKeep document takes seconds in a debug build) on a
/// dedicated thread, never on the two-thread cooperative pool; concurrent first users of one path wait
/// for the same load.
enum SpecCache {
    private static let cache = Mutex<[String: Task<Result<(OpenAPIDocument, RequestValidator), GatewayRuntime.SpecLoadFailure>, Never>]>([:])

    /// Loads (or waits for) `path` with the default options.
    static func load(_ path: String) async -> Result<(OpenAPIDocument, RequestValidator), GatewayRuntime.SpecLoadFailure> {
        let task = cache.withLock { tasks in
            if let t = tasks[path] { return t }
            let t = Task { await OffPool.run { GatewayRuntime.loadSpec(path, ValidatorOptions(maxBodyBytes: ServerLimits().maxBodyBytes)) } }
            tasks[path] = t
            return t
        }
        return await task.value
    }

    /// Loads every spec `upstreams` use, then returns a loader answering from memory.
    static func loader(for upstreams: [UpstreamConfiguration]) async -> GatewayRuntime.SpecLoader {
        var loaded: [String: Result<(OpenAPIDocument, RequestValidator), GatewayRuntime.SpecLoadFailure>] = [:]
        for u in upstreams where loaded[u.specPath] == nil { loaded[u.specPath] = await load(u.specPath) }
        let fixed = loaded
        return { path, options in
            if let hit = fixed[path], !options.allowUndeclaredQueryParameters { return hit }
            return GatewayRuntime.loadSpec(path, options)
        }
    }
}
