import Document

/// One problem found while loading `gateway.yaml`: where it is, which key, and what is wrong.
///
/// Messages never contain a secret's value; they may name an environment variable or a file.
public struct ConfigurationDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The configuration file as the caller named it.
    public var file: String
    /// Line and column of the offending key or value, when known.
    public var location: SourceLocation?
    /// The key path (`upstreams[2].auth.type`); root for whole-document problems.
    public var path: ConfigPath
    /// What is wrong, phrased for an operator.
    public var message: String

    public init(file: String, location: SourceLocation?, path: ConfigPath, message: String) {
        self.file = file
        self.location = location
        self.path = path
        self.message = message
    }

    /// `file:line:column: key.path: message` (line/column and path omitted when unknown/root).
    public var description: String {
        var out = file.isEmpty ? "<config>" : file
        if let location { out += ":\(location.line):\(location.column)" }
        let key = path.description
        if !key.isEmpty { out += ": " + key }
        return out + ": " + message
    }
}

/// Every problem found in a configuration, in document order; thrown by `ConfigurationLoader`.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, sorted by position in the file (unlocated ones last).
    public var diagnostics: [ConfigurationDiagnostic]

    public init(diagnostics: [ConfigurationDiagnostic]) {
        self.diagnostics = diagnostics.enumerated().sorted { a, b in
            let la = a.element.location?.offset ?? Int.max
            let lb = b.element.location?.offset ?? Int.max
            return la != lb ? la < lb : a.offset < b.offset
        }.map(\.element)
    }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
