import Document

extension UpstreamMerger {
    /// Keywords whose value is one subschema.
    static let schemaKeywords: Set<String> = ["additionalProperties", "not", "if", "then", "else", "contains",
                                              "propertyNames", "unevaluatedItems", "unevaluatedProperties",
                                              "additionalItems", "contentSchema"]
    /// Keywords whose value maps names to subschemas.
    static let schemaMapKeywords: Set<String> = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]
    /// Keywords whose value is an array of subschemas.
    static let schemaListKeywords: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]

    /// Rewrites a Schema Object: references re-pointed; for 3.0 sources, converted to 3.1.
    mutating func schema(_ value: JSONValue, uri: String, at ptr: JSONPointer) -> JSONValue {
        guard case .object(let obj) = value else { return value }
        if case .string(let ref)? = obj["$ref"], from30 {
            // 3.0: everything beside $ref is ignored, so it is dropped rather than given 3.1 meaning.
            return ["$ref": .string(rewriteRef(ref, base: uri, kind: "schemas"))]
        }
        var result = JSONObject()
        for (k, v) in obj {
            let here = ptr.appending(k)
            switch k {
            case "$ref":
                if case .string(let ref) = v { result[k] = .string(rewriteRef(ref, base: uri, kind: "schemas")) } else { result[k] = v }
            case "items":
                if case .array(let items) = v {
                    // Draft-4 style tuple items (not valid in 3.0 either) become prefixItems.
                    result["prefixItems"] = .array(items.enumerated().map { schema($1, uri: uri, at: here.appending($0)) })
                } else {
                    result[k] = schema(v, uri: uri, at: here)
                }
            case "discriminator":
                result[k] = discriminator(v, in: obj, uri: uri)
            case _ where UpstreamMerger.schemaKeywords.contains(k):
                result[k] = schema(v, uri: uri, at: here)
            case _ where UpstreamMerger.schemaMapKeywords.contains(k):
                guard case .object(let m) = v else { result[k] = v; continue }
                var r = JSONObject()
                for (name, s) in m { r[name] = schema(s, uri: uri, at: here.appending(name)) }
                result[k] = .object(r)
            case _ where UpstreamMerger.schemaListKeywords.contains(k):
                guard case .array(let a) = v else { result[k] = v; continue }
                result[k] = .array(a.enumerated().map { schema($1, uri: uri, at: here.appending($0)) })
            default:
                result[k] = k.hasPrefix("x-") ? rewrite(v, uri: uri, at: here, .extension) : v
            }
        }
        return from30 ? UpstreamMerger.convert30(result) : .object(result)
    }

    /// Discriminator mappings name schemas: rewrite references and bare names, and spell out the
    /// implicit mapping (component names changed, so names in payloads would no longer match).
    private mutating func discriminator(_ value: JSONValue, in schemaObject: JSONObject, uri: String) -> JSONValue {
        guard case .object(var d) = value else { return value }
        var mapping = JSONObject()
        if case .object(let m)? = d["mapping"] {
            for (key, target) in m {
                guard case .string(let t) = target else { mapping[key] = target; continue }
                let ref = t.contains("/") || t.contains("#") ? t : "#/components/schemas/" + t
                mapping[key] = .string(rewriteRef(ref, base: uri, kind: "schemas"))
            }
        } else {
            for key in ["oneOf", "anyOf"] {
                for branch in schemaObject[key]?.arrayValue ?? [] {
                    guard case .string(let ref)? = branch["$ref"], let target = resolve(ref, base: uri),
                          let name = target.pointer.tokens.last else { continue }
                    mapping[name] = .string(rewriteRef(ref, base: uri, kind: "schemas"))
                }
            }
        }
        if !mapping.isEmpty { d["mapping"] = .object(mapping) }
        return .object(d)
    }

    /// OpenAPI 3.0 schema keywords in their 3.1 (JSON Schema 2020-12) form.
    static func convert30(_ input: JSONObject) -> JSONValue {
        var s = input
        if case .bool(let exclusive)? = s["exclusiveMinimum"] {
            s["exclusiveMinimum"] = nil
            if exclusive, let m = s["minimum"] { s["exclusiveMinimum"] = m; s["minimum"] = nil }
        }
        if case .bool(let exclusive)? = s["exclusiveMaximum"] {
            s["exclusiveMaximum"] = nil
            if exclusive, let m = s["maximum"] { s["exclusiveMaximum"] = m; s["maximum"] = nil }
        }
        if let example = s["example"] {
            s["example"] = nil
            if s["examples"] == nil { s["examples"] = [example] }
        }
        guard case .bool(let nullable)? = s["nullable"] else { return .object(s) }
        s["nullable"] = nil
        // 3.0.3: nullable only adds null to an explicit `type`; without one it has no effect.
        guard nullable, let type = s["type"] else { return .object(s) }
        if case .array(var values)? = s["enum"], !values.contains(.null) {
            values.append(.null)
            s["enum"] = .array(values)
        }
        if case .string(let t) = type { s["type"] = [.string(t), "null"] }
        return .object(s)
    }
}
