/// Hand-written recognizers for the `format` grammars (RFC 3339, RFC 5321/1123, RFC 3986, …).
enum FormatGrammar {
    static func digit(_ b: UInt8) -> Bool { b &- 48 < 10 }

    /// Parses exactly `count` ASCII digits at `i`.
    static func number(_ s: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ count: Int) -> Int? {
        guard i + count <= s.endIndex else { return nil }
        var v = 0
        for k in i..<(i + count) {
            guard digit(s[k]) else { return nil }
            v = v * 10 + Int(s[k] &- 48)
        }
        i += count
        return v
    }

    /// Consumes the ASCII byte `a` at `i` (a letter in either case).
    static func expect(_ s: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ a: UInt8) -> Bool {
        guard i < s.endIndex, s[i] == a || (alpha(a) && s[i] == a ^ 0x20) else { return false }
        i += 1
        return true
    }

    /// RFC 3339 full-date with real month lengths.
    static func isDate(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = s.startIndex
        guard let y = number(s, &i, 4), expect(s, &i, UInt8(ascii: "-")), let m = number(s, &i, 2), expect(s, &i, UInt8(ascii: "-")),
              let d = number(s, &i, 2), i == s.endIndex, (1...12).contains(m), d >= 1 else { return false }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        switch m {
        case 2: return d <= (leap ? 29 : 28)
        case 4, 6, 9, 11: return d <= 30
        default: return d <= 31
        }
    }

    /// RFC 3339 full-time (offset required); a leap second only at 23:59:60 UTC.
    static func isTime(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = s.startIndex
        guard let h = number(s, &i, 2), expect(s, &i, UInt8(ascii: ":")), let m = number(s, &i, 2), expect(s, &i, UInt8(ascii: ":")),
              let sec = number(s, &i, 2), h < 24, m < 60, sec <= 60 else { return false }
        if i < s.endIndex, s[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < s.endIndex, digit(s[i]) { i += 1 }
            guard i > start else { return false }
        }
        var offset = 0
        if expect(s, &i, UInt8(ascii: "Z")) {
            offset = 0
        } else {
            guard i < s.endIndex, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") else { return false }
            let sign = s[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let oh = number(s, &i, 2), expect(s, &i, UInt8(ascii: ":")), let om = number(s, &i, 2), oh < 24, om < 60 else {
                return false
            }
            offset = sign * (oh * 60 + om)
        }
        guard i == s.endIndex else { return false }
        if sec == 60 {
            let utc = ((h * 60 + m - offset) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    /// RFC 3339 date-time.
    static func isDateTime(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard s.count > 11, s[10] == UInt8(ascii: "T") || s[10] == UInt8(ascii: "t") else { return false }
        return isDate(UnsafeBufferPointer(rebasing: s[0..<10])) && isTime(UnsafeBufferPointer(rebasing: s[11...]))
    }

    /// RFC 3339 appendix A duration (`P1Y2M3DT4H5M6S`, `P2W`).
    static func isDuration(_ s: [UInt8]) -> Bool {
        guard s.first == UInt8(ascii: "P"), s.count > 1 else { return false }
        let dateUnits: [UInt8] = Array("YMD".utf8), timeUnits: [UInt8] = Array("HMS".utf8)
        var i = 1
        var inTime = false
        var lastUnit = -1
        var sawAny = false
        var sawWeek = false
        var timeComponents = 0
        while i < s.count {
            if s[i] == UInt8(ascii: "T") {
                guard !inTime, !sawWeek else { return false }
                inTime = true
                lastUnit = -1
                i += 1
                guard i < s.count else { return false }
                continue
            }
            let start = i
            while i < s.count, digit(s[i]) { i += 1 }
            guard i > start, i < s.count else { return false }
            let unit = s[i]
            i += 1
            if !inTime && unit == UInt8(ascii: "W") {
                guard !sawAny, i == s.count else { return false }
                sawWeek = true
                sawAny = true
                continue
            }
            let units = inTime ? timeUnits : dateUnits
            guard let k = units.firstIndex(of: unit), k > lastUnit else { return false }
            // Components must be contiguous (P1Y2D and PT1H2S skip a unit).
            if lastUnit >= 0 && k != lastUnit + 1 { return false }
            lastUnit = k
            sawAny = true
            if inTime { timeComponents += 1 }
        }
        return sawAny && (!inTime || timeComponents > 0)
    }
}
