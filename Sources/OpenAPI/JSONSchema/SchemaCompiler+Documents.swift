import Document

extension SchemaCompiler {
    /// Keys whose values are data, not schemas: identifiers inside them are not identifiers.
    private static let dataKeywords: Set<String> = ["enum", "const", "examples", "example", "default"]
    /// Keys whose values map names to schemas: their members are schemas whatever their names.
    private static let schemaMaps: Set<String> = ["properties", "patternProperties", "$defs", "definitions",
                                                  "dependentSchemas", "dependencies"]

    /// Registers a document and every schema resource and anchor inside it.
    func load(document: JSONValue, at uri: String) {
        documents[uri] = document
        if resources[uri] == nil { resources[uri] = SchemaPlace(document: uri, tokens: []) }
        var tokens: [String] = []
        scan(document, document: uri, base: uri, tokens: &tokens, isMap: false)
    }

    /// Walks a document recording `$id`/`id` resources, `$anchor`s and `$dynamicAnchor`s.
    private func scan(_ value: JSONValue, document: String, base: String, tokens: inout [String], isMap: Bool) {
        switch value {
        case .array(let items):
            for (i, item) in items.enumerated() {
                tokens.append(String(i))
                scan(item, document: document, base: base, tokens: &tokens, isMap: false)
                tokens.removeLast()
            }
        case .object(let object):
            var base = base
            if !isMap { base = register(object, document: document, base: base, tokens: tokens) }
            for (key, child) in object {
                if !isMap && SchemaCompiler.dataKeywords.contains(key) { continue }
                switch child {
                case .object, .array:
                    tokens.append(key)
                    scan(child, document: document, base: base, tokens: &tokens,
                         isMap: !isMap && SchemaCompiler.schemaMaps.contains(key))
                    tokens.removeLast()
                default:
                    continue
                }
            }
        default:
            return
        }
    }

    /// Records what one schema object declares; returns the base URI for its subschemas.
    private func register(_ object: JSONObject, document: String, base: String, tokens: [String]) -> String {
        let place = SchemaPlace(document: document, tokens: tokens)
        switch options.dialect {
        case .draft2020_12, .openAPI31:
            var base = base
            if let id = object["$id"]?.stringValue {
                base = SchemaURI(base).resolving(id).withoutFragment.string
                if resources[base] == nil { resources[base] = place }
            }
            if let name = object["$anchor"]?.stringValue, anchors[base + "#" + name] == nil {
                anchors[base + "#" + name] = AnchorPlace(place: place, isDynamic: false)
            }
            if let name = object["$dynamicAnchor"]?.stringValue {
                if anchors[base + "#" + name] == nil {
                    anchors[base + "#" + name] = AnchorPlace(place: place, isDynamic: true)
                }
                dynamicAnchorNames[base, default: []].append(name)
            }
            return base
        case .draft4:
            guard object["$ref"] == nil, let id = object["id"]?.stringValue else { return base }
            let resolved = SchemaURI(base).resolving(id)
            if let fragment = resolved.fragment, !fragment.isEmpty {
                let key = resolved.withoutFragment.string + "#" + fragment
                if anchors[key] == nil { anchors[key] = AnchorPlace(place: place, isDynamic: false) }
                return id.hasPrefix("#") ? base : resolved.withoutFragment.string
            }
            let newBase = resolved.withoutFragment.string
            if resources[newBase] == nil { resources[newBase] = place }
            return newBase
        case .openAPI30:
            return base
        }
    }
}
