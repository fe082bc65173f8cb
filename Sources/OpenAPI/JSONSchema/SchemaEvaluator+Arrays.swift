import Document

extension SchemaEvaluator {
    /// Array keywords: prefixItems, items, contains, min/maxItems, uniqueItems, unevaluatedItems.
    mutating func checkArray(_ keyword: SchemaKeyword, _ items: [JSONValue], _ annotate: Bool,
                             _ annotations: inout SchemaAnnotations) -> Bool {
        switch keyword.rule {
        case .prefixItems(let nodes):
            var valid = true
            let n = min(nodes.count, items.count)
            for i in 0..<n where !evaluate(nodes[i], items[i], at: .index(i)) {
                valid = false
                if !collect { return false }
            }
            if annotate { annotations.itemPrefix = max(annotations.itemPrefix, n) }
            return valid
        case .items(let node, let start):
            guard items.count > start else { return true }
            if annotate { annotations.allItems = true }
            if node.constant == false {
                return fail(keyword, "array has \(items.count) items, at most \(start) allowed")
            }
            var valid = true
            for i in start..<items.count where !evaluate(node, items[i], at: .index(i)) {
                valid = false
                if !collect { return false }
            }
            return valid
        case .contains(let node, let minimum, let maximum, let minLocation, let maxLocation):
            var matches = 0
            for (i, item) in items.enumerated() {
                path.append(.index(i))
                let matched = probe(node, item, annotate: false).valid
                path.removeLast()
                if matched {
                    matches += 1
                    if annotate { annotations.insert(item: i) }
                    else if maximum == nil && matches >= minimum { break }
                }
            }
            if matches < minimum {
                if let minLocation {
                    return fail("minContains", at: minLocation,
                                "array contains \(matches) matching items, at least \(minimum) required")
                }
                return fail(keyword, "array does not contain an item matching the contains schema")
            }
            if let maximum, matches > maximum {
                return fail("maxContains", at: maxLocation ?? keyword.location,
                            "array contains \(matches) matching items, at most \(maximum) allowed")
            }
            return true
        case .maxItems(let limit):
            return items.count <= limit || fail(keyword, "array has \(items.count) items, at most \(limit) allowed")
        case .minItems(let limit):
            return items.count >= limit || fail(keyword, "array has \(items.count) items, at least \(limit) required")
        case .uniqueItems:
            // JSONValue equality is JSON Schema's (code-point strings, numbers by value, unordered objects).
            var seen: [JSONValue: Int] = [:]
            for (i, item) in items.enumerated() {
                if let first = seen[item] {
                    return fail(keyword, "items \(first) and \(i) are equal; items must be unique")
                }
                seen[item] = i
            }
            return true
        case .unevaluatedItems(let node):
            var valid = true
            for i in items.indices where !annotations.evaluated(item: i) {
                if node.constant == false {
                    path.append(.index(i))
                    _ = fail(keyword, "item \(i) is not allowed (no subschema evaluated it)")
                    path.removeLast()
                    valid = false
                } else if !evaluate(node, items[i], at: .index(i)) {
                    valid = false
                }
                if !valid && !collect { return false }
            }
            if annotate { annotations.allItems = true }
            return valid
        default:
            return true
        }
    }
}
