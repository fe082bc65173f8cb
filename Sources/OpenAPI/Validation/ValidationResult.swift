import Document

/// The outcome of validating one request.
public struct ValidationResult: Sendable {
    /// The HTTP status the gateway should answer instead of forwarding (400, 404, 405, 413, 415); nil when valid.
    public var status: Int?
    /// The matched operation, when routing succeeded.
    public var operation: Operation?
    /// Index of the operation in the validator's operation list.
    public var operationIndex: Int?
    /// Parameter values after decoding and coercion to the schema's types, by location then declared
    /// name. Names are keyed by code points, as they were matched (`"caf\u{E9}"` and `"cafe\u{301}"`
    /// are two query parameters); header values are under the name as the document spells it.
    public var parameters: [ParameterLocation: [CodePointKey: JSONValue]]
    /// The parsed body (JSON, form or multipart as an object, text as a string), when one was checked.
    public var body: JSONValue?
    /// Every violation found.
    public var violations: [Violation]
    /// For 405: the methods the path allows (for the `Allow` header).
    public var allowedMethods: [HTTPMethod]

    public init(status: Int? = nil, operation: Operation? = nil, operationIndex: Int? = nil,
                parameters: [ParameterLocation: [CodePointKey: JSONValue]] = [:], body: JSONValue? = nil,
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
