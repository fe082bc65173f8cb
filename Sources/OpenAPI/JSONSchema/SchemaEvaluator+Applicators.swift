import Document

extension SchemaEvaluator {
    /// In-place applicators: allOf, anyOf, oneOf, not, if/then/else, $ref, $dynamicRef.
    mutating func checkApplicator(_ keyword: SchemaKeyword, _ instance: JSONValue, _ annotate: Bool,
                                  _ annotations: inout SchemaAnnotations) -> Bool {
        switch keyword.rule {
        case .allOf(let nodes):
            var valid = true
            for node in nodes {
                let outcome = evaluate(node, instance, annotate: annotate)
                if annotate { annotations.merge(outcome.annotations) }
                if !outcome.valid {
                    valid = false
                    if !collect { return false }
                }
            }
            return valid
        case .anyOf(let nodes, let discriminator):
            if let discriminator, case .object(let object) = instance {
                return discriminate(discriminator, object, instance, annotate, &annotations)
            }
            var valid = false
            for node in nodes {
                let outcome = probe(node, instance, annotate: annotate)
                guard outcome.valid else { continue }
                valid = true
                guard annotate else { break }
                annotations.merge(outcome.annotations)
            }
            return valid || explainNoMatch(keyword, nodes, instance)
        case .oneOf(let nodes, let discriminator):
            if let discriminator, case .object(let object) = instance {
                return discriminate(discriminator, object, instance, annotate, &annotations)
            }
            var matched: [Int] = []
            var matchedAnnotations = SchemaAnnotations()
            for (i, node) in nodes.enumerated() {
                let outcome = probe(node, instance, annotate: annotate)
                guard outcome.valid else { continue }
                matched.append(i)
                if matched.count > 1 { break }
                matchedAnnotations = outcome.annotations
            }
            if matched.count == 1 {
                if annotate { annotations.merge(matchedAnnotations) }
                return true
            }
            if matched.isEmpty { return explainNoMatch(keyword, nodes, instance) }
            return fail(keyword, "value matches alternatives \(matched[0]) and \(matched[1]); exactly one must match")
        case .not(let node):
            return !probe(node, instance, annotate: false).valid
                || fail(keyword, "value must not match the schema at \(node.location)")
        case .conditional(let condition, let then, let otherwise):
            let outcome = probe(condition, instance, annotate: annotate)
            if annotate && outcome.valid { annotations.merge(outcome.annotations) }
            guard let branch = outcome.valid ? then : otherwise else { return true }
            let result = evaluate(branch, instance, annotate: annotate)
            if annotate { annotations.merge(result.annotations) }
            return result.valid
        case .ref(let slot):
            guard let target = slot.target else { return fail(keyword, "unresolved reference \(slot.uri)") }
            let outcome = evaluate(target, instance, annotate: annotate)
            if annotate { annotations.merge(outcome.annotations) }
            return outcome.valid
        case .dynamicRef(let slot, let anchor):
            var target = slot.target
            if let anchor {
                for resource in scope {
                    if let dynamic = resource.dynamicAnchors[anchor]?.target { target = dynamic; break }
                }
            }
            guard let target else { return fail(keyword, "unresolved reference \(slot.uri)") }
            let outcome = evaluate(target, instance, annotate: annotate)
            if annotate { annotations.merge(outcome.annotations) }
            return outcome.valid
        default:
            return true
        }
    }

    /// OpenAPI discriminator: the named branch alone decides, so its own violations are reported.
    private mutating func discriminate(_ discriminator: SchemaDiscriminator, _ object: JSONObject,
                                       _ instance: JSONValue, _ annotate: Bool,
                                       _ annotations: inout SchemaAnnotations) -> Bool {
        let property = discriminator.propertyName
        guard let value = object[property] else {
            return fail("discriminator", at: discriminator.location, "missing discriminator property '\(property)'")
        }
        guard let name = value.stringValue, let target = discriminator.branches[CodePointKey(name)]?.target else {
            path.append(.key(property))
            defer { path.removeLast() }
            let known = discriminator.branches.keys.map(\.string).sorted().joined(separator: ", ")
            return fail("discriminator", at: discriminator.location,
                        "\(SchemaMessage.render(value)) is not a known \(property); expected one of: \(known)")
        }
        let outcome = evaluate(target, instance, annotate: annotate)
        if annotate { annotations.merge(outcome.annotations) }
        return outcome.valid
    }

    /// Reports why no `anyOf`/`oneOf` branch matched: when only one branch accepts the instance's
    /// type, that branch's own violations (precise); otherwise one summary violation.
    private mutating func explainNoMatch(_ keyword: SchemaKeyword, _ nodes: [SchemaNode], _ instance: JSONValue) -> Bool {
        guard collect else { return false }
        let candidates = nodes.filter { SchemaEvaluator.declaredTypes($0)?.admits(instance) ?? true }
        if candidates.count == 1, let only = candidates.first {
            let before = violations.count
            _ = evaluate(only, instance, annotate: false)
            if violations.count > before { return false }
        }
        let kinds = nodes.compactMap { SchemaEvaluator.declaredTypes($0) }
        if kinds.count == nodes.count, candidates.isEmpty {
            let names = kinds.reduce(JSONTypes()) { $0.union($1) }.names.joined(separator: " or ")
            return fail(keyword, "expected \(names), got \(instance.typeName)")
        }
        return fail(keyword, "value does not match any of the \(nodes.count) alternatives")
    }

    /// The types a node declares, following a few `$ref` hops; nil when unconstrained.
    static func declaredTypes(_ node: SchemaNode) -> JSONTypes? {
        var current = node
        for _ in 0..<8 {
            if let types = current.declaredTypes { return types }
            guard current.keywords.count == 1, case .ref(let slot) = current.keywords[0].rule,
                  let next = slot.target else { return nil }
            current = next
        }
        return nil
    }
}
