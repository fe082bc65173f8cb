/// The Generic Cell Rate Algorithm in exact integer arithmetic.
///
/// `rate` requests per `period`: emission interval `T = period / rate`, tolerance `τ = (burst − 1)·T`.
/// A request at `t` conforms when `TAT − τ ≤ t`; admitting it sets `TAT = max(TAT, t) + T`.
/// `T` is rarely a whole number of nanoseconds (7 per second), so every instant here is a rational
/// `ns + fraction / rate` with `0 ≤ fraction < rate`: no rounding ever accumulates.
/// Guarantee: in any half-open window of length `period`, at most `rate + burst − 1` conform.
public struct GCRA: Sendable, Hashable {
    /// An instant `ns + fraction / denominator` nanoseconds (the denominator is the rate).
    public struct Instant: Sendable, Hashable {
        /// Whole nanoseconds.
        public var ns: Int64
        /// Numerator of the sub-nanosecond part, `0 ≤ fraction < rate`.
        public var fraction: Int64
    }

    /// Requests per period; the denominator of every fraction.
    public let rate: Int64
    /// The period in nanoseconds.
    public let period: Int64
    /// Requests that may pass back-to-back.
    public let burst: Int64
    /// `T = period / rate` as whole ns + fraction.
    let interval: Instant
    /// `τ = (burst − 1)·period / rate` as whole ns + fraction.
    let tolerance: Instant
    /// Theoretical arrival time of the next request.
    public private(set) var tat: Instant

    /// A limiter with a full bucket at `now` (`burst` requests may pass at once).
    public init(rate: Int, period: Int64, burst: Int, now: Int64) {
        let r = Int64(max(1, rate))
        let p = max(1, period)
        let b = Int64(max(1, burst))
        self.rate = r
        self.period = p
        self.burst = b
        interval = Instant(ns: p / r, fraction: p % r)
        // (b − 1)·p / r without overflowing: split p = q·r + f.
        let (wholeTimesB, o1) = (p / r).multipliedReportingOverflow(by: b - 1)
        let fractionTotal = (p % r) * (b - 1)          // < r · 10^6, fits
        let whole = o1 ? Int64.max / 2 : wholeTimesB.addingReportingOverflow(fractionTotal / r).partialValue
        tolerance = Instant(ns: min(whole, Int64.max / 2), fraction: fractionTotal % r)
        tat = Instant(ns: now, fraction: 0)
    }

    /// The earliest whole nanosecond at which a request conforms: `⌈TAT − τ⌉`.
    @inline(__always)
    public var earliest: Int64 {
        var ns = tat.ns &- tolerance.ns
        var f = tat.fraction - tolerance.fraction
        if f < 0 { f += rate; ns &-= 1 }
        return f > 0 ? ns &+ 1 : ns
    }

    /// Records one admission at `t` (the caller checked `earliest <= t`): `TAT = max(TAT, t) + T`.
    ///
    /// Clock readings are whole nanoseconds, so a request read at `t` arrived somewhere in
    /// `(t − 1, t]`; when `TAT` lies in that tick the request is taken to arrive at `TAT` (not `t`).
    /// Without this, each admission at a rounded-up instant would lose the fraction and a saturated
    /// limit would drift below its rate; with it, admission k of a saturated limit is at exactly
    /// `⌈k·T⌉` and the window bound still holds (`⌈a + period⌉ = ⌈a⌉ + period` for whole periods).
    @inline(__always)
    public mutating func consume(at t: Int64) {
        let tatCeiling = tat.fraction > 0 ? tat.ns &+ 1 : tat.ns
        if tatCeiling < t { tat = Instant(ns: t, fraction: 0) }
        tat.ns &+= interval.ns
        tat.fraction += interval.fraction
        if tat.fraction >= rate { tat.fraction -= rate; tat.ns &+= 1 }
    }

    /// Admits at `t` if the request conforms; otherwise returns the earliest instant it would.
    @inline(__always)
    public mutating func admit(at t: Int64) -> Int64? {
        let e = earliest
        guard e <= t else { return e }
        consume(at: t)
        return nil
    }

    /// Puts `TAT` back to a value read before an admission (an exact refund of that admission).
    mutating func restore(_ previous: Instant) { tat = previous }

    /// Requests that would conform back-to-back at `t` (0…burst).
    public func available(at t: Int64) -> Int {
        // used = ⌈(max(TAT, t) − t) / T⌉ = ⌈((TAT.ns − t)·rate + fraction) / period⌉ when TAT > t.
        guard tat.ns >= t, tat.ns > t || tat.fraction > 0 else { return Int(burst) }
        let scaled = Int128(tat.ns - t) * Int128(rate) + Int128(tat.fraction)
        let used = (scaled + Int128(period) - 1) / Int128(period)
        return Int(max(0, Int128(burst) - used))
    }

    /// Nanoseconds from `t` until the bucket is empty again (all `burst` available), rounded up.
    public func nanosecondsUntilFull(at t: Int64) -> Int64 {
        guard tat.ns >= t else { return 0 }
        return tat.ns - t + (tat.fraction > 0 ? 1 : 0)
    }
}
