import Document

extension KeywordBuilder {
    /// type, enum, const, numeric, string and format keywords.
    mutating func buildAssertions() throws(SchemaCompileError) {
        let nullable = dialect == .openAPI30 && object["nullable"]?.boolValue == true
        if let type = object["type"] {
            var set = JSONTypes()
            switch type {
            case .string(let name):
                guard let t = JSONTypes(name: name) else { throw error("type", "unknown type '\(name)'") }
                set = t
            case .array(let names):
                for name in names {
                    guard let s = name.stringValue, let t = JSONTypes(name: s) else {
                        throw error("type", "must be a type name or an array of type names")
                    }
                    set.insert(t)
                }
            default:
                throw error("type", "must be a type name or an array of type names")
            }
            if nullable { set.insert(.null) }
            declaredTypes = set
            add("type", .type(set))
        }
        if let values = object["enum"] {
            guard case .array(var list) = values else { throw error("enum", "must be an array") }
            if nullable && !list.contains(.null) { list.append(.null) }
            add("enum", .enumeration(list, list.count > 8 ? Set(list) : []))
        }
        if modern, let value = object["const"] { add("const", .constant(value)) }
        if let divisor = try number("multipleOf") {
            guard !divisor.isNegative, !divisor.isZero else { throw error("multipleOf", "must be greater than 0") }
            add("multipleOf", .multipleOf(divisor))
        }
        if modern {
            if let n = try number("maximum") { add("maximum", .maximum(n, exclusive: false)) }
            if let n = try number("exclusiveMaximum") { add("exclusiveMaximum", .maximum(n, exclusive: true)) }
            if let n = try number("minimum") { add("minimum", .minimum(n, exclusive: false)) }
            if let n = try number("exclusiveMinimum") { add("exclusiveMinimum", .minimum(n, exclusive: true)) }
        } else {
            let exclusiveMax = object["exclusiveMaximum"]?.boolValue == true
            let exclusiveMin = object["exclusiveMinimum"]?.boolValue == true
            if let n = try number("maximum") { add("maximum", .maximum(n, exclusive: exclusiveMax)) }
            if let n = try number("minimum") { add("minimum", .minimum(n, exclusive: exclusiveMin)) }
        }
        if let n = try count("maxLength") { add("maxLength", .maxLength(n)) }
        if let n = try count("minLength") { add("minLength", .minLength(n)) }
        if let value = object["pattern"] {
            guard let source = value.stringValue else { throw error("pattern", "must be a string") }
            add("pattern", .pattern(try pattern(source, "pattern")))
        }
        if compiler.options.assertFormats || vocabularies.formatAssertion, let name = object["format"]?.stringValue,
           let format = SchemaFormat(rawValue: name) {
            add("format", .format(format))
        }
    }

    /// prefixItems, items, additionalItems (draft 4), contains, min/maxItems, uniqueItems.
    mutating func buildArrayKeywords() throws(SchemaCompileError) {
        if modern {
            var prefix = 0
            if let nodes = try schemaArray("prefixItems") {
                prefix = nodes.count
                add("prefixItems", .prefixItems(nodes))
            }
            if object["items"] != nil {
                add("items", .items(try compiler.subschema(context, "items"), from: prefix))
            }
            if object["contains"] != nil {
                let node = try compiler.subschema(context, "contains")
                let minimum = try count("minContains")
                let maximum = try count("maxContains")
                add("contains", .contains(node, min: minimum ?? 1, max: maximum,
                                          minLocation: minimum == nil ? nil : at("minContains"),
                                          maxLocation: maximum == nil ? nil : at("maxContains")))
            }
        } else if let items = object["items"] {
            if case .array = items {
                let nodes = try schemaArray("items") ?? []
                add("items", .prefixItems(nodes))
                if object["additionalItems"] != nil {
                    add("additionalItems", .items(try compiler.subschema(context, "additionalItems"), from: nodes.count))
                }
            } else {
                add("items", .items(try compiler.subschema(context, "items"), from: 0))
            }
        }
        if let n = try count("maxItems") { add("maxItems", .maxItems(n)) }
        if let n = try count("minItems") { add("minItems", .minItems(n)) }
        if object["uniqueItems"]?.boolValue == true { add("uniqueItems", .uniqueItems) }
    }

    /// properties, patternProperties, additionalProperties, propertyNames, required, dependencies, counts.
    mutating func buildObjectKeywords() throws(SchemaCompileError) {
        // Names are matched by code points, like the instance's keys (see PropertyMap).
        var known = PropertyMap<SchemaNode>()
        var patterns: [SchemaPattern] = []
        if let value = object["properties"] {
            guard case .object(let map) = value else { throw error("properties", "must be an object of schemas") }
            var nodes: [(String, SchemaNode)] = []
            for name in map.keys { nodes.append((name, try compiler.subschema(context, "properties", name))) }
            known = PropertyMap(nodes)
            add("properties", .properties(known))
        }
        if let value = object["patternProperties"] {
            guard case .object(let map) = value else { throw error("patternProperties", "must be an object of schemas") }
            var entries: [PatternProperty] = []
            for source in map.keys {
                let compiled = try pattern(source, "patternProperties")
                patterns.append(compiled)
                entries.append(PatternProperty(pattern: compiled,
                                               schema: try compiler.subschema(context, "patternProperties", source)))
            }
            add("patternProperties", .patternProperties(entries))
        }
        if object["additionalProperties"] != nil {
            add("additionalProperties", .additionalProperties(try compiler.subschema(context, "additionalProperties"),
                                                              known: known, patterns: patterns))
        }
        if modern, object["propertyNames"] != nil {
            add("propertyNames", .propertyNames(try compiler.subschema(context, "propertyNames")))
        }
        if let value = object["required"] {
            var names = try stringArray(value, "required")
            if dialect.isOpenAPI, let flag = accessExemption {
                names = names.filter { !propertyIsFlagged($0, flag) }
            }
            add("required", .required(names))
        }
        try buildDependencies()
        if let n = try count("maxProperties") { add("maxProperties", .maxProperties(n)) }
        if let n = try count("minProperties") { add("minProperties", .minProperties(n)) }
    }

