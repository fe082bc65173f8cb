/// Pipeline step 6: the caller's limit, then the upstream's (DESIGN.md). `LimiterRateLimitStep`
/// runs the `RateLimit/` limiters; `UnlimitedRateLimitStep` admits everything (tests of other steps).
public protocol RateLimitStep: Sendable {
    /// Waits (queue policy) or throws a 429 problem (reject policy, or queue bound exceeded).
    func admit(client: String, upstream: String) async throws(Problem) -> RateLimitTicket
    /// The admitted request was not sent (credentials failed, connection refused): give the budget back.
    func notSent(_ ticket: RateLimitTicket)
    /// The upstream answered 429 to the request sent under `ticket`: pauses the upstream for its hint
    /// and returns a new ticket when this caller may retry once now, nil when it gets the 429.
    func upstreamRejected(_ ticket: RateLimitTicket, retryAfter: String?, body: [UInt8]) async -> RateLimitTicket?
}

/// What admission produced: the limiters' permit (nil when no limiter is involved).
public struct RateLimitTicket: Sendable {
    /// The permit of both limits.
    public let permit: RequestPermit?

    /// A ticket for `permit`.
    public init(permit: RequestPermit?) { self.permit = permit }
}

/// Admits everything (no limit is enforced).
public struct UnlimitedRateLimitStep: RateLimitStep {
    /// Creates the pass-through step.
    public init() {}
    public func admit(client: String, upstream: String) async throws(Problem) -> RateLimitTicket { RateLimitTicket(permit: nil) }
    public func notSent(_ ticket: RateLimitTicket) {}
    public func upstreamRejected(_ ticket: RateLimitTicket, retryAfter: String?, body: [UInt8]) async -> RateLimitTicket? { nil }
}

/// The GCRA limiters of `gateway.yaml` (`RateLimiterSet`): 429 problem+json with `Retry-After`,
/// `RateLimit-Policy` and `RateLimit` when a limit refuses.
public struct LimiterRateLimitStep: RateLimitStep {
    /// The limiters.
    public let limiters: RateLimiterSet

    /// A step over `limiters`.
    public init(limiters: RateLimiterSet) { self.limiters = limiters }

    public func admit(client: String, upstream: String) async throws(Problem) -> RateLimitTicket {
        switch await limiters.acquire(client: client, upstream: upstream) {
        case .admitted(let permit): return RateLimitTicket(permit: permit)
        case .rejected(let rejection): throw Self.problem(rejection)
        case .cancelled:
            throw Problem(status: 503, slug: "cancelled", title: "Service Unavailable",
                          detail: "the request was cancelled while waiting for its rate limit")
        }
    }

    public func notSent(_ ticket: RateLimitTicket) {
        if let permit = ticket.permit { limiters.refund(permit) }
    }

    public func upstreamRejected(_ ticket: RateLimitTicket, retryAfter: String?, body: [UInt8]) async -> RateLimitTicket? {
        guard let permit = ticket.permit else { return nil }
        if case .admitted(let next) = await limiters.retryAfterUpstream429(permit, retryAfter: retryAfter, body: body) {
            return RateLimitTicket(permit: next)
        }
        return nil
    }

    /// The 429 problem for a rejection.
    static func problem(_ rejection: RateLimitRejection) -> Problem {
        Problem(status: 429, slug: "rate-limited", title: "Too Many Requests", detail: rejection.detail,
                headers: rejection.headerFields.map { ($0.name, $0.value) })
    }
}
