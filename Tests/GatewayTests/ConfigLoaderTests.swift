import Testing
import Document
@testable import Gateway

/// Loading `gateway.yaml`: the model, defaults, and that every problem is reported with its place.
@Suite struct ConfigLoaderTests {
    @Test func loadsMinimalConfigurationWithDefaults() throws {
        let config = try ConfigFixtures.load(ConfigFixtures.minimal).get()
        #expect(config.listen == ListenConfiguration(host: "127.0.0.1", port: 8080, tls: nil))
        #expect(config.limits == ServerLimits())
        #expect(config.limits.maxHeadBytes == 16 * 1024 && config.limits.maxBodyBytes == 10 * 1024 * 1024)
        #expect(config.audit == .standardOutput)
        #expect(config.clients.isEmpty)
        #expect(config.publicBaseURL == nil)
        let owlops = try #require(config.upstream(named: "owlops"))
        #expect(owlops.mount == "/owlops")
        #expect(owlops.specPath == "/etc/gw/specs/owlops.yaml")
        #expect(owlops.baseURL.origin == "https://owlops.example.invalid")
        #expect(owlops.timeouts == UpstreamTimeouts(connect: .seconds(5), firstByte: .seconds(30), total: .seconds(60)))
        #expect(owlops.rateLimit == nil)
        #expect(owlops.caFile == nil)
        #expect(owlops.allowUndeclaredQueryParameters == false)
        guard case .apiKey(let key) = owlops.auth else { Issue.record("expected apiKey"); return }
        #expect(key.placement == .header("X-Api-Key"))
        #expect(key.secret.reveal() == "owlk_test_fake_0000000000000000000000000000")
        #expect(key.secret.source == "${OWLOPS_API_KEY}")
    }

