import Foundation
import Testing
@testable import Document

/// A fresh temporary directory for one test.
private func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("doc-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

private let sampleYAML = """
openapi: 3.0.3
info: {title: Owl "Ops", version: '1.0'}
paths:
  /owls/{id}:
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer, minimum: 1, maximum: 1e3}}
      responses:
        200:
          description: |
            One owl.
            Line two – with ünïcode\tand a tab.
        default: {description: null}
x-numbers: [0, -1, 2.5, 123456789012345678901234567890]
x-flags: [true, false, yes, no]
x-empty: {}
"""

private let sampleJSON = #"""
{"openapi": "3.0.3", "info": {"title": "Owl \"Ops\"", "version": "1.0"},
 "paths": {"/owls/{id}": {"get": {
   "parameters": [{"name": "id", "in": "path", "required": true,
                   "schema": {"type": "integer", "minimum": 1, "maximum": 1e3}}],
   "responses": {"200": {"description": "One owl.\nLine two – with ünïcode\tand a tab.\n"},
                 "default": {"description": null}}}}},
 "x-numbers": [0, -1, 2.5, 123456789012345678901234567890],
 "x-flags": [true, false, "yes", "no"],
 "x-empty": {}}
"""#

@Test func yamlAndJSONOfTheSameDocumentAreEqual() throws {
    let y = try YAMLReader.parseDocument(Array(sampleYAML.utf8)).value
    let j = try JSONReader.parse(Array(sampleJSON.utf8))
    #expect(y == j)
    let sorted = JSONWriter.Options(sortedKeys: true)
    #expect(JSONWriter.string(y, options: sorted) == JSONWriter.string(j, options: sorted))
    // And the writer's output read back as YAML (JSON is YAML 1.2) is the same value.
    #expect(try YAMLReader.parseDocument(JSONWriter.write(j)).value == j)
}

@Test func loadsByExtensionAndBySniffing() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let files = ["a.yaml": sampleYAML, "a.yml": sampleYAML, "a.json": sampleJSON, "a.txt": sampleJSON, "b.conf": sampleYAML]
    var values: [JSONValue] = []
    for (name, text) in files {
        let path = dir.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let doc = try DocumentLoader.load(path: path)
        #expect(doc.file == path)
        #expect(doc.locations["/paths"] != nil)
        values.append(doc.value)
    }
    #expect(Set(values).count == 1)
}

@Test func loaderReportsFileProblems() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let missing = dir.appendingPathComponent("missing.yaml").path
    #expect(throws: DocumentError(file: missing, location: SourceLocation(line: 1, column: 1, offset: 0),
                                  message: "cannot open file: No such file or directory")) {
        try DocumentLoader.load(path: missing)
    }
    #expect(throws: DocumentError.self) { try DocumentLoader.load(path: dir.path) }
    let bad = dir.appendingPathComponent("bad.json").path
    try Data("{\n  \"a\": 01\n}".utf8).write(to: URL(fileURLWithPath: bad))
    do {
        _ = try DocumentLoader.load(path: bad)
        Issue.record("accepted")
    } catch {
        #expect(error.description == "\(bad):2:8: leading zeros are not allowed in numbers")
    }
}
