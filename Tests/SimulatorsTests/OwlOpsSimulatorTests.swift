import Document
import HTTP
import Testing
@testable import Simulators

@Suite struct OwlOpsSimulatorTests {
    let key = ("X-Api-Key", DemoValues.owlopsKey)

    @Test func refusesMissingAndWrongKeyInVendorShape() async throws {
        try await withSimulator(.owlops) { (sim: Simulator) async throws in
            let missing = try await send(sim, "/v1/tasks")
            #expect(missing.status == 401)
            #expect(missing.json == .obj([("error", "Missing or invalid API key."), ("statusCode", 401)]))
            let wrong = try await send(sim, "/v1/tasks", headers: [("X-Api-Key", "owlk_test_fake_wrong")])
            #expect(wrong.status == 401)
            let stats = await sim.stats()
            #expect(stats.rejected == 2)
        }
    }

    @Test func pagingWalksAllPagesAndCountsMatch() async throws {
        try await withSimulator(.owlops) { (sim: Simulator) async throws in
            var page = 1, seen: [JSONValue] = [], total = -1
            while page <= 100 {
                let reply = try await send(sim, "/v1/tasks?page=\(page)&pageSize=40", headers: [key])
                #expect(reply.status == 200)
                let data = reply.json?["data"]?.arrayValue ?? []
                seen += data
                total = reply.json?["pagination"]?["totalCount"]?.numberValue?.intValue ?? -2
                if reply.json?["pagination"]?["hasNextPage"] != .bool(true) { break }
                page += 1
            }
            #expect(total == 150)
            #expect(seen.count == 150)
            #expect(Set(seen.compactMap { $0["id"]?.numberValue?.intValue }).count == 150)
            #expect(page == 4)
        }
    }

    @Test func filtersByLabelAndRejectsOversizedPages() async throws {
        try await withSimulator(.owlops) { (sim: Simulator) async throws in
            let open = try await send(sim, "/v1/tasks?status=Open&pageSize=250", headers: [key])
            let rows = open.json?["data"]?.arrayValue ?? []
            #expect(!rows.isEmpty)
            #expect(rows.allSatisfy { $0["status"] == "Open" })
            let big = try await send(sim, "/v1/tasks?pageSize=251", headers: [key])
            #expect(big.status == 400)
            let logBig = try await send(sim, "/v1/tasklog?from=2026-01-01&to=2026-02-01&pageSize=101", headers: [key])
            #expect(logBig.status == 400)
            let range = try await send(sim, "/v1/tasklog?from=2026-01-01&to=2026-05-01", headers: [key])
            #expect(range.status == 400)
            #expect(range.json?["error"] == "The date range may not exceed 90 days.")
            let detail = try await send(sim, "/v1/invoices/12300", headers: [key])
            #expect(detail.json?["lineItems"]?.arrayValue?.isEmpty == false)
            let missing = try await send(sim, "/v1/assets/1", headers: [key])
            #expect(missing.status == 404)
        }
    }

    @Test func rateLimitTriggersAtTheConfiguredCountPerKey() async throws {
        let clock = ManualClock()
        try await withSimulator(.owlops, testOptions(rateLimit: .custom(RateLimitRule(requests: 5, period: 60)), clock: clock)) { (sim: Simulator) async throws in
            for _ in 0..<5 { #expect(try await send(sim, "/v1/assets", headers: [key]).status == 200) }
            let limited = try await send(sim, "/v1/assets", headers: [key])
            #expect(limited.status == 429)
            #expect(limited.json == .obj([("error", "Rate limit exceeded. Slow down and retry."), ("statusCode", 429)]))
            // another key has its own budget
            #expect(try await send(sim, "/v1/assets", headers: [("X-Api-Key", DemoValues.owlopsSecondKey)]).status == 200)
            clock.advance(by: 60)
            #expect(try await send(sim, "/v1/assets", headers: [key]).status == 200)
        }
    }

    @Test func defaultRateLimitIsSixtyPerMinute() async throws {
        try await withSimulator(.owlops, testOptions(rateLimit: .vendorDefault)) { (sim: Simulator) async throws in
            for _ in 0..<60 { #expect(try await send(sim, "/v1/inventory", headers: [key]).status == 200) }
            #expect(try await send(sim, "/v1/inventory", headers: [key]).status == 429)
        }
    }

    @Test func sameSeedSameData() async throws {
        let a = try await withSimulator(.owlops) { try await send($0, "/v1/assets?pageSize=10", headers: [key]).body }
        let b = try await withSimulator(.owlops) { try await send($0, "/v1/assets?pageSize=10", headers: [key]).body }
        #expect(a == b)
        var other = testOptions()
        other.seed = 43
        let c = try await withSimulator(.owlops, other) { try await send($0, "/v1/assets?pageSize=10", headers: [key]).body }
        #expect(a != c)
    }
}
