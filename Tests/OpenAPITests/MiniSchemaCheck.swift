import Document
@testable import OpenAPI

/// A deliberately small schema checker so validator tests do not depend on the JSON Schema engine:
/// type (with nullable), required, properties, additionalProperties:false, items, enum, minimum,
/// maximum, maxLength, minItems and same-document `$ref`.
struct MiniSchemaCompiler: SchemaCheckCompiler {
    func compile(_ location: SchemaLocation, in document: OpenAPIDocument) throws(SchemaCheckCompileError) -> any SchemaCheck {
        guard let root = document.documents[location.documentURI]?.value else {
            throw SchemaCheckCompileError(location: location, message: "no document")
        }
        return MiniSchemaCheck(root: root, location: location)
    }
}

struct MiniSchemaCheck: SchemaCheck {
    let root: JSONValue
    let location: SchemaLocation

    func check(_ instance: JSONValue) -> [SchemaIssue] {
        var out: [SchemaIssue] = []
        walk(location.pointer, instance, .root, &out, depth: 0)
        return out
    }

    private func walk(_ sp: JSONPointer, _ v: JSONValue, _ ip: JSONPointer, _ out: inout [SchemaIssue], depth: Int) {
        guard depth < 20, case .object(let s)? = sp.resolve(in: root) else { return }
        func issue(_ kw: String, _ m: String) {
            out.append(SchemaIssue(pointer: ip, schemaLocation: location.documentURI + sp.appending(kw).uriFragment, keyword: kw, message: m))
        }
        if case .string(let ref)? = s["$ref"], let p = JSONPointer(uriFragment: ref) {
            walk(p, v, ip, &out, depth: depth + 1); return
        }
        if case .string(let t)? = s["type"] {
            let ok = v.typeName == t || (t == "number" && v.typeName == "integer") || (v.isNull && s["nullable"] == .bool(true))
            if !ok { issue("type", "expected \(t), found \(v.typeName)"); return }
        }
        if case .array(let e)? = s["enum"], !e.contains(v) { issue("enum", "must be one of \(e.count) values") }
        if case .number(let n) = v {
            if case .number(let m)? = s["minimum"], n < m { issue("minimum", "must be >= \(m)") }
            if case .number(let m)? = s["maximum"], m < n { issue("maximum", "must be <= \(m)") }
        }
        if case .string(let str) = v, case .number(let m)? = s["maxLength"], let max = m.intValue,
           str.unicodeScalars.count > max { issue("maxLength", "must be at most \(max) characters") }
        if case .array(let a) = v {
            if case .number(let m)? = s["minItems"], let min = m.intValue, a.count < min { issue("minItems", "needs \(min) items") }
            if s["items"] != nil {
                for (i, x) in a.enumerated() { walk(sp.appending("items"), x, ip.appending(i), &out, depth: depth + 1) }
            }
        }
        if case .object(let o) = v {
            if case .array(let req)? = s["required"] {
                for r in req.compactMap(\.stringValue) where !o.contains(r) { issue("required", "'\(r)' is required") }
            }
            let props = s["properties"]?.objectValue ?? JSONObject()
            for (k, x) in o {
                if props.contains(k) { walk(sp.appending("properties").appending(k), x, ip.appending(k), &out, depth: depth + 1) }
                else if s["additionalProperties"] == .bool(false) {
                    out.append(SchemaIssue(pointer: ip.appending(k), schemaLocation: location.documentURI + sp.appending("additionalProperties").uriFragment,
                                           keyword: "additionalProperties", message: "'\(k)' is not allowed"))
                }
            }
        }
    }
}
