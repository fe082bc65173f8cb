import Document

/// Builds shapes by reading schemas in a loaded document, following `$ref` and combining `allOf`/`anyOf`/`oneOf`.
///
/// Each `$ref` target is read once and shared (so a schema with many recursive properties costs
/// linear, not exponential, work); a reference back into a target still being read becomes a
/// forward reference filled in when that target is done. Used while building a validator only, by
/// one thread.
final class SchemaShapeReader {
    let document: OpenAPIDocument
    private static let maxDepth = 24
    private var byTarget: [String: SchemaShape] = [:]
    private var inProgress: [String: PendingShape] = [:]

    /// Every shape made for a `$ref` target (the validator keeps them alive for forward references).
    var allShapes: [SchemaShape] { Array(byTarget.values) }

    init(document: OpenAPIDocument) { self.document = document }

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
        var properties: [CodePointKey: SchemaShape] = [:]
        var additional: SchemaShape? = .unknown
        if case .string(let ref)? = s["$ref"], let (target, targetBase, key) = resolve(ref, base: base) {
            let r: SchemaShape
            if let done = byTarget[key] { r = done } else if let pending = inProgress[key] { r = SchemaShape(pending: pending) } else {
                let pending = PendingShape()
                inProgress[key] = pending
                r = shape(of: target, base: targetBase, depth: depth + 1)
                pending.target = r
                inProgress[key] = nil
                byTarget[key] = r
            }
            if document.version == .v3_0 || SchemaShapeReader.onlyReference(s) { return r }
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
            for (k, v) in props { properties[CodePointKey(k)] = shape(of: v, base: base, depth: depth + 1) }
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

    /// True when the schema is a bare `$ref` (plus annotations): its shape is the target's, shared as is.
    private static func onlyReference(_ s: JSONObject) -> Bool {
        // Looked up in the object, so keys match by code points like every JSON member name.
        let shaping = ["type", "items", "properties", "additionalProperties", "unevaluatedProperties",
                       "allOf", "anyOf", "oneOf", "enum", "const", "nullable"]
        return !shaping.contains { s[$0] != nil }
    }

    /// Resolves a schema `$ref` (same document or relative file) to its value and document URI.
    private func resolve(_ ref: String, base: String) -> (JSONValue, String, String)? {
        let hash = ref.firstIndex(of: "#")
        let resource = hash.map { String(ref[..<$0]) } ?? ref
        let fragment = hash.map { String(ref[$0...]) } ?? "#"
        guard ReferenceURI.scheme(of: resource) == nil else { return nil }
        let uri = resource.isEmpty ? base : ReferenceURI.resolve(resource, against: base)
        guard let doc = document.documents[uri], let p = JSONPointer(uriFragment: fragment),
              let v = p.resolve(in: doc.value) else { return nil }
        return (v, uri, uri + p.uriFragment)
    }
}