    /// dependentRequired/dependentSchemas (2020-12) or draft 4's `dependencies`.
    private mutating func buildDependencies() throws(SchemaCompileError) {
        if modern {
            if object["dependencies"] != nil { try buildDraft4Dependencies() }  // compatibility (suite: optional)
            if let value = object["dependentRequired"] {
                guard case .object(let map) = value else { throw error("dependentRequired", "must be an object") }
                var entries: [(String, [String])] = []
                for (name, list) in map { entries.append((name, try stringArray(list, "dependentRequired"))) }
                add("dependentRequired", .dependentRequired(entries))
            }
            if let value = object["dependentSchemas"] {
                guard case .object(let map) = value else { throw error("dependentSchemas", "must be an object") }
                var entries: [(String, SchemaNode)] = []
                for name in map.keys { entries.append((name, try compiler.subschema(context, "dependentSchemas", name))) }
                add("dependentSchemas", .dependentSchemas(entries))
            }
        } else {
            try buildDraft4Dependencies()
        }
    }

    /// Draft 4's `dependencies`: arrays are required names, anything else a schema.
    private mutating func buildDraft4Dependencies() throws(SchemaCompileError) {
        if let value = object["dependencies"] {
            guard case .object(let map) = value else { throw error("dependencies", "must be an object") }
            var required: [(String, [String])] = []
            var schemas: [(String, SchemaNode)] = []
            for (name, dependency) in map {
                if case .array = dependency {
                    required.append((name, try stringArray(dependency, "dependencies")))
                } else {
                    schemas.append((name, try compiler.subschema(context, "dependencies", name)))
                }
            }
            if !required.isEmpty { add("dependencies", .dependentRequired(required)) }
            if !schemas.isEmpty { add("dependencies", .dependentSchemas(schemas)) }
        }
    }

    /// allOf, anyOf, oneOf (with OpenAPI discriminator), not, if/then/else.
    mutating func buildCombinators() throws(SchemaCompileError) {
        if let nodes = try schemaArray("allOf") { add("allOf", .allOf(nodes)) }
        if let nodes = try schemaArray("anyOf") { add("anyOf", .anyOf(nodes, try discriminator("anyOf", nodes))) }
        if let nodes = try schemaArray("oneOf") { add("oneOf", .oneOf(nodes, try discriminator("oneOf", nodes))) }
        if object["not"] != nil { add("not", .not(try compiler.subschema(context, "not"))) }
        if modern, object["if"] != nil {
            let condition = try compiler.subschema(context, "if")
            let then = object["then"] == nil ? nil : try compiler.subschema(context, "then")
            let otherwise = object["else"] == nil ? nil : try compiler.subschema(context, "else")
            add("if", .conditional(if: condition, then: then, else: otherwise))
        }
    }

    /// The OpenAPI discriminator for `oneOf`/`anyOf` branches: explicit `mapping`, then `$ref` names.
    private func discriminator(_ keyword: String, _ nodes: [SchemaNode]) throws(SchemaCompileError) -> SchemaDiscriminator? {
        guard dialect.isOpenAPI, let value = object["discriminator"] else { return nil }
        guard let property = value["propertyName"]?.stringValue else {
            throw error("discriminator", "needs a string propertyName")
        }
        var branches: [CodePointKey: ReferenceSlot] = [:]
        if case .array(let raw) = object[keyword] ?? .null {
            for (branch, node) in zip(raw, nodes) {
                guard let ref = branch["$ref"]?.stringValue, let name = ref.split(separator: "/").last else { continue }
                let slot = ReferenceSlot(uri: node.location)
                slot.target = node
                branches[CodePointKey(String(name))] = slot
            }
        }
        if let mapping = value["mapping"] {
            guard case .object(let map) = mapping else { throw error("discriminator", "mapping must be an object") }
            for (name, target) in map {
                guard let text = target.stringValue else { throw error("discriminator", "mapping values must be strings") }
                let ref = text.contains("/") || text.contains("#") ? text : "#/components/schemas/" + text
                branches[CodePointKey(name)] = try compiler.reference(ref, base: context.resource.uri, from: at("discriminator")).0
            }
        }
        // Inline branches with no mapping cannot be named: plain oneOf/anyOf semantics then.
        guard !branches.isEmpty else { return nil }
        return SchemaDiscriminator(propertyName: property, location: at("discriminator"), branches: branches)
    }

    /// The flag that exempts a property from `required` for the configured access, if any.
    private var accessExemption: String? {
        switch compiler.options.access {
        case .any: nil
        case .request: "readOnly"
        case .response: "writeOnly"
        }
    }

    /// True when property `name`'s schema (or the schema its `$ref` names) sets `flag` to true.
    private func propertyIsFlagged(_ name: String, _ flag: String) -> Bool {
        guard let property = object["properties"]?[name] else { return false }
        if property[flag]?.boolValue == true { return true }
        guard let ref = property["$ref"]?.stringValue,
              let place = try? compiler.locate(SchemaURI(context.resource.uri).resolving(ref).string, from: location),
              let document = compiler.documents[place.document],
              let target = JSONPointer(tokens: place.tokens).resolve(in: document) else { return false }
        return target[flag]?.boolValue == true
    }
}
