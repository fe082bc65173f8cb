import Document
import HTTP
import Testing
@testable import Simulators

@Suite struct DeterminismTests {
    /// The first page of a main resource, read with the vendor's demo credentials.
    func firstPage(_ vendor: SimulatorVendor, seed: UInt64) async throws -> [UInt8] {
        var options = testOptions()
        options.seed = seed
        return try await withSimulator(vendor, options) { (sim: Simulator) async throws in
            switch vendor {
            case .owlops: return try await send(sim, "/v1/tasks", headers: [("X-Api-Key", DemoValues.owlopsKey)]).body
            case .upkeep: return try await send(sim, "/api/v2/work-orders?limit=20", headers: [("Session-Token", try await upkeepLogin(sim))]).body
            case .trackops: return try await send(sim, "/api/v1/cases?per_page=20", headers: [trackopsAuth()]).body
            case .opsdeck: return try await send(sim, "/api/v1/users?limit=20", headers: [("Authorization", "Bearer \(DemoValues.opsdeckToken)")]).body
            case .owox:
                let token = try await owoxToken(sim)
                return try await send(sim, "/api/external/http-data/reports/weekly-report-0001.ndjson?limit=20",
                                      headers: [("x-owox-authorization", "Bearer \(token)"), ("X-OWOX-Api-Key-Id", DemoValues.owoxKeyId)]).body
            }
        }
    }

    @Test(arguments: SimulatorVendor.allCases)
    func sameSeedGivesSameRecordsOtherSeedOthers(_ vendor: SimulatorVendor) async throws {
        let a = try await firstPage(vendor, seed: 7)
        let b = try await firstPage(vendor, seed: 7)
        let c = try await firstPage(vendor, seed: 8)
        #expect(!a.isEmpty)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func timestampsRoundTrip() {
        #expect(SimTime.iso(0) == "1970-01-01T00:00:00.000Z")
        #expect(SimTime.iso(1_776_168_000.25) == "2026-04-14T12:00:00.250Z")
        #expect(SimTime.parse("2026-04-14") == 1_776_124_800)
        #expect(SimTime.parse("2026-04-14T12:00:00") == 1_776_168_000)
        #expect(SimTime.parse("2026-04-14 12:00") == 1_776_168_000)
        #expect(SimTime.parse("2026-04-14T12:00:00.000Z") == 1_776_168_000)
        #expect(SimTime.parse("2026-13-01") == nil)
        #expect(SimTime.parse("yesterday") == nil)
    }

    @Test func slidingWindowIsExact() {
        var limiter = SlidingWindowLimiter(rule: RateLimitRule(requests: 2, period: 10))
        #expect(limiter.acquire(key: "k", now: 0) == nil)
        #expect(limiter.acquire(key: "k", now: 4) == nil)
        #expect(limiter.acquire(key: "k", now: 9.5) == 0.5)
        #expect(limiter.acquire(key: "k", now: 10) == nil)   // the request at 0 left the window
        #expect(limiter.acquire(key: "other", now: 10) == nil)
    }

    @Test func controlPathsReportAndRefuse() async throws {
        try await withSimulator(.opsdeck) { (sim: Simulator) async throws in
            let set = try await send(sim, "/__sim/faults", method: .POST, body: jsonBody(.obj([("errorEvery", 3), ("errorStatuses", [503])])))
            #expect(set.json?["errorEvery"] == 3)
            #expect(try await send(sim, "/__sim/faults").json?["errorStatuses"] == [503])
            #expect(await sim.faults().errorEvery == 3)
            #expect(try await send(sim, "/__sim/faults", method: .POST, body: jsonBody(.obj([("errorStatuses", [200])]))).status == 400)
            #expect(try await send(sim, "/__sim/nope").status == 404)
            #expect(try await send(sim, "/__sim/stats").json?["requests"] == 0)  // control calls are not vendor requests
        }
    }
}
