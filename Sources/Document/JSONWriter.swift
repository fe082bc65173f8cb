/// Serializes `JSONValue`s as JSON text.
///
/// Numbers are written from `JSONNumber.text` (exact, as read) or, with `canonicalNumbers`,
/// from `JSONNumber.canonicalText`. Strings escape `"`, `\`, control
/// characters (short forms `\b \f \n \r \t`, otherwise `\u00xx` in lowercase hex) and U+2028/U+2029
/// (so the output is also valid JavaScript); `/` and all other characters are written as UTF-8.
public enum JSONWriter {
    /// Output format choices.
    public struct Options: Sendable {
        /// Newlines and a 2-space indent; `"key": value` with one space after the colon.
        public var pretty = false
        /// Object keys in ascending order of their UTF-8 bytes (= Unicode code point order)
        /// instead of stored order; gives deterministic, canonical output.
        public var sortedKeys = false
        /// Numbers as `JSONNumber.canonicalText` (equal values, equal text) instead of as read.
        public var canonicalNumbers = false

        /// Options with the given values (defaults: compact, stored key order, numbers as read).
        public init(pretty: Bool = false, sortedKeys: Bool = false, canonicalNumbers: Bool = false) {
            self.pretty = pretty
            self.sortedKeys = sortedKeys
            self.canonicalNumbers = canonicalNumbers
        }
    }

    /// The JSON text of `value` as UTF-8 bytes (no trailing newline).
    public static func write(_ value: JSONValue, options: Options = .init()) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        append(value, to: &out, options: options, indent: 0)
        return out
    }

    /// The JSON text of `value` as a `String` (no trailing newline).
    public static func string(_ value: JSONValue, options: Options = .init()) -> String {
        String(decoding: write(value, options: options), as: UTF8.self)
    }

    /// Appends `value` to `out`; `indent` is the current nesting level (pretty mode).
    static func append(_ value: JSONValue, to out: inout [UInt8], options: Options, indent: Int) {
        switch value {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(true): out.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
        case .bool(false): out.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
        case .number(let n): appendRaw(options.canonicalNumbers ? n.canonicalText : n.text, to: &out)
        case .string(let s): appendString(s, to: &out)
        case .array(let a):
            if a.isEmpty { out.append(contentsOf: [0x5B, 0x5D]); return }
            out.append(0x5B)
            for (k, element) in a.enumerated() {
                if k > 0 { out.append(0x2C) }
                if options.pretty { newline(&out, indent + 1) }
                append(element, to: &out, options: options, indent: indent + 1)
            }
            if options.pretty { newline(&out, indent) }
            out.append(0x5D)
        case .object(let o):
            if o.isEmpty { out.append(contentsOf: [0x7B, 0x7D]); return }
            out.append(0x7B)
            var first = true
            func member(_ key: String, _ v: JSONValue) {
                if !first { out.append(0x2C) }
                first = false
                if options.pretty { newline(&out, indent + 1) }
                appendString(key, to: &out)
                out.append(0x3A)
                if options.pretty { out.append(0x20) }
                append(v, to: &out, options: options, indent: indent + 1)
            }
            if options.sortedKeys {
                let order = o.keys.indices.sorted { o.keys[$0].utf8.lexicographicallyPrecedes(o.keys[$1].utf8) }
                for k in order { member(o.keys[k], o.values[k]) }
            } else {
                for (k, v) in o.members { member(k, v) }
            }
            if options.pretty { newline(&out, indent) }
            out.append(0x7D)
        }
    }

    private static func newline(_ out: inout [UInt8], _ level: Int) {
        out.append(0x0A)
        for _ in 0..<level { out.append(0x20); out.append(0x20) }
    }

    private static func appendRaw(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends a quoted, escaped string; unescaped runs are copied in bulk.
    static func appendString(_ s: String, to out: inout [UInt8]) {
        var s = s
        out.append(0x22)
        s.withUTF8 { buf in
            var runStart = 0
            var j = 0
            let n = buf.count
            while j < n {
                let b = buf[j]
                var escape: (UInt8, UInt8)? = nil  // short form, or (0, low byte) for \u00xx
                var width = 1
                if b < 0x20 {
                    switch b {
                    case 0x08: escape = (0x5C, UInt8(ascii: "b"))
                    case 0x0C: escape = (0x5C, UInt8(ascii: "f"))
                    case 0x0A: escape = (0x5C, UInt8(ascii: "n"))
                    case 0x0D: escape = (0x5C, UInt8(ascii: "r"))
                    case 0x09: escape = (0x5C, UInt8(ascii: "t"))
                    default: escape = (0, b)
                    }
                } else if b == 0x22 || b == 0x5C {
                    escape = (0x5C, b)
                } else if b == 0xE2, j + 2 < n, buf[j + 1] == 0x80, buf[j + 2] == 0xA8 || buf[j + 2] == 0xA9 {
                    escape = (1, buf[j + 2])  // U+2028 / U+2029
                    width = 3
                }
                guard let (first, second) = escape else { j += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<j]))
                switch first {
                case 0:
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hexDigits[Int(second >> 4)], hexDigits[Int(second & 0xF)]])
                case 1:
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x32, 0x30, 0x32, second == 0xA8 ? 0x38 : 0x39])
                default:
                    out.append(first); out.append(second)
                }
                j += width
                runStart = j
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<n]))
        }
        out.append(0x22)
    }
}
