import Foundation
import HTTP
import Synchronization

/// Where a simulator reads the time (Unix seconds): token expiry and rate-limit windows use it,
/// so tests can move time by hand instead of sleeping.
public struct SimulatorClock: Sendable {
    /// The current time in seconds since 1970.
    public let now: @Sendable () -> Double

    /// Creates a clock from a time source.
    public init(now: @escaping @Sendable () -> Double) { self.now = now }

    /// The system's wall clock.
    public static let system = SimulatorClock { Date().timeIntervalSince1970 }

    /// A clock that moves only when `clock.advance(by:)` is called.
    public static func manual(_ clock: ManualClock) -> SimulatorClock { SimulatorClock { clock.current } }
}

/// A hand-driven time source for tests (starts at 2026-04-14T00:00:00Z unless told otherwise).
public final class ManualClock: Sendable {
    private let seconds: Mutex<Double>

    /// Starts at `start` (Unix seconds).
    public init(start: Double = 1_776_124_800) { seconds = Mutex(start) }

    /// The current time.
    public var current: Double { seconds.withLock { $0 } }

    /// Moves time forward.
    public func advance(by delta: Double) { seconds.withLock { $0 += delta } }
}

/// ISO 8601 text for simulator timestamps (UTC, milliseconds, `Z`), without Foundation formatters.
enum SimTime {
    /// `2026-04-14T12:00:00.000Z` for Unix seconds `t`.
    static func iso(_ t: Double) -> String {
        let ms = Int64((t * 1000).rounded(.down))
        let secs = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
        let millis = Int(ms - secs * 1000)
        let dayNumber = CivilCalendar.days(unixSeconds: Int(secs))
        let (y, m, d) = CivilCalendar.date(days: dayNumber)
        let rem = Int(secs) - dayNumber * 86_400
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(rem / 3600, 2)):\(pad(rem / 60 % 60, 2)):\(pad(rem % 60, 2)).\(pad(millis, 3))Z"
    }

    /// `2026-04-14` for Unix seconds `t`.
    static func date(_ t: Double) -> String { String(iso(t).prefix(10)) }

    /// Unix seconds of `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS[.fff]][Z]` / `YYYY-MM-DD HH:MM[:SS]`
    /// (read as UTC), or nil when the text is not one of those.
    static func parse(_ text: String) -> Double? {
        let b = Array(text.utf8)
        /// A fixed-width decimal field, or nil.
        func num(_ i: Int, _ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for j in i..<(i + n) { guard b[j] >= 48 && b[j] <= 57 else { return nil }; v = v * 10 + Int(b[j] - 48) }
            return v
        }
        guard b.count >= 10, let y = num(0, 4), b[4] == 45, let m = num(5, 2), b[7] == 45, let d = num(8, 2),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        var t = Double(CivilCalendar.days(year: y, month: m, day: d)) * 86_400
        if b.count == 10 { return t }
        guard b.count >= 16, b[10] == 84 || b[10] == 32, let hh = num(11, 2), b[13] == 58, let mm = num(14, 2) else { return nil }
        t += Double(hh * 3600 + mm * 60)
        var i = 16
        if i < b.count && b[i] == 58 { guard let ss = num(17, 2) else { return nil }; t += Double(ss); i = 19 }
        if i < b.count && b[i] == 46 { i += 1; while i < b.count && b[i] >= 48 && b[i] <= 57 { i += 1 } }
        if i < b.count && b[i] == 90 { i += 1 }
        return i == b.count ? t : nil
    }

    /// Zero-padded decimal.
    private static func pad(_ v: Int, _ n: Int) -> String {
        let s = String(v)
        return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
    }
}
