import Document

/// Validates requests against a loaded document: routes, then checks every parameter and the body,
/// listing every violation. Schemas are compiled once, when the validator is built.
///
/// ```swift
/// let validator = try RequestValidator(document: doc, compiler: JSONSchemaCheckCompiler())
/// let result = validator.validate(ValidationRequest(method: .get, target: "/pets?limit=5"))
/// if let status = result.status { /* answer status with result.violations */ }
/// ```
public struct RequestValidator: Sendable {
    /// The router (mounted at the document's server base path unless another was given).
    public let router: Router
    /// The options in force.
    public let options: ValidatorOptions
    let compiled: [CompiledOperation]

    /// Compiles every schema the document's operations use; throws the first schema that cannot compile.
    public init(document: OpenAPIDocument, compiler: any SchemaCheckCompiler, basePath: String? = nil,
                options: ValidatorOptions = .init()) throws(SchemaCheckCompileError) {
        var cache: [SchemaLocation: any SchemaCheck] = [:]
        var ops: [CompiledOperation] = []
        for op in document.operations {
            ops.append(try CompiledOperation(op, document: document, compiler: compiler, cache: &cache))
        }
        self.compiled = ops
        self.router = Router(document: document, basePath: basePath)
        self.options = options
    }

    /// Routes and validates one request.
    public func validate(_ request: ValidationRequest) -> ValidationResult {
        switch router.route(method: request.method, path: request.path) {
        case .notFound:
            return ValidationResult(status: 404, violations: [Violation(.request, message: "no operation matches path '\(request.path)'")])
        case .methodNotAllowed(let allowed):
            return ValidationResult(status: 405, violations: [Violation(.request,
                message: "method \(request.method) is not allowed on '\(request.path)'; allowed: \(allowed.map(\.name).joined(separator: ", "))")],
                allowedMethods: allowed)
        case .badPath(let reason):
            return ValidationResult(status: 400, violations: [Violation(.path, message: reason)])
        case .matched(let match):
            return validate(request, operation: match.operationIndex, match: match)
        }
    }

    /// Validates a request already routed to `compiled[index]`.
    func validate(_ request: ValidationRequest, operation index: Int, match: RouteMatch) -> ValidationResult {
        let op = compiled[index]
        var state = RequestCheck(request: request, operation: op, options: options)
        state.checkParameters(pathValues: match.rawPathParameters)
        state.checkBody()
        return ValidationResult(status: state.status, operation: op.operation, operationIndex: index,
                                parameters: state.values, body: state.body, violations: state.violations)
    }
}

/// The work of validating one request: collects values and violations.
struct RequestCheck {
    let request: ValidationRequest
    let operation: CompiledOperation
    let options: ValidatorOptions
    var values: [ParameterLocation: [String: JSONValue]] = [:]
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
