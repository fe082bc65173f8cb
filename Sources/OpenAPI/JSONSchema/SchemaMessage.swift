import Document

/// Small helpers that turn values into readable message text.
enum SchemaMessage {
    /// Compact JSON text of `value`, cut to about `limit` characters.
    static func render(_ value: JSONValue, limit: Int = 60) -> String {
        var out = ""
        write(value, into: &out, limit: limit)
        return out.count > limit ? String(out.prefix(limit)) + "…" : out
    }

    /// Up to ten rendered values, comma-separated.
    static func list(_ values: [JSONValue]) -> String {
        let shown = values.prefix(10).map { render($0, limit: 40) }.joined(separator: ", ")
        return values.count > 10 ? shown + ", … (\(values.count) values)" : shown
    }

    /// Number of Unicode code points in `s`, counting no further than `limit` (then returns `limit`).
    /// Counted on the UTF-8 bytes: every byte that is not a continuation byte starts a code point.
    static func codePoints(_ s: String, upTo limit: Int) -> Int {
        var text = s
        return text.withUTF8 { bytes in
            var n = 0
            for b in bytes where b & 0xC0 != 0x80 {
                n += 1
                if n >= limit { return n }
            }
            return n
        }
    }

    private static func write(_ value: JSONValue, into out: inout String, limit: Int) {
        if out.count > limit { return }
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.text
        case .string(let s): out += quote(s)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                write(item, into: &out, limit: limit)
                if out.count > limit { return }
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (i, (key, item)) in object.enumerated() {
                if i > 0 { out += "," }
                out += quote(key) + ":"
                write(item, into: &out, limit: limit)
                if out.count > limit { return }
            }
            out += "}"
        }
    }

    /// A JSON string literal.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
