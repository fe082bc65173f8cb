import Document

/// Rewrites one upstream document into the merged document's namespace (see `SpecAggregator`).
struct UpstreamMerger {
    /// Component sections in output order.
    static let componentKinds = ["schemas", "responses", "parameters", "examples", "requestBodies", "headers",
                                 "links", "callbacks", "pathItems"]

    /// What a node is, which decides how it is rewritten.
    indirect enum Context {
        /// A Schema Object.
        case schema
        /// Example data, copied verbatim.
        case data
        /// A vendor extension (`x-…`): copied, except that `$ref`s in it are re-pointed like schema references.
        case `extension`
        /// An OpenAPI object; `refKind` is the component section a `$ref` here would point into.
        case node(refKind: String?)
        /// A map whose values all have the inner context.
        case map(Context)
        /// An array whose items all have the inner context.
        case list(Context)
    }

    /// The rewritten pieces of one upstream.
    struct Output {
        var paths = JSONObject()
        var components: [String: JSONObject] = [:]
        var tags: [JSONObject] = []
    }

    let upstream: AggregatedUpstream
    let document: OpenAPIDocument
    let ns: String
    let from30: Bool
    /// Per document URI: pointer prefixes already placed in the output, and where.
    var placed: [String: [(from: [String], to: [String])]] = [:]
    /// Imported components waiting to be rewritten.
    var queue: [(kind: String, name: String, value: JSONValue, uri: String)] = []
    var out = Output()
    var tagNames: [String] = []

    init(upstream: AggregatedUpstream) {
        self.upstream = upstream
        self.document = upstream.document
        self.ns = UpstreamMerger.sanitize(upstream.name)
        self.from30 = upstream.document.version == .v3_0
    }

    /// Component names may only use `A-Z a-z 0-9 . - _`.
    static func sanitize(_ s: String) -> String {
        String(s.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") ? $0 : "_" })
    }

    func namespaced(_ name: String) -> String { ns + "_" + UpstreamMerger.sanitize(name) }

    func prefixedTag(_ tag: String) -> String { upstream.name + ": " + tag }

    mutating func run() -> Output {
        let root = document.root
        let rootURI = document.rootURI
        // Declare where every root component and published path goes before rewriting anything.
        if case .object(let comps)? = root["components"] {
            for kind in UpstreamMerger.componentKinds {
                guard case .object(let section)? = comps[kind] else { continue }
                for name in section.keys {
                    place(rootURI, ["components", kind, name], ["components", kind, namespaced(name)])
                }
            }
        }
        let published = upstream.publishedOperations
        if case .object(let paths)? = root["paths"] {
            for (template, item) in paths where published.contains(where: { $0.path == template }) {
                // Place the published operations and the item's other fields, not excluded operations:
                // a reference into an excluded operation is imported instead of left dangling.
                let to = ["paths", upstream.mountPrefix + template]
                for key in item.objectValue?.keys ?? [] where !HTTPMethod.operationKeys.contains(key)
                    || published.contains(where: { $0.path == template && $0.method.key == key }) {
                    place(rootURI, ["paths", template, key], to + [key])
                }
            }
        }
        if case .array(let declared)? = root["tags"] {
            for t in declared {
                guard case .object(var tag) = t, case .string(let name)? = tag["name"] else { continue }
                tag["name"] = .string(prefixedTag(name))
                tag["externalDocs"] = nil
                addTag(tag)
            }
        }
        // Paths.
        if case .object(let paths)? = root["paths"] {
            for (template, item) in paths {
                let ops = published.filter { $0.path == template }
                guard !ops.isEmpty else { continue }
                out.paths[upstream.mountPrefix + template] = pathItem(item, template: template, operations: ops)
            }
        }
        // Root components, then everything imported on the way (which may import more).
        if case .object(let comps)? = root["components"] {
            for kind in UpstreamMerger.componentKinds {
                guard case .object(let section)? = comps[kind] else { continue }
                for (name, value) in section {
                    let ptr = JSONPointer(tokens: ["components", kind, name])
                    out.components[kind, default: JSONObject()][namespaced(name)] =
                        rewrite(value, uri: rootURI, at: ptr, UpstreamMerger.context(forKind: kind))
                }
            }
        }
        while !queue.isEmpty {
            let item = queue.removeFirst()
            out.components[item.kind, default: JSONObject()][item.name] =
                rewrite(item.value, uri: item.uri, at: .root, UpstreamMerger.context(forKind: item.kind))
        }
        return out
    }

    /// The context of a component in section `kind`.
    static func context(forKind kind: String) -> Context {
        kind == "schemas" ? .schema : .node(refKind: kind)
    }

    mutating func place(_ uri: String, _ from: [String], _ to: [String]) {
        placed[uri, default: []].append((from, to))
    }

    mutating func addTag(_ tag: JSONObject) {
        guard case .string(let name)? = tag["name"], !tagNames.contains(name) else { return }
        tagNames.append(name)
        out.tags.append(tag)
    }

    /// A Path Item with only the published operations, each with a namespaced operationId and prefixed tags.
    private mutating func pathItem(_ item: JSONValue, template: String, operations: [Operation]) -> JSONValue {
        var uri = document.rootURI
        var ptr = JSONPointer(tokens: ["paths", template])
        var value = item
        // A Path Item `$ref` is inlined: the published path must hold the operations itself.
        var hops = 0
        while case .string(let ref)? = value["$ref"], hops < 16, let target = resolve(ref, base: uri),
              let v = document.value(at: target) {
            uri = target.documentURI; ptr = target.pointer; value = v; hops += 1
        }
        guard case .object(let obj) = value else { return value }
        var result = JSONObject()
        for (key, v) in obj {
            let here = ptr.appending(key)
            if key == "$ref" || key == "servers" { continue }
            if let op = operations.first(where: { $0.method.key == key }) {
                result[key] = operation(v, uri: uri, at: here, op: op)
            } else if HTTPMethod.operationKeys.contains(key) {
                continue
            } else if key == "parameters" {
                result[key] = rewrite(v, uri: uri, at: here, .list(.node(refKind: "parameters")))
            } else {
                result[key] = rewrite(v, uri: uri, at: here, key.hasPrefix("x-") ? .extension : .node(refKind: nil))
            }
        }
        return .object(result)
    }

    private mutating func operation(_ value: JSONValue, uri: String, at ptr: JSONPointer, op: Operation) -> JSONValue {
        guard case .object(let obj) = value else { return value }
        var result = JSONObject()
        for (key, v) in obj {
            switch key {
            case "security", "servers":
                continue
            case "operationId":
                if case .string(let id) = v { result[key] = .string(namespaced(id)) }
            case "tags":
                let names = (v.arrayValue ?? []).compactMap(\.stringValue).map(prefixedTag)
                for n in names { addTag(["name": .string(n)]) }
                result[key] = .array(names.map { .string($0) })
            default:
                result[key] = rewrite(v, uri: uri, at: ptr.appending(key), UpstreamMerger.operationFieldContext(key))
            }
        }
        if result["tags"] == nil {
            addTag(["name": .string(upstream.name)])
            result["tags"] = [.string(upstream.name)]
        }
        return .object(result)
    }

    /// Contexts of an Operation Object's fields.
    static func operationFieldContext(_ key: String) -> Context {
        switch key {
        case "parameters": .list(.node(refKind: "parameters"))
        case "requestBody": .node(refKind: "requestBodies")
        case "responses": .map(.node(refKind: "responses"))
        case "callbacks": .map(.node(refKind: "callbacks"))
        default: key.hasPrefix("x-") ? .extension : .node(refKind: nil)
        }
    }
}
