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

/// The outcome of validating one request.
public struct ValidationResult: Sendable {
    /// The HTTP status the gateway should answer instead of forwarding (400, 404, 405, 413, 415); nil when valid.
    public var status: Int?
    /// The matched operation, when routing succeeded.
    public var operation: Operation?
    /// Index of the operation in the validator's operation list.
    public var operationIndex: Int?
    /// Parameter values after decoding and coercion to the schema's types, by location then name.
    public var parameters: [ParameterLocation: [String: JSONValue]]
    /// The parsed body (JSON, form or multipart as an object, text as a string), when one was checked.
    public var body: JSONValue?
    /// Every violation found.
    public var violations: [Violation]
    /// For 405: the methods the path allows (for the `Allow` header).
    public var allowedMethods: [HTTPMethod]

    public init(status: Int? = nil, operation: Operation? = nil, operationIndex: Int? = nil,
                parameters: [ParameterLocation: [String: JSONValue]] = [:], body: JSONValue? = nil,
                violations: [Violation] = [], allowedMethods: [HTTPMethod] = []) {
        self.status = status
        self.operation = operation
        self.operationIndex = operationIndex
        self.parameters = parameters
        self.body = body
        self.violations = violations
        self.allowedMethods = allowedMethods
    }

    /// True when the request may be forwarded.
    public var isValid: Bool { status == nil }
}
