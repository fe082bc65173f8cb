/// One trie level: literal children by segment text, templated children in priority order, and the
/// operations that end here by method.
struct RouteNode: Sendable {
    var literals: [Substring: Int] = [:]
    var patterns: [(pattern: SegmentPattern, node: Int)] = []
    var methods: [HTTPMethod: Int] = [:]
}

/// A templated segment (`{id}`, `{id}.ndjson`, `v{major}-{minor}`) and its matcher.
struct SegmentPattern: Sendable, Hashable {
    let parts: [PathTemplate.Part]

    /// Literal characters in the segment: more means more specific.
    var literalLength: Int {
        parts.reduce(0) { if case .literal(let l) = $1 { $0 + l.utf8.count } else { $0 } }
    }

    /// Matches the raw segment; returns each parameter's raw text, or nil. Parameters match one or more bytes.
    func match(_ segment: Substring) -> [(String, Substring)]? {
        var out: [(String, Substring)] = []
        return matchFrom(0, segment.utf8.startIndex, in: segment, into: &out) ? out : nil
    }

    private func matchFrom(_ k: Int, _ i: String.Index, in s: Substring, into out: inout [(String, Substring)]) -> Bool {
        if k == parts.count { return i == s.endIndex }
        switch parts[k] {
        case .literal(let lit):
            guard s[i...].utf8.starts(with: lit.utf8) else { return false }
            return matchFrom(k + 1, s.utf8.index(i, offsetBy: lit.utf8.count), in: s, into: &out)
        case .parameter(let name):
            // Try the shortest value first when a literal follows; the last parameter takes the rest.
            if k == parts.count - 1 {
                guard i < s.endIndex else { return false }
                out.append((name, s[i...]))
                return true
            }
            var end = s.utf8.index(after: i)
            while end <= s.endIndex {
                out.append((name, s[i..<end]))
                if matchFrom(k + 1, end, in: s, into: &out) { return true }
                out.removeLast()
                if end == s.endIndex { break }
                end = s.utf8.index(after: end)
            }
            return false
        }
    }
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

/// One depth-first search over the trie for a request.
struct RouteSearch {
    let router: Router
    let segments: [Substring]
    let method: HTTPMethod
    var found: RouteMatch?
    var allowed: Set<HTTPMethod> = []
    var error: String?
    private var raw: [(String, Substring)] = []

    init(router: Router, segments: [Substring], method: HTTPMethod) {
        self.router = router
        self.segments = segments
        self.method = method
    }

    mutating func visit(node: Int, depth: Int) {
        if found != nil || error != nil { return }
        let n = router.nodes[node]
        if depth == segments.count {
            if let op = n.methods[method] {
                finish(op)
            } else {
                allowed.formUnion(n.methods.keys)
            }
            return
        }
        let seg = segments[depth]
        if let next = n.literals[seg] {
            visit(node: next, depth: depth + 1)
        } else if seg.utf8.contains(UInt8(ascii: "%")), let decoded = PercentDecoding.decode(String(seg)),
                  let next = n.literals[Substring(decoded)] {
            visit(node: next, depth: depth + 1)
        }
        for (pattern, next) in n.patterns {
            if found != nil || error != nil { return }
            guard let values = pattern.match(seg) else { continue }
            raw.append(contentsOf: values)
            visit(node: next, depth: depth + 1)
            raw.removeLast(values.count)
        }
    }

    private mutating func finish(_ op: Int) {
        var decoded: [String: String] = [:]
        var rawOut: [String: String] = [:]
        for (name, value) in raw {
            guard let d = PercentDecoding.decode(String(value)) else {
                error = "path parameter '\(name)' has an invalid percent-encoding"
                return
            }
            if d.contains("/") {
                error = "path parameter '\(name)' must not contain an encoded '/'"
                return
            }
            decoded[name] = d
            rawOut[name] = String(value)
        }
        found = RouteMatch(operationIndex: op, pathParameters: decoded, rawPathParameters: rawOut)
    }
}
