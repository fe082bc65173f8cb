/// Pipeline step 6: the caller's limit, then the upstream's. This is the seam the `RateLimit/`
/// limiters plug into; until they land the gateway runs `UnlimitedRateLimitStep`, which admits
/// every request (no limit is enforced yet).
public protocol RateLimitStep: Sendable {
    /// Waits (queue policy) or throws a 429 problem (reject policy, or queue bound exceeded).
    func admit(client: String, upstream: String) async throws(Problem)
}

/// Admits everything: the pass-through used while no limiter is configured or built.
public struct UnlimitedRateLimitStep: RateLimitStep {
    /// Creates the pass-through step.
    public init() {}

    /// Always admits.
    public func admit(client: String, upstream: String) async throws(Problem) {}
}
