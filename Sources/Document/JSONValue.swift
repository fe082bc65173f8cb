/// One JSON (or YAML-as-JSON) value: the data type every module exchanges documents in.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

extension JSONValue {
    /// The string payload, if this is a string.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    /// The boolean payload, if this is a boolean.
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    /// The number payload, if this is a number.
    public var numberValue: JSONNumber? { if case .number(let n) = self { n } else { nil } }
    /// The array payload, if this is an array.
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    /// The object payload, if this is an object.
    public var objectValue: JSONObject? { if case .object(let o) = self { o } else { nil } }
    /// True for `null`.
    public var isNull: Bool { if case .null = self { true } else { false } }

    /// Member lookup on objects; nil for other kinds or a missing key.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { o[key] } else { nil }
    }

    /// The JSON type name used in messages and by JSON Schema (`integer` for integral numbers).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let n): n.isInteger ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// A JSON object: keeps insertion order for output and looks keys up in O(1).
///
/// Keys are distinct when their Unicode scalars differ (`"ñ"` U+00F1 and `"n\u{0303}"` are two keys);
/// equality and hashing ignore order (JSON Schema and RFC 8259 semantics). Small objects (the
/// common case in request bodies) have no hash index: a scan of at most `indexThreshold` keys,
/// compared by length and bytes, is cheaper than hashing and allocating a dictionary.
public struct JSONObject: Sendable {
    /// Keys in insertion order.
    public private(set) var keys: [String] = []
    /// Values parallel to `keys`.
    public private(set) var values: [JSONValue] = []
    /// Key → position; built only once the object has more than `indexThreshold` members.
    private var index: [CodePointKey: Int]?

    /// Largest member count looked up by scanning instead of hashing.
    static let indexThreshold = 8

    /// An empty object.
    public init() {}

    /// An object from ordered pairs; a later duplicate key replaces the earlier value in place.
    public init(_ pairs: [(String, JSONValue)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (k, v) in pairs { self[k] = v }
    }

    /// Number of members.
    public var count: Int { keys.count }
    /// True when there are no members.
    public var isEmpty: Bool { keys.isEmpty }

    /// Position of `key`, by code points.
    @inline(__always)
    private func position(of key: String) -> Int? {
        if let index { return index[CodePointKey(key)] }
        for i in keys.indices where keys[i].codePointsEqual(key) { return i }
        return nil
    }

    /// Gets, inserts (at the end), replaces (in place) or removes (with nil) a member.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { values[$0] } }
        set {
            if let i = position(of: key) {
                if let newValue { values[i] = newValue } else { remove(at: i) }
            } else if let newValue {
                append(key, newValue)
            }
        }
    }

    /// True when `key` is present.
    public func contains(_ key: String) -> Bool { position(of: key) != nil }

    /// Appends a member known to be new; returns false (and changes nothing) if the key exists.
    @discardableResult
    public mutating func insertNew(_ key: String, _ value: JSONValue) -> Bool {
        if index != nil {
            let k = CodePointKey(key)
            // One hash for the common case (new key); a duplicate gets its old position back.
            if let old = index?.updateValue(keys.count, forKey: k) {
                index?[k] = old
                return false
            }
            keys.append(key)
            values.append(value)
            return true
        }
        if position(of: key) != nil { return false }
        append(key, value)
        return true
    }

    /// Appends a member whose key is absent, building the index when the object outgrows scanning.
    private mutating func append(_ key: String, _ value: JSONValue) {
        if keys.isEmpty {
            // Most objects have a few members: one allocation each instead of growing 1 → 2 → 4.
            keys.reserveCapacity(4)
            values.reserveCapacity(4)
        }
        index?[CodePointKey(key)] = keys.count
        keys.append(key)
        values.append(value)
        if index == nil && keys.count > JSONObject.indexThreshold {
            var built: [CodePointKey: Int] = [:]
            built.reserveCapacity(keys.count * 2)
            for (i, k) in keys.enumerated() { built[CodePointKey(k)] = i }
            index = built
        }
    }

    private mutating func remove(at i: Int) {
        index?[CodePointKey(keys[i])] = nil
        keys.remove(at: i)
        values.remove(at: i)
        if index != nil { for j in i..<keys.count { index?[CodePointKey(keys[j])] = j } }
    }

    /// Members in insertion order.
    public var members: Zip2Sequence<[String], [JSONValue]> { zip(keys, values) }
}

extension JSONObject: Equatable, Hashable {
    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        guard a.count == b.count else { return false }
        for (k, v) in a.members where b[k] != v { return false }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent: combine per-member hashes commutatively.
        var acc = 0
        for (k, v) in members {
            var h = Hasher()
            k.hashCodePoints(into: &h)
            h.combine(v)
            acc = acc &+ h.finalize()
        }
        hasher.combine(count)
        hasher.combine(acc)
    }
}

extension JSONObject: Sequence {
    public func makeIterator() -> Zip2Sequence<[String], [JSONValue]>.Iterator { members.makeIterator() }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(elements) }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
}
