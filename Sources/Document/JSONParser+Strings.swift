extension JSONParser {
    /// Reads a string starting at the opening quote; fast path copies unescaped ASCII/UTF-8 runs directly.
    mutating func parseString() throws(DocumentError) -> String {
        let open = i
        let start = i + 1
        var j = start
        let n = buf.count
        // Skip 8 plain bytes at a time: printable ASCII other than `"` and `\\`.
        if let base = buf.baseAddress {
            while j + 8 <= n {
                let w = UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)
                if JSONParser.hasSpecialByte(w) { break }
                j += 8
            }
        }
        while j < n {
            let b = buf[j]
            if b == UInt8(ascii: "\"") {
                i = j + 1
                return String(decoding: UnsafeBufferPointer(rebasing: buf[start..<j]), as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") {
                return try parseEscapedString(open: open, start: start, firstEscape: j)
            }
            if b < 0x20 { throw controlCharacterError(at: j) }
            if b >= 0x80 { j = try validateUTF8Sequence(at: j) } else { j += 1 }
        }
        throw error("unterminated string; expected '\"'", at: open)
    }

    /// True when one of the 8 bytes in `w` is `"`, `\\`, a control byte (< 0x20) or not ASCII
    /// (>= 0x80): the bytes the per-byte loop must look at. Standard SWAR "has byte" tests; the
    /// borrow of a lower byte can only cause a false positive, which just ends the fast loop.
    @inline(__always)
    static func hasSpecialByte(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = w ^ (ones &* 0x22)
        let backslash = w ^ (ones &* 0x5C)
        let zeroInQuote = (quote &- ones) & ~quote
        let zeroInBackslash = (backslash &- ones) & ~backslash
        let below20 = w &- ones &* 0x20  // high bit set where a byte < 0x20 (or via borrow)
        return ((zeroInQuote | zeroInBackslash | below20) & highs) | (w & highs) != 0
    }

    /// Slow path: the string has escapes, so build its bytes in a scratch buffer.
    private mutating func parseEscapedString(open: Int, start: Int, firstEscape: Int) throws(DocumentError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(firstEscape - start + 16)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<firstEscape]))
        var j = firstEscape
        let n = buf.count
        while j < n {
            let b = buf[j]
            if b == UInt8(ascii: "\"") {
                i = j + 1
                return String(decoding: out, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") {
                j = try readEscape(at: j, into: &out)
            } else if b < 0x20 {
                throw controlCharacterError(at: j)
            } else if b >= 0x80 {
                let end = try validateUTF8Sequence(at: j)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[j..<end]))
                j = end
            } else {
                out.append(b)
                j += 1
            }
        }
        throw error("unterminated string; expected '\"'", at: open)
    }

    /// Decodes the escape at `j` (the backslash) into `out`; returns the index after it.
    private func readEscape(at j: Int, into out: inout [UInt8]) throws(DocumentError) -> Int {
        guard j + 1 < buf.count else { throw error("unterminated escape sequence", at: j) }
        let simple: UInt8
        switch buf[j + 1] {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            let unit = try readHex4(at: j + 2, escapeStart: j)
            var scalarValue = UInt32(unit)
            var next = j + 6
            if unit >= 0xD800 && unit <= 0xDBFF {
                guard next + 1 < buf.count, buf[next] == UInt8(ascii: "\\"), buf[next + 1] == UInt8(ascii: "u") else {
                    throw error("unpaired high surrogate \\u\(hex4(unit)); expected a following \\uDC00-\\uDFFF escape", at: j)
                }
                let low = try readHex4(at: next + 2, escapeStart: next)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw error("high surrogate \\u\(hex4(unit)) is followed by \\u\(hex4(low)), not a low surrogate", at: next)
                }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                next += 6
            } else if unit >= 0xDC00 && unit <= 0xDFFF {
                throw error("unpaired low surrogate \\u\(hex4(unit))", at: j)
            }
            // Surrogates were excluded above, so the value is always a valid scalar.
            if let scalar = Unicode.Scalar(scalarValue) {
                out.append(contentsOf: UTF8.encode(scalar).map { Array($0) } ?? [])
            }
            return next
        default:
            throw error("invalid escape \\\(describe(at: j + 1)); expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", at: j)
        }
        out.append(simple)
        return j + 2
    }

    /// Four hex digits at `k` as a UTF-16 code unit.
    private func readHex4(at k: Int, escapeStart: Int) throws(DocumentError) -> UInt16 {
        var v: UInt16 = 0
        for d in 0..<4 {
            guard k + d < buf.count else { throw error("unterminated \\u escape; expected 4 hex digits", at: escapeStart) }
            let c = buf[k + d]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - 48
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - 87
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - 55
            default: throw error("invalid \\u escape: expected 4 hex digits, found \(describe(at: k + d))", at: k + d)
            }
            v = v << 4 | UInt16(digit)
        }
        return v
    }

    private func hex4(_ v: UInt16) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - s.count) + s
    }

    private func controlCharacterError(at j: Int) -> DocumentError {
        let s = String(buf[j], radix: 16, uppercase: true)
        return error("control character U+00\(s.count < 2 ? "0" + s : s) in string must be escaped", at: j)
    }

    /// Validates one multi-byte UTF-8 sequence starting at `j` (Unicode Table 3-7); returns the index after it.
    func validateUTF8Sequence(at j: Int) throws(DocumentError) -> Int {
        let b0 = buf[j]
        let length: Int
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF  // allowed range of the second byte
        switch b0 {
        case 0x80...0xBF: throw error("invalid UTF-8: unexpected continuation byte 0x\(String(b0, radix: 16, uppercase: true))", at: j)
        case 0xC0, 0xC1: throw error("invalid UTF-8: overlong encoding", at: j)
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lo = 0xA0
        case 0xED: length = 3; hi = 0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; lo = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; hi = 0x8F
        default: throw error("invalid UTF-8: byte 0x\(String(b0, radix: 16, uppercase: true)) would encode a code point above U+10FFFF", at: j)
        }
        guard j + length <= buf.count else {
            throw error("invalid UTF-8: truncated \(length)-byte sequence", at: j)
        }
        let b1 = buf[j + 1]
        if b1 & 0xC0 != 0x80 { throw error("invalid UTF-8: truncated \(length)-byte sequence", at: j) }
        if b1 < lo || b1 > hi {
            switch b0 {
            case 0xE0, 0xF0: throw error("invalid UTF-8: overlong encoding", at: j)
            case 0xED: throw error("invalid UTF-8: encoded surrogate (U+D800-U+DFFF)", at: j)
            default: throw error("invalid UTF-8: code point above U+10FFFF", at: j)
            }
        }
        for k in 2..<max(length, 2) where buf[j + k] & 0xC0 != 0x80 {
            throw error("invalid UTF-8: truncated \(length)-byte sequence", at: j)
        }
        return j + length
    }
}
