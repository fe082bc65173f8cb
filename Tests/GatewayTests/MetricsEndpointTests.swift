import Document
import Foundation
import HTTP
import Simulators
import Synchronization
import Testing
@testable import Gateway

/// `/metrics`: Prometheus text 0.0.4 (or JSON) of the limiters, never a secret.
@Suite struct MetricsEndpointTests {
    @Test func metricsEndpointRendersTheLimitersInPrometheusTextWithoutSecrets() async throws {
        let setup = try await OwlOpsBehindGateway.start(
            simulatorLimit: nil,
            upstreamLimit: RateLimitConfiguration(rate: 20, period: .seconds(1), policy: .queue(maxWait: .seconds(1), maxQueue: 100)),
            clientLimit: RateLimitConfiguration(rate: 1, period: .seconds(60), policy: .reject))
        #expect(try await setup.send(RateLimitEndToEndTests.tasks).status == 200)
        #expect(try await setup.send(RateLimitEndToEndTests.tasks).status == 429)
        #expect(try await setup.send("/owlops/v1/tasks?pageSize=100000").status == 400)
        let prometheusAccept = "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.3,*/*;q=0.2"
        let reply = try await setup.gateway.send(.GET, "/metrics", headers: [("Accept", prometheusAccept)])
        #expect(reply.status == 200)
        #expect(try await setup.gateway.send(.GET, "/metrics?format=prometheus").text == reply.text)
        let json = try await setup.gateway.send(.GET, "/metrics")
        #expect(json.headers["Content-Type"] == "application/json")
        #expect(json.json?["rateLimits"]?.arrayValue?.count == 2)
        #expect(try await setup.gateway.send(.GET, "/metrics", headers: [("Accept", "application/json, text/plain")]).json != nil)
        #expect(reply.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8")
        let lines = reply.text.split(separator: "\n").map(String.init)
        for series in [
            #"gateway_ratelimit_admitted_total{scope="upstream",name="owlops"} 1"#,
            #"gateway_ratelimit_rejected_total{scope="upstream",name="owlops"} 0"#,
            #"gateway_ratelimit_admitted_total{scope="client",name="team-a"} 1"#,
            #"gateway_ratelimit_rejected_total{scope="client",name="team-a"} 1"#,
            #"gateway_ratelimit_refunded_total{scope="client",name="team-a"} 0"#,
            #"gateway_ratelimit_queue_wait_seconds_max{scope="upstream",name="owlops"} 0"#,
            #"gateway_ratelimit_pause_remaining_seconds{scope="upstream",name="owlops"} 0"#,
            #"gateway_ratelimit_pause_remaining_seconds{scope="client",name="team-a"} 0"#,
            #"gateway_ratelimit_limit_info{scope="client",name="team-a",limit="1/1m burst 1, reject"} 1"#,
            "# TYPE gateway_ratelimit_admitted_total counter",
            "# TYPE gateway_ratelimit_queue_depth gauge",
        ] {
            #expect(lines.contains(series), "missing: \(series)\n\(reply.text)")
        }
        for line in lines where !line.hasPrefix("# HELP ") && !line.hasPrefix("# TYPE ") {
            #expect(Self.isSample(line), "not a 0.0.4 sample line: \(line)")
        }
        let token = setup.gateway.token()
        let secrets = [token, Crypto.hex(ClientToken.hash(token)), String(Crypto.hex(ClientToken.hash(token)).prefix(16)),
                       DemoValues.owlopsKey, String(Crypto.hex(Crypto.sha256(Array(DemoValues.owlopsKey.utf8))).prefix(8))]
        for secret in secrets { #expect(!reply.text.contains(secret) && !json.text.contains(secret)) }
        #expect(try await setup.gateway.send(.POST, "/metrics").status == 405)
        await setup.stop()
    }

    @Test func metricsTextEscapesLabelsAndWritesExactSeconds() {
        var m = RateLimitMetrics(scope: RateLimitScope(.client, "a\"b\\c\nd"), summary: "s")
        m.totalQueueWait = 1_500_000_000
        m.maxQueueWait = 1_000_001
        m.pauseRemaining = 7
        let text = MetricsEndpoint.render([m])
        let labels = #"scope="client",name="a\"b\\c\nd""#
        #expect(text.contains("gateway_ratelimit_queue_wait_seconds_total{\(labels)} 1.5\n"))
        #expect(text.contains("gateway_ratelimit_queue_wait_seconds_max{\(labels)} 0.001000001\n"))
        #expect(text.contains("gateway_ratelimit_pause_remaining_seconds{\(labels)} 0.000000007\n"))
        #expect(text.split(separator: "\n").allSatisfy { $0.hasPrefix("#") || Self.isSample(String($0)) })
        #expect(MetricsEndpoint.render([]).split(separator: "\n").allSatisfy { $0.hasPrefix("# ") })
    }

    /// `name{label="value",…} number` with a valid metric name and quoted, escaped label values.
    static func isSample(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        var i = 0
        func isNameByte(_ b: UInt8, first: Bool) -> Bool {
            (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || b == 95 || b == 58 || (!first && b >= 48 && b <= 57)
        }
        guard i < bytes.count, isNameByte(bytes[i], first: true) else { return false }
        while i < bytes.count, isNameByte(bytes[i], first: false) { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "{") {
            i += 1
            while i < bytes.count, bytes[i] != UInt8(ascii: "}") {
                guard isNameByte(bytes[i], first: true) else { return false }
                while i < bytes.count, isNameByte(bytes[i], first: false) { i += 1 }
                guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "="), bytes[i + 1] == UInt8(ascii: "\"") else { return false }
                i += 2
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                    guard i < bytes.count, bytes[i] != 10 else { return false }
                    i += 1
                }
                guard i < bytes.count else { return false }
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: ",") { i += 1 }
            }
            guard i < bytes.count else { return false }
            i += 1
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: " ") else { return false }
        let value = String(decoding: bytes[(i + 1)...], as: UTF8.self)
        return Double(value) != nil && !value.isEmpty && !value.contains(" ")
    }
}
