import Testing
@testable import Gateway

/// Durations, sizes, suggestions, key paths and base URLs as written in `gateway.yaml`.
@Suite struct ConfigUnitsTests {
    @Test(arguments: [("500ms", Duration.milliseconds(500)), ("30s", .seconds(30)), ("1m", .seconds(60)),
                      ("2h", .seconds(7200)), ("1m30s", .seconds(90)), ("1h0m5s250ms", .milliseconds(3_605_250)), ("0s", .zero)])
    func parsesDurations(text: String, expected: Duration) throws {
        #expect(try DurationText.parse(text).get() == expected)
    }

    @Test(arguments: [("30", "'30' has no unit; write e.g. '30s' or '30ms'"),
                      ("1.5s", "'1.5s': unknown unit '.' (use ms, s, m or h)"),
                      ("30sec", "'30sec': unknown unit 'sec' (use ms, s, m or h)"),
                      ("s", "'s' is not a duration; write e.g. '500ms', '30s' or '1m'"),
                      ("30s1m", "'30s1m': write larger units first, each once (e.g. '1m30s')"),
                      ("-1s", "'-1s' is not a duration; write e.g. '500ms', '30s' or '1m'"),
                      ("99999999999h", "'99999999999h' is too large"),
                      ("", "empty duration; write e.g. '500ms', '30s' or '1m'")])
    func rejectsMalformedDurations(text: String, message: String) {
        #expect(throws: UnitTextProblem(stringLiteral: message)) { try DurationText.parse(text).get() }
    }

    @Test func formatsDurationsInTheSameNotation() {
        #expect(DurationText.format(.seconds(90)) == "1m30s")
        #expect(DurationText.format(.milliseconds(500)) == "500ms")
        #expect(DurationText.format(.zero) == "0s")
        #expect(DurationText.format(.seconds(3600)) == "1h")
    }

    @Test func parsesAndFormatsSizes() throws {
        #expect(try ByteSizeText.parse("16KiB").get() == 16_384)
        #expect(try ByteSizeText.parse("10MiB").get() == 10_485_760)
        #expect(try ByteSizeText.parse("1GiB").get() == 1 << 30)
        #expect(try ByteSizeText.parse("512B").get() == 512)
        #expect(try ByteSizeText.parse("4096").get() == 4096)
        #expect(ByteSizeText.format(16_384) == "16KiB")
        #expect(ByteSizeText.format(1000) == "1000B")
        #expect(throws: UnitTextProblem(stringLiteral: "'10MB': unknown unit 'MB' (did you mean 'MiB'?); use B, KiB, MiB or GiB")) {
            try ByteSizeText.parse("10MB").get()
        }
    }

    @Test func suggestsWithinTwoEditsOnly() {
        #expect(Suggestion.closest(to: "upstream", in: ConfigurationReader.rootKeys) == "upstreams")
        #expect(Suggestion.closest(to: "baseUrl", in: ConfigurationReader.upstreamKeys) == "baseURL")
        #expect(Suggestion.closest(to: "sesionLogn", in: UpstreamAuth.typeNames) == "sessionLogin")
        #expect(Suggestion.closest(to: "ratelimits", in: ConfigurationReader.upstreamKeys) == "rateLimit")
        #expect(Suggestion.closest(to: "xyz", in: ConfigurationReader.upstreamKeys) == nil)
        #expect(Suggestion.distance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars), limit: 5) == 3)
    }

    @Test func keyPathsPrintDottedWithIndexes() {
        let path = ConfigPath.root.appending("upstreams").appending(2).appending("auth").appending("type")
        #expect(path.description == "upstreams[2].auth.type")
        #expect(path.pointer.string == "/upstreams/2/auth/type")
        #expect(ConfigPath.root.description == "")
    }

    @Test func parsesBaseURLs() throws {
        let url = try UpstreamURL.parse("HTTPS://API.OnUpkeep.com/").get()
        #expect(url == UpstreamURL(scheme: "https", host: "api.onupkeep.com", port: 443, path: ""))
        #expect(url.origin == "https://api.onupkeep.com")
        let local = try UpstreamURL.parse("http://127.0.0.1:9001/api/v1").get()
        #expect(local.origin == "http://127.0.0.1:9001" && local.path == "/api/v1" && local.description == "http://127.0.0.1:9001/api/v1")
        let v6 = try UpstreamURL.parse("http://[::1]:8080").get()
        #expect(v6.host == "[::1]" && v6.port == 8080)
        #expect(throws: UpstreamURL.URLProblem.scheme("file")) { try UpstreamURL.parse("file:///etc/passwd").get() }
    }

    @Test func diagnosticsPrintFileLineColumnPathMessage() {
        let d = ConfigurationDiagnostic(file: "gateway.yaml", location: .init(line: 14, column: 5, offset: 300),
                                        path: ConfigPath.root.appending("upstreams").appending(2).appending("auth").appending("type"),
                                        message: "unknown strategy 'baisc' (did you mean 'basic'?)")
        #expect(d.description == "gateway.yaml:14:5: upstreams[2].auth.type: unknown strategy 'baisc' (did you mean 'basic'?)")
        let noWhere = ConfigurationDiagnostic(file: "g.yaml", location: nil, path: .root, message: "cannot read configuration: no such file")
        #expect(noWhere.description == "g.yaml: cannot read configuration: no such file")
    }
}
