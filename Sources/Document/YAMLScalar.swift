/// YAML 1.2 core-schema resolution of scalars into `JSONValue`s.
///
/// Plain untagged scalars: `null`/`Null`/`NULL`/`~`/empty → null; `true`/`True`/`TRUE`/`false`/… →
/// bool; `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+` → exact integers; `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
/// → exact decimals; `.inf`/`.nan` forms are recognised but rejected (JSON has no such numbers);
/// everything else (including `yes`/`no`/`on`/`off`) is a string. Quoted and block scalars are strings.
enum YAMLScalar {
    /// Why a scalar could not become a value; the reader adds the location.
    struct Failure: Error { var message: String }

    static let tagPrefix = "tag:yaml.org,2002:"

    /// Resolves a scalar by its text, whether it was plain, and its resolved tag (nil or `!` if none).
    static func resolve(_ text: String, plain: Bool, tag: String?) throws(Failure) -> JSONValue {
        guard let tag else { return plain ? try resolvePlain(text) : .string(text) }
        switch tag {
        case "!": return .string(text)  // the non-specific tag forces a string
        case tagPrefix + "str": return .string(text)
        case tagPrefix + "null":
            guard isNull(text) else { throw Failure(message: "'\(text)' is not a !!null value") }
            return .null
        case tagPrefix + "bool":
            guard let b = bool(text) else { throw Failure(message: "'\(text)' is not a !!bool value (true or false)") }
            return .bool(b)
        case tagPrefix + "int":
            guard let n = integer(text) else { throw Failure(message: "'\(text)' is not a !!int value") }
            return .number(n)
        case tagPrefix + "float":
            if let n = integer(text) { return .number(n) }
            if let n = try float(text) { return .number(n) }
            throw Failure(message: "'\(text)' is not a !!float value")
        case tagPrefix + "map", tagPrefix + "seq":
            throw Failure(message: "tag \(shortTag(tag)) cannot be used on a scalar")
        default:
            throw Failure(message: "unsupported tag \(shortTag(tag)); allowed: !!str !!int !!float !!bool !!null !!map !!seq")
        }
    }

    /// `!!x` for core-schema tags, the full tag otherwise.
    static func shortTag(_ tag: String) -> String {
        tag.hasPrefix(tagPrefix) ? "!!" + tag.dropFirst(tagPrefix.count) : tag
    }

    /// Core-schema resolution of a plain scalar.
    static func resolvePlain(_ text: String) throws(Failure) -> JSONValue {
        guard let first = text.utf8.first else { return .null }
        // Cheap pre-check: only these first characters can start a non-string.
        switch first {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"):
            if isNull(text) { return .null }
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            if let b = bool(text) { return .bool(b) }
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            if let n = integer(text) { return .number(n) }
            if let n = try float(text) { return .number(n) }
        default: break
        }
        return .string(text)
    }

    static func isNull(_ t: String) -> Bool { t == "null" || t == "Null" || t == "NULL" || t == "~" || t.isEmpty }

    static func bool(_ t: String) -> Bool? {
        switch t {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    /// Decimal `[-+]?[0-9]+`, octal `0o[0-7]+` or hex `0x[0-9a-fA-F]+`, as an exact number of any size.
    static func integer(_ t: String) -> JSONNumber? {
        let u = Array(t.utf8)
        if u.count > 2, u[0] == UInt8(ascii: "0"), u[1] == UInt8(ascii: "o") || u[1] == UInt8(ascii: "x") {
            let radix: UInt32 = u[1] == UInt8(ascii: "o") ? 8 : 16
            var decimal: [UInt8] = [0]  // little-endian base-10 digits
            for c in u[2...] {
                guard let d = digitValue(c), d < radix else { return nil }
                var carry = d
                for k in decimal.indices {
                    let v = UInt32(decimal[k]) * radix + carry
                    decimal[k] = UInt8(v % 10)
                    carry = v / 10
                }
                while carry > 0 { decimal.append(UInt8(carry % 10)); carry /= 10 }
            }
            while decimal.count > 1, decimal.last == 0 { decimal.removeLast() }
            return JSONNumber(text: String(decoding: decimal.reversed().map { $0 + 48 }, as: UTF8.self))
        }
        var i = 0
        var negative = false
        if i < u.count, u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+") { negative = u[i] == UInt8(ascii: "-"); i += 1 }
        guard i < u.count, u[i...].allSatisfy(JSONNumber.isDigit) else { return nil }
        while i < u.count - 1, u[i] == UInt8(ascii: "0") { i += 1 }
        return JSONNumber(text: (negative ? "-" : "") + String(decoding: u[i...], as: UTF8.self))
    }

    private static func digitValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(c - 48)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(c - 87)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(c - 55)
        default: nil
        }
    }

    /// Core-schema float as an exact decimal in JSON syntax; nil when `t` is not a float;
    /// throws for `.inf`/`.nan`, which JSON cannot represent.
    static func float(_ t: String) throws(Failure) -> JSONNumber? {
        switch t {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN":
            throw Failure(message: "the float '\(t)' cannot be represented in JSON (no infinity or NaN); quote it to keep it as a string")
        default: break
        }
        let u = Array(t.utf8)
        var i = 0
        var negative = false
        if i < u.count, u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+") { negative = u[i] == UInt8(ascii: "-"); i += 1 }
        let intStart = i
        while i < u.count, JSONNumber.isDigit(u[i]) { i += 1 }
        var intDigits = Array(u[intStart..<i])
        var fraction: [UInt8] = []
        if i < u.count, u[i] == UInt8(ascii: ".") {
            i += 1
            let s = i
            while i < u.count, JSONNumber.isDigit(u[i]) { i += 1 }
            fraction = Array(u[s..<i])
        }
        guard !intDigits.isEmpty || !fraction.isEmpty else { return nil }
        var exponent: [UInt8] = []
        if i < u.count, u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E") {
            i += 1
            let s = i
            if i < u.count, u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+") { i += 1 }
            let digitsStart = i
            while i < u.count, JSONNumber.isDigit(u[i]) { i += 1 }
            guard i > digitsStart else { return nil }
            exponent = Array(u[s..<i])
        }
        guard i == u.count else { return nil }
        while intDigits.count > 1, intDigits[0] == UInt8(ascii: "0") { intDigits.removeFirst() }
        if intDigits.isEmpty { intDigits = [UInt8(ascii: "0")] }
        var text = negative ? "-" : ""
        text += String(decoding: intDigits, as: UTF8.self)
        if !fraction.isEmpty { text += "." + String(decoding: fraction, as: UTF8.self) }
        if !exponent.isEmpty { text += "e" + String(decoding: exponent, as: UTF8.self) }
        return JSONNumber(text: text)
    }
}
