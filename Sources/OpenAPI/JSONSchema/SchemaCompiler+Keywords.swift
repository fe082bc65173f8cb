import Document

extension SchemaCompiler {
    /// Builds the node for `context` (a boolean or object schema) and caches it.
    func build(_ context: SchemaContext) throws(SchemaCompileError) -> SchemaNode {
        if let cached = nodes[context.place.key] { return cached }
        let node: SchemaNode
        switch context.value {
        case .bool(let accepts):
            node = SchemaNode(location: context.location, constant: accepts, keywords: [], resource: context.resource)
        case .object(let object):
            var builder = KeywordBuilder(compiler: self, context: context, object: object)
            node = try builder.build()
        default:
            throw SchemaCompileError(schemaLocation: context.location,
                                     message: "a schema must be an object or a boolean, got \(context.value.typeName)")
        }
        remember(node, at: context.place)
        return node
    }

    /// The context of the subschema at `path` below `context`; nil when absent.
    func subcontext(_ context: SchemaContext, _ path: [String]) -> SchemaContext? {
        var value = context.value
        for token in path {
            switch value {
            case .object(let o): guard let next = o[token] else { return nil }; value = next
            case .array(let a): guard let i = Int(token), a.indices.contains(i) else { return nil }; value = a[i]
            default: return nil
            }
        }
        let place = SchemaPlace(document: context.place.document, tokens: context.place.tokens + path)
        if let id = identifier(of: value) {
            let base = SchemaURI(context.resource.uri).resolving(id).withoutFragment.string
            return SchemaContext(place: place, value: value, resource: resource(base), relative: [])
        }
        return SchemaContext(place: place, value: value, resource: context.resource, relative: context.relative + path)
    }

    /// Compiles the subschema at `path` below `context`.
    func subschema(_ context: SchemaContext, _ path: String...) throws(SchemaCompileError) -> SchemaNode {
        let place = SchemaPlace(document: context.place.document, tokens: context.place.tokens + path)
        if let cached = nodes[place.key] { return cached }
        guard let sub = subcontext(context, path) else {
            throw SchemaCompileError(schemaLocation: context.location, message: "missing subschema \(path.joined(separator: "/"))")
        }
        return try build(sub)
    }

    /// A slot for `reference` (resolved against `base`), queued to be linked; returns the slot and target.
    func reference(_ reference: String, base: String, from location: String) throws(SchemaCompileError) -> (ReferenceSlot, String) {
        let target = SchemaURI(base).resolving(reference).string
        let place = try locate(target, from: location)
        let slot = ReferenceSlot(uri: target)
        if let cached = nodes[place.key] { slot.target = cached } else { pending.append((slot, place)) }
        return (slot, target)
    }
}

/// Turns one schema object into keyword rules, reading each keyword's value strictly.
struct KeywordBuilder {
    let compiler: SchemaCompiler
    let context: SchemaContext
    let object: JSONObject
    var keywords: [SchemaKeyword] = []
    var declaredTypes: JSONTypes?

    /// The vocabularies the resource's meta-schema enables.
    let vocabularies: SchemaVocabularies

    /// Keywords of the 2020-12 validation vocabulary.
    static let validationKeywords: Set<String> = [
        "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
        "maxProperties", "minProperties", "required", "dependentRequired",
    ]

    init(compiler: SchemaCompiler, context: SchemaContext, object: JSONObject) {
        self.compiler = compiler
        self.context = context
        self.object = object
        self.vocabularies = compiler.vocabularies(in: context.resource.uri)
    }

    var dialect: SchemaDialect { compiler.options.dialect }
    var modern: Bool { !dialect.isDraft4Family }
    var location: String { context.location }

    /// Absolute location of keyword `name` in this schema.
    func at(_ name: String) -> String { location + "/" + JSONPointer.escape(name) }

    /// An error at keyword `name`.
    func error(_ name: String, _ message: String) -> SchemaCompileError {
        SchemaCompileError(schemaLocation: at(name), message: message)
    }

    mutating func add(_ name: String, _ rule: SchemaRule) {
        if !vocabularies.validation && KeywordBuilder.validationKeywords.contains(name) { return }
        keywords.append(SchemaKeyword(name: name, location: at(name), rule: rule))
    }

    /// Builds the node.
    mutating func build() throws(SchemaCompileError) -> SchemaNode {
        if let ref = object["$ref"] {
            guard let text = ref.stringValue else { throw error("$ref", "must be a string") }
            let (slot, _) = try compiler.reference(text, base: context.resource.uri, from: at("$ref"))
            add("$ref", .ref(slot))
            if !modern {  // draft 4 / OpenAPI 3.0: siblings of $ref are ignored
                return SchemaNode(location: location, constant: nil, keywords: keywords, resource: context.resource)
            }
        }
        if modern, let ref = object["$dynamicRef"] {
            guard let text = ref.stringValue else { throw error("$dynamicRef", "must be a string") }
            let (slot, target) = try compiler.reference(text, base: context.resource.uri, from: at("$dynamicRef"))
            let parts = SchemaURI(target)
            var anchor: String?
            if let fragment = parts.fragment, !fragment.isEmpty, !fragment.hasPrefix("/"),
               compiler.anchors[parts.withoutFragment.string + "#" + fragment]?.isDynamic == true {
                anchor = fragment
            }
            if anchor != nil { compiler.usesDynamicScope = true }
            add("$dynamicRef", .dynamicRef(slot, anchor: anchor))
        }
        try buildAssertions()
        try buildArrayKeywords()
        try buildObjectKeywords()
        try buildCombinators()
        if modern {
            if object["unevaluatedItems"] != nil {
                add("unevaluatedItems", .unevaluatedItems(try compiler.subschema(context, "unevaluatedItems")))
            }
            if object["unevaluatedProperties"] != nil {
                add("unevaluatedProperties", .unevaluatedProperties(try compiler.subschema(context, "unevaluatedProperties")))
            }
        }
        return SchemaNode(location: location, constant: nil, keywords: keywords, resource: context.resource,
                          declaredTypes: declaredTypes)
    }

    // MARK: - Reading keyword values

    func number(_ name: String) throws(SchemaCompileError) -> JSONNumber? {
        guard let value = object[name] else { return nil }
        guard case .number(let n) = value else { throw error(name, "must be a number") }
        return n
    }

    func count(_ name: String) throws(SchemaCompileError) -> Int? {
        guard let value = object[name] else { return nil }
        guard case .number(let n) = value, n.isInteger, !n.isNegative else {
            throw error(name, "must be a non-negative integer")
        }
        return min(n.intValue ?? Int.max, 1 << 48)  // beyond any real length; keeps `limit + 1` safe
    }

    func schemaArray(_ name: String) throws(SchemaCompileError) -> [SchemaNode]? {
        guard let value = object[name] else { return nil }
        guard case .array(let items) = value else { throw error(name, "must be an array of schemas") }
        var nodes: [SchemaNode] = []
        for i in items.indices { nodes.append(try compiler.subschema(context, name, String(i))) }
        return nodes
    }

    func stringArray(_ value: JSONValue, _ name: String) throws(SchemaCompileError) -> [String] {
        guard case .array(let items) = value else { throw error(name, "must be an array of strings") }
        var out: [String] = []
        for item in items {
            guard let s = item.stringValue else { throw error(name, "must be an array of strings") }
            out.append(s)
        }
        return out
    }

    func pattern(_ source: String, _ name: String) throws(SchemaCompileError) -> SchemaPattern {
        guard let compiled = SchemaPattern(source) else {
            throw error(name, "invalid regular expression \(source)")
        }
        return compiled
    }
}
