import Document
import TestSupport
import Testing
@testable import OpenAPI

@Suite struct ValidatorRobustnessTests {
    static let alphabet = Array("/?&=%[]{};.,|+ aZ09-_:\"\\\u{0}é".utf8)

    /// Replaces, inserts or deletes bytes of `seed`; invalid UTF-8 is decoded with replacement characters.
    static func mutate(_ seed: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var b = seed
        for _ in 0..<(1 + rng.below(4)) {
            let byte = rng.below(4) == 0 ? UInt8(truncatingIfNeeded: rng.next()) : alphabet[rng.below(alphabet.count)]
            switch rng.below(3) {
            case 0 where !b.isEmpty: b[rng.below(b.count)] = byte
            case 1: b.insert(byte, at: rng.below(b.count + 1))
            default: if !b.isEmpty { b.remove(at: rng.below(b.count)) }
            }
        }
        return b
    }

    @Test func mutatedRequestsNeverCrashAndAlwaysGetAnAnswer() throws {
        let v = try RequestValidator(document: loadFixture("tasks-31.yaml"))
        let pets = try RequestValidator(document: loadFixture("petstore-30.yaml"))
        let targets = ["/api/v2/tasks?filter[status]=open&filter[due][before]=2026-01-31&includes[]=owner",
                       "/v1/pets?pageSize=10&status=sold", "/v1/pets/3f1c2b9e-1d2a-4c3b-9a8e-7f6d5c4b3a21.ndjson"]
        let bodies = [#"{"title":"t","priority":null,"subtasks":[{"title":"u"}]}"#, #"{"name":"Rex","weight":2.5}"#]
        var rng = SplitMix64(seed: 42)
        for i in 0..<3_000 {
            let target = String(decoding: Self.mutate(Array(targets[i % targets.count].utf8), &rng), as: UTF8.self)
            let body = Self.mutate(Array(bodies[i % bodies.count].utf8), &rng)
            for validator in [v, pets] {
                for method in [HTTPMethod.get, .post] {
                    let r = validator.validate(ValidationRequest(method: method, target: target,
                                                                 headers: [("Content-Type", "application/json")], body: body))
                    // Every outcome is either valid or a known status with at least one reason.
                    if let status = r.status {
                        #expect([400, 404, 405, 413, 415].contains(status))
                        #expect(!r.violations.isEmpty)
                    }
                }
            }
        }
    }

    @Test func mutatedMultipartBodiesNeverCrash() throws {
        let v = try validator("post", requestBody: ["content": ["multipart/form-data": ["schema": ["type": "object"]]]])
        let seed = Array("--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\nContent-Type: image/png\r\n\r\nPNG\r\n--B--\r\n".utf8)
        var rng = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let r = v.validate(ValidationRequest(method: .post, target: "/items",
                                                 headers: [("Content-Type", "multipart/form-data; boundary=B")],
                                                 body: Self.mutate(seed, &rng)))
            if r.status != nil { #expect(!r.violations.isEmpty) }
        }
    }
}
