/// Byte classes of RFC 9110/9112 grammar as a 256-entry table, plus small byte helpers.
enum HTTPBytes {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let sp: UInt8 = 0x20
    static let htab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A

    /// `tchar` (RFC 9110 §5.6.2): allowed in methods, field names and coding names.
    static let token: UInt8 = 1
    /// `field-vchar / SP / HTAB` (RFC 9110 §5.5): allowed inside field values (obs-text included).
    static let fieldValue: UInt8 = 2
    /// Visible ASCII (0x21...0x7E): allowed in a request-target.
    static let target: UInt8 = 4
    /// `HEXDIG`.
    static let hex: UInt8 = 8
    /// Bytes of `uri-host [":" port]`: unreserved, sub-delims, `%`, `:` and the IP-literal brackets.
    static let host: UInt8 = 16

    /// The class bits of every byte value.
    static let classes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for b in 0..<256 {
            var bits: UInt8 = 0
            let isAlpha = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            let isDigit = b >= 0x30 && b <= 0x39
            if isAlpha || isDigit || "!#$%&'*+-.^_`|~".utf8.contains(UInt8(b)) { bits |= token }
            if (b >= 0x21 && b <= 0x7E) || b >= 0x80 || b == 0x20 || b == 0x09 { bits |= fieldValue }
            if b >= 0x21 && b <= 0x7E { bits |= target }
            if isDigit || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66) { bits |= hex }
            if isAlpha || isDigit || "-._~!$&'()*+,;=%:[]".utf8.contains(UInt8(b)) { bits |= host }
            table[b] = bits
        }
        return table
    }()

    /// The value of a hex digit (the caller checked `hex`).
    @inline(__always)
    static func hexValue(_ b: UInt8) -> Int {
        if b <= 0x39 { return Int(b - 0x30) }
        return Int((b | 0x20) - 0x61 + 10)
    }

    /// The subsequence without leading and trailing SP/HTAB (RFC 9110 OWS).
    static func trimmingOWS<C: BidirectionalCollection>(_ bytes: C) -> C.SubSequence where C.Element == UInt8 {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == sp || bytes[start] == htab { start = bytes.index(after: start) }
        while end > start {
            let before = bytes.index(before: end)
            guard bytes[before] == sp || bytes[before] == htab else { break }
            end = before
        }
        return bytes[start..<end]
    }
}
