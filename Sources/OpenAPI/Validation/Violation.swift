import Document

/// What part of a request a violation is about.
public enum ViolationLocation: String, Sendable, Hashable {
    case path, query, header, cookie, body
    /// The request as a whole (route, method, content type).
    case request
}

/// One reason a request does not match its operation.
public struct Violation: Sendable, Hashable, CustomStringConvertible {
    /// Which part of the request.
    public var location: ViolationLocation
    /// The parameter or body property name, when there is one.
    public var name: String?
    /// Where inside the parameter's (or body's) value.
    public var pointer: JSONPointer
    /// The schema keyword that failed, as an absolute URI, when a schema decided.
    public var schemaLocation: String?
    /// A sentence for a person.
    public var message: String

    public init(_ location: ViolationLocation, name: String? = nil, pointer: JSONPointer = .root,
                schemaLocation: String? = nil, message: String) {
        self.location = location
        self.name = name
        self.pointer = pointer
        self.schemaLocation = schemaLocation
        self.message = message
    }

    /// `in name pointer: message` for logs and test failures.
    public var description: String {
        "\(location.rawValue)\(name.map { " \($0)" } ?? "")\(pointer.string.isEmpty ? "" : " \(pointer.string)"): \(message)"
    }
}
