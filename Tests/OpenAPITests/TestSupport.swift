import Document
@testable import OpenAPI

/// Builds a loader over in-memory documents keyed by absolute path.
func memoryLoader(_ files: [String: JSONValue]) -> OpenAPILoader {
    var docs: [String: LoadedDocument] = [:]
    for (path, value) in files { docs[path] = LoadedDocument(file: path, value: value) }
    return OpenAPILoader(source: InMemoryDocumentSource(docs))
}

/// Loads `/spec.json` from in-memory files, returning the document or the diagnostics' messages.
func load(_ files: [String: JSONValue]) -> Result<OpenAPIDocument, OpenAPILoadError> {
    do { return .success(try memoryLoader(files).load(path: "/spec.json")) } catch { return .failure(error) }
}

/// The diagnostics of a load that must fail (empty when it unexpectedly succeeded).
func diagnostics(_ files: [String: JSONValue]) -> [LoadDiagnostic] {
    if case .failure(let e) = load(files) { return e.diagnostics }
    return []
}

/// A minimal 3.1 document with the given paths and components.
func spec31(paths: JSONValue, components: JSONValue = [:], extra: [(String, JSONValue)] = []) -> JSONValue {
    var o: JSONObject = ["openapi": "3.1.0", "info": ["title": "T", "version": "1"], "paths": paths,
                         "components": components]
    for (k, v) in extra { o[k] = v }
    return .object(o)
}

/// A minimal 3.0 document with the given paths and components.
func spec30(paths: JSONValue, components: JSONValue = [:]) -> JSONValue {
    ["openapi": "3.0.3", "info": ["title": "T", "version": "1"], "paths": paths, "components": components]
}

/// A response map every operation can use.
let okResponses: JSONValue = ["200": ["description": "ok"]]
