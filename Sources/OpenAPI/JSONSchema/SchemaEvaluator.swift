import Document

/// Runs a compiled schema graph over one instance, collecting violations or stopping at the first.
///
/// `collect == false` is the fast yes/no mode (also used to probe `anyOf`/`oneOf`/`not`/`if`
/// branches, whose failures are not the instance's violations). Annotations (which properties and
/// items were evaluated) are gathered only where an `unevaluated*` keyword needs them.
struct SchemaEvaluator {
    /// Nesting limit for schema evaluation (guards against references that recurse without progress).
    static let maxDepth = 400

    /// Record violations (true) or stop at the first failure (false).
    var collect: Bool
    /// The violations found so far (only when collecting).
    var violations: [SchemaViolation] = []
    /// Path from the instance root to the value being checked (read only when collecting, so child evaluations skip it otherwise).
    var path: [PathToken] = []
    /// Schema resources entered, outermost first (the `$dynamicRef` scope).
    var scope: [SchemaResource] = []
    var depth = 0
    /// Whether `scope` is maintained (only schemas with `$dynamicRef` need it).
    let tracksScope: Bool

    init(collect: Bool, tracksScope: Bool = true) {
        self.collect = collect
        self.tracksScope = tracksScope
    }

    /// One step of an instance path.
    enum PathToken {
        case key(String)
        case index(Int)
    }

    /// The current instance location.
    var pointer: JSONPointer {
        JSONPointer(tokens: path.map { token in
            switch token {
            case .key(let k): k
            case .index(let i): String(i)
            }
        })
    }

    /// Records a violation of `keyword` at the current path (when collecting); always returns false.
    mutating func fail(_ keyword: SchemaKeyword, _ message: @autoclosure () -> String) -> Bool {
        fail(keyword.name, at: keyword.location, message())
    }

    /// Records a violation of a keyword given by name and location; always returns false.
    mutating func fail(_ keyword: String, at location: String, _ message: @autoclosure () -> String) -> Bool {
        if collect {
            violations.append(SchemaViolation(instancePointer: pointer, schemaLocation: location,
                                              keyword: keyword, message: message()))
        }
        return false
    }

    /// Evaluates `node` against `instance`; the annotations are returned even when invalid (callers
    /// that must drop a failed branch's annotations do so).
    mutating func evaluate(_ node: SchemaNode, _ instance: JSONValue, annotate: Bool) -> SchemaOutcome {
        if let accepts = node.constant {
            if !accepts { _ = fail("false", at: node.location, "no value is allowed here") }
            return SchemaOutcome(valid: accepts)
        }
        guard depth < SchemaEvaluator.maxDepth else {
            return SchemaOutcome(valid: fail("$ref", at: node.location,
                                             "schema nesting deeper than \(SchemaEvaluator.maxDepth) levels"))
        }
        depth += 1
        let entered = tracksScope && scope.last !== node.resource
        if entered { scope.append(node.resource) }
        defer {
            depth -= 1
            if entered { scope.removeLast() }
        }
        let annotate = annotate || node.needsAnnotations
        var outcome = SchemaOutcome(valid: true)
        for keyword in node.keywords {
            if !check(keyword, instance, annotate, &outcome.annotations) {
                outcome.valid = false
                if !collect { break }
            }
        }
        return outcome
    }

    /// Evaluates without recording violations (for branches whose failure is not itself an error).
    mutating func probe(_ node: SchemaNode, _ instance: JSONValue, annotate: Bool) -> SchemaOutcome {
        let saved = collect
        collect = false
        defer { collect = saved }
        return evaluate(node, instance, annotate: annotate)
    }

    /// Evaluates `node` against a child value at `token` (the path is only read by `fail` when
    /// collecting, so the yes/no mode does not maintain it).
    mutating func evaluate(_ node: SchemaNode, _ instance: JSONValue, at token: PathToken) -> Bool {
        guard collect else { return evaluate(node, instance, annotate: false).valid }
        path.append(token)
        defer { path.removeLast() }
        return evaluate(node, instance, annotate: false).valid
    }

