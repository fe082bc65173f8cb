import Document

/// A parameter prepared for validation: its shape for splitting and coercion, and its compiled schema.
struct CompiledParameter: Sendable {
    let parameter: Parameter
    let shape: SchemaShape
    let check: (any SchemaCheck)?
    /// For `content` parameters: whether the one media type is JSON.
    let contentIsJSON: Bool
}

/// A request body media type prepared for validation (a class, like `CompiledOperation`, so that
/// choosing one per request does not copy it).
final class CompiledMedia: Sendable {
    let media: MediaType
    let shape: SchemaShape
    let check: (any SchemaCheck)?

    init(media: MediaType, shape: SchemaShape, check: (any SchemaCheck)?) {
        self.media = media
        self.shape = shape
        self.check = check
    }
}

/// Everything needed to validate requests for one operation, computed once.
///
/// A class (immutable, all stored properties `let` and Sendable): each request's check holds one
/// reference instead of copying the operation, its parameters and media types field by field.
final class CompiledOperation: Sendable {
    let operation: Operation
    let parameters: [CompiledParameter]
    let media: [CompiledMedia]
    /// Names of declared query parameters (for form-explode objects), by code points.
    let queryNames: Set<CodePointKey>

    init(_ op: Operation, document: OpenAPIDocument, compiler: any SchemaCheckCompiler, shapes: SchemaShapeReader,
         cache: inout [SchemaLocation: any SchemaCheck]) throws(SchemaCheckCompileError) {
        func compiled(_ loc: SchemaLocation?) throws(SchemaCheckCompileError) -> (any SchemaCheck)? {
            guard let loc else { return nil }
            if let c = cache[loc] { return c }
            let c = try compiler.compile(loc, in: document)
            cache[loc] = c
            return c
        }
        var params: [CompiledParameter] = []
        for p in op.parameters {
            let schema = p.schema ?? p.content?.schema
            params.append(CompiledParameter(parameter: p, shape: schema.map(shapes.shape(at:)) ?? .unknown,
                                            check: try compiled(schema), contentIsJSON: p.content?.range.isJSON ?? false))
        }
        var media: [CompiledMedia] = []
        for m in op.requestBody?.content ?? [] {
            media.append(CompiledMedia(media: m, shape: m.schema.map(shapes.shape(at:)) ?? .unknown,
                                       check: try compiled(m.schema)))
        }
        self.operation = op
        // Form-exploded objects take leftover query items, so they go after every named parameter.
        let takesLeftovers: (CompiledParameter) -> Bool = {
            $0.parameter.location == .query && $0.parameter.style == .form && $0.parameter.explode
                && $0.parameter.content == nil && $0.shape.kind == .object
        }
        self.parameters = params.filter { !takesLeftovers($0) } + params.filter(takesLeftovers)
        self.media = media
        self.queryNames = Set(op.parameters.filter { $0.location == .query }.map { CodePointKey($0.name) })
    }
}
