import Document

/// One problem found while loading a document, with the file position and JSON Pointer of the node.
public struct LoadDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The file name as shown to people.
    public var file: String
    /// Where the node starts, when known.
    public var location: SourceLocation?
    /// The node the problem is about.
    public var pointer: JSONPointer
    /// What is wrong, phrased for a person.
    public var message: String

    public init(file: String, location: SourceLocation?, pointer: JSONPointer, message: String) {
        self.file = file
        self.location = location
        self.pointer = pointer
        self.message = message
    }

    /// `file:line:column: /json/pointer: message`.
    public var description: String {
        let position = location.map { "\($0.line):\($0.column)" } ?? "0:0"
        let ptr = pointer.tokens.isEmpty ? "/" : pointer.string
        return "\(file.isEmpty ? "<input>" : file):\(position): \(ptr): \(message)"
    }
}

/// Loading failed: every problem found, in the order they were found.
public struct OpenAPILoadError: Error, Sendable, CustomStringConvertible {
    /// All problems (never empty).
    public var diagnostics: [LoadDiagnostic]

    public init(diagnostics: [LoadDiagnostic]) { self.diagnostics = diagnostics }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
