import Testing
import Document
@testable import OpenAPI

/// The official JSON-Schema-Test-Suite (from `../shared/conformance`). Each test fails if the number
/// of passing cases drops below the committed floor (the level reached; see Sources/OpenAPI/README.md).
@Suite struct JSONSchemaConformanceTests {
    static let runner = ConformanceRunner.suiteRoot.map { ConformanceRunner(root: $0) }

    /// Formats this module asserts, run from the suite's optional/format folder.
    static let formats = ["date-time", "date", "time", "duration", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6",
                          "uri", "uri-reference", "iri", "iri-reference", "uri-template", "uuid", "json-pointer",
                          "relative-json-pointer", "regex", "unknown"]

    @Test func draft2020_12RequiredTestsStayAtFloor() throws {
        let runner = try #require(Self.runner, "json-schema-test-suite not found: expected ../shared/conformance beside the package root")
        let tally = runner.run(files: runner.files(in: "draft2020-12"), dialect: .draft2020_12)
        #expect(tally.passed >= 1299, "draft2020-12: \(tally.passed)/\(tally.total)")
    }

    @Test func draft4RequiredTestsStayAtFloor() throws {
        let runner = try #require(Self.runner, "json-schema-test-suite not found: expected ../shared/conformance beside the package root")
        let tally = runner.run(files: runner.files(in: "draft4"), dialect: .draft4)
        #expect(tally.passed >= 618, "draft4: \(tally.passed)/\(tally.total)")
    }

    @Test func assertedFormatsStayAtFloor() throws {
        let runner = try #require(Self.runner, "json-schema-test-suite not found: expected ../shared/conformance beside the package root")
        let files = Self.formats.map { "draft2020-12/optional/format/\($0).json" }
        let tally = runner.run(files: files, dialect: .draft2020_12, assertFormats: true)
        #expect(tally.passed >= 752, "formats: \(tally.passed)/\(tally.total)")
    }

    @Test func optionalTestsStayAtFloor() throws {
        let runner = try #require(Self.runner, "json-schema-test-suite not found: expected ../shared/conformance beside the package root")
        let modern = runner.run(files: runner.files(in: "draft2020-12/optional"), dialect: .draft2020_12)
        let draft4 = runner.run(files: runner.files(in: "draft4/optional"), dialect: .draft4)
        let draft4Formats = runner.run(files: runner.files(in: "draft4/optional/format"), dialect: .draft4, assertFormats: true)
        #expect(modern.passed >= 161, "draft2020-12 optional: \(modern.passed)/\(modern.total)")
        #expect(draft4.passed >= 99, "draft4 optional: \(draft4.passed)/\(draft4.total)")
        #expect(draft4Formats.passed >= 219, "draft4 formats: \(draft4Formats.passed)/\(draft4Formats.total)")
    }

    /// Every 2020-12 suite schema against a sample of every suite instance (~50k pairs): the
    /// stop-at-first mode and the collecting mode must agree, and nothing may trap.
    @Test func fastAndCollectingModesAgreeAcrossTheSuite() throws {
        let runner = try #require(Self.runner, "json-schema-test-suite not found: expected ../shared/conformance beside the package root")
        var instances: [JSONValue] = []
        var schemas: [(String, JSONValue)] = []
        for file in runner.files(in: "draft2020-12") {
            guard case .array(let groups)? = try? ConformanceRunner.read(runner.root + "/tests/" + file) else { continue }
            for (g, group) in groups.enumerated() {
                if let schema = group["schema"] { schemas.append(("\(file)/\(g)", schema)) }
                if case .array(let tests)? = group["tests"] { instances += tests.compactMap { $0["data"] } }
            }
        }
        let sample = stride(from: 0, to: instances.count, by: 10).map { instances[$0] }
        var disagreements: [String] = []
        for (name, schema) in schemas {
            let compiler = SchemaCompiler(options: .init(dialect: .openAPI31), resolver: runner.resolver)
            guard let compiled = try? compiler.compile(schema: schema, baseURI: "http://parity.invalid/\(name)") else { continue }
            for instance in sample where compiled.isValid(instance) != compiled.collectViolations(instance).isEmpty {
                disagreements.append("\(name): \(instance)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        #expect(schemas.count * sample.count > 40_000)
    }
}
