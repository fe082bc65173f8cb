import HTTP

/// A `Retry-After` field value (RFC 9110 §10.2.3): `delay-seconds` or an HTTP-date.
public enum RetryAfter: Sendable, Hashable {
    /// `Retry-After: 120`.
    case seconds(Int64)
    /// `Retry-After: Fri, 31 Dec 1999 23:59:59 GMT`, as Unix seconds.
    case date(Int64)

    /// Longest delay-seconds kept; larger values saturate (the caller caps the pause anyway).
    static let maxSeconds: Int64 = 1 << 40

    /// Parses a field value (surrounding spaces/tabs allowed); nil for anything else.
    /// `now` (Unix seconds) resolves RFC 850 two-digit years.
    public static func parse(_ value: String, now: Int64) -> RetryAfter? {
        let trimmed = value.utf8.drop(while: { $0 == 0x20 || $0 == 0x09 })
        var bytes = Array(trimmed)
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        guard !bytes.isEmpty else { return nil }
        if bytes.allSatisfy({ $0 &- 48 < 10 }) {
            var n: Int64 = 0
            for b in bytes {
                n = n * 10 + Int64(b &- 48)
                if n > maxSeconds { return .seconds(maxSeconds) }
            }
            return .seconds(n)
        }
        return HTTPDate.parse(String(decoding: bytes, as: UTF8.self), now: now).map(RetryAfter.date)
    }

    /// Nanoseconds to wait from wall-clock time `nowNanoseconds` (Unix ns); a past date is 0.
    public func delay(fromUnixNanoseconds nowNanoseconds: Int64) -> Int64 {
        switch self {
        case .seconds(let s):
            return s.multipliedReportingOverflow(by: Nanoseconds.perSecond).overflow ? .max : s * Nanoseconds.perSecond
        case .date(let t):
            let (at, overflow) = t.multipliedReportingOverflow(by: Nanoseconds.perSecond)
            if overflow { return t > 0 ? .max : 0 }
            return max(0, at &- nowNanoseconds)
        }
    }
}
