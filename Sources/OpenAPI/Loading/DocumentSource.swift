import Document

/// Supplies parsed documents by file path; the loader asks it for the root and every file a `$ref` names.
public protocol DocumentSource: Sendable {
    /// The parsed document at an absolute path.
    func document(atPath path: String) throws(DocumentError) -> LoadedDocument
}

/// Documents held in memory, keyed by absolute path (for tests and embedded specs).
public struct InMemoryDocumentSource: DocumentSource {
    /// Documents by absolute path.
    public var documents: [String: LoadedDocument]

    public init(_ documents: [String: LoadedDocument]) { self.documents = documents }

    public func document(atPath path: String) throws(DocumentError) -> LoadedDocument {
        guard let d = documents[path] else {
            throw DocumentError(file: path, location: SourceLocation(line: 1, column: 1, offset: 0),
                                message: "no such file")
        }
        return d
    }
}
