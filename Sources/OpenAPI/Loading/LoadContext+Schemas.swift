import Document

extension LoadContext {
    /// Compiles every schema the operations use and every root `components/schemas` entry with the
    /// JSON Schema engine, reporting each schema that cannot compile (bad keyword values, unresolvable
    /// `$ref`, …) at its place in its file.
    /// Compiled with request rules (`readOnly` properties not required), so validators can reuse them;
    /// returns the compiled schemas by location.
    func checkSchemas(_ operations: [Operation], root: JSONObject) -> [SchemaLocation: CompiledSchema] {
        let dialect: SchemaDialect = version == .v3_0 ? .openAPI30 : .openAPI31
        let compiler = SchemaCompiler(options: SchemaCompilerOptions(dialect: dialect, access: .request),
                                      resolver: StaticSchemaResolver(documents.mapValues(\.value)))
        var locations: [SchemaLocation] = []
        for op in operations {
            for p in op.parameters { if let s = p.schema ?? p.content?.schema { locations.append(s) } }
            for m in op.requestBody?.content ?? [] { if let s = m.schema { locations.append(s) } }
        }
        if case .object(let components)? = root["components"], case .object(let schemas)? = components["schemas"] {
            for name in schemas.keys {
                locations.append(SchemaLocation(documentURI: rootURI, pointer: JSONPointer(tokens: ["components", "schemas", name])))
            }
        }
        var compiled: [SchemaLocation: CompiledSchema] = [:]
        for loc in locations where compiled[loc] == nil {
            do { compiled[loc] = try compiler.compile(uri: loc.uri) } catch {
                let (uri, pointer) = LoadContext.split(error.schemaLocation) ?? (loc.documentURI, loc.pointer)
                report("invalid schema: \(error.message)", at: pointer, in: uri)
            }
        }
        return compiled
    }

    /// `file:///x.yaml#/a/b` → (`file:///x.yaml`, `/a/b`).
    static func split(_ uri: String) -> (String, JSONPointer)? {
        guard let hash = uri.firstIndex(of: "#"), let p = JSONPointer(uriFragment: String(uri[hash...])) else { return nil }
        return (String(uri[..<hash]), p)
    }
}
