import Document

/// Loads an OpenAPI 3.0/3.1 document and every file it references, checking it and collecting every problem.
///
/// ```swift
/// let doc = try OpenAPILoader().load(path: "specs/owox.yaml")
/// ```
public struct OpenAPILoader: Sendable {
    /// Where documents come from.
    public var source: any DocumentSource

    public init(source: any DocumentSource) { self.source = source }

    /// Loads the document at `path` (relative paths resolve against `workingDirectory`).
    ///
    /// Throws every problem found at once; returns only when there is none.
    public func load(path: String, workingDirectory: String = "/") throws(OpenAPILoadError) -> OpenAPIDocument {
        let absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        let rootURI = ReferenceURI.fileURI(forAbsolutePath: absolute)
        let ctx = LoadContext(source: source, rootURI: rootURI, rootDisplayName: path)
        guard let rootDoc = ctx.document(rootURI, referredFrom: nil) else {
            throw OpenAPILoadError(diagnostics: ctx.diagnostics)
        }
        guard case .object(let root) = rootDoc.value else {
            ctx.report("an OpenAPI document must be an object, found \(rootDoc.value.typeName)", at: .root, in: rootURI)
            throw OpenAPILoadError(diagnostics: ctx.diagnostics)
        }
        if let swagger = root["swagger"] {
            let v = swagger.stringValue ?? "\(swagger)"
            ctx.report("Swagger \(v) documents are not supported; convert the document to OpenAPI 3.0 or 3.1 first",
                       at: JSONPointer(tokens: ["swagger"]), in: rootURI)
            throw OpenAPILoadError(diagnostics: ctx.diagnostics)
        }
        guard case .string(let versionString)? = root["openapi"] else {
            ctx.report("missing 'openapi' version field (expected 3.0.x or 3.1.x)", at: .root, in: rootURI)
            throw OpenAPILoadError(diagnostics: ctx.diagnostics)
        }
        guard let version = OpenAPIVersion(field: versionString) else {
            ctx.report("unsupported OpenAPI version '\(versionString)'; supported: 3.0.x and 3.1.x",
                       at: JSONPointer(tokens: ["openapi"]), in: rootURI)
            throw OpenAPILoadError(diagnostics: ctx.diagnostics)
        }
        ctx.version = version
        if version == .v3_1, let dialect = root["jsonSchemaDialect"] {
            // Schemas are evaluated as 2020-12 with the OpenAPI vocabulary; another default dialect would change their meaning.
            let supported = ["https://spec.openapis.org/oas/3.1/dialect/base", "https://json-schema.org/draft/2020-12/schema"]
            if !(dialect.stringValue.map(supported.contains) ?? false) {
                ctx.report("jsonSchemaDialect \(dialect.stringValue.map { "'\($0)'" } ?? dialect.typeName) is not supported; use \(supported[0]) or omit it",
                           at: JSONPointer(tokens: ["jsonSchemaDialect"]), in: rootURI)
            }
        }

        var title = ""
        if case .object(let info)? = root["info"] {
            if case .string(let t)? = info["title"] { title = t } else {
                ctx.report("info.title is required and must be a string", at: JSONPointer(tokens: ["info"]), in: rootURI)
            }
            if info["version"]?.stringValue == nil {
                ctx.report("info.version is required and must be a string", at: JSONPointer(tokens: ["info"]), in: rootURI)
            }
        } else {
            ctx.report("missing required object 'info'", at: .root, in: rootURI)
        }
        var servers: [String] = []
        if let s = root["servers"] {
            if case .array(let items) = s {
                for (i, item) in items.enumerated() {
                    if case .string(let url)? = item["url"] {
                        servers.append(OpenAPILoader.substituteVariables(url, item["variables"]?.objectValue))
                    } else {
                        ctx.report("server needs a 'url' string", at: JSONPointer(tokens: ["servers", String(i)]), in: rootURI)
                    }
                }
            } else {
                ctx.report("servers must be an array", at: JSONPointer(tokens: ["servers"]), in: rootURI)
            }
        }
        var schemes: Set<String> = []
        if case .object(let components)? = root["components"],
           case .object(let ss)? = components["securitySchemes"] {
            schemes = Set(ss.keys)
        }
        let operations = ctx.readOperations(root: root, securitySchemes: schemes)
        ctx.checkAllReferences()
        // Schemas are compiled only when every reference resolved (else each would be reported twice).
        var compiled: [SchemaLocation: CompiledSchema] = [:]
        if ctx.diagnostics.isEmpty { compiled = ctx.checkSchemas(operations, root: root) }
        if !ctx.diagnostics.isEmpty { throw OpenAPILoadError(diagnostics: ctx.diagnostics) }
        var document = OpenAPIDocument(version: version, versionString: versionString, rootURI: rootURI, title: title,
                                       servers: servers, operations: operations, documents: ctx.documents)
        document.compiledSchemas = compiled
        return document
    }

    /// A server URL with each `{name}` replaced by that variable's `default`.
    static func substituteVariables(_ url: String, _ variables: JSONObject?) -> String {
        guard let variables, url.contains("{") else { return url }
        var out = ""
        var name: String?
        for c in url {
            if c == "{" { name = "" } else if c == "}", let n = name {
                out += variables[n]?["default"]?.stringValue ?? "{\(n)}"
                name = nil
            } else if name != nil { name?.append(c) } else { out.append(c) }
        }
        return out
    }
}
