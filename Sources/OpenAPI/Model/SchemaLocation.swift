import Document

/// Where a schema lives: the absolute URI of its file plus a JSON Pointer fragment.
///
/// Schemas are not copied out of their documents; the schema compiler resolves this location
/// (and any `$ref` inside it) against the documents the loader read.
public struct SchemaLocation: Sendable, Hashable, CustomStringConvertible {
    /// Absolute document URI (`file:///specs/owox.yaml`).
    public var documentURI: String
    /// Pointer to the schema inside that document.
    public var pointer: JSONPointer

    public init(documentURI: String, pointer: JSONPointer) {
        self.documentURI = documentURI
        self.pointer = pointer
    }

    /// `documentURI#/pointer` (the fragment percent-encoded as RFC 6901 §6 requires).
    public var uri: String { documentURI + pointer.uriFragment }

    public var description: String { uri }
}
