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
            if d.utf8.contains(UInt8(ascii: "/")) {  // bytes: Foundation's String.contains is a slow locale search
                error = "path parameter '\(name)' must not contain an encoded '/'"
                return
            }
            decoded[name] = d
            rawOut[name] = String(value)
        }
        found = RouteMatch(operationIndex: op, pathParameters: decoded, rawPathParameters: rawOut)
    }
}
