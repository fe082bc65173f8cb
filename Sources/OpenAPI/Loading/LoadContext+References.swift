import Document

extension LoadContext {
    /// Checks every `$ref` in every document read (following into newly read files) resolves.
    ///
    /// Example values (`example`, `examples/*/value`, `default`, `enum`, `const`) are data, not
    /// references, and are skipped. In 3.1, references inside a schema that sets `$id` are resolved
    /// by the schema compiler against that `$id` and are not checked here; anchors (`#name`) likewise.
    func checkAllReferences() {
        var checked: Set<String> = []
        while true {
            let pending = documentURIs.filter { !checked.contains($0) }
            if pending.isEmpty { return }
            for uri in pending {
                checked.insert(uri)
                guard let doc = documents[uri] else { continue }
                walk(doc.value, at: .root, in: uri, underID: false)
            }
        }
    }

    private static let dataKeys: Set<String> = ["example", "default", "enum", "const"]

    private func walk(_ value: JSONValue, at pointer: JSONPointer, in uri: String, underID: Bool) {
        switch value {
        case .object(let obj):
            let underID = underID || (version == .v3_1 && obj["$id"]?.stringValue != nil && !pointer.tokens.isEmpty)
            if case .string(let ref)? = obj["$ref"], !underID {
                checkReference(ref, at: pointer.appending("$ref"), in: uri)
            }
            let isExample = pointer.tokens.count >= 2 && pointer.tokens[pointer.tokens.count - 2] == "examples"
            for (k, v) in obj {
                if LoadContext.dataKeys.contains(k) || (isExample && k == "value") { continue }
                if k.hasPrefix("x-") { continue }
                walk(v, at: pointer.appending(k), in: uri, underID: underID)
            }
        case .array(let items):
            for (i, v) in items.enumerated() { walk(v, at: pointer.appending(i), in: uri, underID: underID) }
        default:
            return
        }
    }

    private func checkReference(_ ref: String, at pointer: JSONPointer, in uri: String) {
        if let hash = ref.firstIndex(of: "#") {
            let fragment = ref[ref.index(after: hash)...]
            if !fragment.isEmpty, !fragment.hasPrefix("/") {
                if version == .v3_0 {
                    report("reference '\(ref)' has a fragment that is not a JSON Pointer", at: pointer, in: uri)
                }
                return
            }
        }
        guard let t = target(of: ref, at: pointer, in: uri) else { return }
        _ = lookup(t, ref: ref, site: (uri, pointer))
    }
}
