import Document

/// Compiles JSON Schemas into validator graphs, once.
///
/// Documents come from the `SchemaDocumentResolver` (never the network). Compiled subschemas are
/// cached by their location and shared across `compile` calls; references (including recursive
/// ones) are linked after the schema that contains them is built. A failed `compile` discards
/// everything it built, so a cached node is always fully linked.
///
/// ```swift
/// let compiler = SchemaCompiler(options: .init(dialect: .openAPI31), resolver: specs)
/// let task = try compiler.compile(uri: "file:///specs/owlops.yaml#/components/schemas/Task")
/// let problems = task.validate(body)   // every violation, with pointers and locations
/// ```
public final class SchemaCompiler {
    let options: SchemaCompilerOptions
    let resolver: any SchemaDocumentResolver

    /// Loaded documents by retrieval URI.
    var documents: [String: JSONValue] = [:]
    /// Schema resource URI → where its root is.
    var resources: [String: SchemaPlace] = [:]
    /// `resource#name` → the schema declaring `$anchor`/`$dynamicAnchor` (or draft-4 `id: "#name"`).
    var anchors: [String: AnchorPlace] = [:]
    /// Resource URI → its `$dynamicAnchor` names.
    var dynamicAnchorNames: [String: [String]] = [:]
    /// Compiled nodes by `document#pointer`.
    var nodes: [String: SchemaNode] = [:]
    /// Resource objects by URI.
    var resourceObjects: [String: SchemaResource] = [:]
    /// References waiting to be linked: slot, target, and the referring keyword's location.
    var pending: [(slot: ReferenceSlot, place: SchemaPlace)] = []
    /// Node and resource keys created by the compile in progress (dropped if it fails).
    var createdNodes: [String] = []
    var createdResources: [String] = []
    /// True once any `$dynamicRef` was compiled: only then does validation track the dynamic scope.
    var usesDynamicScope = false
    /// Resource URI → the vocabularies its `$schema` meta-schema enables.
    var vocabularyCache: [String: SchemaVocabularies] = [:]

    /// A compiler for `options`, reading documents through `resolver`.
    public init(options: SchemaCompilerOptions, resolver: any SchemaDocumentResolver) {
        self.options = options
        self.resolver = resolver
    }

    /// Compiles the schema at `uri` (absolute; the fragment is a JSON pointer or an anchor name).
    public func compile(uri: String) throws(SchemaCompileError) -> CompiledSchema {
        try transaction { () throws(SchemaCompileError) -> SchemaNode in
            let place = try locate(uri, from: uri)
            return try node(at: place)
        }
    }

    /// Compiles `schema` as the document retrievable at `baseURI` (its own `$id` may override).
    ///
    /// Compiling the same value at the same base again returns the cached graph; a different value
    /// at a base already in use is an error.
    public func compile(schema: JSONValue, baseURI: String) throws(SchemaCompileError) -> CompiledSchema {
        let base = SchemaURI(baseURI).withoutFragment.string
        if let existing = documents[base] {
            guard existing == schema else {
                throw SchemaCompileError(schemaLocation: base + "#",
                                         message: "another document is already registered at \(base)")
            }
        } else {
            load(document: schema, at: base, isSchema: true)
        }
        return try transaction { () throws(SchemaCompileError) -> SchemaNode in
            try node(at: SchemaPlace(document: base, tokens: []))
        }
    }

    /// Runs `body`, links every pending reference, and on failure forgets what was built.
    private func transaction(_ body: () throws(SchemaCompileError) -> SchemaNode) throws(SchemaCompileError) -> CompiledSchema {
        createdNodes.removeAll()
        createdResources.removeAll()
        do {
            let root = try body()
            while let (slot, place) = pending.popLast() {
                slot.target = try node(at: place)
            }
            return CompiledSchema(root: root, tracksDynamicScope: usesDynamicScope)
        } catch {
            pending.removeAll()
            for key in createdNodes { nodes[key] = nil }
            for key in createdResources { resourceObjects[key] = nil }
            throw error
        }
    }

    /// Resolves an absolute URI (with optional fragment) to a place in a loaded document.
    func locate(_ uri: String, from location: String) throws(SchemaCompileError) -> SchemaPlace {
        let parts = SchemaURI(uri)
        let resource = parts.withoutFragment.string
        if resources[resource] == nil, documents[resource] == nil {
            guard let document = resolver.document(forURI: resource) ?? MetaSchemas.document(forURI: resource) else {
                throw SchemaCompileError(schemaLocation: location, message: "cannot resolve \(uri): no document at \(resource)")
            }
            load(document: document, at: resource)
        }
        guard let root = resources[resource] else {
            throw SchemaCompileError(schemaLocation: location, message: "cannot resolve \(uri): no schema resource \(resource)")
        }
        guard let fragment = parts.fragment, !fragment.isEmpty else { return root }
        if fragment.hasPrefix("/") {
            guard let pointer = JSONPointer(uriFragment: "#" + fragment) else {
                throw SchemaCompileError(schemaLocation: location, message: "malformed JSON pointer in \(uri)")
            }
            let place = SchemaPlace(document: root.document, tokens: root.tokens + pointer.tokens)
            guard let document = documents[place.document],
                  JSONPointer(tokens: place.tokens).resolve(in: document) != nil else {
                throw SchemaCompileError(schemaLocation: location, message: "cannot resolve \(uri): nothing at that pointer")
            }
            return place
        }
        guard let anchor = anchors[resource + "#" + fragment] else {
            throw SchemaCompileError(schemaLocation: location, message: "cannot resolve \(uri): no anchor '\(fragment)' in \(resource)")
        }
        return anchor.place
    }

