#if canImport(Glibc)
import Glibc
#endif

/// The `Date` header value (IMF-fixdate, RFC 9110 §5.6.7), formatted at most once per second.
/// Not shared: each event loop owns one, so there is no global mutable state and no lock.
public struct HTTPDateCache: Sendable {
    private var second = Int.min
    private var cached: [UInt8] = []

    /// An empty cache; the first call formats.
    public init() {}

    /// The value for the current wall-clock second.
    public mutating func current() -> [UInt8] {
        value(at: Int(time(nil)))
    }

    /// The value for `unixSeconds`, reformatted only when the second changed since the last call.
    public mutating func value(at unixSeconds: Int) -> [UInt8] {
        if unixSeconds != second {
            second = unixSeconds
            cached = Array(HTTPDate.format(unixSeconds: unixSeconds).utf8)
        }
        return cached
    }
}
