import Document

/// How long to pause an upstream that answered 429: from `Retry-After`, else the vendor's body,
/// else a fallback. Always between 0 and `maximum`.
public struct UpstreamRetryHint: Sendable, Hashable {
    /// Where the delay came from.
    public enum Source: String, Sendable, Hashable {
        /// The `Retry-After` header (seconds or HTTP-date).
        case retryAfterHeader
        /// A number in the JSON error body (see `bodyKeys`).
        case body
        /// Nothing usable: the configured fallback.
        case fallback
    }

    /// The pause, in ns.
    public var delay: Int64
    /// Where it came from.
    public var source: Source

    /// Body members read as seconds (top level, or inside an `error` object), first match wins.
    /// None of the five vendors documents one today (OwlOps, Trackops and UpKeep send only a
    /// message); these are the common spellings, so a vendor that adds one is honoured.
    public static let bodyKeys = ["retryAfter", "retry_after", "retryAfterSeconds", "retry_after_seconds"]
    /// Largest pause ever taken from an upstream's hint (a hostile or broken value cannot stop an upstream for days).
    public static let defaultMaximum: Int64 = 15 * 60 * Nanoseconds.perSecond

    public init(delay: Int64, source: Source) {
        self.delay = delay
        self.source = source
    }

    /// Reads the hint of one upstream 429.
    /// - Parameters:
    ///   - retryAfter: the `Retry-After` field value, if any.
    ///   - body: the response body (JSON), if any and small.
    ///   - unixNanoseconds: wall-clock now, for an HTTP-date.
    ///   - fallback: the pause when neither says anything (e.g. one emission interval of the limit).
    ///   - maximum: cap on the pause.
    public static func from(retryAfter: String?, body: [UInt8]?, unixNanoseconds: Int64,
                            fallback: Int64, maximum: Int64 = defaultMaximum) -> UpstreamRetryHint {
        let cap = { (ns: Int64) in min(max(0, ns), maximum) }
        if let retryAfter, let value = RetryAfter.parse(retryAfter, now: unixNanoseconds / Nanoseconds.perSecond) {
            return UpstreamRetryHint(delay: cap(value.delay(fromUnixNanoseconds: unixNanoseconds)), source: .retryAfterHeader)
        }
        if let body, let ns = bodySeconds(body) {
            return UpstreamRetryHint(delay: cap(ns), source: .body)
        }
        return UpstreamRetryHint(delay: cap(fallback), source: .fallback)
    }

    /// The first `bodyKeys` member holding a non-negative number (or numeric string) of seconds, in ns.
    static func bodySeconds(_ body: [UInt8]) -> Int64? {
        var limits = JSONReader.Limits()
        limits.maxDepth = 16
        limits.maxBytes = 64 << 10
        guard let value = try? JSONReader.parse(body, limits: limits), let object = value.objectValue else { return nil }
        for scope in [object, value["error"]?.objectValue].compactMap({ $0 }) {
            for key in bodyKeys {
                guard let member = scope[key] else { continue }
                let number = member.numberValue ?? member.stringValue.flatMap { JSONNumber(text: $0) }
                if let number, !number.isNegative, let ns = nanoseconds(seconds: number) { return ns }
            }
        }
        return nil
    }

    /// An exact decimal number of seconds in ns, rounded up; nil when absurdly large.
    static func nanoseconds(seconds n: JSONNumber) -> Int64? {
        guard !n.isZero else { return 0 }
        guard n.significand.count <= 18 else { return nil }
        var digits: Int64 = 0
        for d in n.significand { digits = digits * 10 + Int64(d &- 48) }
        var e = n.exponent + 9
        if e >= 0 {
            while e > 0 {
                let (m, o) = digits.multipliedReportingOverflow(by: 10)
                if o { return nil }
                digits = m
                e -= 1
            }
            return digits
        }
        var divisor: Int64 = 1
        while e < 0, divisor <= Int64.max / 10 { divisor *= 10; e += 1 }
        guard e == 0 else { return 1 }   // < 1 ns but not zero
        return digits / divisor + (digits % divisor == 0 ? 0 : 1)
    }
}
