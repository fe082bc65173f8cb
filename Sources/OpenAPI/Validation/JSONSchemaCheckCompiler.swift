import Document

/// The production `SchemaCheckCompiler`: the module's JSON Schema engine, in the dialect of the
/// document's OpenAPI version (3.0 → OpenAPI 3.0 dialect, 3.1 → OpenAPI 3.1 / 2020-12), with
/// request rules (a `readOnly` property is not required in a request).
///
/// Keeps one `SchemaCompiler` per document so shared components compile once. Not Sendable (it
/// caches); use it while building validators, then drop it — the checks it returns are Sendable.
public final class JSONSchemaCheckCompiler: SchemaCheckCompiler {
    private let assertFormats: Bool
    private var compilers: [String: SchemaCompiler] = [:]

    /// `assertFormats`: whether `format` is asserted (the gateway asserts it).
    public init(assertFormats: Bool = true) { self.assertFormats = assertFormats }

    public func compile(_ location: SchemaLocation, in document: OpenAPIDocument) throws(SchemaCheckCompileError) -> any SchemaCheck {
        if assertFormats, let done = document.compiledSchemas[location] { return JSONSchemaCheck(schema: done) }
        let compiler: SchemaCompiler
        if let c = compilers[document.rootURI] { compiler = c } else {
            let dialect: SchemaDialect = document.version == .v3_0 ? .openAPI30 : .openAPI31
            compiler = SchemaCompiler(options: SchemaCompilerOptions(dialect: dialect, assertFormats: assertFormats, access: .request),
                                      resolver: StaticSchemaResolver(document.documents.mapValues(\.value)))
            compilers[document.rootURI] = compiler
        }
        do {
            return JSONSchemaCheck(schema: try compiler.compile(uri: location.uri))
        } catch {
            throw SchemaCheckCompileError(location: location, message: "\(error.schemaLocation): \(error.message)")
        }
    }
}

/// A compiled schema from the JSON Schema engine, seen as a `SchemaCheck`.
struct JSONSchemaCheck: SchemaCheck {
    let schema: CompiledSchema

    func check(_ instance: JSONValue) -> [SchemaIssue] {
        schema.validate(instance).map {
            SchemaIssue(pointer: $0.instancePointer, schemaLocation: $0.schemaLocation, keyword: $0.keyword, message: $0.message)
        }
    }
}

extension RequestValidator {
    /// A validator using the module's JSON Schema engine.
    public init(document: OpenAPIDocument, basePath: String? = nil, options: ValidatorOptions = .init()) throws(SchemaCheckCompileError) {
        try self.init(document: document, compiler: JSONSchemaCheckCompiler(), basePath: basePath, options: options)
    }
}
