import Document

extension SchemaEvaluator {
    /// Object keywords: properties, patternProperties, additionalProperties, propertyNames, required,
    /// dependentRequired, min/maxProperties, unevaluatedProperties.
    mutating func checkObject(_ keyword: SchemaKeyword, _ object: JSONObject, _ annotate: Bool,
                              _ annotations: inout SchemaAnnotations) -> Bool {
        switch keyword.rule {
        case .properties(let schemas):
            var valid = true
            var hint = 0
            let names = object.keys
            for i in names.indices {
                guard let p = schemas.position(of: names[i], hint: hint) else { continue }
                hint = p + 1
                if annotate { annotations.insert(property: names[i]) }
                if !evaluate(schemas.values[p], object.values[i], at: .key(names[i])) {
                    valid = false
                    if !collect { return false }
                }
            }
            return valid
        case .patternProperties(let entries):
            var valid = true
            for (name, value) in object {
                for entry in entries where entry.pattern.matches(name) {
                    if annotate { annotations.insert(property: name) }
                    if !evaluate(entry.schema, value, at: .key(name)) {
                        valid = false
                        if !collect { return false }
                    }
                }
            }
            return valid
        case .additionalProperties(let node, let known, let patterns):
            var valid = true
            var hint = 0
            let names = object.keys
            for i in names.indices {
                let name = names[i]
                if let p = known.position(of: name, hint: hint) {
                    hint = p + 1
                    continue
                }
                if patterns.contains(where: { $0.matches(name) }) { continue }
                if annotate { annotations.insert(property: name) }
                if !checkExtraProperty(keyword, node, name, object.values[i]) {
                    valid = false
                    if !collect { return false }
                }
            }
            return valid
        case .propertyNames(let node):
            var valid = true
            for name in object.keys {
                path.append(.key(name))
                let before = violations.count
                let outcome = evaluate(node, .string(name), annotate: false)
                for i in before..<violations.count {
                    violations[i].message = "property name '\(name)': " + violations[i].message
                }
                path.removeLast()
                if !outcome.valid {
                    valid = false
                    if !collect { return false }
                }
            }
            return valid
        case .required(let names):
            var valid = true
            for name in names where !object.contains(name) {
                valid = fail(keyword, "missing required property '\(name)'")
                if !collect { return false }
            }
            return valid
        case .dependentRequired(let entries):
            var valid = true
            for (trigger, names) in entries where object.contains(trigger) {
                for name in names where !object.contains(name) {
                    valid = fail(keyword, "property '\(name)' is required when '\(trigger)' is present")
                    if !collect { return false }
                }
            }
            return valid
        case .maxProperties(let limit):
            return object.count <= limit
                || fail(keyword, "object has \(object.count) properties, at most \(limit) allowed")
        case .minProperties(let limit):
            return object.count >= limit
                || fail(keyword, "object has \(object.count) properties, at least \(limit) required")
        case .unevaluatedProperties(let node):
            var valid = true
            for (name, value) in object where !annotations.evaluated(property: name) {
                if !checkExtraProperty(keyword, node, name, value) {
                    valid = false
                    if !collect { return false }
                }
            }
            if annotate { annotations.allProperties = true }
            return valid
        default:
            return true
        }
    }

    /// One property not covered by `properties`/`patternProperties` (additionalProperties) or not
    /// evaluated by any applicator (unevaluatedProperties), checked against that keyword's `node`;
    /// a `false` schema fails with "property 'name' is not allowed".
    private mutating func checkExtraProperty(_ keyword: SchemaKeyword, _ node: SchemaNode, _ name: String,
                                             _ value: JSONValue) -> Bool {
        guard node.constant == false else { return evaluate(node, value, at: .key(name)) }
        path.append(.key(name))
        defer { path.removeLast() }
        return fail(keyword, "property '\(name)' is not allowed")
    }
}
