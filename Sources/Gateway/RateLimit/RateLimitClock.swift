#if canImport(Glibc)
import Glibc
#endif

/// Time as the rate limiters see it: a monotonic nanosecond count and a way to wait for an instant.
///
/// Limiters never read another clock, so tests inject `ManualRateLimitClock` and move time by hand.
public protocol RateLimitClock: Sendable {
    /// Nanoseconds since an arbitrary fixed origin; never goes backwards.
    var now: Int64 { get }
    /// Returns once `now >= deadline`; throws `CancellationError` if the calling task is cancelled first.
    func sleep(until deadline: Int64) async throws
}

/// The real clock: the same time base as `ContinuousClock` on Linux (`CLOCK_BOOTTIME`: monotonic,
/// keeps counting while the machine sleeps), read with one `clock_gettime` and integer arithmetic.
public struct ContinuousRateLimitClock: RateLimitClock {
    /// The reading that is nanosecond 0.
    let origin: Int64

    public init() { origin = ContinuousRateLimitClock.read() }

    public var now: Int64 { ContinuousRateLimitClock.read() &- origin }

    public func sleep(until deadline: Int64) async throws {
        let wait = deadline &- now
        guard wait > 0 else { return }
        try await Task.sleep(until: ContinuousClock.now.advanced(by: .nanoseconds(wait)), clock: .continuous)
    }

    /// `CLOCK_BOOTTIME` in ns (what `ContinuousClock.now` reads on Linux).
    @inline(__always)
    static func read() -> Int64 {
        #if canImport(Glibc)
        var ts = timespec()
        clock_gettime(CLOCK_BOOTTIME, &ts)
        return Int64(ts.tv_sec) &* Nanoseconds.perSecond &+ Int64(ts.tv_nsec)
        #else
        let (s, atto) = fallbackBase.duration(to: ContinuousClock.now).components
        return s &* Nanoseconds.perSecond &+ atto / 1_000_000_000
        #endif
    }

    #if !canImport(Glibc)
    /// A fixed instant to measure from where `clock_gettime(CLOCK_BOOTTIME)` is unavailable.
    static let fallbackBase = ContinuousClock.now
    #endif
}

/// Conversions between `Duration` and the limiters' integer nanoseconds.
public enum Nanoseconds {
    /// Nanoseconds in one second.
    public static let perSecond: Int64 = 1_000_000_000

    /// `d` in whole nanoseconds (sub-nanosecond parts dropped), saturating at `Int64.max`/`min`.
    public static func of(_ d: Duration) -> Int64 {
        let (s, atto) = d.components
        let (scaled, overflow) = s.multipliedReportingOverflow(by: perSecond)
        if overflow { return s < 0 ? .min : .max }
        let (sum, overflow2) = scaled.addingReportingOverflow(atto / 1_000_000_000)
        return overflow2 ? (s < 0 ? .min : .max) : sum
    }

    /// `ns` rounded up to whole seconds (0 or negative → 0).
    public static func secondsRoundedUp(_ ns: Int64) -> Int64 {
        guard ns > 0 else { return 0 }
        return ns / perSecond + (ns % perSecond == 0 ? 0 : 1)
    }
}
