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
    /// Every shape read for a `$ref` target, kept alive for the forward references of recursive schemas.
    let shapes: [SchemaShape]

    /// Compiles every schema the document's operations use; throws the first schema that cannot compile.
    public init(document: OpenAPIDocument, compiler: any SchemaCheckCompiler, basePath: String? = nil,
                options: ValidatorOptions = .init()) throws(SchemaCheckCompileError) {
        var cache: [SchemaLocation: any SchemaCheck] = [:]
        var ops: [CompiledOperation] = []
        let shapes = SchemaShapeReader(document: document)
        for op in document.operations {
            ops.append(try CompiledOperation(op, document: document, compiler: compiler, shapes: shapes, cache: &cache))
        }
        self.compiled = ops
        self.shapes = shapes.allShapes
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
