import Document
import Foundation
import HTTP
import OpenAPI
import Synchronization
import TestSupport
import Testing
@testable import Simulators

/// Each vendor's spec document, read once per test process on a dedicated thread (the UpKeep document
/// takes seconds in a debug build; reading it on the two-thread cooperative pool starves other tests).
enum SpecDocuments {
    private static let cache = Mutex<[SimulatorVendor: Task<Result<JSONValue, DocumentError>, Never>]>([:])

    /// The path of `specs/<vendor>.yaml`.
    static func path(_ vendor: SimulatorVendor) -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent("specs/\(vendor.rawValue).yaml").path
    }

    /// Loads (or waits for the one load of) `vendor`'s document.
    static func document(_ vendor: SimulatorVendor) async throws -> JSONValue {
        let task = cache.withLock { tasks in
            if let t = tasks[vendor] { return t }
            let path = path(vendor)
            let t = Task { await OffPool.run { () -> Result<JSONValue, DocumentError> in
                Result { () throws(DocumentError) -> JSONValue in try DocumentLoader.load(path: path).value } } }
            tasks[vendor] = t
            return t
        }
        return try await task.value.get()
    }
}

/// Checks simulator responses against the response schemas of `specs/<vendor>.yaml` with the
/// project's JSON Schema compiler (OpenAPI 3.1 dialect, formats asserted). Schema compilation and
/// validation run on a dedicated thread, off the cooperative pool.
struct SpecChecker: Sendable {
    let document: JSONValue
    let uri: String

    init(_ vendor: SimulatorVendor) async throws {
        document = try await SpecDocuments.document(vendor)
        uri = "file://" + SpecDocuments.path(vendor)
    }

    /// Problems of one response (see `check`), computed off the cooperative pool.
    func problems(template: String, method: String, reply: Reply) async throws -> [String] {
        let checker = self
        return try await OffPool.run { try checker.check(template: template, method: method, reply: reply) }
    }

    static func escape(_ s: String) -> String { s.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }

    /// Problems of one response: undeclared status, or schema violations of the body (each NDJSON line for x-ndjson).
    func check(template: String, method: String, reply: Reply) throws -> [String] {
        let compiler = SchemaCompiler(options: SchemaCompilerOptions(dialect: .openAPI31), resolver: StaticSchemaResolver([uri: document]))
        var pointer = "/paths/\(Self.escape(template))/\(method.lowercased())/responses/\(reply.status)"
        guard var response = JSONPointer(pointer).flatMap({ $0.resolve(in: document) }) else { return ["status \(reply.status) not declared"] }
        if let ref = response["$ref"]?.stringValue {
            pointer = String(ref.dropFirst())
            guard let target = JSONPointer(pointer).flatMap({ $0.resolve(in: document) }) else { return ["dangling \(ref)"] }
            response = target
        }
        if response["content"]?["application/x-ndjson"] != nil {
            let schema = try compiler.compile(uri: uri + "#" + pointer + "/content/application~1x-ndjson/x-item-schema")
            return try reply.body.split(separator: 0x0A).flatMap { line in
                schema.validate(try JSONReader.parse(Array(line))).map { "\($0)" }
            }
        }
        guard response["content"]?["application/json"] != nil else { return reply.body.isEmpty ? [] : ["undeclared body"] }
        guard let body = reply.json else { return ["body is not JSON"] }
        let schema = try compiler.compile(uri: uri + "#" + pointer + "/content/application~1json/schema")
        return schema.validate(body).map { "\($0)" }
    }
}

/// One request of the sweep and the spec path it should match.
struct Probe {
    let template: String
    let target: String
    var method: HTTP.HTTPMethod = .GET
    var headers: [(String, String)] = []
    var body: [UInt8]? = nil
}

