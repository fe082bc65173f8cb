import Document

extension UpstreamMerger {
    /// Rewrites a value in its context: references re-pointed, schemas converted, examples verbatim.
    mutating func rewrite(_ value: JSONValue, uri: String, at ptr: JSONPointer, _ ctx: Context) -> JSONValue {
        switch ctx {
        case .data:
            return value
        case .extension:
            switch value {
            case .array(let items):
                return .array(items.enumerated().map { rewrite($1, uri: uri, at: ptr.appending($0), .extension) })
            case .object(let obj):
                var result = JSONObject()
                for (k, v) in obj {
                    if k == "$ref", case .string(let ref) = v { result[k] = .string(rewriteRef(ref, base: uri, kind: "schemas")) }
                    else { result[k] = rewrite(v, uri: uri, at: ptr.appending(k), .extension) }
                }
                return .object(result)
            default:
                return value
            }
        case .schema:
            return schema(value, uri: uri, at: ptr)
        case .list(let inner):
            guard case .array(let items) = value else { return value }
            return .array(items.enumerated().map { rewrite($1, uri: uri, at: ptr.appending($0), inner) })
        case .map(let inner):
            guard case .object(let obj) = value else { return value }
            var result = JSONObject()
            for (k, v) in obj { result[k] = rewrite(v, uri: uri, at: ptr.appending(k), k.hasPrefix("x-") ? .extension : inner) }
            return .object(result)
        case .node(let refKind):
            guard case .object(let obj) = value else { return value }
            if case .string(let ref)? = obj["$ref"] {
                // A Reference Object: 3.0 ignores siblings; 3.1 allows summary and description only.
                var result: JSONObject = ["$ref": .string(rewriteRef(ref, base: uri, kind: refKind ?? "schemas"))]
                if !from30 {
                    for k in ["summary", "description"] { if let v = obj[k] { result[k] = v } }
                }
                return .object(result)
            }
            var result = JSONObject()
            for (k, v) in obj {
                result[k] = rewrite(v, uri: uri, at: ptr.appending(k), UpstreamMerger.nodeFieldContext(k))
            }
            return .object(result)
        }
    }

    /// Contexts of fields of the OpenAPI objects below an operation (parameters, media types, responses, …).
    static func nodeFieldContext(_ key: String) -> Context {
        switch key {
        case "schema": .schema
        case "example", "value", "default": .data
        case "examples": .map(.node(refKind: "examples"))
        case "content", "encoding": .map(.node(refKind: nil))
        case "headers": .map(.node(refKind: "headers"))
        case "links": .map(.node(refKind: "links"))
        case "callbacks": .map(.node(refKind: "callbacks"))
        case "parameters": .list(.node(refKind: "parameters"))
        case "requestBody": .node(refKind: "requestBodies")
        case "responses": .map(.node(refKind: "responses"))
        default: key.hasPrefix("x-") ? .extension : .node(refKind: nil)
        }
    }

    /// Resolves a reference written in document `base` to an absolute location (nil for anchors and `$id` URIs).
    func resolve(_ ref: String, base: String) -> SchemaLocation? {
        let hash = ref.firstIndex(of: "#")
        let resource = hash.map { String(ref[..<$0]) } ?? ref
        let fragment = hash.map { String(ref[$0...]) } ?? "#"
        guard ReferenceURI.scheme(of: resource) == nil, let p = JSONPointer(uriFragment: fragment) else { return nil }
        let uri = resource.isEmpty ? base : ReferenceURI.resolve(resource, against: base)
        guard document.documents[uri] != nil else { return nil }
        return SchemaLocation(documentURI: uri, pointer: p)
    }

    /// The reference's new text in the merged document, importing its target as a component when it
    /// is not already placed.
    mutating func rewriteRef(_ ref: String, base: String, kind: String) -> String {
        guard let target = resolve(ref, base: base) else { return ref }
        if let to = placement(of: target) { return JSONPointer(tokens: to).uriFragment }
        let tokens = target.pointer.tokens
        var sectionKind = kind
        var importTokens = tokens
        var baseName = tokens.last ?? "root"
        if baseName.allSatisfy(\.isNumber) {
            // An array element (`…/parameters/0`): name it by its path to stay readable.
            baseName = tokens.suffix(4).map(UpstreamMerger.sanitize).joined(separator: "_")
            while baseName.hasPrefix("_") { baseName.removeFirst() }
        }
        if tokens.count >= 3, tokens[0] == "components", UpstreamMerger.componentKinds.contains(tokens[1]) {
            sectionKind = tokens[1]
            importTokens = Array(tokens.prefix(3))
            baseName = tokens[2]
        }
        let importLocation = SchemaLocation(documentURI: target.documentURI, pointer: JSONPointer(tokens: importTokens))
        guard let value = document.value(at: importLocation) else { return ref }
        var name = namespaced(baseName)
        var n = 2
        while isTaken(sectionKind, name) { name = namespaced(baseName) + "_\(n)"; n += 1 }
        place(target.documentURI, importTokens, ["components", sectionKind, name])
        queue.append((sectionKind, name, value, target.documentURI))
        return JSONPointer(tokens: placement(of: target) ?? ["components", sectionKind, name]).uriFragment
    }

    /// Where a location lands in the output: the longest placed prefix plus the remaining tokens.
    func placement(of target: SchemaLocation) -> [String]? {
        var best: (from: [String], to: [String])?
        for entry in placed[target.documentURI] ?? [] where target.pointer.tokens.starts(with: entry.from) {
            if entry.from.count >= (best?.from.count ?? 0) { best = entry }
        }
        guard let best else { return nil }
        return best.to + target.pointer.tokens.dropFirst(best.from.count)
    }

    private func isTaken(_ kind: String, _ name: String) -> Bool {
        placed.values.contains { $0.contains { $0.to == ["components", kind, name] } }
    }
}
