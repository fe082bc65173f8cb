/// An exact JSON number.
///
/// Representation (documented decision): the value is kept as a normalized decimal
/// `(-1)^isNegative × significand × 10^exponent`, where `significand` is the ASCII digit string
/// with no leading or trailing zeros (empty for zero). The original lexical form is kept in `text`
/// for output, so a number read and written again is byte-identical. Integers of any size stay
/// exact; `1` and `1.0` are equal numbers (both integers in the JSON Schema sense) and never booleans.
public struct JSONNumber: Sendable {
    /// The lexical form written on output (as read, or canonical when built from a Swift value).
    public let text: String
    /// True for values below zero (`-0` is normalized to zero and is not negative).
    public let isNegative: Bool
    /// Significant decimal digits (ASCII), no leading or trailing zeros; empty means zero.
    public let significand: [UInt8]
    /// Power of ten applied to `significand`.
    public let exponent: Int

    /// Parses the RFC 8259 number grammar exactly; returns nil for anything else.
    public init?(text: String) {
        guard let parsed = JSONNumber.parse(Array(text.utf8)) else { return nil }
        self.text = text
        self.isNegative = parsed.negative
        self.significand = parsed.digits
        self.exponent = parsed.exponent
    }

    /// Builds a number from the bytes of an already validated RFC 8259 number token.
    public init?(bytes: ArraySlice<UInt8>) {
        guard let parsed = JSONNumber.parse(bytes) else { return nil }
        self.text = String(decoding: bytes, as: UTF8.self)
        self.isNegative = parsed.negative
        self.significand = parsed.digits
        self.exponent = parsed.exponent
    }

    /// Builds a number from parts already computed by a reader (no re-validation).
    init(uncheckedText text: String, negative: Bool, significand: [UInt8], exponent: Int) {
        self.text = text
        self.isNegative = negative
        self.significand = significand
        self.exponent = exponent
    }

    /// An exact integer.
    public init(_ value: Int) {
        self.init(text: String(value))!  // String(Int) always matches the grammar
    }

