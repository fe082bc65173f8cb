import Foundation
import Document
@testable import OpenAPI

/// Runs files of the JSON-Schema-Test-Suite against `SchemaCompiler` and tallies the results.
struct ConformanceRunner {
    /// `…/json-schema-test-suite`, found by walking up from this file to a folder with `shared/conformance`.
    static let suiteRoot: String? = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = dir.appendingPathComponent("shared/conformance/json-schema-test-suite").path
            if FileManager.default.fileExists(atPath: candidate + "/tests") { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    /// The suite's `remotes/` folder served under `http://localhost:1234/` (read once, never the network).
    struct RemoteResolver: SchemaDocumentResolver {
        let documents: [String: JSONValue]

        init(root: String) {
            var documents: [String: JSONValue] = [:]
            let remotes = root + "/remotes"
            let files = FileManager.default.enumerator(atPath: remotes)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".json") {
                if let value = try? ConformanceRunner.read(remotes + "/" + file) {
                    documents["http://localhost:1234/" + file] = value
                }
            }
            self.documents = documents
        }

        func document(forURI uri: String) -> JSONValue? { documents[uri] }
    }

    /// Pass/total for one file (or keyword), plus the descriptions of the failures.
    struct Tally {
        var passed = 0
        var total = 0
        var failures: [String] = []
    }

    let root: String
    let resolver: RemoteResolver

    init(root: String) {
        self.root = root
        self.resolver = RemoteResolver(root: root)
    }

    static func read(_ path: String) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        return try JSONReader.parse(Array(data), file: path)
    }

    /// The `.json` files of `folder` (relative to `tests/`), sorted.
    func files(in folder: String) -> [String] {
        let path = root + "/tests/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder + "/" + $0 }
    }

    /// Runs every case of one test file; a case passes only when `isValid` and `validate` both agree
    /// with the expected result. Required tests run with `format` as an annotation (the suite's default);
    /// the optional format tests with it asserted.
    func run(file: String, dialect: SchemaDialect, assertFormats: Bool) -> Tally {
        var tally = Tally()
        guard case .array(let groups)? = try? ConformanceRunner.read(root + "/tests/" + file) else {
            tally.failures.append("\(file): unreadable")
            tally.total = 1
            return tally
        }
        for (g, group) in groups.enumerated() {
            guard case .array(let tests)? = group["tests"], let schema = group["schema"] else { continue }
            let name = group["description"]?.stringValue ?? "group \(g)"
            let compiler = SchemaCompiler(options: .init(dialect: dialect, assertFormats: assertFormats), resolver: resolver)
            let compiled: CompiledSchema
            do {
                compiled = try compiler.compile(schema: schema, baseURI: "http://conformance.invalid/\(file)/\(g).json")
            } catch {
                tally.total += tests.count
                tally.failures.append("\(file) | \(name) | compile error: \(error)")
                continue
            }
            for test in tests {
                guard let data = test["data"], let expected = test["valid"]?.boolValue else { continue }
                tally.total += 1
                let fast = compiled.isValid(data)
                let violations = compiled.validate(data)
                // The collecting pass alone must agree too (`validate` runs it only after `isValid` fails).
                let collected = compiled.collectViolations(data)
                if fast == expected && violations.isEmpty == expected && collected.isEmpty == expected {
                    tally.passed += 1
                } else {
                    let detail = test["description"]?.stringValue ?? "?"
                    tally.failures.append("\(file) | \(name) | \(detail) | expected \(expected), isValid \(fast), violations \(violations.count)")
                }
            }
        }
        return tally
    }

    /// Runs `files` and prints one line per file (and the failures when `JSONSCHEMA_CONFORMANCE_VERBOSE` is set).
    func run(files: [String], dialect: SchemaDialect, assertFormats: Bool = false) -> Tally {
        var total = Tally()
        let verbose = ProcessInfo.processInfo.environment["JSONSCHEMA_CONFORMANCE_VERBOSE"] != nil
        for file in files {
            let tally = run(file: file, dialect: dialect, assertFormats: assertFormats)
            print("conformance \(file): \(tally.passed)/\(tally.total)")
            if verbose { for failure in tally.failures { print("  FAIL \(failure)") } }
            total.passed += tally.passed
            total.total += tally.total
            total.failures += tally.failures
        }
        print("conformance total: \(total.passed)/\(total.total)")
        return total
    }
}
