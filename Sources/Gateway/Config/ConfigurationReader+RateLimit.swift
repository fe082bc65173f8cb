/// `rateLimit: {rate, period, burst, policy, maxWait, maxQueue}` for upstreams and clients.
extension ConfigurationReader {
    /// Keys allowed in a rate limit.
    static let rateLimitKeys = ["rate", "period", "burst", "policy", "maxWait", "maxQueue"]
    /// Policy names accepted in `policy`.
    static let policyNames = ["queue", "reject"]
    /// `maxWait` when a queue policy does not say (short: callers would rather wait a second than retry).
    static let defaultMaxWait = Duration.seconds(1)
    /// `maxQueue` when a queue policy does not say.
    static let defaultMaxQueue = 100

    /// Reads `rateLimit` of `o`; nil when absent or invalid (reported). `defaultPolicy` applies
    /// when `policy` is not given: `queue` for upstreams, `reject` for clients.
    mutating func readRateLimit(_ o: ConfigObject, defaultPolicy: RateLimitConfiguration.Policy) -> RateLimitConfiguration? {
        guard let r = object(o, "rateLimit", allowed: ConfigurationReader.rateLimitKeys, required: ["rate", "period"])
        else { return nil }
        let rate = int(r, "rate", in: 1...1_000_000)
        let period = duration(r, "period")
        let burst = int(r, "burst", in: 1...1_000_000) ?? 1
        var policyName = defaultPolicy.name
        var policyOK = true
        if let name = string(r, "policy") {
            if ConfigurationReader.policyNames.contains(name) {
                policyName = name
            } else {
                report(r.path.appending("policy"),
                       "unknown policy '\(name)'\(Suggestion.hint(for: name, in: ConfigurationReader.policyNames)); use queue or reject")
                policyOK = false
            }
        }
        let policy: RateLimitConfiguration.Policy
        if policyName == "queue" {
            var maxWait = ConfigurationReader.defaultMaxWait
            var maxQueue = ConfigurationReader.defaultMaxQueue
            if case .queue(let w, let q) = defaultPolicy { maxWait = w; maxQueue = q }
            if let w = duration(r, "maxWait") { maxWait = w }
            if let q = int(r, "maxQueue", in: 1...1_000_000) { maxQueue = q }
            policy = .queue(maxWait: maxWait, maxQueue: maxQueue)
        } else {
            for key in ["maxWait", "maxQueue"] where r[key] != nil && policyOK {
                report(r.path.appending(key), "only applies to policy 'queue' (this limit uses 'reject')", atKey: true)
            }
            policy = .reject
        }
        guard policyOK, let rate, let period else { return nil }
        return RateLimitConfiguration(rate: rate, period: period, burst: burst, policy: policy)
    }
}
