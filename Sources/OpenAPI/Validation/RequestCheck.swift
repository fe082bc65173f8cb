import Document

/// The work of validating one request: collects values and violations.
struct RequestCheck {
    let request: ValidationRequest
    let operation: CompiledOperation
    let options: ValidatorOptions
    var values: [ParameterLocation: [CodePointKey: JSONValue]] = [:]
    var body: JSONValue?
    var violations: [Violation] = []
    /// Set when a 413 or 415 outranks the default 400.
    var specialStatus: Int?

    init(request: ValidationRequest, operation: CompiledOperation, options: ValidatorOptions) {
        self.request = request
        self.operation = operation
        self.options = options
    }

    /// 413 over 415 over 400; nil when there is no violation.
    var status: Int? {
        if let s = specialStatus { return s }
        return violations.isEmpty ? nil : 400
    }

    mutating func raise(_ status: Int) {
        if status == 413 || specialStatus == nil { specialStatus = status }
    }

    /// Coerces, checks against the schema and reports; returns the coerced value.
    mutating func checkValue(_ serialized: SerializedValue, shape: SchemaShape, check: (any SchemaCheck)?,
                             location: ViolationLocation, name: String?, base: JSONPointer = .root) -> JSONValue {
        var coercer = Coercer()
        let value = coercer.coerce(serialized, shape: shape, at: base)
        report(value, coercionFailures: coercer.failures, check: check, location: location, name: name, base: base)
        return value
    }

    /// Checks an already typed value and reports schema issues, replacing type errors where coercion failed.
    mutating func report(_ value: JSONValue, coercionFailures: [(JSONPointer, String)], check: (any SchemaCheck)?,
                         location: ViolationLocation, name: String?, base: JSONPointer = .root) {
        let failed = Set(coercionFailures.map(\.0))
        for (p, message) in coercionFailures {
            violations.append(Violation(location, name: name, pointer: p, message: message))
        }
        guard let check else { return }
        for issue in check.check(value) {
            let full = JSONPointer(tokens: base.tokens + issue.pointer.tokens)
            if issue.keyword == "type" && failed.contains(full) { continue }
            violations.append(Violation(location, name: name, pointer: full,
                                        schemaLocation: issue.schemaLocation, message: issue.message))
        }
    }
}