    /// A finite double, written in Swift's shortest round-trip form; nil for NaN or infinity.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            self.init(text: String(Int64(value)))
        } else {
            self.init(text: JSONNumber.jsonText(forDouble: value))
        }
    }

    /// True when the value is mathematically an integer (`1.0`, `1e2` included).
    public var isInteger: Bool { significand.isEmpty || exponent >= 0 }

    /// True for zero.
    public var isZero: Bool { significand.isEmpty }

    /// The value as `Int64` when it is an integer in range, else nil.
    public var int64Value: Int64? {
        guard isInteger else { return nil }
        if significand.isEmpty { return 0 }
        guard significand.count + exponent <= 19 else { return nil }
        var magnitude: UInt64 = 0
        for digit in significand {
            let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(UInt64(digit &- 48))
            if o1 || o2 { return nil }
            magnitude = a
        }
        for _ in 0..<exponent {
            let (m, o) = magnitude.multipliedReportingOverflow(by: 10)
            if o { return nil }
            magnitude = m
        }
        if isNegative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            guard magnitude <= UInt64(Int64.max) else { return nil }
            return -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// The value as `Int` when it is an integer in range, else nil.
    public var intValue: Int? { int64Value.map { Int($0) } }

    /// The nearest `Double` (may round; use for display or float formats only).
    public var doubleValue: Double {
        Double(text) ?? canonicalDouble
    }

    private var canonicalDouble: Double {
        if significand.isEmpty { return isNegative ? -0.0 : 0.0 }
        let s = (isNegative ? "-" : "") + String(decoding: significand, as: UTF8.self) + "e\(exponent)"
        return Double(s) ?? (isNegative ? -.infinity : .infinity)
    }

    /// Shortest JSON text for a finite double (Swift's `description` with JSON-legal exponent form).
    static func jsonText(forDouble value: Double) -> String {
        var s = "\(value)"
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }

    /// Parses the number grammar into a normalized decimal; nil when the bytes are not a number.
    static func parse<C: Collection>(_ bytes: C) -> (negative: Bool, digits: [UInt8], exponent: Int)?
    where C.Element == UInt8 {
        var i = bytes.startIndex
        let end = bytes.endIndex
        var negative = false
        if i < end, bytes[i] == UInt8(ascii: "-") { negative = true; i = bytes.index(after: i) }
        guard i < end, isDigit(bytes[i]) else { return nil }
        var digits: [UInt8] = []
        var exponent = 0
        // Integer part: no leading zeros unless it is exactly "0".
        if bytes[i] == UInt8(ascii: "0") {
            i = bytes.index(after: i)
            if i < end, isDigit(bytes[i]) { return nil }
        } else {
            while i < end, isDigit(bytes[i]) { digits.append(bytes[i]); i = bytes.index(after: i) }
        }
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i = bytes.index(after: i)
            guard i < end, isDigit(bytes[i]) else { return nil }
            while i < end, isDigit(bytes[i]) {
                digits.append(bytes[i]); exponent -= 1; i = bytes.index(after: i)
            }
        }
        if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i = bytes.index(after: i)
            var expNegative = false
            if i < end, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
                expNegative = bytes[i] == UInt8(ascii: "-"); i = bytes.index(after: i)
            }
            guard i < end, isDigit(bytes[i]) else { return nil }
            var e = 0
            while i < end, isDigit(bytes[i]) {
                // Saturate: exponents beyond ±10^15 are out of any meaningful range.
                if e < 1_000_000_000_000_000 { e = e * 10 + Int(bytes[i] &- 48) }
                i = bytes.index(after: i)
            }
            exponent += expNegative ? -e : e
        }
        guard i == end else { return nil }
        // Normalize: strip leading zeros (from "0.00x") and trailing zeros into the exponent.
        var lead = 0
        while lead < digits.count, digits[lead] == UInt8(ascii: "0") { lead += 1 }
        if lead == digits.count { return (false, [], 0) }
        var trail = digits.count
        while digits[trail - 1] == UInt8(ascii: "0") { trail -= 1; exponent += 1 }
        return (negative, Array(digits[lead..<trail]), exponent)
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }
}

extension JSONNumber: Equatable, Hashable {
    /// Numbers are equal by mathematical value: `1 == 1.0 == 1e0`.
    public static func == (a: JSONNumber, b: JSONNumber) -> Bool {
        a.isNegative == b.isNegative && a.exponent == b.exponent && a.significand == b.significand
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(isNegative)
        hasher.combine(exponent)
        hasher.combine(significand)
    }
}

extension JSONNumber: Comparable {
    /// Exact comparison of two decimals, without converting to floating point.
    public static func < (a: JSONNumber, b: JSONNumber) -> Bool {
        if a.isNegative != b.isNegative { return a.isNegative }
        let c = JSONNumber.magnitudeCompare(a, b)
        return a.isNegative ? c > 0 : c < 0
    }

    /// Compares |a| and |b|: -1, 0 or 1.
    static func magnitudeCompare(_ a: JSONNumber, _ b: JSONNumber) -> Int {
        if a.significand.isEmpty { return b.significand.isEmpty ? 0 : -1 }
        if b.significand.isEmpty { return 1 }
        // Position of the most significant digit decides first.
        let aTop = a.significand.count + a.exponent
        let bTop = b.significand.count + b.exponent
        if aTop != bTop { return aTop < bTop ? -1 : 1 }
        let n = max(a.significand.count, b.significand.count)
        for k in 0..<n {
            let da = k < a.significand.count ? a.significand[k] : UInt8(ascii: "0")
            let db = k < b.significand.count ? b.significand[k] : UInt8(ascii: "0")
            if da != db { return da < db ? -1 : 1 }
        }
        return 0
    }
}

extension JSONNumber: CustomStringConvertible {
    public var description: String { text }
}
