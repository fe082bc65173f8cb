import Document

extension JSONValue {
    /// JSON Schema equality: numbers by value (`1 == 1.0`), strings by code points (not Unicode
    /// canonical equivalence, which Swift's `String ==` uses), objects regardless of member order.
    func schemaEquals(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.string(let a), .string(let b)):
            return a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)  // same bytes ⇔ same code points
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.schemaEquals($1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            // Keys are looked up as JSONObject stores them (Swift string equality).
            for (key, value) in a {
                guard let match = b[key], match.schemaEquals(value) else { return false }
            }
            return true
        default:
            return self == other
        }
    }
}
