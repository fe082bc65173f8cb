/// How a secret is written in `gateway.yaml`: `${ENV_NAME}` or `file:path` (never the value itself).
public enum SecretReference: Sendable, Hashable, CustomStringConvertible {
    /// An environment variable, written `${NAME}`.
    case environment(String)
    /// A file whose content (trailing newline removed) is the secret, written `file:path`;
    /// a relative path is relative to the configuration file's directory.
    case file(String)

    /// Parses the reference syntax; nil for anything else (which, in a secret field, is an error).
    public init?(parsing text: String) {
        if text.hasPrefix("file:") {
            let path = String(text.dropFirst(5))
            guard !path.isEmpty else { return nil }
            self = .file(path)
        } else if text.hasPrefix("${"), text.hasSuffix("}"), text.count > 3 {
            let name = String(text.dropFirst(2).dropLast())
            guard SecretReference.isVariableName(name) else { return nil }
            self = .environment(name)
        } else {
            return nil
        }
    }

    /// True for `[A-Za-z_][A-Za-z0-9_]*`.
    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(first >= 48 && first <= 57) else { return false }
        return name.utf8.allSatisfy { b in
            (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 95
        }
    }

    /// The reference as written (`${NAME}` / `file:path`): safe to print.
    public var description: String {
        switch self {
        case .environment(let name): "${\(name)}"
        case .file(let path): "file:\(path)"
        }
    }
}
