import Document
import HTTP
import Testing
@testable import Simulators

@Suite struct UpKeepSimulatorTests {
    @Test func loginWithJSONOrFormAndRefusedShapes() async throws {
        try await withSimulator(.upkeep) { (sim: Simulator) async throws in
            let token = try await upkeepLogin(sim)
            #expect(token.hasPrefix("r:"))
            let form = try await send(sim, "/api/v2/auth", method: .POST, headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                      body: Array("email=demo%40upkeep.example&password=demo-password-0000".utf8))
            #expect(form.status == 200)
            #expect(form.json?["result"]?["expiresAt"]?.stringValue?.hasSuffix("Z") == true)
            let wrong = try await send(sim, "/api/v2/auth", method: .POST, headers: [("Content-Type", "application/json")],
                                       body: jsonBody(.obj([("email", .string(DemoValues.upkeepEmail)), ("password", "nope")])))
            #expect(wrong.status == 401)
            #expect(wrong.json?["success"] == .bool(false))
            let noToken = try await send(sim, "/api/v2/work-orders")
            #expect(noToken.status == 401)
            #expect(noToken.json?["success"] == .bool(false))
            let ok = try await send(sim, "/api/v2/work-orders", headers: [("Session-Token", token)])
            #expect(ok.status == 200)
            let stats = await sim.stats()
            #expect(stats.logins == 2)
            #expect(stats.lastHeaders.first { $0.name == "Session-Token" }?.value == CredentialFingerprint.of(token))
        }
    }

    @Test func tokenExpiresAfterShortenedLifetime() async throws {
        let clock = ManualClock()
        var faults = FaultSettings()
        faults.tokenLifetimeSeconds = 5
        try await withSimulator(.upkeep, testOptions(faults: faults, clock: clock)) { (sim: Simulator) async throws in
            let token = try await upkeepLogin(sim)
            #expect(try await send(sim, "/api/v2/users", headers: [("Session-Token", token)]).status == 200)
            clock.advance(by: 6)
            #expect(try await send(sim, "/api/v2/users", headers: [("Session-Token", token)]).status == 401)
        }
    }

    @Test func logoutAndRevocationInvalidateTokens() async throws {
        try await withSimulator(.upkeep) { (sim: Simulator) async throws in
            let a = try await upkeepLogin(sim)
            let out = try await send(sim, "/api/v2/auth", method: .DELETE, headers: [("Session-Token", a)])
            #expect(out.json == .obj([("success", true), ("message", "session deleted")]))
            #expect(try await send(sim, "/api/v2/assets", headers: [("Session-Token", a)]).status == 401)
            let b = try await upkeepLogin(sim)
            let revoke = try await send(sim, "/__sim/faults", method: .POST, body: jsonBody(.obj([("revokeTokens", true)])))
            #expect(revoke.status == 200)
            #expect(try await send(sim, "/api/v2/assets", headers: [("Session-Token", b)]).status == 401)
        }
    }

    @Test func pagingFiltersIncludesAndWrites() async throws {
        try await withSimulator(.upkeep) { (sim: Simulator) async throws in
            let h = [("Session-Token", try await upkeepLogin(sim))]
            var offset = 0, ids = Set<String>()
            for _ in 0..<10 {
                let page = try await send(sim, "/api/v2/work-orders?offset=\(offset)&limit=50", headers: h).json?["results"]?.arrayValue ?? []
                ids.formUnion(page.compactMap { $0["id"]?.stringValue })
                if page.count < 50 { break }
                offset += 50
            }
            #expect(ids.count == 120)
            let open = try await send(sim, "/api/v2/work-orders?status=open&limit=200", headers: h).json?["results"]?.arrayValue ?? []
            #expect(!open.isEmpty && open.allSatisfy { $0["status"] == "open" })
            let bad = try await send(sim, "/api/v2/work-orders?colour=red", headers: h)
            #expect(bad.status == 400)
            #expect(bad.json?["message"] == "invalid filter key: colour")
            for query in ["includes=asset&includes=location", "includes=asset,location", "includes[]=asset&includes[]=location"] {
                let first = try await send(sim, "/api/v2/work-orders?limit=1&\(query)", headers: h).json?["results"]?.arrayValue?.first
                #expect(first?["asset"]?.objectValue != nil, "\(query)")
                #expect(first?["location"]?.objectValue != nil, "\(query)")
            }
            #expect(try await send(sim, "/api/v2/work-orders?includes=nope", headers: h).status == 400)
            let created = try await send(sim, "/api/v2/work-orders", method: .POST, headers: h + [("Content-Type", "application/json")],
                                         body: jsonBody(.obj([("title", "Repair sink"), ("priority", .int(1)), ("dueDate", .int(1_515_452_422_310))])))
            let id = created.json?["result"]?["id"]?.stringValue ?? ""
            #expect(created.status == 200 && !id.isEmpty)
            let patched = try await send(sim, "/api/v2/work-orders/\(id)", method: .PATCH, headers: h + [("Content-Type", "application/json")],
                                         body: jsonBody(.obj([("status", "complete")])))
            #expect(patched.json?["result"]?["status"] == "complete")
            #expect(try await send(sim, "/api/v2/work-orders/\(id)", headers: h).json?["result"]?["title"] == "Repair sink")
            let notAllowed = try await send(sim, "/api/v2/work-orders/\(id)", method: .PATCH, headers: h + [("Content-Type", "application/json")],
                                            body: jsonBody(.obj([("workOrderNo", "1")])))
            #expect(notAllowed.json?["message"] == "workOrderNo is not allowed to be set!")
            #expect(try await send(sim, "/api/v2/work-orders/\(id)", method: .DELETE, headers: h).status == 200)
            #expect(try await send(sim, "/api/v2/work-orders/\(id)", headers: h).status == 404)
            let meters = try await send(sim, "/api/v2/meters", headers: h)
            #expect(meters.status == 501)
            #expect(meters.json?["success"] == .bool(false))
        }
    }
}
