/// `RateLimit-Policy` and `RateLimit` field values per draft-ietf-httpapi-ratelimit-headers-11
/// (23 May 2026): Structured Field Lists of items `"id";q=…;w=…` and `"id";r=…;t=…`.
public enum RateLimitHeaders {
    /// Above this many seconds a sub-second or odd period is advertised approximately (see `window`).
    static let maxExactWindow: Int64 = 86_400

    /// `"upstream";q=60;w=60`: the quota `q` per window `w` (whole seconds, ≥ 1, as the draft requires).
    public static func policyItem(_ scope: RateLimitScope, _ configuration: RateLimitConfiguration) -> String {
        let (q, w) = window(rate: Int64(configuration.rate), period: Nanoseconds.of(configuration.period))
        return "\"\(scope.policyIdentifier)\";q=\(q);w=\(w)"
    }

    /// `"upstream";r=0;t=1`: `r` requests available now, `t` seconds until the quota is restored.
    public static func limitItem(_ scope: RateLimitScope, remaining: Int, resetSeconds: Int64) -> String {
        "\"\(scope.policyIdentifier)\";r=\(max(0, remaining));t=\(max(0, resetSeconds))"
    }

    /// Quota and window in whole seconds for `rate` per `period` ns.
    ///
    /// Exact when possible: the smallest whole-second window holding a whole number of requests
    /// (`10` per `500ms` → `q=20;w=1`; `3` per `1500ms` → `q=2;w=1`). When that window would exceed a
    /// day, `w` is the period rounded up and `q` is rounded down, so the advertisement never
    /// promises more than the limiter admits.
    public static func window(rate: Int64, period: Int64) -> (quota: Int64, seconds: Int64) {
        let ns = Nanoseconds.perSecond
        guard period > 0, rate > 0 else { return (max(0, rate), 1) }
        if period % ns == 0 { return (rate, period / ns) }
        // w seconds hold rate·w·10^9/period requests; the smallest w making that whole is
        // period / gcd(period, rate·10^9), and then q = rate·10^9 / gcd.
        let g = gcdScaled(rate, period)
        let w = period / g
        if w <= maxExactWindow {
            return (Int64((Int128(rate) * Int128(ns)) / Int128(g)), w)
        }
        let wUp = Nanoseconds.secondsRoundedUp(period)
        let q = Int64((Int128(rate) * Int128(wUp) * Int128(ns)) / Int128(period))
        return (q, wUp)
    }

    /// gcd(period, rate·10^9) without overflow.
    static func gcdScaled(_ rate: Int64, _ period: Int64) -> Int64 {
        let r = Int64((Int128(rate) * Int128(Nanoseconds.perSecond)) % Int128(period))
        return gcd(period, r)
    }

    /// Greatest common divisor of non-negative integers.
    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
