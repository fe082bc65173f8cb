import Document

/// The JSON types a schema admits, as a bit set.
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

    /// The set for one JSON Schema type name.
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
}

/// What parameter parsing needs from a schema: which types it admits, and the shapes of its items and
/// properties. It guides splitting and string-to-type coercion only; the schema check does the validating.
public final class SchemaShape: Sendable {
    /// Admitted types; empty means the schema does not say (values stay strings).
    public let types: JSONTypes
    /// The shape of array items.
    public let items: SchemaShape?
    /// Shapes of named properties.
    public let properties: [String: SchemaShape]
    /// The shape of other properties; nil when the schema closes the object (`additionalProperties: false`).
    public let additional: SchemaShape?

    init(types: JSONTypes, items: SchemaShape?, properties: [String: SchemaShape], additional: SchemaShape?) {
        self.types = types
        self.items = items
        self.properties = properties
        self.additional = additional
    }

    /// A shape that says nothing (values stay strings).
    public static let unknown = SchemaShape(types: [], items: nil, properties: [:], additional: nil)

    /// How a serialized value should be split: as an object, an array, or a single value.
    public var kind: Kind {
        if types.contains(.object) && !types.contains(.array) { return .object }
        if types.contains(.array) { return .array }
        return .scalar
    }

    /// See `kind`.
    public enum Kind: Sendable { case scalar, array, object }

    /// The shape for property `name`.
    public func property(_ name: String) -> SchemaShape? { properties[name] ?? additional }

    /// Whether the object admits properties other than the named ones.
    public var isOpen: Bool { additional != nil }
}

/// Builds shapes by reading schemas in a loaded document, following `$ref` and combining `allOf`/`anyOf`/`oneOf`.
struct SchemaShapeReader {
    let document: OpenAPIDocument
    private static let maxDepth = 12

    func shape(at location: SchemaLocation) -> SchemaShape {
        guard let v = document.value(at: location) else { return .unknown }
        return shape(of: v, base: location.documentURI, depth: 0)
    }

    private func shape(of schema: JSONValue, base: String, depth: Int) -> SchemaShape {
        guard depth < SchemaShapeReader.maxDepth, case .object(let s) = schema else {
            if case .bool(true) = schema { return SchemaShape(types: [], items: nil, properties: [:], additional: .unknown) }
            return .unknown
        }
        var types: JSONTypes = []
        var items: SchemaShape?
        var properties: [String: SchemaShape] = [:]
        var additional: SchemaShape? = .unknown
        if case .string(let ref)? = s["$ref"], let (target, targetBase) = resolve(ref, base: base) {
            let r = shape(of: target, base: targetBase, depth: depth + 1)
            if document.version == .v3_0 { return r }
            types = r.types; items = r.items; properties = r.properties; additional = r.additional
        }
        switch s["type"] {
        case .string(let t)?: types.formUnion(JSONTypes(name: t) ?? [])
        case .array(let ts)?: for t in ts { types.formUnion(t.stringValue.flatMap(JSONTypes.init(name:)) ?? []) }
        default: break
        }
        if types.contains(.number) { types.insert(.integer) }
        if s["nullable"]?.boolValue == true { types.insert(.null) }
        if let i = s["items"] { items = shape(of: i, base: base, depth: depth + 1) }
        if case .object(let props)? = s["properties"] {
            for (k, v) in props { properties[k] = shape(of: v, base: base, depth: depth + 1) }
            if types.isEmpty { types = .object }
        }
        switch s["additionalProperties"] {
        case .bool(false)?: additional = nil
        case .some(let a) where a != .bool(true): additional = shape(of: a, base: base, depth: depth + 1)
        default: break
        }
        if case .bool(false)? = s["unevaluatedProperties"] { additional = nil }
        for key in ["allOf", "anyOf", "oneOf"] {
            guard case .array(let branches)? = s[key] else { continue }
            for b in branches {
                let bs = shape(of: b, base: base, depth: depth + 1)
                if key == "allOf" || s["type"] == nil { types.formUnion(bs.types) }
                if items == nil { items = bs.items }
                for (k, v) in bs.properties where properties[k] == nil { properties[k] = v }
            }
        }
        if types.isEmpty, case .array(let values)? = s["enum"] ?? s["const"].map({ .array([$0]) }) {
            for v in values { types.formUnion(JSONTypes(name: v.typeName) ?? []) }
        }
        return SchemaShape(types: types, items: items, properties: properties, additional: additional)
    }

    /// Resolves a schema `$ref` (same document or relative file) to its value and document URI.
    private func resolve(_ ref: String, base: String) -> (JSONValue, String)? {
        let hash = ref.firstIndex(of: "#")
        let resource = hash.map { String(ref[..<$0]) } ?? ref
        let fragment = hash.map { String(ref[$0...]) } ?? "#"
        guard ReferenceURI.scheme(of: resource) == nil else { return nil }
        let uri = resource.isEmpty ? base : ReferenceURI.resolve(resource, against: base)
        guard let doc = document.documents[uri], let p = JSONPointer(uriFragment: fragment),
              let v = p.resolve(in: doc.value) else { return nil }
        return (v, uri)
    }
}
