extension JSONNumber {
    /// Exact JSON Schema `multipleOf`: true when `self / divisor` is an integer, computed on the
    /// decimal digits (no floating point, so `0.3` is a multiple of `0.1`). Returns nil when the
    /// divisor is not positive or has more than 19 significant digits (then the caller must decide).
    public func isMultiple(of divisor: JSONNumber) -> Bool? {
        guard !divisor.isNegative, !divisor.isZero, divisor.significand.count <= 19 else { return nil }
        if isZero { return true }
        // self / divisor = (sa / sb) × 10^d. Normalized significands have no trailing zeros,
        // so for d < 0 the quotient would need 10 | sa, which never holds.
        let d = exponent - divisor.exponent
        if d < 0 { return false }
        var sb: UInt64 = 0
        for digit in divisor.significand { sb = sb * 10 + UInt64(digit &- 48) }
        if sb == 1 { return true }
        var r: UInt64 = 0
        for digit in significand { r = JSONNumber.mulMod(r, 10, sb) &+ UInt64(digit &- 48); r %= sb }
        return JSONNumber.mulMod(r, JSONNumber.powMod(10, d, sb), sb) == 0
    }

    /// (a × b) mod m without overflow.
    static func mulMod(_ a: UInt64, _ b: UInt64, _ m: UInt64) -> UInt64 {
        let p = a.multipliedFullWidth(by: b)
        return m.dividingFullWidth((p.high % m, p.low)).remainder
    }

    /// (base ^ e) mod m by square-and-multiply.
    static func powMod(_ base: UInt64, _ e: Int, _ m: UInt64) -> UInt64 {
        var result: UInt64 = 1 % m
        var b = base % m
        var e = e
        while e > 0 {
            if e & 1 == 1 { result = mulMod(result, b, m) }
            b = mulMod(b, b, m)
            e >>= 1
        }
        return result
    }
}
