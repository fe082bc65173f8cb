extension JSONParser {
    /// Reads an RFC 8259 number at `i`, with a precise message for each grammar violation,
    /// and builds the exact `JSONNumber` in the same pass.
    mutating func parseNumber() throws(DocumentError) -> JSONNumber {
        let start = i
        let n = buf.count
        var j = i
        var negative = false
        if buf[j] == UInt8(ascii: "-") {
            negative = true
            j += 1
            guard j < n, JSONNumber.isDigit(buf[j]) else {
                throw error("expected a digit after '-', found \(describe(at: j))", at: j)
            }
        }
        var digits: [UInt8] = []
        var exponent = 0
        if buf[j] == UInt8(ascii: "0") {
            j += 1
            if j < n, JSONNumber.isDigit(buf[j]) { throw error("leading zeros are not allowed in numbers", at: start) }
        } else {
            let s = j
            while j < n, JSONNumber.isDigit(buf[j]) { j += 1 }
            digits.append(contentsOf: UnsafeBufferPointer(rebasing: buf[s..<j]))
        }
        if j < n, buf[j] == UInt8(ascii: ".") {
            j += 1
            guard j < n, JSONNumber.isDigit(buf[j]) else {
                throw error("expected a digit after '.', found \(describe(at: j))", at: j)
            }
            let s = j
            while j < n, JSONNumber.isDigit(buf[j]) { j += 1 }
            digits.append(contentsOf: UnsafeBufferPointer(rebasing: buf[s..<j]))
            exponent -= j - s
        }
        if j < n, buf[j] | 0x20 == UInt8(ascii: "e") {
            j += 1
            var expNegative = false
            if j < n, buf[j] == UInt8(ascii: "+") || buf[j] == UInt8(ascii: "-") {
                expNegative = buf[j] == UInt8(ascii: "-")
                j += 1
            }
            guard j < n, JSONNumber.isDigit(buf[j]) else {
                throw error("expected a digit in the exponent, found \(describe(at: j))", at: j)
            }
            var e = 0
            while j < n, JSONNumber.isDigit(buf[j]) {
                // Saturate: exponents beyond ±10^15 are out of any meaningful range.
                if e < 1_000_000_000_000_000 { e = e * 10 + Int(buf[j] &- 48) }
                j += 1
            }
            exponent += expNegative ? -e : e
        }
        i = j
        let text = String(decoding: UnsafeBufferPointer(rebasing: buf[start..<j]), as: UTF8.self)
        // Normalize: no leading zeros (from "0.00x"), trailing zeros move into the exponent.
        var lead = 0
        while lead < digits.count, digits[lead] == UInt8(ascii: "0") { lead += 1 }
        if lead == digits.count {
            return JSONNumber(uncheckedText: text, negative: false, significand: [], exponent: 0)
        }
        var trail = digits.count
        while digits[trail - 1] == UInt8(ascii: "0") { trail -= 1; exponent += 1 }
        if lead > 0 || trail < digits.count { digits = Array(digits[lead..<trail]) }
        return JSONNumber(uncheckedText: text, negative: negative, significand: digits, exponent: exponent)
    }
}
