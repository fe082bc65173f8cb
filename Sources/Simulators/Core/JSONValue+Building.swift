import Document

extension JSONValue {
    /// An integer.
    static func int(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }

    /// A decimal with two fraction digits (money, quantities).
    static func money(_ cents: Int) -> JSONValue {
        let sign = cents < 0 ? "-" : ""
        let a = abs(cents)
        let text = "\(sign)\(a / 100).\(a % 100 < 10 ? "0" : "")\(a % 100)"
        return JSONNumber(text: text).map { .number($0) } ?? .int(cents / 100)
    }

    /// A string, or null when nil.
    static func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }

    /// An object from ordered pairs.
    static func obj(_ pairs: [(String, JSONValue)]) -> JSONValue { .object(JSONObject(pairs)) }

    /// The value as text for filtering (strings as they are, numbers as written, booleans as true/false).
    var filterText: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n.text
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }
}

/// One page of a list: the slice and the numbers the envelopes report.
struct PageSlice {
    let items: [JSONValue]
    let total: Int
    let totalPages: Int

    /// Page `page` (from 1) of `size` records.
    init(_ all: [JSONValue], page: Int, size: Int) {
        total = all.count
        totalPages = size > 0 ? (all.count + size - 1) / size : 0
        let start = (page - 1) * size
        items = start < all.count && start >= 0 ? Array(all[start..<min(all.count, start + size)]) : []
    }

    /// `offset`/`limit` slice.
    init(_ all: [JSONValue], offset: Int, limit: Int) {
        total = all.count
        totalPages = 0
        items = offset < all.count ? Array(all[offset..<min(all.count, offset + limit)]) : []
    }
}

/// Parses a non-negative integer query value strictly (no sign, no spaces).
func strictInt(_ text: String?) -> Int? {
    guard let text, !text.isEmpty, text.utf8.count <= 12, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
    return Int(text)
}
