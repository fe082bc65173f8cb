import Testing
@testable import Gateway

/// Upstream entries: mounts, base URLs, auth strategies, rate limits and timeouts.
@Suite struct ConfigUpstreamTests {
    @Test(arguments: [
        ("/", "must start with '/' and name a path, like '/owlops'"),
        ("/owlops/", "must not end with '/'"),
        ("/a//b", "must not contain '//'"),
        ("/a/../b", "must not contain '.' or '..' segments"),
        ("/a b", "may only use letters, digits, '-', '.', '_', '~' between slashes"),
        ("/healthz", "'/healthz' is reserved for the gateway's own endpoints"),
        ("/openapi.json", "'/openapi.json' is reserved for the gateway's own endpoints"),
    ])
    func rejectsMalformedAndReservedMounts(mount: String, message: String) {
        #expect(ConfigurationReader.mountProblem(mount) == message)
    }

    @Test(arguments: [
        ("https://user:pw@owlops.example.invalid", "must not contain credentials ('user@'); use auth"),
        ("https://owlops.example.invalid/?x=1", "must not contain a query ('?')"),
        ("https://owlops.example.invalid/#top", "must not contain a fragment ('#')"),
        ("owlops.example.invalid", "must be an absolute URL like https://api.example.com"),
        ("https://:443", "has an invalid or empty host"),
        ("https://owlops.example.invalid:99999", "has an invalid port (1-65535)"),
    ])
    func rejectsUnsafeOrMalformedBaseURLs(url: String, message: String) {
        let yaml = ConfigFixtures.minimal.replacingOccurrences(of: "https://owlops.example.invalid", with: url)
        #expect(ConfigFixtures.problems(yaml) == ["gateway.yaml:5:14: upstreams[0].baseURL: \(message)"])
    }

    @Test func interpolatedBaseURLValueMayNotChangeTheHostOrPath() {
        let yaml = ConfigFixtures.minimal.replacingOccurrences(
            of: "https://owlops.example.invalid", with: "https://${TRACKOPS_SUBDOMAIN}.viewcases.com/api/v1")
        var variables = ConfigFixtures.variables
        variables["TRACKOPS_SUBDOMAIN"] = "evil.example/steal?"
        #expect(ConfigFixtures.problems(yaml, variables: variables) == [
            "gateway.yaml:5:14: upstreams[0].baseURL: environment variable TRACKOPS_SUBDOMAIN must be a host name or part of one (no '/', '?', '#', '@', spaces)",
        ])
        variables["TRACKOPS_SUBDOMAIN"] = nil
        #expect(ConfigFixtures.problems(yaml, variables: variables) == [
            "gateway.yaml:5:14: upstreams[0].baseURL: environment variable TRACKOPS_SUBDOMAIN is not set",
        ])
    }

    @Test func apiKeyNeedsExactlyOnePlacement() {
        let neither = ConfigFixtures.upstream(auth: "type: apiKey\nsecret: ${OWLOPS_API_KEY}")
        #expect(ConfigFixtures.problems(neither) == [
            "gateway.yaml:7:7: upstreams[0].auth: needs 'header' or 'query' (where the key is sent)",
        ])
        let both = ConfigFixtures.upstream(auth: "type: apiKey\nheader: X-Api-Key\nquery: key\nsecret: ${OWLOPS_API_KEY}")
        #expect(ConfigFixtures.problems(both) == [
            "gateway.yaml:9:7: upstreams[0].auth.query: give either 'header' or 'query', not both",
        ])
    }

    @Test func rejectsKeysOfAnotherStrategy() {
        let yaml = ConfigFixtures.upstream(auth: "type: bearer\ntoken: ${OPSDECK_API_TOKEN}\nheader: X-Token")
        #expect(ConfigFixtures.problems(yaml) == [
            "gateway.yaml:9:7: upstreams[0].auth.header: unknown key 'header'",
        ])
    }

    @Test func rateLimitPolicyRules() {
        let base = ConfigFixtures.minimal + "\n    rateLimit: "
        #expect(ConfigFixtures.problems(base + "{rate: 1, period: 1s, policy: queu}") == [
            "gateway.yaml:10:46: upstreams[0].rateLimit.policy: unknown policy 'queu' (did you mean 'queue'?); use queue or reject",
        ])
        #expect(ConfigFixtures.problems(base + "{rate: 1, period: 1s, policy: reject, maxWait: 1s}") == [
            "gateway.yaml:10:54: upstreams[0].rateLimit.maxWait: only applies to policy 'queue' (this limit uses 'reject')",
        ])
        #expect(ConfigFixtures.problems(base + "{rate: 0, period: 0s}") == [
            "gateway.yaml:10:23: upstreams[0].rateLimit.rate: 0 is out of range 1...1000000",
            "gateway.yaml:10:34: upstreams[0].rateLimit.period: must be longer than 0",
        ])
    }

    @Test func totalTimeoutMustCoverTheOthers() {
        let yaml = ConfigFixtures.minimal + "\n    timeouts: {connect: 10s, total: 5s}"
        #expect(ConfigFixtures.problems(yaml) == [
            "gateway.yaml:10:37: upstreams[0].timeouts.total: must be at least as long as connect and firstByte",
        ])
    }

    @Test func anchorsAndMergeKeysShareSettings() throws {
        let yaml = """
        x-limits:
          queue1s: &queue1s {policy: queue, maxWait: 1s, maxQueue: 5}
        upstreams:
          - name: a
            mount: /a
            spec: specs/a.yaml
            baseURL: https://a.example.invalid
            auth: {type: bearer, token: "${OPSDECK_API_TOKEN}"}
            rateLimit: {<<: *queue1s, rate: 1, period: 1s}
        """
        let config = try ConfigFixtures.load(yaml).get()
        #expect(config.upstreams[0].rateLimit == RateLimitConfiguration(rate: 1, period: .seconds(1), burst: 1,
                                                                        policy: .queue(maxWait: .seconds(1), maxQueue: 5)))
    }
}
