/// A position in a source file: 1-based line and column (in Unicode scalars), 0-based byte offset.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int
    /// 0-based byte offset into the file.
    public var offset: Int

    /// A location from its parts.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// A parsed document together with where each of its nodes came from.
public struct LoadedDocument: Sendable {
    /// The file name used in messages (as given by the caller).
    public var file: String
    /// The document's value.
    public var value: JSONValue
    /// Start location of every node, keyed by JSON Pointer string (`""` is the root), compared by
    /// code points like the document's keys (`/\u{E9}` and `/e\u{301}` are different members).
    public var locations: [CodePointKey: SourceLocation]
    /// Location of every object member's key, keyed by the member's JSON Pointer string (code points).
    public var keyLocations: [CodePointKey: SourceLocation]

    /// A document; locations default to none.
    public init(file: String, value: JSONValue, locations: [CodePointKey: SourceLocation] = [:],
                keyLocations: [CodePointKey: SourceLocation] = [:]) {
        self.file = file
        self.value = value
        self.locations = locations
        self.keyLocations = keyLocations
    }

    /// Where the node at `pointer` starts; falls back to the nearest ancestor that has a location.
    public func location(of pointer: JSONPointer) -> SourceLocation? {
        var p = pointer
        while true {
            if let l = locations[CodePointKey(p.string)] { return l }
            if p.tokens.isEmpty { return nil }
            p = p.parent
        }
    }

    /// Where the key of the member at `pointer` is written (for "unknown key" messages), else the node.
    public func keyLocation(of pointer: JSONPointer) -> SourceLocation? {
        keyLocations[CodePointKey(pointer.string)] ?? location(of: pointer)
    }
}

/// A problem reading a document: where it is and what was expected.
public struct DocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file name given by the caller (may be empty for in-memory input).
    public var file: String
    /// Where the problem is.
    public var location: SourceLocation
    /// What went wrong, phrased for a person ("expected ',' or '}' after object member").
    public var message: String

    /// An error from its parts.
    public init(file: String, location: SourceLocation, message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    /// `file:line:column: message` (the format `gateway inspect` prints).
    public var description: String {
        "\(file.isEmpty ? "<input>" : file):\(location.line):\(location.column): \(message)"
    }
}