@Suite struct SpecConformanceTests {
    func sweep(_ vendor: SimulatorVendor, options: SimulatorOptions = testOptions(), _ probes: (Simulator) async throws -> [Probe]) async throws {
        let checker = try await SpecChecker(vendor)
        try await withSimulator(vendor, options) { (sim: Simulator) async throws in
            for probe in try await probes(sim) {
                let reply = try await send(sim, probe.target, method: probe.method, headers: probe.headers, body: probe.body)
                let problems = try await checker.problems(template: probe.template, method: probe.method.rawValue, reply: reply)
                #expect(problems.isEmpty, "\(vendor) \(probe.method) \(probe.target) → \(reply.status): \(problems.prefix(3))")
            }
        }
    }

    @Test func owlopsResponsesMatchSpec() async throws {
        let k = [("X-Api-Key", DemoValues.owlopsKey)]
        try await sweep(.owlops) { _ in [
            Probe(template: "/v1/tasks", target: "/v1/tasks?pageSize=250", headers: k),
            Probe(template: "/v1/tasks", target: "/v1/tasks?status=Open&from=2026-01-01&to=2026-03-01", headers: k),
            Probe(template: "/v1/tasks", target: "/v1/tasks"),
            Probe(template: "/v1/tasks", target: "/v1/tasks?pageSize=999", headers: k),
            Probe(template: "/v1/tasks/{id}", target: "/v1/tasks/4001", headers: k),
            Probe(template: "/v1/tasks/{id}", target: "/v1/tasks/1", headers: k),
            Probe(template: "/v1/tasks/{id}/log", target: "/v1/tasks/4001/log", headers: k),
            Probe(template: "/v1/tasklog", target: "/v1/tasklog?from=2026-01-01&to=2026-03-01&pageSize=100", headers: k),
            Probe(template: "/v1/assets", target: "/v1/assets?pageSize=250", headers: k),
            Probe(template: "/v1/assets/{id}", target: "/v1/assets/301", headers: k),
            Probe(template: "/v1/invoices", target: "/v1/invoices?pageSize=250", headers: k),
            Probe(template: "/v1/invoices/{id}", target: "/v1/invoices/12301", headers: k),
            Probe(template: "/v1/inventory", target: "/v1/inventory", headers: k),
            Probe(template: "/v1/inventory/{id}", target: "/v1/inventory/701", headers: k),
        ] }
    }

    @Test func upkeepResponsesMatchSpec() async throws {
        try await sweep(.upkeep) { sim in
            let h = [("Session-Token", try await upkeepLogin(sim))]
            let json = h + [("Content-Type", "application/json")]
            let wo = try await send(sim, "/api/v2/work-orders?limit=1", headers: h).json?["results"]?.arrayValue?.first?["id"]?.stringValue ?? "x"
            var probes = [Probe(template: "/api/v2/auth", target: "/api/v2/auth", method: .POST, headers: [("Content-Type", "application/json")],
                                body: jsonBody(.obj([("email", .string(DemoValues.upkeepEmail)), ("password", .string(DemoValues.upkeepPassword))]))),
                          Probe(template: "/api/v2/work-orders", target: "/api/v2/work-orders"),
                          Probe(template: "/api/v2/work-orders", target: "/api/v2/work-orders?nope=1", headers: h)]
            for r in ["users", "locations", "assets", "parts", "work-orders"] {
                probes.append(Probe(template: "/api/v2/\(r)", target: "/api/v2/\(r)?limit=500", headers: h))
            }
            probes += [
                Probe(template: "/api/v2/work-orders", target: "/api/v2/work-orders?includes=asset,location,assignedToUser&limit=20", headers: h),
                Probe(template: "/api/v2/assets", target: "/api/v2/assets?includes=location&includes=createdByUser", headers: h),
                Probe(template: "/api/v2/parts", target: "/api/v2/parts?includes[]=location", headers: h),
                Probe(template: "/api/v2/work-orders/{ID}", target: "/api/v2/work-orders/\(wo)?includes=asset", headers: h),
                Probe(template: "/api/v2/work-orders/{ID}", target: "/api/v2/work-orders/missing", headers: h),
                Probe(template: "/api/v2/work-orders", target: "/api/v2/work-orders", method: .POST, headers: json,
                      body: jsonBody(.obj([("title", "Repair sink"), ("dueDate", .int(1_515_452_422_310))]))),
                Probe(template: "/api/v2/work-orders/{ID}", target: "/api/v2/work-orders/\(wo)", method: .PATCH, headers: json,
                      body: jsonBody(.obj([("status", "complete")]))),
                Probe(template: "/api/v2/work-orders/{ID}", target: "/api/v2/work-orders/\(wo)", method: .DELETE, headers: h),
                Probe(template: "/api/v2/locations", target: "/api/v2/locations", method: .POST, headers: json, body: jsonBody(.obj([("name", "Dock 9")]))),
                Probe(template: "/api/v2/auth", target: "/api/v2/auth", method: .DELETE, headers: h),
            ]
            return probes
        }
    }

