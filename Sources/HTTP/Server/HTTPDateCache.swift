import Glibc

/// The `Date` header value (IMF-fixdate), formatted at most once per second per loop.
/// Loop-confined: one instance per event loop, used only on its thread.
final class HTTPDateCache {
    private var second = -1
    private var cached = ""

    /// The current `Date` value, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
    func current() -> String {
        var now = time(nil)
        if now == second { return cached }
        second = now
        var parts = tm()
        gmtime_r(&now, &parts)
        cached = Self.format(parts)
        return cached
    }

    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func format(_ t: tm) -> String {
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let day = days[Int(t.tm_wday) % 7], month = months[Int(t.tm_mon) % 12]
        return "\(day), \(two(t.tm_mday)) \(month) \(1900 + t.tm_year) \(two(t.tm_hour)):\(two(t.tm_min)):\(two(t.tm_sec)) GMT"
    }
}
