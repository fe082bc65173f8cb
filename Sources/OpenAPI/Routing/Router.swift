import Document

/// Finds the operation for a method and raw request path; built once from a document's operations.
///
/// A trie of path segments: at each level a literal segment is tried first (hash lookup), then the
/// templated segments from most to least literal text (`{id}.ndjson` before `{id}`), backtracking when a
/// deeper level does not match. Cost depends on the path's depth and the spec's shape at each level,
/// not on the number of operations.
///
/// Decisions: paths are matched exactly (no trailing-slash or `//` normalization); `.` and `..`
/// segments and malformed percent-escapes are refused as a bad path (the upstream might normalize them
/// differently); a path parameter value may not decode to a string containing `/` (an upstream that
/// decodes `%2F` before routing would see a different path). `HEAD` does not fall back to `GET`.
public struct Router: Sendable {
    /// The operations routed to, indexed by `RouteMatch.operationIndex`.
    public let operations: [Operation]
    /// The prefix every request path must start with (`/api/v2`); `""` for none.
    public let basePath: String
    let nodes: [RouteNode]

    /// Builds the trie. `basePath` is usually `document.serverBasePath` or a mount prefix.
    public init(operations: [Operation], basePath: String = "") {
        self.operations = operations
        var base = basePath
        while base.hasSuffix("/") { base.removeLast() }
        self.basePath = base
        var builder = RouteTrieBuilder()
        for (i, op) in operations.enumerated() {
            guard case .success(let template) = PathTemplate.parse(op.path) else { continue }
            builder.insert(template, method: op.method, operation: i)
        }
        self.nodes = builder.finish()
    }

    /// Builds a router for a loaded document, mounted at its first server's base path unless `basePath` is given.
    public init(document: OpenAPIDocument, basePath: String? = nil) {
        self.init(operations: document.operations, basePath: basePath ?? document.serverBasePath)
    }

    /// Routes a request. `path` is the raw request path without the query string.
    public func route(method: HTTPMethod, path: String) -> RouteResult {
        guard let relative = stripBase(path) else { return .notFound }
        let segments = relative.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            .dropFirst().map { Substring($0) }
        for seg in segments where Router.isDotSegment(seg) {
            return .badPath("path segments '.' and '..' are not allowed")
        }
        if !Router.hasWellFormedEscapes(relative) { return .badPath("the path has a malformed percent-escape") }
        var search = RouteSearch(router: self, segments: segments, method: method)
        search.visit(node: 0, depth: 0)
        if let error = search.error { return .badPath(error) }
        if let found = search.found { return .matched(found) }
        if !search.allowed.isEmpty { return .methodNotAllowed(allowed: search.allowed.sorted()) }
        return .notFound
    }

    /// `.` or `..`, also percent-encoded (`%2e`, `.%2E`, …).
    static func isDotSegment(_ seg: Substring) -> Bool {
        let u = seg.utf8
        guard let first = u.first, first == UInt8(ascii: ".") || first == UInt8(ascii: "%"), u.count <= 6 else { return false }
        let lower = seg.lowercased()
        return lower == "." || lower == ".." || lower == "%2e" || lower == "%2e%2e" || lower == ".%2e" || lower == "%2e."
    }

    /// True when every `%` is followed by two hex digits.
    static func hasWellFormedEscapes(_ s: Substring) -> Bool {
        var it = s.utf8.makeIterator()
        while let b = it.next() {
            guard b == UInt8(ascii: "%") else { continue }
            guard it.next().flatMap(PercentDecoding.hexValue) != nil,
                  it.next().flatMap(PercentDecoding.hexValue) != nil else { return false }
        }
        return true
    }

    /// The path after the base path (always starting with `/`), or nil when the base does not match.
    private func stripBase(_ path: String) -> Substring? {
        guard path.hasPrefix("/") else { return nil }
        if basePath.isEmpty { return Substring(path) }
        guard path.hasPrefix(basePath) else { return nil }
        let rest = path.dropFirst(basePath.count)
        if rest.isEmpty { return "/" }
        return rest.hasPrefix("/") ? rest : nil
    }
}
