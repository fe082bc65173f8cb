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
            cached = Array(Self.format(unixSeconds: unixSeconds).utf8)
        }
        return cached
    }

    /// `Sun, 06 Nov 1994 08:49:37 GMT` for a Unix time, computed with civil-calendar arithmetic (no locale, no tz).
    public static func format(unixSeconds: Int) -> String {
        let days = unixSeconds >= 0 ? unixSeconds / 86_400 : (unixSeconds - 86_399) / 86_400
        let secondsOfDay = unixSeconds - days * 86_400
        let weekday = ((days % 7) + 11) % 7 // 1970-01-01 was a Thursday (index 4 with Sunday = 0)
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year4 = year < 1000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        return "\(names[weekday]), \(two(day)) \(months[month - 1]) \(year4) \(two(secondsOfDay / 3600)):\(two(secondsOfDay % 3600 / 60)):\(two(secondsOfDay % 60)) GMT"
    }
}
