import Document

/// A loaded and checked OpenAPI 3.0/3.1 document: its typed operations plus every file it read.
public struct OpenAPIDocument: Sendable {
    /// The OpenAPI line (3.0 or 3.1).
    public var version: OpenAPIVersion
    /// The `openapi` field as written (`3.0.3`).
    public var versionString: String
    /// The absolute URI of the root file (`file:///…/owox.yaml`).
    public var rootURI: String
    /// `info.title`.
    public var title: String
    /// Server URLs in document order.
    public var servers: [String]
    /// Every operation, in document order (paths, then methods in specification order).
    public var operations: [Operation]
    /// Every document read (the root and files reached through `$ref`), keyed by absolute URI.
    public var documents: [String: LoadedDocument]
    /// Schemas the loader already compiled while checking (formats asserted), reused by validators.
    var compiledSchemas: [SchemaLocation: CompiledSchema] = [:]

    public init(version: OpenAPIVersion, versionString: String, rootURI: String, title: String,
                servers: [String], operations: [Operation], documents: [String: LoadedDocument]) {
        self.version = version
        self.versionString = versionString
        self.rootURI = rootURI
        self.title = title
        self.servers = servers
        self.operations = operations
        self.documents = documents
    }

    /// The root document's value.
    public var root: JSONValue { documents[rootURI]?.value ?? .null }

    /// The value a schema location points at, when its document was loaded and the pointer resolves.
    public func value(at location: SchemaLocation) -> JSONValue? {
        documents[location.documentURI].flatMap { location.pointer.resolve(in: $0.value) }
    }

    /// The path part of the first server URL (`https://h/api/v2` → `/api/v2`; `""` when none).
    public var serverBasePath: String {
        guard let url = servers.first else { return "" }
        return OpenAPIDocument.basePath(ofServerURL: url)
    }

    /// The path of a server URL, absolute or relative, without a trailing slash.
    public static func basePath(ofServerURL url: String) -> String {
        var rest = Substring(url)
        let utf8 = Array(rest.utf8)
        if let i = (0..<max(0, utf8.count - 2)).first(where: { utf8[$0] == 58 && utf8[$0 + 1] == 47 && utf8[$0 + 2] == 47 }) {
            rest = rest.dropFirst(i + 3)
            guard let slash = rest.firstIndex(of: "/") else { return "" }
            rest = rest[slash...]
        }
        if let q = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<q] }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        return String(rest)
    }
}