    /// The compiled node at `place`, building it (and its subschemas) on first use.
    func node(at place: SchemaPlace) throws(SchemaCompileError) -> SchemaNode {
        if let cached = nodes[place.key] { return cached }
        let context = try context(at: place)
        return try build(context)
    }

    /// Walks from the document root to `place`, tracking base-URI changes, to find its resource.
    func context(at place: SchemaPlace) throws(SchemaCompileError) -> SchemaContext {
        guard var value = documents[place.document] else {
            throw SchemaCompileError(schemaLocation: place.key, message: "document not loaded")
        }
        var base = place.document
        if let id = identifier(of: value) { base = SchemaURI(base).resolving(id).withoutFragment.string }
        var relativeStart = 0
        for (i, token) in place.tokens.enumerated() {
            var next: JSONValue?
            switch value {
            case .object(let o): next = o[token]
            case .array(let a): next = Int(token).flatMap { a.indices.contains($0) ? a[$0] : nil }
            default: next = nil
            }
            guard let next else {
                throw SchemaCompileError(schemaLocation: place.key, message: "nothing at this pointer")
            }
            value = next
            if let id = identifier(of: value) {
                base = SchemaURI(base).resolving(id).withoutFragment.string
                relativeStart = i + 1
            }
        }
        return SchemaContext(place: place, value: value, resource: resource(base),
                             relative: Array(place.tokens[relativeStart...]))
    }

    /// The `$id` (2020-12) or `id` (draft 4, not beside `$ref`, not a bare fragment) that sets a base URI.
    func identifier(of value: JSONValue) -> String? {
        guard case .object(let o) = value else { return nil }
        switch options.dialect {
        case .draft2020_12, .openAPI31:
            return o["$id"]?.stringValue
        case .draft4:
            guard o["$ref"] == nil, let id = o["id"]?.stringValue, !id.hasPrefix("#") else { return nil }
            return id
        case .openAPI30:
            return nil
        }
    }

    /// The resource object for `uri`, created (with its dynamic-anchor slots queued) on first use.
    func resource(_ uri: String) -> SchemaResource {
        if let existing = resourceObjects[uri] { return existing }
        var slots: [String: ReferenceSlot] = [:]
        for name in dynamicAnchorNames[uri] ?? [] {
            guard let anchor = anchors[uri + "#" + name] else { continue }
            let slot = ReferenceSlot(uri: uri + "#" + name)
            slots[name] = slot
            pending.append((slot, anchor.place))
        }
        let made = SchemaResource(uri: uri, dynamicAnchors: slots)
        resourceObjects[uri] = made
        createdResources.append(uri)
        return made
    }

    /// The vocabularies the resource's `$schema` meta-schema declares: validation is off when its
    /// `$vocabulary` leaves it out; format-assertion (true or false: we support it) turns `format`
    /// into an assertion even when the options do not.
    func vocabularies(in resource: String) -> SchemaVocabularies {
        if let known = vocabularyCache[resource] { return known }
        var found = SchemaVocabularies()
        if !options.dialect.isDraft4Family, let place = resources[resource], let document = documents[place.document],
           let meta = JSONPointer(tokens: place.tokens).resolve(in: document)?["$schema"]?.stringValue {
            let uri = SchemaURI(meta).withoutFragment.string
            if case .object(let declared)? = (resolver.document(forURI: uri) ?? MetaSchemas.document(forURI: uri))?["$vocabulary"] {
                found.validation = declared.contains(MetaSchemas.draft2020 + "vocab/validation")
                found.formatAssertion = declared.contains(MetaSchemas.draft2020 + "vocab/format-assertion")
            }
        }
        vocabularyCache[resource] = found
        return found
    }

    /// Remembers a compiled node under its place.
    func remember(_ node: SchemaNode, at place: SchemaPlace) {
        nodes[place.key] = node
        createdNodes.append(place.key)
    }
}

/// A position in a loaded document: retrieval URI plus JSON pointer tokens from its root.
struct SchemaPlace: Sendable, Hashable {
    let document: String
    let tokens: [String]

    /// Cache key `document#/pointer`.
    var key: String { document + "#" + JSONPointer(tokens: tokens).string }
}

/// An anchor's target and whether it was declared with `$dynamicAnchor`.
struct AnchorPlace: Sendable {
    let place: SchemaPlace
    let isDynamic: Bool
}

/// What building a node needs: where it is, its JSON, its resource and its pointer within that resource.
struct SchemaContext {
    let place: SchemaPlace
    let value: JSONValue
    let resource: SchemaResource
    let relative: [String]

    /// Absolute location `resource#/relative/pointer`.
    var location: String { resource.uri + JSONPointer(tokens: relative).uriFragment }
}

/// Which optional vocabularies apply to a schema resource.
struct SchemaVocabularies: Sendable {
    var validation = true
    var formatAssertion = false
}
