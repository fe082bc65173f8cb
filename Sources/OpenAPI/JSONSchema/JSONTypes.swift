import Document

/// The JSON types a schema admits, as a bit set (one bit per JSON Schema type name). Used both by the
/// schema evaluator (`type` keyword) and by parameter parsing (`SchemaShape`).
public struct JSONTypes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// One bit per JSON Schema type name.
    public static let null = JSONTypes(rawValue: 1)
    public static let boolean = JSONTypes(rawValue: 2)
    public static let integer = JSONTypes(rawValue: 4)
    public static let number = JSONTypes(rawValue: 8)
    public static let string = JSONTypes(rawValue: 16)
    public static let array = JSONTypes(rawValue: 32)
    public static let object = JSONTypes(rawValue: 64)

    /// The set for one JSON Schema type name; nil for an unknown name.
    init?(name: String) {
        switch name {
        case "null": self = .null
        case "boolean": self = .boolean
        case "integer": self = .integer
        case "number": self = .number
        case "string": self = .string
        case "array": self = .array
        case "object": self = .object
        default: return nil
        }
    }

    /// True when `value` has one of these types (`number` includes integers).
    func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: contains(.null)
        case .bool: contains(.boolean)
        case .number(let n): contains(.number) || (n.isInteger && contains(.integer))
        case .string: contains(.string)
        case .array: contains(.array)
        case .object: contains(.object)
        }
    }

    /// The names in this set, in a fixed order (`integer or string`).
    var names: [String] {
        let all: [(JSONTypes, String)] = [(.null, "null"), (.boolean, "boolean"), (.object, "object"),
                                          (.array, "array"), (.number, "number"), (.integer, "integer"),
                                          (.string, "string")]
        return all.filter { contains($0.0) }.map { $0.1 }
    }
}
