import Document
import HTTP
import Testing
@testable import Simulators

@Suite struct OpsDeckSimulatorTests {
    let auth = ("Authorization", "Bearer \(DemoValues.opsdeckToken)")

    @Test func bearerAcceptedAndRefused() async throws {
        try await withSimulator(.opsdeck) { (sim: Simulator) async throws in
            let missing = try await send(sim, "/api/v1/users")
            #expect(missing.status == 401 && missing.json == .obj([("error", "Token is missing")]))
            let wrong = try await send(sim, "/api/v1/users", headers: [("Authorization", "Bearer opsdeck_test_fake")])
            #expect(wrong.status == 401 && wrong.json == .obj([("error", "Token is invalid")]))
            #expect(try await send(sim, "/api/v1/users", headers: [auth]).status == 200)
        }
    }

    @Test func bothPagingStylesWalkEveryRecord() async throws {
        try await withSimulator(.opsdeck) { (sim: Simulator) async throws in
            var ids: [Int] = []
            for page in 1...20 {
                let body = try await send(sim, "/api/v1/assets?page=\(page)&page_size=25", headers: [auth]).json
                ids += body?["items"]?.arrayValue?.compactMap { $0["id"]?.numberValue?.intValue } ?? []
                #expect(body?["total"] == 80 && body?["pages"] == 4)
                if page >= body?["pages"]?.numberValue?.intValue ?? 0 { break }
            }
            #expect(ids == Array(1...80))
            var offset = 0, bare: [Int] = []
            for _ in 0..<20 {
                let rows = try await send(sim, "/api/v1/assets?limit=30&offset=\(offset)", headers: [auth]).json?.arrayValue ?? []
                bare += rows.compactMap { $0["id"]?.numberValue?.intValue }
                if rows.count < 30 { break }
                offset += 30
            }
            #expect(bare == Array(1...80))
            let invalid = try await send(sim, "/api/v1/assets?limit=0", headers: [auth])
            #expect(invalid.status == 422 && invalid.json?["code"] == 422)
        }
    }

    @Test func postUpsertsByExternalRef() async throws {
        try await withSimulator(.opsdeck) { (sim: Simulator) async throws in
            let h = [auth, ("Content-Type", "application/json")]
            let body = jsonBody(.obj([("title", "Upgrade VPN gateway"), ("priority", "High"), ("external_ref", "CHG-SIM-900")]))
            let first = try await send(sim, "/api/v1/changes", method: .POST, headers: h, body: body)
            #expect(first.status == 201)
            let second = try await send(sim, "/api/v1/changes", method: .POST, headers: h,
                                        body: jsonBody(.obj([("title", "Upgrade VPN gateway v2"), ("external_ref", "CHG-SIM-900")])))
            #expect(second.status == 200)
            #expect(second.json?["id"] == first.json?["id"])
            let all = try await send(sim, "/api/v1/changes?limit=1000", headers: [auth]).json?.arrayValue ?? []
            #expect(all.filter { $0["external_ref"] == "CHG-SIM-900" }.count == 1)
            #expect(all.contains { $0["title"] == "Upgrade VPN gateway v2" })
            let invalid = try await send(sim, "/api/v1/incidents", method: .POST, headers: h, body: jsonBody(.obj([("severity", "High")])))
            #expect(invalid.status == 422)
            #expect(invalid.json?["errors"]?["json"]?["title"] != nil)
            let onboard = try await send(sim, "/api/v1/onboardings", method: .POST, headers: h,
                                         body: jsonBody(.obj([("new_hire_name", "Alex Doe"), ("start_date", "2026-05-04")])))
            #expect(onboard.status == 201)
            #expect(try await send(sim, "/api/v1/users", method: .POST, headers: h, body: jsonBody(.obj([]))).status == 405)
        }
    }
}
