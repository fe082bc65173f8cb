import Document

/// Reads documents from the file system with `DocumentLoader` (`.json` → JSON, `.yaml`/`.yml` → YAML).
public struct FileDocumentSource: DocumentSource {
    public init() {}

    public func document(atPath path: String) throws(DocumentError) -> LoadedDocument {
        try DocumentLoader.load(path: path)
    }
}

extension OpenAPILoader {
    /// A loader reading from the file system.
    public init() { self.init(source: FileDocumentSource()) }

    /// Loads `path` from the file system, resolving a relative path against the process's working directory.
    public static func load(path: String) throws(OpenAPILoadError) -> OpenAPIDocument {
        try OpenAPILoader().load(path: path, workingDirectory: WorkingDirectory.current)
    }
}
