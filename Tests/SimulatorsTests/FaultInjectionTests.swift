import Document
import HTTP
import Testing
@testable import Simulators

@Suite struct FaultInjectionTests {
    let key = ("X-Api-Key", DemoValues.owlopsKey)

    @Test func errorEveryNthCyclesStatusesInVendorShape() async throws {
        var faults = FaultSettings()
        faults.errorEvery = 2
        try await withSimulator(.owlops, testOptions(faults: faults)) { (sim: Simulator) async throws in
            var statuses: [Int] = []
            for _ in 0..<8 { statuses.append(try await send(sim, "/v1/assets", headers: [key]).status) }
            #expect(statuses == [200, 500, 200, 502, 200, 503, 200, 500])
            #expect(await sim.stats().faultsInjected == 4)
        }
    }

    @Test func throttleAnswers429WithRetryAfterSetAtRuntime() async throws {
        try await withSimulator(.trackops) { (sim: Simulator) async throws in
            let set = try await send(sim, "/__sim/faults", method: .POST,
                                     body: jsonBody(.obj([("throttleEvery", 1), ("retryAfterSeconds", 7)])))
            #expect(set.status == 200)
            let limited = try await send(sim, "/api/v1/staff", headers: [trackopsAuth()])
            #expect(limited.status == 429)
            #expect(limited.headers["Retry-After"] == "7")
            #expect(try await send(sim, "/__sim/faults", method: .DELETE).status == 200)
            #expect(try await send(sim, "/api/v1/staff", headers: [trackopsAuth()]).status == 200)
            #expect(try await send(sim, "/__sim/faults", method: .POST, body: jsonBody(.obj([("bogus", 1)]))).status == 400)
        }
    }

    @Test func latencyDelaysResponses() async throws {
        var faults = FaultSettings()
        faults.latencyMilliseconds = 150
        try await withSimulator(.opsdeck, testOptions(faults: faults)) { (sim: Simulator) async throws in
            let start = ContinuousClock.now
            #expect(try await send(sim, "/api/v1/users", headers: [("Authorization", "Bearer \(DemoValues.opsdeckToken)")]).status == 200)
            #expect(ContinuousClock.now - start >= .milliseconds(150))
        }
    }

    @Test func closeMidBodyCutsTheBodyShort() async throws {
        var faults = FaultSettings()
        faults.closeMidBodyEvery = 1
        try await withSimulator(.owlops, testOptions(faults: faults)) { (sim: Simulator) async throws in
            await #expect(throws: HTTPClientError.self) { _ = try await send(sim, "/v1/tasks?pageSize=100", headers: [key]) }
        }
    }

    @Test func closeMidBodyCutsAStreamShort() async throws {
        try await withSimulator(.owox) { (sim: Simulator) async throws in
            let token = try await owoxToken(sim)
            var faults = FaultSettings()
            faults.closeMidBodyEvery = 1
            await sim.setFaults(faults)
            let h = [("x-owox-authorization", "Bearer \(token)"), ("X-OWOX-Api-Key-Id", DemoValues.owoxKeyId)]
            await #expect(throws: HTTPClientError.self) {
                _ = try await send(sim, "/api/external/http-data/data-marts/web-sessions-0001.ndjson", headers: h)
            }
        }
    }

    @Test func malformedResponseIsRejectedByTheClientParser() async throws {
        var faults = FaultSettings()
        faults.malformedEvery = 2
        try await withSimulator(.owlops, testOptions(faults: faults)) { (sim: Simulator) async throws in
            #expect(try await send(sim, "/v1/assets", headers: [key]).status == 200)
            do {
                _ = try await send(sim, "/v1/assets", headers: [key])
                Issue.record("a malformed response was accepted")
            } catch let error as HTTPClientError {
                guard case .malformedResponse = error else { Issue.record("unexpected \(error)"); return }
            }
        }
    }

    @Test func garbledBodyIsWellFramedButNotJSON() async throws {
        var faults = FaultSettings()
        faults.garbledBodyEvery = 1
        try await withSimulator(.upkeep, testOptions(faults: faults)) { (sim: Simulator) async throws in
            let login = try await send(sim, "/api/v2/auth", method: .POST, headers: [("Content-Type", "application/json")],
                                       body: jsonBody(.obj([("email", .string(DemoValues.upkeepEmail)), ("password", .string(DemoValues.upkeepPassword))])))
            #expect(login.status == 200)
            #expect(!login.body.isEmpty)
            #expect(login.json == nil)
        }
    }

    @Test func statsFingerprintSecretsAndCountPerCredential() async throws {
        try await withSimulator(.owlops) { (sim: Simulator) async throws in
            _ = try await send(sim, "/v1/assets", headers: [key])
            _ = try await send(sim, "/v1/assets", headers: [key])
            _ = try await send(sim, "/v1/assets", headers: [("X-Api-Key", DemoValues.owlopsSecondKey)])
            let stats = try await send(sim, "/__sim/stats").json
            let byCredential = stats?["requestsByCredential"]?.objectValue
            #expect(byCredential?[CredentialFingerprint.of(DemoValues.owlopsKey)] == 2)
            #expect(byCredential?[CredentialFingerprint.of(DemoValues.owlopsSecondKey)] == 1)
            let text = String(decoding: JSONWriter.write(stats ?? .null), as: UTF8.self)
            #expect(!text.contains(DemoValues.owlopsKey) && !text.contains(DemoValues.owlopsSecondKey))
            #expect(stats?["requests"] == 3)
        }
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func fleetStartsAllFive() async throws {
        let fleet = try await SimulatorFleet.start(options: testOptions())
        #expect(fleet.simulators.count == 5)
        #expect(Set(fleet.baseURLs.values).count == 5)
        #expect(fleet.credentials[.opsdeck] == .bearer(DemoValues.opsdeckToken))
        await fleet.stop()
    }
}