    /// Applies one keyword.
    mutating func check(_ keyword: SchemaKeyword, _ instance: JSONValue, _ annotate: Bool,
                        _ annotations: inout SchemaAnnotations) -> Bool {
        switch keyword.rule {
        case .type(let types):
            return types.admits(instance)
                || fail(keyword, "expected \(types.names.joined(separator: " or ")), got \(instance.typeName)")
        case .enumeration(let list, let set):
            return (set.isEmpty ? list.contains(instance) : set.contains(instance))
                || fail(keyword, "value must be one of: \(SchemaMessage.list(list))")
        case .constant(let value):
            return value == instance || fail(keyword, "value must be \(SchemaMessage.render(value))")
        case .multipleOf(let divisor):
            guard case .number(let n) = instance else { return true }
            return DecimalMath.isMultiple(n, of: divisor) || fail(keyword, "\(n) is not a multiple of \(divisor)")
        case .maximum(let limit, let exclusive):
            guard case .number(let n) = instance else { return true }
            if exclusive {
                return n < limit || fail(keyword, "\(n) must be less than \(limit)")
            }
            return !(limit < n) || fail(keyword, "\(n) is greater than the maximum \(limit)")
        case .minimum(let limit, let exclusive):
            guard case .number(let n) = instance else { return true }
            if exclusive {
                return limit < n || fail(keyword, "\(n) must be greater than \(limit)")
            }
            return !(n < limit) || fail(keyword, "\(n) is less than the minimum \(limit)")
        case .maxLength(let limit):
            guard case .string(let s) = instance else { return true }
            // At most one code point per byte: short strings pass without counting.
            return s.utf8.count <= limit || SchemaMessage.codePoints(s, upTo: limit + 1) <= limit
                || fail(keyword, "string has \(s.unicodeScalars.count) characters, at most \(limit) allowed")
        case .minLength(let limit):
            guard case .string(let s) = instance else { return true }
            let length = SchemaMessage.codePoints(s, upTo: limit)
            return length >= limit || fail(keyword, "string has \(length) characters, at least \(limit) required")
        case .pattern(let pattern):
            guard case .string(let s) = instance else { return true }
            return pattern.matches(s) || fail(keyword, "string does not match the pattern \(pattern.source)")
        case .format(let format):
            return format.accepts(instance)
                || fail(keyword, "\(SchemaMessage.render(instance)) is not a valid \(format.rawValue)")
        case .prefixItems, .items, .contains, .maxItems, .minItems, .uniqueItems, .unevaluatedItems:
            guard case .array(let items) = instance else { return true }
            return checkArray(keyword, items, annotate, &annotations)
        case .properties, .patternProperties, .additionalProperties, .propertyNames, .required,
             .dependentRequired, .maxProperties, .minProperties, .unevaluatedProperties:
            guard case .object(let object) = instance else { return true }
            return checkObject(keyword, object, annotate, &annotations)
        case .dependentSchemas(let entries):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for (name, node) in entries where object.contains(name) {
                let outcome = evaluate(node, instance, annotate: annotate)
                if annotate { annotations.merge(outcome.annotations) }
                if !outcome.valid { valid = false; if !collect { return false } }
            }
            return valid
        case .allOf, .anyOf, .oneOf, .not, .conditional, .ref, .dynamicRef:
            return checkApplicator(keyword, instance, annotate, &annotations)
        }
    }
}

/// The result of evaluating one schema: validity plus what it evaluated.
struct SchemaOutcome {
    var valid: Bool
    var annotations = SchemaAnnotations()
}

/// Which properties and items of the current instance some subschema has evaluated.
struct SchemaAnnotations {
    var allProperties = false
    var allItems = false
    var itemPrefix = 0
    /// Individually evaluated names and indexes; nil until one is recorded, so the many outcomes
    /// that never annotate create and destroy no sets.
    private var evaluated: EvaluatedSets?

    /// Evaluated property names (by code points, like the instance's keys) and item indexes.
    private struct EvaluatedSets {
        var properties: Set<CodePointKey> = []
        var items: Set<Int> = []
    }

    /// Records that property `name` was evaluated.
    mutating func insert(property name: String) {
        if evaluated == nil { evaluated = EvaluatedSets() }
        evaluated?.properties.insert(CodePointKey(name))
    }

    /// Records that item `index` was evaluated.
    mutating func insert(item index: Int) {
        if evaluated == nil { evaluated = EvaluatedSets() }
        evaluated?.items.insert(index)
    }

    /// Adds what `other` evaluated.
    mutating func merge(_ other: SchemaAnnotations) {
        if other.allProperties { allProperties = true }
        if other.allItems { allItems = true }
        itemPrefix = max(itemPrefix, other.itemPrefix)
        guard let theirs = other.evaluated else { return }
        if evaluated == nil {
            evaluated = theirs
        } else {
            if !theirs.properties.isEmpty { evaluated?.properties.formUnion(theirs.properties) }
            if !theirs.items.isEmpty { evaluated?.items.formUnion(theirs.items) }
        }
    }

    /// True when property `name` was evaluated.
    func evaluated(property name: String) -> Bool {
        allProperties || (evaluated?.properties.contains(CodePointKey(name)) ?? false)
    }

    /// True when item `index` was evaluated.
    func evaluated(item index: Int) -> Bool {
        allItems || index < itemPrefix || (evaluated?.items.contains(index) ?? false)
    }
}
