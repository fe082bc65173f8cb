/// A parsed path template: segments of literal text and `{name}` expressions.
public struct PathTemplate: Sendable, Hashable {
    /// One piece of a segment.
    public enum Part: Sendable, Hashable {
        case literal(String)
        case parameter(String)
    }

    /// The template as written.
    public var text: String
    /// Segments between `/`, each a list of parts (`{id}.ndjson` → [.parameter("id"), .literal(".ndjson")]).
    public var segments: [[Part]]

    /// Parses a template; returns the problem when braces are unbalanced, nested or empty.
    public static func parse(_ text: String) -> Result<PathTemplate, PathTemplateError> {
        guard text.hasPrefix("/") else { return .failure(PathTemplateError(message: "path must start with '/'")) }
        var segments: [[Part]] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var parts: [Part] = []
            var literal = ""
            var name: String?
            for c in raw {
                if c == "{" {
                    guard name == nil else { return .failure(PathTemplateError(message: "nested '{' in path template")) }
                    if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                    name = ""
                } else if c == "}" {
                    guard let n = name else { return .failure(PathTemplateError(message: "'}' without '{' in path template")) }
                    guard !n.isEmpty else { return .failure(PathTemplateError(message: "empty '{}' in path template")) }
                    if case .parameter? = parts.last {
                        return .failure(PathTemplateError(message: "two template expressions with nothing between them in one segment"))
                    }
                    parts.append(.parameter(n)); name = nil
                } else if name != nil {
                    name?.append(c)
                } else {
                    literal.append(c)
                }
            }
            guard name == nil else { return .failure(PathTemplateError(message: "unclosed '{' in path template")) }
            if !literal.isEmpty || parts.isEmpty { parts.append(.literal(literal)) }
            segments.append(parts)
        }
        return .success(PathTemplate(text: text, segments: segments))
    }

    /// Parameter names in order of appearance.
    public var parameterNames: [String] {
        segments.flatMap { $0.compactMap { if case .parameter(let n) = $0 { n } else { nil } } }
    }

    /// The template with every name blanked (`/a/{}`): equal shapes are the same path to a router.
    public var shape: String {
        "/" + segments.map { seg in
            seg.map { if case .literal(let l) = $0 { l } else { "{}" } }.joined()
        }.joined(separator: "/")
    }
}

/// Why a path template is malformed.
public struct PathTemplateError: Error, Sendable, Hashable {
    /// What is wrong with the template.
    public var message: String
}
