import Testing
@testable import Gateway

/// `RateLimiterSet`: client limit then upstream limit, refunds, pause-only upstreams, headers, metrics.
@Suite struct RateLimitSetTests {
    static func set(clock: ManualRateLimitClock, client: RateLimitConfiguration?, upstream: RateLimitConfiguration?) -> RateLimiterSet {
        RateLimiterSet(upstreams: [("owlops", upstream), ("upkeep", nil)],
                       clients: client.map { [("reporting", $0)] } ?? [],
                       clock: clock, unixNanoseconds: { 1_795_424_400 * second })
    }

    static func permit(_ a: RequestAdmission) -> RequestPermit? { if case .admitted(let p) = a { p } else { nil } }
    static func rejection(_ a: RequestAdmission) -> RateLimitRejection? { if case .rejected(let r) = a { r } else { nil } }

    @Test func theClientLimitIsCheckedFirstAndARejectionThereSpendsNoUpstreamBudget() async {
        let clock = ManualRateLimitClock()
        let s = Self.set(clock: clock, client: .reject(1, per: .seconds(60)), upstream: .reject(10, per: .seconds(1)))
        #expect(Self.permit(await s.acquire(client: "reporting", upstream: "owlops")) != nil)
        let r = Self.rejection(await s.acquire(client: "reporting", upstream: "owlops"))
        #expect(r?.scope == RateLimitScope(.client, "reporting"))
        #expect(r?.retryAfterSeconds == 60)
        #expect(s.limiter(upstream: "owlops")?.metrics().admitted == 1)
        #expect(s.limiter(client: "reporting")?.metrics().rejected == 1)
    }

