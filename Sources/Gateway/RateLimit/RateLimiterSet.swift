#if canImport(Glibc)
import Glibc
#endif

/// Every limiter of the gateway: one per upstream credential and one per client that has a limit.
///
/// Order (DESIGN.md step 6): the client's limit, then the upstream's. The pipeline calls `acquire`
/// only after routing, authentication and validation, so a request that will not be sent never
/// spends budget. When the client limit admits and the upstream limit then refuses (or the caller
/// leaves while queued for the upstream), the client admission is refunded — exactly, when it is
/// still that client's latest admission; otherwise it stays spent (so a refund can never let more
/// through than the limit). A client is therefore not charged for requests the gateway did not send.
public final class RateLimiterSet: Sendable {
    /// The clock every limiter reads.
    public let clock: any RateLimitClock
    /// Wall-clock Unix nanoseconds, for `Retry-After` HTTP-dates.
    let unixNanoseconds: @Sendable () -> Int64
    let clients: [String: RateLimiter]
    let upstreams: [String: RateLimiter]
    /// Upstreams without a configured limit: their limiter only pauses (and queues) after a 429.
    let pauseOnly: Set<String>
    /// Upstreams then clients, in configuration order (for metrics).
    let ordered: [RateLimiter]

    /// The limit given to an upstream without `rateLimit`: effectively unlimited, but a 429 from it
    /// pauses it and callers queue for up to 1 s (the default bound) meanwhile.
    public static let pauseOnlyConfiguration = RateLimitConfiguration(
        rate: 1_000_000, period: .nanoseconds(1), burst: 1_000_000, policy: .queue(maxWait: .seconds(1), maxQueue: 100))

    /// Limiters for every upstream and every client with a `rateLimit` in `configuration`.
    public convenience init(configuration: GatewayConfiguration, clock: any RateLimitClock = ContinuousRateLimitClock(),
                            unixNanoseconds: @escaping @Sendable () -> Int64 = RateLimiterSet.systemUnixNanoseconds) {
        self.init(upstreams: configuration.upstreams.map { ($0.name, $0.rateLimit) },
                  clients: configuration.clients.compactMap { c in c.rateLimit.map { (c.name, $0) } },
                  clock: clock, unixNanoseconds: unixNanoseconds)
    }

    /// Limiters from explicit lists (upstream limit nil: pause-only).
    public init(upstreams: [(name: String, limit: RateLimitConfiguration?)], clients: [(name: String, limit: RateLimitConfiguration)],
                clock: any RateLimitClock,
                unixNanoseconds: @escaping @Sendable () -> Int64 = RateLimiterSet.systemUnixNanoseconds) {
        self.clock = clock
        self.unixNanoseconds = unixNanoseconds
        var u: [String: RateLimiter] = [:]
        var c: [String: RateLimiter] = [:]
        var ordered: [RateLimiter] = []
        var pauseOnly = Set<String>()
        for (name, limit) in upstreams {
            if limit == nil { pauseOnly.insert(name) }
            let l = RateLimiter(scope: RateLimitScope(.upstream, name),
                                configuration: limit ?? RateLimiterSet.pauseOnlyConfiguration, clock: clock)
            u[name] = l
            ordered.append(l)
        }
        for (name, limit) in clients {
            let l = RateLimiter(scope: RateLimitScope(.client, name), configuration: limit, clock: clock)
            c[name] = l
            ordered.append(l)
        }
        self.upstreams = u
        self.clients = c
        self.pauseOnly = pauseOnly
        self.ordered = ordered
    }

    /// The upstream's limiter.
    public func limiter(upstream name: String) -> RateLimiter? { upstreams[name] }
    /// The client's limiter (nil when the client has no limit).
    public func limiter(client name: String) -> RateLimiter? { clients[name] }

