import Document

/// A compiled schema: checks one instance and lists every problem. Built once per schema location.
public protocol SchemaCheck: Sendable {
    /// Every way `instance` fails the schema (empty when it conforms).
    func check(_ instance: JSONValue) -> [SchemaIssue]
}

/// One way an instance fails a schema.
public struct SchemaIssue: Sendable, Hashable {
    /// Where in the instance (relative to the value checked).
    public var pointer: JSONPointer
    /// The absolute location of the failing keyword (`file:///x.yaml#/components/schemas/Pet/required`).
    public var schemaLocation: String
    /// The failing keyword (`type`, `required`, …).
    public var keyword: String
    /// A sentence for a person.
    public var message: String

    public init(pointer: JSONPointer, schemaLocation: String, keyword: String, message: String) {
        self.pointer = pointer
        self.schemaLocation = schemaLocation
        self.keyword = keyword
        self.message = message
    }
}

/// Turns schema locations of a loaded document into checks (the JSON Schema engine; a stand-in in tests).
public protocol SchemaCheckCompiler {
    /// Compiles the schema at `location`; throws a message when the schema itself is invalid.
    func compile(_ location: SchemaLocation, in document: OpenAPIDocument) throws(SchemaCheckCompileError) -> any SchemaCheck
}

/// A schema that cannot be compiled, with where it is.
public struct SchemaCheckCompileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The schema that failed to compile.
    public var location: SchemaLocation
    /// Why (the engine's message, with the failing keyword's location).
    public var message: String

    public init(location: SchemaLocation, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location.uri): \(message)" }
}
