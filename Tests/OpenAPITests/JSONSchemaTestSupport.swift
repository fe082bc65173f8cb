import Testing
import Document
@testable import OpenAPI

/// Helpers for the hand-written JSON Schema tests: JSON text in, compiled schema out.
enum SchemaFixture {
    /// Parses JSON text (tests only; a malformed fixture is a test bug and traps).
    static func json(_ text: String) -> JSONValue {
        do { return try JSONReader.parse(Array(text.utf8)) } catch { fatalError("bad fixture JSON: \(error)") }
    }

    /// Compiles `schema` (JSON text) at `base` in `dialect`.
    static func compile(_ schema: String, dialect: SchemaDialect = .draft2020_12, assertFormats: Bool = true,
                        base: String = "file:///tests/schema.json",
                        documents: [String: String] = [:]) throws -> CompiledSchema {
        let resolver = StaticSchemaResolver(documents.mapValues { json($0) })
        let compiler = SchemaCompiler(options: .init(dialect: dialect, assertFormats: assertFormats), resolver: resolver)
        return try compiler.compile(schema: json(schema), baseURI: base)
    }
}

extension CompiledSchema {
    /// Validates JSON text; checks that the fast and the collecting mode agree.
    func check(_ instance: String) -> [SchemaViolation] {
        let value = SchemaFixture.json(instance)
        let violations = validate(value)
        #expect(isValid(value) == violations.isEmpty, "isValid and validate disagree on \(instance)")
        return violations
    }

    /// Violations as `pointer keyword` pairs, for compact expectations.
    func summary(_ instance: String) -> [String] {
        check(instance).map { "\($0.instancePointer.string) \($0.keyword)" }
    }
}