    @Test func anUpstreamRejectionRefundsTheClientAdmission() async {
        let clock = ManualRateLimitClock()
        let s = Self.set(clock: clock, client: .reject(2, per: .seconds(60), burst: 2), upstream: .reject(1, per: .seconds(1)))
        #expect(Self.permit(await s.acquire(client: "reporting", upstream: "owlops")) != nil)
        let r = Self.rejection(await s.acquire(client: "reporting", upstream: "owlops"))
        #expect(r?.scope == RateLimitScope(.upstream, "owlops"))
        let client = s.limiter(client: "reporting")?.metrics()
        #expect(client?.admitted == 2 && client?.refunded == 1, "the client paid only for the request that was sent")
        clock.advance(to: second)
        #expect(Self.permit(await s.acquire(client: "reporting", upstream: "owlops")) != nil,
                "the client still has its second request of the minute")
        #expect(Self.rejection(await s.acquire(client: "reporting", upstream: "owlops"))?.scope.kind == .client)
    }

    @Test func refundingARequestThatWasNotSentGivesBothSlotsBack() async {
        let clock = ManualRateLimitClock()
        let s = Self.set(clock: clock, client: .reject(1, per: .seconds(60)), upstream: .reject(1, per: .seconds(1)))
        guard let p = Self.permit(await s.acquire(client: "reporting", upstream: "owlops")) else { Issue.record("admit"); return }
        s.refund(p)
        #expect(Self.permit(await s.acquire(client: "reporting", upstream: "owlops")) != nil)
    }

    @Test func anUnlimitedUpstreamStillPausesAfterA429AndItsCallerRetries() async {
        let clock = ManualRateLimitClock()
        let s = Self.set(clock: clock, client: nil, upstream: nil)
        guard let p = Self.permit(await s.acquire(client: "reporting", upstream: "upkeep")) else { Issue.record("admit"); return }
        #expect(s.headerFields(for: p).isEmpty, "no limit, nothing to advertise")
        for _ in 0..<1_000 { _ = await s.acquire(client: "reporting", upstream: "upkeep") }
        #expect(s.limiter(upstream: "upkeep")?.metrics().admitted == 1_001)
        guard let upkeep = s.limiter(upstream: "upkeep") else { Issue.record("limiter"); return }
        // UpKeep answers 429 with no Retry-After: fallback pause 1 s; its caller queues for the retry,
        // and so does a new caller (default bound 1 s).
        let retry = Task { await s.retryAfterUpstream429(p, retryAfter: nil, body: nil) }
        await upkeep.untilQueueDepth(atLeast: 1)
        let other = Task { await s.acquire(client: "reporting", upstream: "upkeep") }
        await upkeep.untilQueueDepth(atLeast: 2)
        #expect(upkeep.metrics().pauseRemaining == second)
        clock.advance(to: second)
        #expect(Self.permit(await retry.value)?.upstream.admittedAt == second)
        #expect(Self.permit(await other.value)?.upstream.admittedAt == second)
    }

    @Test func theRetryAfterAn429UsesTheRetryAfterHeaderAndKeepsTheClientPermit() async {
        let clock = ManualRateLimitClock()
        let s = Self.set(clock: clock, client: .reject(1, per: .seconds(60)), upstream: .queue(1, per: .seconds(1), maxWait: .seconds(5)))
        guard let p = Self.permit(await s.acquire(client: "reporting", upstream: "owlops")) else { Issue.record("admit"); return }
        guard let upstream = s.limiter(upstream: "owlops") else { Issue.record("limiter"); return }
        let retry = Task { await s.retryAfterUpstream429(p, retryAfter: "3", body: nil) }
        await upstream.untilQueueDepth(atLeast: 1)
        #expect(upstream.metrics().pauseRemaining == 3 * second)
        clock.advance(to: 3 * second)
        guard let again = Self.permit(await retry.value) else { Issue.record("the retry must be admitted"); return }
        #expect(again.upstream.admittedAt == 3 * second)
        #expect(again.client == p.client, "the client is not charged twice for one request")
        #expect(again.isRetry && !p.isRetry)
        #expect(s.limiter(client: "reporting")?.metrics().admitted == 1)
        // A 429 to the retry is passed on: pause again, no second retry.
        guard let r = Self.rejection(await s.retryAfterUpstream429(again, retryAfter: "2", body: nil)) else {
            Issue.record("a second 429 must be a rejection"); return
        }
        #expect(r.reason == .upstream429 && r.retryAfterSeconds == 2 && r.upstreamPaused)
        #expect(upstream.metrics().retries == 1 && upstream.metrics().upstreamPauses == 2)
    }

    @Test func responseHeadersListTheClientAndUpstreamPolicies() async {
        let clock = ManualRateLimitClock()
        let s = Self.set(clock: clock, client: .reject(600, per: .seconds(60), burst: 20),
                         upstream: .queue(60, per: .seconds(60), maxWait: .seconds(1)))
        guard let p = Self.permit(await s.acquire(client: "reporting", upstream: "owlops")) else { Issue.record("admit"); return }
        let fields = s.headerFields(for: p)
        #expect(fields.map(\.name) == ["RateLimit-Policy", "RateLimit"])
        #expect(fields.map(\.value) == ["\"client\";q=600;w=60, \"upstream\";q=60;w=60",
                                        "\"client\";r=19;t=1, \"upstream\";r=0;t=1"])
    }

    @Test func metricsListUpstreamsThenClients() async {
        let clock = ManualRateLimitClock()
        let s = Self.set(clock: clock, client: .reject(1, per: .seconds(1)), upstream: .reject(5, per: .seconds(1)))
        _ = await s.acquire(client: "reporting", upstream: "owlops")
        _ = await s.acquire(client: "reporting", upstream: "owlops")
        let m = s.metrics()
        #expect(m.map(\.scope) == [RateLimitScope(.upstream, "owlops"), RateLimitScope(.upstream, "upkeep"), RateLimitScope(.client, "reporting")])
        #expect(m.map(\.admitted) == [1, 0, 1])
        #expect(m.map(\.rejected) == [0, 0, 1])
        #expect(m[1].summary == "no limit (pauses on upstream 429)")
        #expect(m[0].summary == "5/1s burst 1, reject")
    }

    @Test func builtFromTheCommittedGatewayYAML() throws {
        let config = try ConfigurationLoader.load(path: ConfigCommittedFileTests.path,
                                                  environment: ConfigFixtures.realFiles(ConfigFixtures.variables),
                                                  options: ConfigCommittedFileTests.options)
        let s = RateLimiterSet(configuration: config, clock: ManualRateLimitClock())
        #expect(s.metrics().map(\.scope.description) == ["upstream owlops", "upstream upkeep", "upstream trackops",
                                                          "upstream owox", "upstream opsdeck", "client reporting"])
        #expect(s.limiter(upstream: "owlops")?.configuration.rate == 60)
        #expect(s.limiter(upstream: "trackops").map { RateLimitHeaders.policyItem($0.scope, $0.configuration) } == "\"upstream\";q=1;w=1")
    }
}
