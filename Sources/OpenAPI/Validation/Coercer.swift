import Document

/// Converts split string values to the types a schema admits (`"5"` → 5 for an integer), remembering
/// where that was impossible so the report can say so plainly instead of "expected integer, found string".
struct Coercer {
    /// Pointers whose text could not be converted, with the message for each.
    private(set) var failures: [(JSONPointer, String)] = []

    mutating func coerce(_ value: SerializedValue, shape: SchemaShape, at pointer: JSONPointer) -> JSONValue {
        switch value {
        case .scalar(let s):
            return scalar(s, types: shape.types, at: pointer)
        case .list(let items):
            let itemShape = shape.items ?? .unknown
            return .array(items.enumerated().map { scalar($1, types: itemShape.types, at: pointer.appending($0)) })
        case .map(let members):
            var obj = JSONObject()
            for (k, v) in members {
                let ps = shape.property(k) ?? .unknown
                let here = pointer.appending(k)
                if let existing = obj[k] {
                    // A repeated key in a deepObject/form object: collect into an array.
                    let next = coerce(v, shape: ps.items ?? ps, at: here)
                    if case .array(var a) = existing { a.append(next); obj[k] = .array(a) } else { obj[k] = .array([existing, next]) }
                } else {
                    obj[k] = coerce(v, shape: ps, at: here)
                }
            }
            return .object(obj)
        }
    }

    /// One string to the first admitted type it parses as (integer, number, boolean, null), else a string.
    mutating func scalar(_ s: String, types: JSONTypes, at pointer: JSONPointer) -> JSONValue {
        if types.isEmpty || types == .string { return .string(s) }
        if types.contains(.integer) || types.contains(.number), let n = JSONNumber(text: s) {
            if types.contains(.number) || n.isInteger { return .number(n) }
        }
        if types.contains(.boolean) {
            if s == "true" { return .bool(true) }
            if s == "false" { return .bool(false) }
        }
        if types.contains(.null), s == "null" || (s.isEmpty && !types.contains(.string)) { return .null }
        if types.contains(.string) { return .string(s) }
        if types.contains(.array) { return .array([.string(s)]) }
        failures.append((pointer, "'\(s)' is not \(Coercer.describe(types))"))
        return .string(s)
    }

    /// "an integer", "a number or a boolean", …
    static func describe(_ types: JSONTypes) -> String {
        var names: [String] = []
        if types.contains(.number) { names.append("a number") } else if types.contains(.integer) { names.append("an integer") }
        if types.contains(.boolean) { names.append("a boolean (true or false)") }
        if types.contains(.object) { names.append("an object") }
        if types.contains(.null) { names.append("null") }
        return names.isEmpty ? "a valid value" : names.joined(separator: " or ")
    }
}
