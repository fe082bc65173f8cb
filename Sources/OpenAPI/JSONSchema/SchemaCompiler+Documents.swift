import Document

extension SchemaCompiler {
    /// Keys whose values are data, not schemas: identifiers inside them are not identifiers.
    private static let dataKeywords: Set<String> = ["enum", "const", "examples", "example", "default"]
    /// Keys whose values map names to schemas: their members are schemas whatever their names.
    private static let schemaMaps: Set<String> = ["properties", "patternProperties", "$defs", "definitions",
                                                  "dependentSchemas", "dependencies"]

    /// Keywords whose value is one subschema.
    private static let schemaKeywords: Set<String> = [
        "items", "additionalItems", "additionalProperties", "contains", "propertyNames", "if", "then", "else", "not",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    ]
    /// Keywords whose value is an array of subschemas.
    private static let schemaArrays: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems", "items"]

    /// How a scanned value is known: as a schema, as a name → schema map, or not known (any object
    /// in it may be a schema, e.g. an OpenAPI document around its components).
    private enum ScanMode { case schema, map, generic }

    /// Registers a document and every schema resource and anchor inside it. A document compiled
    /// as a schema is walked through schema keywords only (an `$id` under an unknown keyword is
    /// not an identifier); a document fetched through the resolver may be anything, so every
    /// object outside data keywords is treated as a possible schema.
    func load(document: JSONValue, at uri: String, isSchema: Bool = false) {
        documents[uri] = document
        if resources[uri] == nil { resources[uri] = SchemaPlace(document: uri, tokens: []) }
        var tokens: [String] = []
        scan(document, document: uri, base: uri, tokens: &tokens, mode: isSchema ? .schema : .generic)
    }

    /// Walks a document recording `$id`/`id` resources, `$anchor`s and `$dynamicAnchor`s.
    private func scan(_ value: JSONValue, document: String, base: String, tokens: inout [String], mode: ScanMode) {
        switch value {
        case .array(let items):
            guard mode != .map else { return }
            for (i, item) in items.enumerated() {
                tokens.append(String(i))
                scan(item, document: document, base: base, tokens: &tokens, mode: mode)
                tokens.removeLast()
            }
        case .object(let object):
            var base = base
            if mode != .map { base = register(object, document: document, base: base, tokens: tokens) }
            for (key, child) in object {
                let childMode: ScanMode
                switch mode {
                case .map:
                    childMode = .schema
                case .schema:
                    if SchemaCompiler.schemaMaps.contains(key) { childMode = .map }
                    else if SchemaCompiler.schemaKeywords.contains(key) || SchemaCompiler.schemaArrays.contains(key) { childMode = .schema }
                    else { continue }
                case .generic:
                    if SchemaCompiler.dataKeywords.contains(key) { continue }
                    childMode = SchemaCompiler.schemaMaps.contains(key) ? .map : .generic
                }
                switch child {
                case .object, .array:
                    tokens.append(key)
                    scan(child, document: document, base: base, tokens: &tokens, mode: childMode)
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