    @Test func trackopsResponsesMatchSpec() async throws {
        let a = [trackopsAuth()]
        try await sweep(.trackops) { _ in
            TrackopsCollection.all.flatMap { c in
                [Probe(template: "/\(c.path)", target: "/api/v1/\(c.path)?per_page=100", headers: a),
                 Probe(template: "/\(c.path)", target: "/api/v1/\(c.path)?mode=count", headers: a)]
            } + [
                Probe(template: "/cases", target: "/api/v1/cases?bogus=1", headers: a),
                Probe(template: "/cases", target: "/api/v1/cases"),
                Probe(template: "/cases", target: "/api/v1/cases", headers: [trackopsAuth(DemoValues.trackopsLimitedUsername)]),
                Probe(template: "/cases", target: "/api/v1/cases", method: .POST, headers: a + [("Content-Type", "application/json")],
                      body: jsonBody(.obj([("casefile", .obj([("client", 1021)]))]))),
            ]
        }
    }

    @Test func owoxResponsesMatchSpec() async throws {
        try await sweep(.owox) { sim in
            let token = try await owoxToken(sim)
            let h = [("x-owox-authorization", "Bearer \(token)"), ("X-OWOX-Api-Key-Id", DemoValues.owoxKeyId)]
            let rows = "/api/external/http-data/data-marts/{dataMartId}.ndjson"
            return [
                Probe(template: "/api/auth/api-keys/exchange", target: "/api/auth/api-keys/exchange", method: .POST,
                      headers: [("Content-Type", "application/json"), ("X-OWOX-Api-Key-Id", DemoValues.owoxKeyId)],
                      body: jsonBody(.obj([("apiKeySecret", .string(DemoValues.owoxKeySecret))]))),
                Probe(template: "/api/auth/api-keys/exchange", target: "/api/auth/api-keys/exchange", method: .POST,
                      headers: [("Content-Type", "application/json"), ("X-OWOX-Api-Key-Id", DemoValues.owoxKeyId)],
                      body: jsonBody(.obj([("apiKeySecret", "wrong")]))),
                Probe(template: "/api/auth/context", target: "/api/auth/context", headers: h),
                Probe(template: "/api/auth/context", target: "/api/auth/context", headers: [h[0], ("X-OWOX-Api-Key-Id", "pmk_test_fake_0000000000000")]),
                Probe(template: rows, target: "/api/external/http-data/data-marts/web-sessions-0001.ndjson?limit=300&columns=**", headers: h),
                Probe(template: rows, target: "/api/external/http-data/data-marts/web-sessions-0001.ndjson?offset=1", headers: h),
                Probe(template: rows, target: "/api/external/http-data/data-marts/nope.ndjson", headers: h),
                Probe(template: "/api/external/http-data/reports/{reportId}.ndjson", target: "/api/external/http-data/reports/weekly-report-0001.ndjson", headers: h),
            ]
        }
    }

