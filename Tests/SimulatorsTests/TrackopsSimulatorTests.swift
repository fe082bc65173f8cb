import Document
import HTTP
import Testing
@testable import Simulators

@Suite struct TrackopsSimulatorTests {
    @Test func basicAuthAcceptedAndRefused() async throws {
        try await withSimulator(.trackops) { (sim: Simulator) async throws in
            #expect(try await send(sim, "/api/v1/cases", headers: [trackopsAuth()]).status == 200)
            #expect(try await send(sim, "/api/v1/cases").status == 401)
            #expect(try await send(sim, "/api/v1/cases", headers: [trackopsAuth(token: "wrong")]).status == 401)
            #expect(try await send(sim, "/api/v1/cases", headers: [trackopsAuth(DemoValues.trackopsLimitedUsername)]).status == 403)
            let noSuffix = ("Authorization", "Basic " + "ZGVtbzowMDAwMDAwMC1kZW1vLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA=")  // demo:token, no /token
            #expect(try await send(sim, "/api/v1/cases", headers: [noSuffix]).status == 401)
        }
    }

    @Test func countModeAndPagingAgree() async throws {
        try await withSimulator(.trackops) { (sim: Simulator) async throws in
            let count = try await send(sim, "/api/v1/cases?mode=count&per_page=40", headers: [trackopsAuth()])
            #expect(count.json == .obj([("record_count", 150), ("page_count", 4)]))
            var ids: [Int] = []
            for page in 1...10 {
                let rows = try await send(sim, "/api/v1/cases?per_page=40&page=\(page)", headers: [trackopsAuth()]).json?.arrayValue ?? []
                ids += rows.compactMap { $0["id"]?.numberValue?.intValue }
                if rows.count < 40 { break }
            }
            #expect(ids.count == 150)
            #expect(ids == ids.sorted(by: >))  // newest first by default
            let asc = try await send(sim, "/api/v1/cases?per_page=3&dir=asc", headers: [trackopsAuth()]).json?.arrayValue ?? []
            #expect(asc.compactMap { $0["id"]?.numberValue?.intValue } == [1000, 1001, 1002])
        }
    }

    @Test func unknownParameterIsBadRequest() async throws {
        try await withSimulator(.trackops) { (sim: Simulator) async throws in
            #expect(try await send(sim, "/api/v1/clients?colour=red", headers: [trackopsAuth()]).status == 400)
            #expect(try await send(sim, "/api/v1/clients?per_page=101", headers: [trackopsAuth()]).status == 400)
            #expect(try await send(sim, "/api/v1/cases?case_status=open", headers: [trackopsAuth()]).status == 200)
        }
    }

    @Test func postedCaseIsListed() async throws {
        try await withSimulator(.trackops) { (sim: Simulator) async throws in
            let created = try await send(sim, "/api/v1/cases", method: .POST, headers: [trackopsAuth(), ("Content-Type", "application/json")],
                                         body: jsonBody(.obj([("casefile", .obj([("client", 1021), ("reference_value_1", "SIM-1")]))])))
            #expect(created.status == 201)
            let found = try await send(sim, "/api/v1/cases?reference_value_1=SIM-1", headers: [trackopsAuth()]).json?.arrayValue ?? []
            #expect(found.count == 1)
            #expect(try await send(sim, "/api/v1/cases", method: .POST, headers: [trackopsAuth()], body: jsonBody(.obj([]))).status == 400)
        }
    }

    @Test func oneRequestPerSecond() async throws {
        let clock = ManualClock()
        try await withSimulator(.trackops, testOptions(rateLimit: .vendorDefault, clock: clock)) { (sim: Simulator) async throws in
            #expect(try await send(sim, "/api/v1/staff", headers: [trackopsAuth()]).status == 200)
            let limited = try await send(sim, "/api/v1/staff", headers: [trackopsAuth()])
            #expect(limited.status == 429)
            #expect(limited.json?["error"] == "Too many requests. Please limit requests to 1 per second.")
            clock.advance(by: 1)
            #expect(try await send(sim, "/api/v1/staff", headers: [trackopsAuth()]).status == 200)
        }
    }
}
