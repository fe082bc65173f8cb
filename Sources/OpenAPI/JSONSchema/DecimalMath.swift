import Document

/// Exact decimal arithmetic for `multipleOf`: no floating point, any size.
enum DecimalMath {
    /// True when `value / divisor` is an integer (divisor > 0), computed exactly.
    ///
    /// With `value = a·10^ea` and `divisor = b·10^eb` (a, b without trailing zeros): if `ea < eb`
    /// the quotient needs `a` divisible by 10, which a normalized `a` never is; otherwise the
    /// question is whether `a·10^(ea−eb) mod b == 0`, done with modular exponentiation.
    static func isMultiple(_ value: JSONNumber, of divisor: JSONNumber) -> Bool {
        if value.isZero { return true }
        guard !divisor.isZero, value.exponent >= divisor.exponent else { return false }
        let shift = value.exponent - divisor.exponent
        if divisor.significand.count <= 19, let b = UInt64(String(decoding: divisor.significand, as: UTF8.self)) {
            return smallRemainder(value.significand, shift: shift, modulo: b) == 0
        }
        let b = BigUInt(decimal: divisor.significand)
        let a = BigUInt.remainder(ofDecimal: value.significand, modulo: b)
        let scale = BigUInt.power(10, shift, modulo: b)
        return (a * scale).remainder(b).isZero
    }

    /// `(digits · 10^shift) mod m` with 64-bit modular arithmetic.
    private static func smallRemainder(_ digits: [UInt8], shift: Int, modulo m: UInt64) -> UInt64 {
        if m == 1 { return 0 }
        var r: UInt64 = 0
        for d in digits { r = mulmod(r, 10, m) &+ UInt64(d &- 48); if r >= m { r %= m } }
        var base: UInt64 = 10 % m
        var e = shift
        var scale: UInt64 = 1
        while e > 0 {
            if e & 1 == 1 { scale = mulmod(scale, base, m) }
            base = mulmod(base, base, m)
            e >>= 1
        }
        return mulmod(r, scale, m)
    }

    /// `(x · y) mod m` without overflow (x, y < m).
    private static func mulmod(_ x: UInt64, _ y: UInt64, _ m: UInt64) -> UInt64 {
        let product = x.multipliedFullWidth(by: y)
        return m.dividingFullWidth((high: product.high, low: product.low)).remainder
    }
}

/// A minimal unsigned big integer (little-endian 32-bit limbs) for `multipleOf` with huge divisors.
struct BigUInt {
    private(set) var limbs: [UInt32] = []

    init(_ value: UInt32) { if value != 0 { limbs = [value] } }

    /// From ASCII decimal digits.
    init(decimal digits: [UInt8]) {
        for d in digits { multiplyAdd(10, UInt32(d &- 48)) }
    }

    var isZero: Bool { limbs.isEmpty }

    mutating func multiplyAdd(_ m: UInt32, _ a: UInt32) {
        var carry = UInt64(a)
        for i in limbs.indices {
            let v = UInt64(limbs[i]) * UInt64(m) + carry
            limbs[i] = UInt32(truncatingIfNeeded: v)
            carry = v >> 32
        }
        if carry > 0 { limbs.append(UInt32(carry)) }
    }

    static func * (a: BigUInt, b: BigUInt) -> BigUInt {
        guard !a.isZero, !b.isZero else { return BigUInt(0) }
        var out = [UInt32](repeating: 0, count: a.limbs.count + b.limbs.count)
        for i in a.limbs.indices {
            var carry: UInt64 = 0
            for j in b.limbs.indices {
                let v = UInt64(a.limbs[i]) * UInt64(b.limbs[j]) + UInt64(out[i + j]) + carry
                out[i + j] = UInt32(truncatingIfNeeded: v)
                carry = v >> 32
            }
            out[i + b.limbs.count] = UInt32(carry)
        }
        var result = BigUInt(0)
        result.limbs = out
        result.trim()
        return result
    }

    private mutating func trim() { while limbs.last == 0 { limbs.removeLast() } }

    func compare(_ other: BigUInt) -> Int {
        if limbs.count != other.limbs.count { return limbs.count < other.limbs.count ? -1 : 1 }
        for i in limbs.indices.reversed() where limbs[i] != other.limbs[i] {
            return limbs[i] < other.limbs[i] ? -1 : 1
        }
        return 0
    }

    mutating func subtract(_ other: BigUInt) {
        var borrow: Int64 = 0
        for i in limbs.indices {
            var v = Int64(limbs[i]) - borrow - (i < other.limbs.count ? Int64(other.limbs[i]) : 0)
            borrow = v < 0 ? 1 : 0
            if v < 0 { v += 1 << 32 }
            limbs[i] = UInt32(v)
        }
        trim()
    }

    private mutating func shiftLeftOne(adding bit: UInt32) {
        var carry = bit
        for i in limbs.indices {
            let next = limbs[i] >> 31
            limbs[i] = (limbs[i] << 1) | carry
            carry = next
        }
        if carry != 0 { limbs.append(carry) }
    }

    /// `self mod m` by binary long division (m > 0).
    func remainder(_ m: BigUInt) -> BigUInt {
        var r = BigUInt(0)
        for i in limbs.indices.reversed() {
            for bit in (0..<32).reversed() {
                r.shiftLeftOne(adding: (limbs[i] >> UInt32(bit)) & 1)
                if r.compare(m) >= 0 { r.subtract(m) }
            }
        }
        return r
    }

    /// `digits mod m`, one decimal digit at a time: linear in the number of digits.
    static func remainder(ofDecimal digits: [UInt8], modulo m: BigUInt) -> BigUInt {
        var r = BigUInt(0)
        for d in digits {
            r.multiplyAdd(10, UInt32(d &- 48))
            while r.compare(m) >= 0 { r.subtract(m) }  // r < 10·m before, so at most 9 times
        }
        return r
    }

    /// `base^exponent mod m`.
    static func power(_ base: UInt32, _ exponent: Int, modulo m: BigUInt) -> BigUInt {
        var result = BigUInt(1).remainder(m)
        var b = BigUInt(base).remainder(m)
        var e = exponent
        while e > 0 {
            if e & 1 == 1 { result = (result * b).remainder(m) }
            b = (b * b).remainder(m)
            e >>= 1
        }
        return result
    }
}