    /// Client limit, then upstream limit. Call only for a request that will be sent.
    /// An upstream name that is not configured (the router never produces one) yields `.cancelled`.
    public func acquire(client: String, upstream: String) async -> RequestAdmission {
        guard let upstreamLimiter = upstreams[upstream] else { return .cancelled }
        let clientLimiter = clients[client]
        var clientPermit: RateLimitPermit?
        if let clientLimiter {
            switch await clientLimiter.acquire() {
            case .admitted(let p): clientPermit = p
            case .rejected(let r): return .rejected(r)
            case .cancelled: return .cancelled
            }
        }
        switch await upstreamLimiter.acquire() {
        case .admitted(let p):
            return .admitted(RequestPermit(clientLimiter: clientLimiter, client: clientPermit, upstreamLimiter: upstreamLimiter, upstream: p,
                                           isRetry: false))
        case .rejected(let r):
            if let clientLimiter, let clientPermit { clientLimiter.refund(clientPermit) }
            return .rejected(r)
        case .cancelled:
            if let clientLimiter, let clientPermit { clientLimiter.refund(clientPermit) }
            return .cancelled
        }
    }

    /// The request was admitted but will not be sent (e.g. credentials failed): give both slots back
    /// (each only if still its limiter's latest admission).
    public func refund(_ permit: RequestPermit) {
        permit.upstreamLimiter.refund(permit.upstream)
        if let l = permit.clientLimiter, let p = permit.client { l.refund(p) }
    }

    /// The upstream answered 429 to the request sent with `permit`: pause that upstream for the
    /// hint (Retry-After seconds or HTTP-date, else the body, else `fallbackPause`), then let this
    /// caller retry once when the pause ends if its queue bound allows; otherwise a rejection
    /// whose Retry-After is the pause. The client's own slot is not charged again.
    public func retryAfterUpstream429(_ permit: RequestPermit, retryAfter: String?, body: [UInt8]?) async -> RequestAdmission {
        let hint = UpstreamRetryHint.from(retryAfter: retryAfter, body: body, unixNanoseconds: unixNanoseconds(),
                                          fallback: fallbackPause(permit.upstreamLimiter))
        return await retryAfterUpstream429(permit, hint: hint)
    }

    /// As above with the hint already read. A permit that is itself the retry gets no second one:
    /// the upstream is paused and the caller gets the 429 (reason `upstream429`).
    public func retryAfterUpstream429(_ permit: RequestPermit, hint: UpstreamRetryHint) async -> RequestAdmission {
        let limiter = permit.upstreamLimiter
        let until = clock.now &+ hint.delay
        if permit.isRetry { return .rejected(limiter.rejectAfterUpstream429(pauseUntil: until)) }
        switch await limiter.retryAfterUpstream429(pauseUntil: until) {
        case .admitted(let p):
            return .admitted(RequestPermit(clientLimiter: permit.clientLimiter, client: permit.client, upstreamLimiter: limiter,
                                           upstream: p, isRetry: true))
        case .rejected(let r): return .rejected(r)
        case .cancelled: return .cancelled
        }
    }

    /// Pause after a 429 that carries no hint: one emission interval of the limit, at least 1 s.
    func fallbackPause(_ limiter: RateLimiter) -> Int64 {
        let c = limiter.configuration
        return max(Nanoseconds.perSecond, Nanoseconds.of(c.period) / Int64(max(1, c.rate)))
    }

    /// `RateLimit-Policy` and `RateLimit` for a response to a request admitted with `permit`:
    /// one list item per limit that applies (`"client"`, `"upstream"`), combined per field.
    public func headerFields(for permit: RequestPermit) -> [(name: String, value: String)] {
        var fields: [[(name: String, value: String)]] = []
        if let l = permit.clientLimiter, let p = permit.client { fields.append(l.headerFields(for: p)) }
        if !pauseOnly.contains(permit.upstreamLimiter.scope.name) {
            fields.append(permit.upstreamLimiter.headerFields(for: permit.upstream))
        }
        guard !fields.isEmpty else { return [] }
        return ["RateLimit-Policy", "RateLimit"].map { name in
            (name, fields.compactMap { $0.first { $0.name == name }?.value }.joined(separator: ", "))
        }
    }

    /// Counters of every limiter: upstreams, then clients.
    public func metrics() -> [RateLimitMetrics] {
        ordered.map { l in
            var m = l.metrics()
            if pauseOnly.contains(l.scope.name), l.scope.kind == .upstream { m.summary = "no limit (pauses on upstream 429)" }
            return m
        }
    }

    /// `CLOCK_REALTIME` in ns.
    public static let systemUnixNanoseconds: @Sendable () -> Int64 = {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * Nanoseconds.perSecond + Int64(ts.tv_nsec)
    }
}
