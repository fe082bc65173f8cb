/// One trie level: literal children by segment text, templated children in priority order, and the
/// operations that end here by method.
struct RouteNode: Sendable {
    var literals: [Substring: Int] = [:]
    var patterns: [(pattern: SegmentPattern, node: Int)] = []
    var methods: [HTTPMethod: Int] = [:]
}

/// Builds the node array from templates.
struct RouteTrieBuilder {
    private var nodes: [RouteNode] = [RouteNode()]

    mutating func insert(_ template: PathTemplate, method: HTTPMethod, operation: Int) {
        var current = 0
        for seg in template.segments {
            if seg.count == 1, case .literal(let lit) = seg[0] {
                if let next = nodes[current].literals[Substring(lit)] { current = next } else {
                    nodes.append(RouteNode())
                    nodes[current].literals[Substring(lit)] = nodes.count - 1
                    current = nodes.count - 1
                }
            } else {
                let pattern = SegmentPattern(parts: seg)
                if let existing = nodes[current].patterns.first(where: { $0.pattern == pattern }) {
                    current = existing.node
                } else {
                    nodes.append(RouteNode())
                    nodes[current].patterns.append((pattern, nodes.count - 1))
                    current = nodes.count - 1
                }
            }
        }
        if nodes[current].methods[method] == nil { nodes[current].methods[method] = operation }
    }

    /// Orders templated children (most literal text first, then fewer parameters) and returns the nodes.
    mutating func finish() -> [RouteNode] {
        for i in nodes.indices {
            nodes[i].patterns.sort { a, b in
                if a.pattern.literalLength != b.pattern.literalLength {
                    return a.pattern.literalLength > b.pattern.literalLength
                }
                return a.pattern.parts.count < b.pattern.parts.count
            }
        }
        return nodes
    }
}
