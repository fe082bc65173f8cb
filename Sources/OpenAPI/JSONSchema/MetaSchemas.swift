import Document

/// Meta-schemas every implementation knows without fetching them (filled in below).
enum MetaSchemas {
    /// The built-in document for `uri`, or nil.
    static func document(forURI uri: String) -> JSONValue? { nil }
}
