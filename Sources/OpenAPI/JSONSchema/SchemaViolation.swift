import Document

/// One way an instance fails a schema: where in the instance, which keyword, and why.
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// Where in the instance the problem is (the root pointer for the whole instance).
    public var instancePointer: JSONPointer
    /// Absolute keyword location, e.g. `file:///specs/owlops.yaml#/components/schemas/Task/properties/id/type`.
    public var schemaLocation: String
    /// The failing keyword (`type`, `required`, `additionalProperties`, …).
    public var keyword: String
    /// A sentence for a person, e.g. `expected integer, got string`.
    public var message: String

    /// A violation with all its parts.
    public init(instancePointer: JSONPointer, schemaLocation: String, keyword: String, message: String) {
        self.instancePointer = instancePointer
        self.schemaLocation = schemaLocation
        self.keyword = keyword
        self.message = message
    }

    /// `pointer: message (keyword at location)`.
    public var description: String {
        "\(instancePointer.string.isEmpty ? "/" : instancePointer.string): \(message) (\(keyword) at \(schemaLocation))"
    }
}

/// A schema that cannot be compiled: where in the schema, and why.
public struct SchemaCompileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Absolute location of the offending schema or keyword.
    public var schemaLocation: String
    /// What is wrong.
    public var message: String

    /// An error at `schemaLocation`.
    public init(schemaLocation: String, message: String) {
        self.schemaLocation = schemaLocation
        self.message = message
    }

    public var description: String { "\(schemaLocation): \(message)" }
}
