extension JSONNumber {
    /// A canonical JSON text for the value: equal numbers (`1`, `1.0`, `1e0`) get the same text.
    ///
    /// Plain digits when the value is an integer of at most 21 digits (`1e3` → `1000`); a plain
    /// decimal when it has integer digits (`2.50` → `2.5`) or starts within 6 zeros after the point
    /// (`0.001`); otherwise scientific with one leading digit (`1e400`, `1.5e-10`). Thresholds follow
    /// ECMAScript's number-to-string, but the digits are exact.
    public var canonicalText: String {
        if significand.isEmpty { return "0" }
        let digits = significand
        let n = digits.count
        let point = n + exponent  // digits before the decimal point
        var out: [UInt8] = isNegative ? [UInt8(ascii: "-")] : []
        if exponent >= 0 && point <= 21 {
            out += digits
            out += repeatElement(UInt8(ascii: "0"), count: exponent)
        } else if exponent < 0 && point > 0 {
            out += digits[0..<point]
            out.append(UInt8(ascii: "."))
            out += digits[point...]
        } else if exponent < 0 && point > -6 {
            out += [UInt8(ascii: "0"), UInt8(ascii: ".")]
            out += repeatElement(UInt8(ascii: "0"), count: -point)
            out += digits
        } else {
            out.append(digits[0])
            if n > 1 {
                out.append(UInt8(ascii: "."))
                out += digits[1...]
            }
            out.append(UInt8(ascii: "e"))
            out += Array(String(point - 1).utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