    @Test func readsEveryKey() throws {
        let yaml = """
        listen:
          host: 0.0.0.0
          port: 8443
          tls:
            certificateFile: tls/cert.pem
            privateKeyFile: /abs/key.pem
        publicBaseURL: https://gateway.example.invalid/
        limits:
          maxHeadBytes: 32KiB
          maxBodyBytes: 1MiB
          headerTimeout: 5s
          bodyTimeout: 1m30s
          idleTimeout: 500ms
          maxConnections: 10
        audit:
          path: logs/audit.jsonl
        clients:
          - name: reporting
            tokenSHA256: "ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789"
            upstreams: [owlops, upkeep]
            operationIds:
              owlops: [listTasks, getTask]
            rateLimit: {rate: 10, period: 1s, burst: 5}
        upstreams:
          - name: owlops
            mount: /owlops
            spec: specs/owlops.yaml
            baseURL: https://owlops.example.invalid:8443/base/
            auth: {type: apiKey, query: api_key, secret: "file:secrets/owlops"}
            rateLimit: {rate: 60, period: 1m, policy: queue, maxWait: 2s, maxQueue: 7}
            timeouts: {connect: 1s, firstByte: 2s, total: 3s}
            caFile: ca.pem
            allowUndeclaredQueryParameters: true
          - name: upkeep
            mount: /teams/upkeep
            spec: specs/upkeep.yaml
            baseURL: http://127.0.0.1:9001
            auth: {type: sessionLogin, email: ops@example.invalid, password: "${UPKEEP_PASSWORD}"}
          - name: trackops
            mount: /trackops
            spec: specs/trackops.yaml
            baseURL: https://${TRACKOPS_SUBDOMAIN}.viewcases.com/api/v1
            auth: {type: basic, username: "${TRACKOPS_USERNAME}", password: "${TRACKOPS_API_TOKEN}"}
            rateLimit: {rate: 1, period: 1s, policy: reject}
          - name: owox
            mount: /owox
            spec: specs/owox.yaml
            baseURL: https://app.owox.com
            auth: {type: keyExchange, key: "${OWOX_API_KEY}"}
          - name: opsdeck
            mount: /opsdeck
            spec: specs/opsdeck.yaml
            baseURL: https://${OPSDECK_HOST}
            auth: {type: bearer, token: "${OPSDECK_API_TOKEN}"}
        """
        let files = ["/etc/gw/secrets/owlops": "owlk_test_fake_file_000\n", "/etc/gw/tls/cert.pem": "-", "/abs/key.pem": "-",
                     "/etc/gw/ca.pem": "-"]
        let config = try ConfigFixtures.load(yaml, files: files).get()
        #expect(config.listen == ListenConfiguration(host: "0.0.0.0", port: 8443,
                                                     tls: TLSFiles(certificateFile: "/etc/gw/tls/cert.pem", privateKeyFile: "/abs/key.pem")))
        #expect(config.publicBaseURL == "https://gateway.example.invalid")
        #expect(config.limits == ServerLimits(maxHeadBytes: 32 << 10, maxBodyBytes: 1 << 20, headerTimeout: .seconds(5),
                                              bodyTimeout: .seconds(90), idleTimeout: .milliseconds(500), maxConnections: 10))
        #expect(config.audit == .file("/etc/gw/logs/audit.jsonl"))

        let client = try #require(config.client(named: "reporting"))
        #expect(client.tokenSHA256.count == 32 && client.tokenSHA256.first == 0xAB && client.tokenSHA256.last == 0x89)
        #expect(client.rateLimit == RateLimitConfiguration(rate: 10, period: .seconds(1), burst: 5, policy: .reject))
        #expect(client.allows(upstream: "owlops", operationId: "getTask"))
        #expect(!client.allows(upstream: "owlops", operationId: "listInvoices"))
        #expect(client.allows(upstream: "upkeep", operationId: "anything"))
        #expect(!client.allows(upstream: "trackops", operationId: "listClients"))

        let owlops = try #require(config.upstream(named: "owlops"))
        #expect(owlops.baseURL == UpstreamURL(scheme: "https", host: "owlops.example.invalid", port: 8443, path: "/base"))
        #expect(owlops.rateLimit == RateLimitConfiguration(rate: 60, period: .seconds(60), burst: 1,
                                                           policy: .queue(maxWait: .seconds(2), maxQueue: 7)))
        #expect(owlops.timeouts == UpstreamTimeouts(connect: .seconds(1), firstByte: .seconds(2), total: .seconds(3)))
        #expect(owlops.caFile == "/etc/gw/ca.pem")
        #expect(owlops.allowUndeclaredQueryParameters)
        guard case .apiKey(let key) = owlops.auth else { Issue.record("expected apiKey"); return }
        #expect(key.placement == .query("api_key"))
        #expect(key.secret.reveal() == "owlk_test_fake_file_000")

        let upkeep = try #require(config.upstream(named: "upkeep"))
        #expect(upkeep.mount == "/teams/upkeep")
        guard case .sessionLogin(let login) = upkeep.auth else { Issue.record("expected sessionLogin"); return }
        #expect(login.loginPath == "/api/v2/auth" && login.email == "ops@example.invalid")
        #expect(login.password.reveal() == "upkeep_test_fake_password_000")

        let trackops = try #require(config.upstream(named: "trackops"))
        #expect(trackops.baseURL.description == "https://acme-fake.viewcases.com/api/v1")
        #expect(trackops.rateLimit?.policy == .reject)
        guard case .basic(let basic) = trackops.auth else { Issue.record("expected basic"); return }
        #expect(basic.username == "apiuser/token" && basic.password.reveal() == "trackops_test_fake_token_000")

        guard case .keyExchange(let exchange) = try #require(config.upstream(named: "owox")).auth else {
            Issue.record("expected keyExchange"); return
        }
        #expect(exchange.key.reveal() == ConfigFixtures.variables["OWOX_API_KEY"])
        #expect(exchange.decoded.apiOrigin.origin == "https://app.owox.com")
        #expect(exchange.decoded.apiKeyId == "key-id-fake-0")
        #expect(exchange.decoded.apiKeySecret.reveal() == "owox_secret_test_fake_000")
        let opsdeck = try #require(config.upstream(named: "opsdeck"))
        #expect(opsdeck.baseURL.origin == "https://opsdeck.example.invalid")
        guard case .bearer(let token) = opsdeck.auth else { Issue.record("expected bearer"); return }
        #expect(token.reveal() == "opsdeck_test_fake_token_000")
    }

    @Test func upstreamRateLimitDefaultsToShortQueueAndClientLimitToReject() throws {
        let yaml = """
        clients:
          - name: a
            tokenSHA256: "\(String(repeating: "1", count: 64))"
            upstreams: [owlops]
            rateLimit: {rate: 5, period: 1s}
        upstreams:
          - name: owlops
            mount: /owlops
            spec: specs/owlops.yaml
            baseURL: https://owlops.example.invalid
            auth: {type: bearer, token: "${OPSDECK_API_TOKEN}"}
            rateLimit: {rate: 60, period: 1m}
        """
        let config = try ConfigFixtures.load(yaml).get()
        #expect(config.upstreams[0].rateLimit?.policy == .queue(maxWait: .seconds(1), maxQueue: 100))
        #expect(config.upstreams[0].rateLimit?.burst == 1)
        #expect(config.clients[0].rateLimit?.policy == .reject)
    }

    @Test func rejectsUnknownKeyWithSuggestion() {
        let yaml = """
        listen:
          prot: 8080
        upstreams:
          - name: owlops
            mount: /owlops
            spec: specs/owlops.yaml
            baseUrl: https://owlops.example.invalid
            auth: {type: apiKey, header: X-Api-Key, secret: "${OWLOPS_API_KEY}"}
        """
        #expect(ConfigFixtures.problems(yaml) == [
            "gateway.yaml:2:3: listen.prot: unknown key 'prot' (did you mean 'port'?)",
            "gateway.yaml:4:5: upstreams[0]: missing required key 'baseURL'",
            "gateway.yaml:7:5: upstreams[0].baseUrl: unknown key 'baseUrl' (did you mean 'baseURL'?)",
        ])
    }

    @Test func rejectsUnknownAuthStrategyWithSuggestion() {
        let yaml = ConfigFixtures.upstream(auth: """
        type: baisc
        username: someone
        password: ${TRACKOPS_API_TOKEN}
        """)
        #expect(ConfigFixtures.problems(yaml) == [
            "gateway.yaml:7:13: upstreams[0].auth.type: unknown strategy 'baisc' (did you mean 'basic'?); "
                + "use one of apiKey, basic, bearer, sessionLogin, keyExchange",
        ])
    }

    @Test func unknownKeyFarFromAnyCandidateHasNoSuggestion() {
        let yaml = "frobnicate: 1\n" + ConfigFixtures.minimal
        #expect(ConfigFixtures.problems(yaml) == ["gateway.yaml:1:1: frobnicate: unknown key 'frobnicate'"])
    }

    @Test func reportsAllProblemsAtOnce() {
        let yaml = """
        listen:
          port: 70000
        limits:
          headerTimeout: 30
        clients:
          - name: reporting
            tokenSHA256: abc
            upstreams: [owlop]
        upstreams:
          - name: owlops
            mount: owlops
            spec: specs/owlops.yaml
            baseURL: ftp://owlops.example.invalid
            auth: {type: apiKey, header: X-Api-Key, secret: owlk_literal_fake_value}
            rateLimit: {rate: 60, period: 1 minute, policy: queue}
        """
        let problems = ConfigFixtures.problems(yaml, variables: [:])
        #expect(problems == [
            "gateway.yaml:2:9: listen.port: 70000 is out of range 0...65535",
            "gateway.yaml:4:18: limits.headerTimeout: expected a string, found an integer",
            "gateway.yaml:7:18: clients[0].tokenSHA256: must be 64 hexadecimal characters (the SHA-256 printed by 'gateway token create')",
            "gateway.yaml:8:17: clients[0].upstreams[0]: unknown upstream 'owlop' (did you mean 'owlops'?)",
            "gateway.yaml:11:12: upstreams[0].mount: must start with '/' and name a path, like '/owlops'",
            "gateway.yaml:13:14: upstreams[0].baseURL: scheme 'ftp' is not allowed (use http or https)",
            "gateway.yaml:14:53: upstreams[0].auth.secret: secrets must be a ${ENV} or file: reference",
            "gateway.yaml:15:35: upstreams[0].rateLimit.period: '1 minute' is not a duration; write e.g. '500ms', '30s' or '1m'",
        ])
    }

    @Test func reportsMissingRequiredKeysAndEmptyValues() {
        let yaml = """
        upstreams:
          - name: owlops
            mount:
            auth: {type: bearer}
        """
        #expect(ConfigFixtures.problems(yaml) == [
            "gateway.yaml:2:5: upstreams[0]: missing required key 'spec'",
            "gateway.yaml:2:5: upstreams[0]: missing required key 'baseURL'",
            "gateway.yaml:3:11: upstreams[0].mount: 'mount' needs a value",
            "gateway.yaml:4:11: upstreams[0].auth: missing required key 'token'",
        ])
    }

    @Test func rejectsWrongTypes() {
        let yaml = """
        listen: {port: "8080"}
        upstreams:
          - name: owlops
            mount: /owlops
            spec: specs/owlops.yaml
            baseURL: https://owlops.example.invalid
            auth: {type: apiKey, header: X-Api-Key, secret: "${OWLOPS_API_KEY}"}
            allowUndeclaredQueryParameters: yes
            rateLimit: {rate: 1.5, period: 1s, burst: [1]}
            timeouts: 5s
        """
        #expect(ConfigFixtures.problems(yaml) == [
            "gateway.yaml:1:16: listen.port: expected an integer, found a string",
            "gateway.yaml:8:37: upstreams[0].allowUndeclaredQueryParameters: expected true or false, found a string",
            "gateway.yaml:9:23: upstreams[0].rateLimit.rate: expected an integer, found a number",
            "gateway.yaml:9:47: upstreams[0].rateLimit.burst: expected an integer, found a list",
            "gateway.yaml:10:15: upstreams[0].timeouts: expected a mapping, found a string",
        ])
    }

    @Test func rejectsBadDurationsAndSizes() {
        let yaml = """
        limits:
          maxHeadBytes: 16KB
          maxBodyBytes: lots
          headerTimeout: 1.5s
          bodyTimeout: 30sec
          idleTimeout: 0s
        """ + "\n" + ConfigFixtures.minimal
        #expect(ConfigFixtures.problems(yaml) == [
            "gateway.yaml:2:17: limits.maxHeadBytes: '16KB': unknown unit 'KB' (did you mean 'KiB'?); use B, KiB, MiB or GiB",
            "gateway.yaml:3:17: limits.maxBodyBytes: 'lots' is not a size; write e.g. '16KiB' or '10MiB'",
            "gateway.yaml:4:18: limits.headerTimeout: '1.5s': unknown unit '.' (use ms, s, m or h)",
            "gateway.yaml:5:16: limits.bodyTimeout: '30sec': unknown unit 'sec' (use ms, s, m or h)",
            "gateway.yaml:6:16: limits.idleTimeout: must be longer than 0",
        ])
    }

    @Test func rejectsDuplicateUpstreamNamesAndMounts() {
        let yaml = """
        upstreams:
          - {name: a, mount: /a, spec: a.yaml, baseURL: "https://a.invalid", auth: {type: bearer, token: "${T}"}}
          - {name: a, mount: /b, spec: b.yaml, baseURL: "https://b.invalid", auth: {type: bearer, token: "${T}"}}
          - {name: c, mount: /a, spec: c.yaml, baseURL: "https://c.invalid", auth: {type: bearer, token: "${T}"}}
        """
        #expect(ConfigFixtures.problems(yaml, variables: ["T": "t_fake"]).filter { !$0.contains("cannot read") } == [
            "gateway.yaml:3:12: upstreams[1].name: duplicate upstream name 'a' (first used at upstreams[0])",
            "gateway.yaml:4:22: upstreams[2].mount: duplicate mount '/a' (also used by upstreams[0])",
        ])
    }

    @Test func rejectsOverlappingMountsButNotSharedPrefixes() {
        func config(_ m1: String, _ m2: String) -> String {
            """
            upstreams:
              - {name: a, mount: \(m1), spec: specs/a.yaml, baseURL: "https://a.invalid", auth: {type: bearer, token: "${T}"}}
              - {name: b, mount: \(m2), spec: specs/b.yaml, baseURL: "https://b.invalid", auth: {type: bearer, token: "${T}"}}
            """
        }
        #expect(ConfigFixtures.problems(config("/ops", "/ops/deck"), variables: ["T": "t_fake"]) == [
            "gateway.yaml:3:22: upstreams[1].mount: mount '/ops/deck' overlaps '/ops' of upstreams[0]; mounts must not nest",
        ])
        #expect(ConfigFixtures.problems(config("/owl", "/owlops"), variables: ["T": "t_fake"]) == ["loaded"])
    }

    @Test func rejectsClientRulesThatCannotWork() {
        let hash = String(repeating: "a", count: 64)
        let yaml = """
        clients:
          - name: one
            tokenSHA256: "\(hash)"
            upstreams: [owlops]
            operationIds:
              upkeep: [listAssets]
          - name: one
            tokenSHA256: "\(hash)"
            upstreams: []
        """ + "\n" + ConfigFixtures.minimal
        #expect(ConfigFixtures.problems(yaml) == [
            "gateway.yaml:6:7: clients[0].operationIds.upkeep: 'upkeep' is not in this client's upstreams (this client's upstreams: owlops)",
            "gateway.yaml:9:16: clients[1].upstreams: needs at least one upstream",
        ])
    }

    @Test func unquotedNumericTokenHashGetsAQuotingHint() {
        let yaml = """
        clients:
          - {name: one, tokenSHA256: \(String(repeating: "1", count: 64)), upstreams: [owlops]}
        """ + "\n" + ConfigFixtures.minimal
        #expect(ConfigFixtures.problems(yaml) == [
            "gateway.yaml:2:30: clients[0].tokenSHA256: YAML read this as a number; put the hash in quotes",
        ])
    }

    @Test func rejectsDuplicateClientNamesAndTokens() {
        let hash = String(repeating: "b", count: 64)
        let yaml = """
        clients:
          - {name: one, tokenSHA256: "\(hash)", upstreams: [owlops]}
          - {name: one, tokenSHA256: "\(hash.uppercased())", upstreams: [owlops]}
        """ + "\n" + ConfigFixtures.minimal
        #expect(ConfigFixtures.problems(yaml) == [
            "gateway.yaml:3:12: clients[1].name: duplicate client name 'one' (first used at clients[0])",
            "gateway.yaml:3:30: clients[1].tokenSHA256: same token hash as clients[0]; every client needs its own token",
        ])
    }

    @Test func reportsUnreadableReferencedFiles() {
        let yaml = ConfigFixtures.minimal.replacingOccurrences(of: "specs/owlops.yaml", with: "elsewhere/owlops.yaml")
            + "\n    caFile: /nowhere/ca.pem"
        #expect(ConfigFixtures.problems(yaml) == [
            "gateway.yaml:4:11: upstreams[0].spec: cannot read '/etc/gw/elsewhere/owlops.yaml'",
            "gateway.yaml:10:13: upstreams[0].caFile: cannot read '/nowhere/ca.pem'",
        ])
    }

    @Test func yamlSyntaxErrorIsReportedWithItsPosition() throws {
        let dir = try ConfigTempDirectory()
        try dir.write("gateway.yaml", "upstreams:\n  - name: [unclosed\n")
        let problems = ConfigurationCheck.run(configPath: dir.path + "/gateway.yaml", environment: .process).errors
        #expect(problems.hasPrefix(dir.path + "/gateway.yaml:3:1: "))
    }

    @Test func documentMustBeAMapping() {
        #expect(ConfigFixtures.problems("- just\n- a list\n") == ["gateway.yaml:1:1: expected a mapping, found a list"])
    }
}