    @Test func opsdeckResponsesMatchSpec() async throws {
        let a = [("Authorization", "Bearer \(DemoValues.opsdeckToken)")]
        let json = a + [("Content-Type", "application/json")]
        try await sweep(.opsdeck) { _ in
            ["users", "assets", "peripherals", "licenses", "subscriptions", "services", "changes", "incidents", "onboarding", "onboardings"].flatMap { e in
                [Probe(template: "/api/v1/\(e)", target: "/api/v1/\(e)", headers: a),
                 Probe(template: "/api/v1/\(e)", target: "/api/v1/\(e)?page=1&page_size=25", headers: a)]
            } + [
                Probe(template: "/api/v1/users", target: "/api/v1/users"),
                Probe(template: "/api/v1/users", target: "/api/v1/users?limit=0", headers: a),
                Probe(template: "/api/v1/changes", target: "/api/v1/changes", method: .POST, headers: json,
                      body: jsonBody(.obj([("title", "Upgrade VPN gateway"), ("external_ref", "CHG-2026-031")]))),
                Probe(template: "/api/v1/changes", target: "/api/v1/changes", method: .POST, headers: json,
                      body: jsonBody(.obj([("title", "Upgrade VPN gateway"), ("external_ref", "CHG-2026-031")]))),
                Probe(template: "/api/v1/incidents", target: "/api/v1/incidents", method: .POST, headers: json,
                      body: jsonBody(.obj([("title", "Unauthorized access attempt"), ("severity", "SEV-2")]))),
                Probe(template: "/api/v1/incidents", target: "/api/v1/incidents", method: .POST, headers: json, body: jsonBody(.obj([]))),
                Probe(template: "/api/v1/onboarding", target: "/api/v1/onboarding", method: .POST, headers: json,
                      body: jsonBody(.obj([("new_hire_name", "Alex Doe"), ("start_date", "2026-05-04")]))),
            ]
        }
    }
}

@Suite struct SpecCheckerSelfTests {
    @Test func reportsBodiesThatBreakTheSpec() async throws {
        let checker = try await SpecChecker(.owlops)
        let bad = Reply(status: 200, headers: HTTPHeaders(), body: jsonBody(.obj([("data", .array([.obj([("id", "x")])]))])))
        #expect(!(try await checker.problems(template: "/v1/tasks", method: "GET", reply: bad)).isEmpty)
        let undeclared = Reply(status: 418, headers: HTTPHeaders(), body: [])
        #expect(try await checker.problems(template: "/v1/tasks", method: "GET", reply: undeclared) == ["status 418 not declared"])
        let owox = try await SpecChecker(.owox)
        let badRow = Reply(status: 200, headers: HTTPHeaders(), body: Array("{\"a\":1}\n[1]\n".utf8))
        #expect(!(try await owox.problems(template: "/api/external/http-data/data-marts/{dataMartId}.ndjson", method: "GET", reply: badRow)).isEmpty)
    }
}

@Suite struct FaultConformanceTests {
    /// Injected 429s and 5xx use the vendor's error body, which the spec declares where it declares the status.
    @Test func injectedErrorsMatchSpecWhereDeclared() async throws {
        let cases: [(SimulatorVendor, String, String, [(String, String)], [Int])] = [
            (.owlops, "/v1/tasks", "/v1/tasks", [("X-Api-Key", DemoValues.owlopsKey)], [429, 500]),
            (.upkeep, "/api/v2/work-orders", "/api/v2/work-orders", [], [429, 500, 503]),
            (.trackops, "/cases", "/api/v1/cases", [trackopsAuth()], [429]),
        ]
        for (vendor, template, target, headers, statuses) in cases {
            let checker = try await SpecChecker(vendor)
            for status in statuses {
                var faults = FaultSettings()
                if status == 429 { faults.throttleEvery = 1 } else { faults.errorEvery = 1; faults.errorStatuses = [status] }
                try await withSimulator(vendor, testOptions(faults: faults)) { (sim: Simulator) async throws in
                    let reply = try await send(sim, target, headers: headers)
                    #expect(reply.status == status)
                    let problems = try await checker.problems(template: template, method: "GET", reply: reply)
                    #expect(problems.isEmpty, "\(vendor) \(status): \(problems)")
                }
            }
        }
    }
}
