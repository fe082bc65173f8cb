/// A parameter value split by its style but not yet converted to the schema's types.
indirect enum SerializedValue: Sendable, Equatable {
    case scalar(String)
    case list([String])
    case map([(String, SerializedValue)])

    /// Equal when the strings have the same code points (not Swift's canonical equivalence).
    static func == (a: SerializedValue, b: SerializedValue) -> Bool {
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)): x.codePointsEqual(y)
        case (.list(let x), .list(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.codePointsEqual($1) }
        case (.map(let x), .map(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.0.codePointsEqual($1.0) && $0.1 == $1.1 }
        default: false
        }
    }

    /// Builds a map from a flat `name, value, name, value` list; nil for an odd count.
    static func pairs(_ list: [String]) -> SerializedValue? {
        guard list.count % 2 == 0 else { return nil }
        var out: [(String, SerializedValue)] = []
        var i = 0
        while i < list.count { out.append((list[i], .scalar(list[i + 1]))); i += 2 }
        return .map(out)
    }

    /// Builds a map from `name=value` items; nil when an item has no `=`.
    static func keyValues(_ list: [String]) -> SerializedValue? {
        var out: [(String, SerializedValue)] = []
        for item in list {
            let bytes = item.utf8
            guard let eq = bytes.firstIndex(of: UInt8(ascii: "=")) else { return nil }
            out.append((String(Substring(bytes[..<eq])), .scalar(String(Substring(bytes[bytes.index(after: eq)...])))))
        }
        return .map(out)
    }
}

/// One `name=value` item of a query string or form body.
struct FormItem: Sendable {
    /// The decoded name (`includes[]`, `filter[status]`).
    var name: String
    /// The decoded value (`""` when absent).
    var value: String
    /// False for a bare `name` with no `=`.
    var hasEquals: Bool
}

/// Parses `application/x-www-form-urlencoded` text (query strings and form bodies).
///
/// Decision: `+` decodes to a space in both places (every browser and most HTTP clients encode spaces
/// in queries that way); a literal plus must be sent as `%2B`.
enum FormDecoder {
    /// Items in order, plus the raw names whose escapes were malformed or not UTF-8.
    static func parse(_ text: Substring) -> (items: [FormItem], malformed: [String]) {
        var items: [FormItem] = []
        var malformed: [String] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "&")) ?? utf8.endIndex
            if start != end {
                let piece = utf8[start..<end]
                let eq = piece.firstIndex(of: UInt8(ascii: "="))
                let rawName = Substring(piece[..<(eq ?? end)])
                let rawValue = eq.map { Substring(piece[utf8.index(after: $0)...]) } ?? ""
                if let name = decode(rawName), let value = decode(rawValue) {
                    items.append(FormItem(name: name, value: value, hasEquals: eq != nil))
                } else {
                    malformed.append(String(rawName))
                }
            }
            start = end == utf8.endIndex ? end : utf8.index(after: end)
        }
        return (items, malformed)
    }

    /// Percent-decodes with `+` as space; nil for a malformed escape or invalid UTF-8.
    static func decode(_ s: Substring) -> String? {
        if !s.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) { return String(s) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var it = s.utf8.makeIterator()
        while let b = it.next() {
            switch b {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let h = it.next().flatMap(PercentDecoding.hexValue),
                      let l = it.next().flatMap(PercentDecoding.hexValue) else { return nil }
                bytes.append(h << 4 | l)
            default: bytes.append(b)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
