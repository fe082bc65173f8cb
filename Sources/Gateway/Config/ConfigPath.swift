import Document

/// A key path into the configuration (`upstreams[2].auth.type`), convertible to a JSON Pointer.
public struct ConfigPath: Sendable, Hashable, CustomStringConvertible {
    /// One step: an object member or a (0-based) array element.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// Steps from the document root.
    public var components: [Component]

    /// The document root.
    public static let root = ConfigPath(components: [])

    /// A path from its steps.
    public init(components: [Component]) { self.components = components }

    /// This path with one more member step.
    public func appending(_ key: String) -> ConfigPath { ConfigPath(components: components + [.key(key)]) }
    /// This path with one more array step.
    public func appending(_ index: Int) -> ConfigPath { ConfigPath(components: components + [.index(index)]) }

    /// The same node as an RFC 6901 pointer, for `LoadedDocument.location(of:)`.
    public var pointer: JSONPointer {
        JSONPointer(tokens: components.map {
            switch $0 {
            case .key(let k): k
            case .index(let i): String(i)
            }
        })
    }

    /// Dotted form with array indexes in brackets; empty for the root.
    public var description: String {
        var out = ""
        for c in components {
            switch c {
            case .key(let k): out += out.isEmpty ? k : "." + k
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }
}
